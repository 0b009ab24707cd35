/**
 * Momentum, Adam and L2 weight decay (issue 13 §2) against a reference written out here: a 2-2-2
 * sigmoid net with ½ squared error, back-propagated by hand in float64, and each rule as its
 * formula. Then the app's own paths against each other: stepping one computation at a time, the
 * fast path and going back in time give the same bits, parameters and optimiser state alike.
 */
import { describe, expect, it } from 'vitest';
import { buildRun } from '../../src/config/build.ts';
import { validateConfig } from '../../src/config/validate.ts';
import type { Config } from '../../src/config/schema.ts';
import { unpackParams } from '../../src/core/model/init.ts';
import { Stepper } from '../../src/core/step/stepper.ts';
import { createTrainer, newState } from '../../src/core/train/schedule.ts';
import { runUpdates } from '../../src/core/train/train.ts';

type Rule =
  | { name: 'sgd'; decay: number }
  | { name: 'momentum'; mu: number; decay: number }
  | { name: 'adam'; b1: number; b2: number; decay: number };

const X = [
  [0.05, 0.1],
  [0.9, -0.3],
  [-0.4, 0.7],
];
const T = [
  [0.01, 0.99],
  [0.8, 0.2],
  [0.3, 0.6],
];
const W = [
  [
    [0.15, 0.2],
    [0.25, 0.3],
  ],
  [
    [0.4, 0.45],
    [0.5, 0.55],
  ],
];
const B = [
  [0.35, 0.35],
  [0.6, 0.6],
];

const sig = (z: number) => 1 / (1 + Math.exp(-z));

/** Flat reference parameters in one fixed order: W1[j][i], b1[j], W2[k][j], b2[k]. */
interface Ref {
  w1: number[][];
  b1: number[];
  w2: number[][];
  b2: number[];
}
const clone = (r: Ref): Ref => JSON.parse(JSON.stringify(r)) as Ref;

/** The mean gradient of rows `rows` at `p`, by hand. */
function gradient(p: Ref, rows: number[]): Ref {
  const g: Ref = {
    w1: [
      [0, 0],
      [0, 0],
    ],
    b1: [0, 0],
    w2: [
      [0, 0],
      [0, 0],
    ],
    b2: [0, 0],
  };
  for (const r of rows) {
    const x = X[r]!;
    const t = T[r]!;
    const h = [0, 1].map((j) => sig(p.w1[j]![0]! * x[0]! + p.w1[j]![1]! * x[1]! + p.b1[j]!));
    const o = [0, 1].map((k) => sig(p.w2[k]![0]! * h[0]! + p.w2[k]![1]! * h[1]! + p.b2[k]!));
    const dOut = [0, 1].map((k) => (o[k]! - t[k]!) * o[k]! * (1 - o[k]!));
    const dHid = [0, 1].map((j) => (dOut[0]! * p.w2[0]![j]! + dOut[1]! * p.w2[1]![j]!) * h[j]! * (1 - h[j]!));
    for (let k = 0; k < 2; k++) {
      for (let j = 0; j < 2; j++) g.w2[k]![j]! += dOut[k]! * h[j]!;
      g.b2[k]! += dOut[k]!;
    }
    for (let j = 0; j < 2; j++) {
      for (let i = 0; i < 2; i++) g.w1[j]![i]! += dHid[j]! * x[i]!;
      g.b1[j]! += dHid[j]!;
    }
  }
  const n = rows.length;
  return {
    w1: g.w1.map((row) => row.map((v) => v / n)),
    b1: g.b1.map((v) => v / n),
    w2: g.w2.map((row) => row.map((v) => v / n)),
    b2: g.b2.map((v) => v / n),
  };
}

/** Reference training: batches [0, 1], [2], [0, 1], … in order; returns the parameters after each update. */
function reference(rule: Rule, rate: number, updates: number): Ref[] {
  let p: Ref = { w1: W[0]!.map((r) => [...r]), b1: [...B[0]!], w2: W[1]!.map((r) => [...r]), b2: [...B[1]!] };
  const zero = () =>
    ({
      w1: [
        [0, 0],
        [0, 0],
      ],
      b1: [0, 0],
      w2: [
        [0, 0],
        [0, 0],
      ],
      b2: [0, 0],
    }) as Ref;
  let s1 = zero();
  let s2 = zero();
  const out: Ref[] = [];
  for (let u = 0; u < updates; u++) {
    const rows = u % 2 === 0 ? [0, 1] : [2];
    const g = gradient(p, rows);
    const next = clone(p);
    const n1 = clone(s1);
    const n2 = clone(s2);
    const t = u + 1;
    const step = (
      group: 'w1' | 'b1' | 'w2' | 'b2',
      get: (r: Ref) => number,
      set: (r: Ref, v: number) => void,
    ) => {
      const w = get(p);
      const gg = get(g) + (group === 'w1' || group === 'w2' ? rule.decay * w : 0);
      if (rule.name === 'sgd') set(next, w - rate * gg);
      else if (rule.name === 'momentum') {
        const v = rule.mu * get(s1) + gg;
        set(n1, v);
        set(next, w - rate * v);
      } else {
        const m = rule.b1 * get(s1) + (1 - rule.b1) * gg;
        const v = rule.b2 * get(s2) + (1 - rule.b2) * gg * gg;
        set(n1, m);
        set(n2, v);
        const mHat = m / (1 - rule.b1 ** t);
        const vHat = v / (1 - rule.b2 ** t);
        set(next, w - (rate * mHat) / (Math.sqrt(vHat) + 1e-8));
      }
    };
    for (const group of ['w1', 'w2'] as const)
      for (let a = 0; a < 2; a++)
        for (let b = 0; b < 2; b++)
          step(
            group,
            (r) => r[group][a]![b]!,
            (r, v) => (r[group][a]![b] = v),
          );
    for (const group of ['b1', 'b2'] as const)
      for (let a = 0; a < 2; a++)
        step(
          group,
          (r) => r[group][a]!,
          (r, v) => (r[group][a] = v),
        );
    p = next;
    s1 = n1;
    s2 = n2;
    out.push(clone(p));
  }
  return out;
}

function config(extra: Partial<Config>): Config {
  const r = validateConfig({
    layers: [2, 2, 2],
    activations: ['sigmoid', 'sigmoid'],
    loss: 'half-squared-error',
    learningRate: 0.5,
    batchSize: 2,
    trainBiases: true,
    shuffle: false,
    seed: 1,
    weights: W,
    biases: B,
    data: { inputs: X, targets: T },
    ...extra,
  });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.config;
}

const RULES: [Partial<Config>, Rule][] = [
  [{ weightDecay: 0.01 }, { name: 'sgd', decay: 0.01 }],
  [
    { optimizer: 'momentum', momentum: 0.9 },
    { name: 'momentum', mu: 0.9, decay: 0 },
  ],
  [
    { optimizer: 'momentum', momentum: 0.5, weightDecay: 0.1 },
    { name: 'momentum', mu: 0.5, decay: 0.1 },
  ],
  [
    { optimizer: 'adam', learningRate: 0.05 },
    { name: 'adam', b1: 0.9, b2: 0.999, decay: 0 },
  ],
  [
    { optimizer: 'adam', learningRate: 0.02, beta1: 0.8, beta2: 0.99, weightDecay: 0.05 },
    { name: 'adam', b1: 0.8, b2: 0.99, decay: 0.05 },
  ],
];

const flat = (r: Ref) => [...r.w1.flat(), ...r.b1, ...r.w2.flat(), ...r.b2];

describe('optimisers against a reference written out in the test', () => {
  for (const [extra, rule] of RULES) {
    it(`${JSON.stringify(extra)}: every update matches to 1e-13`, () => {
      const c = config(extra);
      const rate = c.learningRate;
      const ref = reference(rule, rate, 12);
      const run = buildRun(c);
      const s = new Stepper(run);
      for (let u = 0; u < 12; u++) {
        s.step('batch');
        const { weights, biases } = unpackParams(s.net, s.params);
        const got = flat({ w1: weights[0]!, b1: biases[0]!, w2: weights[1]!, b2: biases[1]! });
        const want = flat(ref[u]!);
        for (let k = 0; k < want.length; k++) expect(Math.abs(got[k]! - want[k]!)).toBeLessThan(1e-13);
      }
    });
  }

  it('plain SGD without decay is bit for bit what it was (no state, the notes’ rule)', () => {
    const c = config({});
    expect(buildRun(c).options.optimizer).toBeUndefined();
    expect(newState(buildRun(c).net, buildRun(c).options).length).toBe(0);
    const withZero = config({ optimizer: 'sgd', weightDecay: 0, momentum: 0.9 });
    expect(withZero).toEqual(c); // defaults are left out of a validated config
  });
});

describe('the stepper with an optimiser', () => {
  for (const extra of [
    { optimizer: 'momentum' },
    { optimizer: 'adam', learningRate: 0.05, weightDecay: 0.01 },
  ] as const) {
    it(`${extra.optimizer}: micro-steps, the fast path and going back agree bit for bit`, () => {
      const run = buildRun(config(extra));
      const micro = new Stepper(run);
      for (let k = 0; k < 400 && micro.update < 9; k++) micro.step('step');
      expect(micro.update).toBe(9);
      const fast = new Stepper(run);
      fast.fastTo(9, false);
      expect([...fast.params]).toEqual([...micro.params]);
      expect([...fast.state]).toEqual([...micro.state]);
      expect(fast.state.length).toBeGreaterThan(0);
      // the trainer alone, from scratch
      const params = run.params.slice();
      const state = newState(run.net, run.options);
      expect(runUpdates(createTrainer(run.net, run.data, run.options), params, 0, 9, state)).toBeNull();
      expect([...params]).toEqual([...micro.params]);
      expect([...state]).toEqual([...micro.state]);
      // back to update 4 and forward again: the same bits (the state is part of the checkpoints)
      const at4 = new Stepper(run);
      at4.fastTo(4, false);
      micro.goTo(4);
      expect([...micro.params]).toEqual([...at4.params]);
      expect([...micro.state]).toEqual([...at4.state]);
      micro.fastTo(9, false);
      expect([...micro.params]).toEqual([...fast.params]);
      expect([...micro.state]).toEqual([...fast.state]);
    });
  }

  it('records the state before and after the last update (Adam: m, v and t)', () => {
    const run = buildRun(config({ optimizer: 'adam', learningRate: 0.05 }));
    const s = new Stepper(run);
    s.step('batch');
    s.step('batch');
    const last = s.lastUpdate!;
    const P = s.net.paramCount;
    expect(last.stateBefore[2 * P]).toBe(1);
    expect(last.stateAfter[2 * P]).toBe(2);
    expect([...last.stateAfter]).toEqual([...s.state]);
    // a link's pinned moment, where this stepper has not been, resumes with a fresh state
    const resumed = new Stepper(run);
    expect(resumed.resumeAt(2, s.params.slice())).toBe(true);
    expect([...resumed.state]).toEqual(new Array(2 * P + 1).fill(0));
  });
});
