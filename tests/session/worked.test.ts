/**
 * The worked solution's numbers (issue 13 §4): the textbook 2-2-2 example against the published
 * hand-derived values of note 003 (with the notes' slips corrected, shared/seeds/README.md), and a
 * random net against a float64 reference written here — the whole sample however far the stepper has
 * got inside it.
 */
import { describe, expect, it } from 'vitest';
import type { Config } from '../../src/config/schema.ts';
import { findPreset } from '../../src/content/presets.ts';
import { createNetwork } from '../../src/core/model/network.ts';
import type { JobScheduler } from '../../src/session/replay.ts';
import { Session } from '../../src/session/session.ts';
import { workedSolution } from '../../src/session/worked.ts';
import type { WorkedSolution } from '../../src/session/worked.ts';

const jobs: JobScheduler = { later: () => () => undefined };
const open = (config: Config) => new Session(config, { now: () => 0, jobs, sliceMs: 0 });

function worked(session: Session): WorkedSolution {
  return workedSolution(session.snapshot(null).view, session.data.train);
}

/** A parameter of the worked solution: weight (l, j, i) or bias (l, j). */
const param = (w: WorkedSolution, l: number, j: number, i: number | null) =>
  w.params.find((p) => p.layer === l && p.to === j && p.from === i)!;

describe('the worked solution of the textbook 2-2-2 example (note 003)', () => {
  const textbook = findPreset('textbook-2-2-2')!.config;

  it('has the forward pass, the loss, the deltas, the gradients and the updates of the notes', () => {
    const w = worked(open(textbook));
    const [h, o] = w.layers as [WorkedSolution['layers'][0], WorkedSolution['layers'][0]];
    expect(w.inputs).toEqual([0.05, 0.1]);
    expect(w.targets).toEqual([0.01, 0.99]);
    expect(h[0]!.z).toBeCloseTo(0.3775, 12); // the notes print 0.377
    expect(h[0]!.a).toBeCloseTo(0.593269992, 9);
    expect(h[1]!.z).toBeCloseTo(0.3925, 12);
    expect(h[1]!.a).toBeCloseTo(0.596884378, 9);
    expect(o[0]!.z).toBeCloseTo(1.105905967, 9); // the notes print 1.175
    expect(o[0]!.a).toBeCloseTo(0.75136507, 8);
    expect(o[1]!.a).toBeCloseTo(0.772928465, 9);
    expect(w.sampleLoss).toBeCloseTo(0.298371109, 9); // the notes print 0.50
    expect(o[0]!.dLda).toBeCloseTo(0.74136507, 8);
    expect(o[0]!.slope).toBeCloseTo(0.186815602, 9);
    expect(o[0]!.delta).toBeCloseTo(0.138498562, 9);
    expect(h[0]!.dLda).toBeCloseTo(0.036350306, 9);
    expect(param(w, 2, 0, 0).gradient).toBeCloseTo(0.082167041, 9); // ∂E/∂w5
    expect(param(w, 1, 0, 0).gradient).toBeCloseTo(0.000438568, 9); // ∂E/∂w1
    const after = [
      [1, 0, 0, 0.149780716],
      [1, 0, 1, 0.19956143],
      [1, 1, 0, 0.24975114],
      [1, 1, 1, 0.29950229],
      [2, 0, 0, 0.35891648],
      [2, 0, 1, 0.408666186],
      [2, 1, 0, 0.51130127],
      [2, 1, 1, 0.561370121],
    ] as const;
    for (const [l, j, i, v] of after) expect(param(w, l, j, i).after).toBeCloseTo(v, 8);
    // biases stay fixed, as in the notes
    expect(param(w, 1, 0, null).after).toBeNull();
    expect(param(w, 1, 0, null).share).toBeNull();
    expect(w.params).toHaveLength(12);
  });

  it('is the same sample from its current parameters however far the stepper has got in it', () => {
    const s = open(textbook);
    const start = worked(s);
    for (let k = 0; k < 5; k++) s.step('step');
    expect(worked(s)).toEqual(start);
    s.step('batch'); // the update: the next sample starts from w5 = 0.3589…
    const next = worked(s);
    expect(next.update).toBe(1);
    expect(param(next, 2, 0, 0).before).toBeCloseTo(0.35891648, 8);
  });
});

/** A float64 reference: tanh hidden layer, sigmoid outputs, half squared error. */
function reference(x: number[], t: number[], W1: number[][], b1: number[], W2: number[][], b2: number[]) {
  const sig = (v: number) => 1 / (1 + Math.exp(-v));
  const z1 = W1.map((row, j) => row.reduce((s, w, i) => s + w * x[i]!, 0) + b1[j]!);
  const a1 = z1.map(Math.tanh);
  const z2 = W2.map((row, j) => row.reduce((s, w, i) => s + w * a1[i]!, 0) + b2[j]!);
  const a2 = z2.map(sig);
  const loss = a2.reduce((s, a, k) => s + 0.5 * (a - t[k]!) ** 2, 0);
  const d2 = a2.map((a, k) => (a - t[k]!) * a * (1 - a));
  const g1 = a1.map((_, j) => d2.reduce((s, d, k) => s + d * W2[k]![j]!, 0));
  const d1 = g1.map((g, j) => g * (1 - a1[j]! ** 2));
  return { z1, a1, z2, a2, loss, d2, g1, d1 };
}

describe('the worked solution of a random 3-4-2 net', () => {
  let seed = 7;
  const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 2 - 1;
  const W1 = [0, 1, 2, 3].map(() => [rnd(), rnd(), rnd()]);
  const b1 = [rnd(), rnd(), rnd(), rnd()];
  const W2 = [0, 1].map(() => [rnd(), rnd(), rnd(), rnd()]);
  const b2 = [rnd(), rnd()];
  const rows = [
    { x: [0.3, -1.2, 2], t: [0, 1] },
    { x: [-0.7, 0.4, 0.1], t: [1, 0] },
  ];
  const net = createNetwork([3, 4, 2], ['tanh', 'sigmoid'], 'half-squared-error');
  const params = Float64Array.from([...W1.flat(), ...b1, ...W2.flat(), ...b2]);
  const data = {
    nIn: 3,
    nOut: 2,
    X: Float64Array.from(rows.flatMap((r) => r.x)),
    T: Float64Array.from(rows.flatMap((r) => r.t)),
  };
  const moment = (reduction: 'mean' | 'sum', batchLength: number) => ({
    net,
    params,
    learningRate: 0.3,
    reduction,
    trainBiases: true,
    optimizer: null,
    state: new Float64Array(0),
    position: { row: 1, sampleInEpoch: 1, epoch: 0, update: 0, batchLength },
  });

  it('matches the reference: every z, a, ∂L/∂a, δ, gradient and this sample’s share of the step', () => {
    const r = reference(rows[1]!.x, rows[1]!.t, W1, b1, W2, b2);
    const w = workedSolution(moment('mean', 2), data);
    w.layers[0]!.forEach((n, j) => {
      expect(n.z).toBeCloseTo(r.z1[j]!, 12);
      expect(n.a).toBeCloseTo(r.a1[j]!, 12);
      expect(n.dLda).toBeCloseTo(r.g1[j]!, 12);
      expect(n.delta).toBeCloseTo(r.d1[j]!, 12);
    });
    w.layers[1]!.forEach((n, k) => {
      expect(n.a).toBeCloseTo(r.a2[k]!, 12);
      expect(n.delta).toBeCloseTo(r.d2[k]!, 12);
    });
    expect(w.sampleLoss).toBeCloseTo(r.loss, 12);
    // w⁽¹⁾₃₂ (into hidden 3 from input 2) and b⁽²⁾₂
    expect(param(w, 1, 2, 1).gradient).toBeCloseTo(r.d1[2]! * rows[1]!.x[1]!, 12);
    expect(param(w, 1, 2, 1).share).toBeCloseTo((-0.3 / 2) * r.d1[2]! * rows[1]!.x[1]!, 12);
    expect(param(w, 1, 2, 1).after).toBeNull();
    expect(param(w, 2, 1, null).gradient).toBeCloseTo(r.d2[1]!, 12);
    expect(param(w, 2, 1, 3).gradient).toBeCloseTo(r.d2[1]! * r.a1[3]!, 12);
    const sum = workedSolution(moment('sum', 2), data);
    expect(param(sum, 2, 1, null).share).toBeCloseTo(-0.3 * r.d2[1]!, 12);
    const one = workedSolution(moment('mean', 1), data);
    expect(param(one, 2, 1, 3).after).toBeCloseTo(W2[1]![3]! - 0.3 * r.d2[1]! * r.a1[3]!, 12);
  });
});
