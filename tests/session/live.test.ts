/**
 * Live settings (issue 13 §1): a change of α, of the reduction or of the optimiser applies from the
 * current update on, from the current weights; the run with its changes is reproduced bit for bit by
 * a fresh run of the same config (what a link carries), crosses the change going back and forth in
 * time, and matches a float64 reference written out here (note 003's net, α changed mid-run, then
 * momentum). The change list's link form and its checks.
 */
import { describe, expect, it } from 'vitest';
import { buildRun, segmentsFor } from '../../src/config/build.ts';
import { changeAt, changeLabel, settingsAt } from '../../src/config/changes.ts';
import { decodeLink, encodeLink, linkErrorText } from '../../src/config/codec.ts';
import { liveEdit } from '../../src/config/edits.ts';
import { validateConfig } from '../../src/config/validate.ts';
import type { Config } from '../../src/config/schema.ts';
import { DEFAULT_PRESET } from '../../src/content/presets.ts';
import { setSegments } from '../../src/core/step/live.ts';
import { Stepper } from '../../src/core/step/stepper.ts';
import { TEXTBOOK_WEIGHTS, textbookGradient } from '../textbook-reference.ts';

const TEXTBOOK = DEFAULT_PRESET.config; // note 003: 2-2-2, α = 0.5, biases fixed, one sample

/** Note 003's net by hand: `updates` updates, α and momentum μ per update (μ = 0: plain SGD). */
function reference(schedule: readonly { alpha: number; mu: number }[]): number[] {
  const w = [...TEXTBOOK_WEIGHTS];
  const v = new Array<number>(8).fill(0);
  let prevMu = 0;
  for (const { alpha, mu } of schedule) {
    if (mu > 0 && prevMu === 0) v.fill(0); // momentum starts with zero velocity
    prevMu = mu;
    const g = textbookGradient(w);
    for (let k = 0; k < 8; k++) {
      if (mu > 0) {
        v[k] = mu * v[k]! + g[k]!;
        w[k] = w[k]! - alpha * v[k]!;
      } else w[k] = w[k]! - alpha * g[k]!;
    }
  }
  return w;
}

/** w1…w4, w5…w8 of a 2-2-2 parameter array (weights, then biases, layer by layer). */
const weightsOf = (p: Float64Array) => [...p.slice(0, 4), ...p.slice(6, 10)];

function valid(c: unknown): Config {
  const r = validateConfig(c);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.config;
}

describe('a live change', () => {
  it('keeps the weights and the position, and trains on as the reference does', () => {
    const s = new Stepper(buildRun(TEXTBOOK));
    s.fastTo(3, false);
    const before = s.params.slice();
    // α = 0.1 from update 3, then momentum μ = 0.9 from update 5
    let config = changeAt(TEXTBOOK, 3, { learningRate: 0.1 });
    setSegments(s, segmentsFor(config, 1), 3);
    expect(s.update).toBe(3);
    expect([...s.params]).toEqual([...before]);
    expect(s.options.learningRate).toBe(0.1);
    s.fastTo(5, false);
    config = changeAt(config, 5, { optimizer: 'momentum' });
    setSegments(s, segmentsFor(config, 1), 5);
    s.fastTo(8, false);
    const ref = reference([
      ...Array.from({ length: 3 }, () => ({ alpha: 0.5, mu: 0 })),
      ...Array.from({ length: 2 }, () => ({ alpha: 0.1, mu: 0 })),
      ...Array.from({ length: 3 }, () => ({ alpha: 0.1, mu: 0.9 })),
    ]);
    weightsOf(s.params).forEach((w, k) => expect(Math.abs(w - ref[k]!)).toBeLessThan(1e-14));
    expect(config.changes).toEqual([
      { at: 3, learningRate: 0.1 },
      { at: 5, optimizer: 'momentum' },
    ]);

    // a fresh run of the config (what a link carries) gives the same bits, by steps or the fast path
    const fresh = new Stepper(buildRun(valid(config)));
    for (let k = 0; k < 500 && fresh.update < 8; k++) fresh.step('step');
    expect([...fresh.params]).toEqual([...s.params]);
    expect([...fresh.state]).toEqual([...s.state]);
    // back across both changes and forward again: the same bits
    s.goTo(2, 3);
    expect(s.options.learningRate).toBe(0.5);
    s.goTo(4);
    expect(s.options.learningRate).toBe(0.1);
    s.fastTo(8, false);
    expect([...s.params]).toEqual([...fresh.params]);
  });

  it('going back and changing again rewrites what follows; a change to what is in force is none', () => {
    let c = changeAt(TEXTBOOK, 3, { learningRate: 0.1 });
    c = changeAt(c, 6, { weightDecay: 0.01 });
    expect(changeAt(c, 2, { learningRate: 0.2 }).changes).toEqual([{ at: 2, learningRate: 0.2 }]);
    expect(changeAt(c, 3, { optimizer: 'adam' }).changes).toEqual([
      { at: 3, learningRate: 0.1, optimizer: 'adam' },
    ]);
    expect(changeAt(c, 4, { learningRate: 0.1 }).changes).toEqual([{ at: 3, learningRate: 0.1 }]);
    expect(changeAt(TEXTBOOK, 0, { learningRate: 0.3 })).toEqual({ ...TEXTBOOK, learningRate: 0.3 });
    expect(settingsAt(c, 5).learningRate).toBe(0.1);
    expect(settingsAt(c, 6).weightDecay).toBe(0.01);
    expect(settingsAt(c, 2)).toEqual(TEXTBOOK);
    expect(changeLabel({ at: 3, learningRate: 0.1, optimizer: 'adam' })).toBe('α = 0.1, Adam');
  });

  it('checks a typed value as the field it changes', () => {
    const r = liveEdit(TEXTBOOK, 3, { learningRate: 0 });
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.errors.join()).toBe('learningRate: must be a number greater than 0 and at most 100');
  });
});

describe('the change list in a link', () => {
  it('round-trips, after the settings it changes', () => {
    const c = changeAt(changeAt(TEXTBOOK, 3, { learningRate: 0.05 }), 10, {
      optimizer: 'adam',
      weightDecay: 0.01,
      reduction: 'sum',
    });
    const link = encodeLink(c);
    expect(link).toContain('&chg=3:lr:0.05;10:red:sum,opt:adam,wd:0.01');
    const r = decodeLink(link);
    if (!r.ok) throw new Error(linkErrorText(r.errors));
    expect(r.config).toEqual(valid(c));
  });

  it('refuses malformed or out-of-range changes, naming chg or the change', () => {
    const base = encodeLink(TEXTBOOK);
    const error = (chg: string) => {
      const r = decodeLink(`${base}&chg=${encodeURIComponent(chg)}`);
      return r.ok ? 'opened' : linkErrorText(r.errors);
    };
    expect(error('3')).toMatch(/^chg: must be changes "U:key:value,key:value" joined by ";"/);
    expect(error('3:zz:1')).toMatch(/^chg: .*keys: lr, batch, red, opt, mom, b1, b2, wd$/);
    expect(error('3:lr:1,lr:2')).toBe('chg: names lr twice in one change');
    expect(error('3:lr:0.1;2:lr:0.2')).toMatch(/changes\[1\]\.at\)?: must be a whole number from 4 to/);
    expect(error('0:lr:0.1')).toMatch(/changes\[0\]\.at\)?: must be a whole number from 1 to/);
    expect(error('3:lr:-1')).toMatch(/changes\[0\]\.learningRate\)?: must be a number greater than 0/);
    expect(error('3:opt:<b>')).toMatch(
      /changes\[0\]\.optimizer\)?: must be one of "sgd", "momentum", "adam"/,
    );
    expect(error(Array.from({ length: 33 }, (_, k) => `${k + 1}:lr:0.1`).join(';'))).toBe(
      'chg: must hold at most 32 changes',
    );
  });
});

describe('a live change of batch size', () => {
  // y = w·x + b, L = ½(y − t)²: ∂L/∂w = (y − t)·x, ∂L/∂b = y − t, by hand
  const X = [1, 2, 3, 4, 5];
  const T = [2, 4, 6, 8, 10];
  const base = valid({
    layers: [1, 1],
    activations: ['linear'],
    loss: 'half-squared-error',
    learningRate: 0.01,
    batchSize: 2,
    trainBiases: true,
    shuffle: false,
    seed: 1,
    weights: [[[0.5]]],
    biases: [[0]],
    data: { inputs: X.map((x) => [x]), targets: T.map((t) => [t]) },
  });

  it('takes the next batch from where the last ended: the rest of the epoch, then whole epochs', () => {
    const config = valid(changeAt(base, 2, { batchSize: 3 }));
    expect(encodeLink(config)).toContain('&chg=2:batch:3');
    // batches: [0 1] [2 3] | batch 3 from update 2: [4] (the rest of epoch 1) [0 1 2] [3 4] [0 1 2]
    const batches = [[0, 1], [2, 3], [4], [0, 1, 2], [3, 4], [0, 1, 2]];
    let w = 0.5;
    let b = 0;
    for (const rows of batches) {
      let gw = 0;
      let gb = 0;
      for (const r of rows) {
        const e = w * X[r]! + b - T[r]!;
        gw += e * X[r]!;
        gb += e;
      }
      w -= (0.01 * gw) / rows.length;
      b -= (0.01 * gb) / rows.length;
    }
    const s = new Stepper(buildRun(config));
    for (let k = 0; k < 1000 && s.update < 6; k++) s.step('step');
    expect(Math.abs(s.params[0]! - w)).toBeLessThan(1e-15);
    expect(Math.abs(s.params[1]! - b)).toBeLessThan(1e-15);
    const fast = new Stepper(buildRun(config));
    fast.fastTo(6, false);
    expect([...fast.params]).toEqual([...s.params]);
    // epochs: update 3 starts epoch 2 (index 1); update 5 starts epoch 3; the epoch step ends there
    expect(fast.epochsAt(3)).toBe(1);
    expect(fast.epochsAt(2)).toBe(0.8);
    expect(fast.epochsAt(5)).toBe(2);
    expect(fast.nextEpochStart(3)).toBe(5);
    expect(fast.nextEpochStart(1)).toBe(3);
  });

  it('in the running stepper, restarting the batch in progress at its first sample', () => {
    const s = new Stepper(buildRun(base));
    s.fastTo(2, false);
    s.step('step'); // a computation into update 3
    const config = changeAt(base, 2, { batchSize: 3 });
    setSegments(s, segmentsFor(config, 5), 2);
    s.goTo(2, 0);
    s.fastTo(6, false);
    const fresh = new Stepper(buildRun(valid(config)));
    fresh.fastTo(6, false);
    expect([...s.params]).toEqual([...fresh.params]);
  });
});
