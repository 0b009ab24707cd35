/**
 * The reduction of a batch / data set: "sum" (the notes' E = E1 + E2 + E3, w ← w − α Σ_s ∂L_s/∂w) or
 * "mean" (the default). Reference values come from a float64 forward/backward pass written here, not
 * from the core.
 */
import { describe, expect, it } from 'vitest';
import { buildRun } from '../../src/config/build.ts';
import type { Config } from '../../src/config/schema.ts';
import { datasetFromRows } from '../../src/core/model/datasets.ts';
import { createNetwork, createWorkspace } from '../../src/core/model/network.ts';
import { Stepper } from '../../src/core/step/stepper.ts';
import { createTrainer } from '../../src/core/train/schedule.ts';
import { datasetGradient, datasetLoss, runUpdates, trainerLoss } from '../../src/core/train/train.ts';

const sig = (z: number) => 1 / (1 + Math.exp(-z));

/**
 * A 2-2-1 net, sigmoid hidden, linear output, L = ½(y − t)², in plain float64: per-sample loss and
 * gradient in the core's parameter layout (layer 1: w00 w01 w10 w11 b0 b1; layer 2: w00 w01 b0).
 */
function reference(p: readonly number[], x: readonly number[], t: number): { loss: number; grad: number[] } {
  const [w1, w2, w3, w4, b1, b2, v1, v2, c] = p as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const h1 = sig(w1 * x[0]! + w2 * x[1]! + b1);
  const h2 = sig(w3 * x[0]! + w4 * x[1]! + b2);
  const y = v1 * h1 + v2 * h2 + c;
  const d = y - t;
  const d1 = d * v1 * h1 * (1 - h1);
  const d2 = d * v2 * h2 * (1 - h2);
  return {
    loss: 0.5 * d * d,
    grad: [d1 * x[0]!, d1 * x[1]!, d2 * x[0]!, d2 * x[1]!, d1, d2, d * h1, d * h2, d],
  };
}

const P0 = [0.1, -0.2, 0.3, 0.4, 0.05, -0.05, 0.6, -0.7, 0.2];
const X = [
  [0.5, 1],
  [-1, 2],
  [1.5, -0.5],
];
const T = [1, 0, 2];

const tiny = (reduction?: 'sum' | 'mean'): Config => ({
  layers: [2, 2, 1],
  activations: ['sigmoid', 'linear'],
  loss: 'half-squared-error',
  learningRate: 0.3,
  batchSize: 3,
  trainBiases: true,
  shuffle: false,
  seed: 1,
  weights: [
    [
      [P0[0]!, P0[1]!],
      [P0[2]!, P0[3]!],
    ],
    [[P0[6]!, P0[7]!]],
  ],
  biases: [[P0[4]!, P0[5]!], [P0[8]!]],
  data: { inputs: X, targets: T.map((t) => [t]) },
  ...(reduction ? { reduction } : {}),
});

function sums(p: readonly number[]): { loss: number; grad: number[] } {
  const grad = new Array<number>(p.length).fill(0);
  let loss = 0;
  X.forEach((x, s) => {
    const r = reference(p, x, T[s]!);
    loss += r.loss;
    r.grad.forEach((g, k) => (grad[k]! += g));
  });
  return { loss, grad };
}

describe('reduction "sum"', () => {
  it('a batch update uses the sum of the per-sample gradients: w ← w − α Σ_s ∂L_s/∂w', () => {
    const run = buildRun(tiny('sum'));
    expect(run.options.reduction).toBe('sum');
    const { grad } = sums(P0);
    const expected = P0.map((w, k) => w - 0.3 * grad[k]!);
    const tr = createTrainer(run.net, run.data, run.options);
    const params = run.params.slice();
    expect(runUpdates(tr, params, 0, 1)).toBeNull();
    expected.forEach((v, k) => expect(params[k]).toBeCloseTo(v, 14));
    // and a second update from there, again against the reference
    const { grad: g2 } = sums(expected);
    const expected2 = expected.map((w, k) => w - 0.3 * g2[k]!);
    expect(runUpdates(tr, params, 1, 1)).toBeNull();
    expected2.forEach((v, k) => expect(params[k]).toBeCloseTo(v, 13));
  });

  it('the loss of the data set is Σ_s L_s, the data-set gradient Σ_s ∂L_s/∂w', () => {
    const run = buildRun(tiny('sum'));
    const { loss, grad } = sums(P0);
    const ws = createWorkspace(run.net);
    expect(datasetLoss(run.net, run.params, run.data, ws, 'sum')).toBeCloseTo(loss, 14);
    expect(trainerLoss(createTrainer(run.net, run.data, run.options), run.params)).toBeCloseTo(loss, 14);
    const g = new Float64Array(run.net.paramCount);
    datasetGradient(run.net, run.params, run.data, ws, g, 'sum');
    grad.forEach((v, k) => expect(g[k]).toBeCloseTo(v, 14));
  });

  it('stepping micro-step by micro-step: the same update, and the record holds the sum it used', () => {
    const s = new Stepper(buildRun(tiny('sum')));
    expect(s.datasetLoss()).toBeCloseTo(sums(P0).loss, 14);
    const total = s.microStepsIn(0);
    for (let k = 0; k < total; k++) expect(s.step('step')).toBeNull();
    const { grad } = sums(P0);
    expect(s.lastUpdate).not.toBeNull();
    grad.forEach((v, k) => expect(s.lastUpdate!.gradient[k]).toBeCloseTo(v, 14));
    P0.forEach((w, k) => expect(s.params[k]).toBeCloseTo(w - 0.3 * grad[k]!, 14));
    // the fast path gives the same bits
    const f = new Stepper(buildRun(tiny('sum')));
    f.fastTo(1, false);
    expect(Array.from(f.params)).toEqual(Array.from(s.params));
    // jumping back to that moment rebuilds the same record
    f.fastTo(3, false);
    f.goTo(1, 0);
    expect(Array.from(f.lastUpdate!.gradient)).toEqual(Array.from(s.lastUpdate!.gradient));
  });

  it('the test loss is a sum too', () => {
    const run = buildRun(tiny('sum'));
    const test = datasetFromRows([X[0]!, X[2]!], [[T[0]!], [T[2]!]]);
    const s = new Stepper({ ...run, test });
    const expected = reference(P0, X[0]!, T[0]!).loss + reference(P0, X[2]!, T[2]!).loss;
    expect(s.testLoss()).toBeCloseTo(expected, 14);
  });

  it('with batch size 1, sum and mean give the same bits', () => {
    const a = new Stepper(buildRun({ ...tiny('sum'), batchSize: 1 }));
    const b = new Stepper(buildRun({ ...tiny(), batchSize: 1 }));
    a.fastTo(7, false);
    b.fastTo(7, false);
    expect(Array.from(a.params)).toEqual(Array.from(b.params));
  });
});

describe('reduction "mean" (the default) is unchanged', () => {
  it('w ← w − (α/n) Σ_s ∂L_s/∂w, the loss (1/n) Σ_s L_s; "mean" and no reduction are the same bits', () => {
    const run = buildRun(tiny());
    expect(run.options.reduction ?? 'mean').toBe('mean');
    const { loss, grad } = sums(P0);
    expect(trainerLoss(createTrainer(run.net, run.data, run.options), run.params)).toBeCloseTo(loss / 3, 14);
    const params = run.params.slice();
    runUpdates(createTrainer(run.net, run.data, run.options), params, 0, 1);
    P0.forEach((w, k) => expect(params[k]).toBeCloseTo(w - (0.3 / 3) * grad[k]!, 14));
    const explicit = buildRun(tiny('mean'));
    const p2 = explicit.params.slice();
    runUpdates(
      createTrainer(explicit.net, explicit.data, { ...explicit.options, reduction: 'mean' }),
      p2,
      0,
      1,
    );
    expect(Array.from(p2)).toEqual(Array.from(params));
    const s = new Stepper(run);
    s.step('batch');
    grad.forEach((v, k) => expect(s.lastUpdate!.gradient[k]).toBeCloseTo(v / 3, 14));
  });

  it('datasetLoss and datasetGradient default to the mean', () => {
    const net = createNetwork([2, 2, 1], ['sigmoid', 'linear'], 'half-squared-error');
    const run = buildRun(tiny());
    const ws = createWorkspace(net);
    expect(datasetLoss(net, run.params, run.data, ws)).toBe(
      datasetLoss(net, run.params, run.data, ws, 'mean'),
    );
    expect(datasetLoss(net, run.params, run.data, ws)).toBeCloseTo(sums(P0).loss / 3, 14);
  });
});
