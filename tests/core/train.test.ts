/** Batches, epochs, shuffling, determinism, softmax + cross-entropy and divergence. */
import { describe, expect, it } from 'vitest';
import { buildRun } from '../../src/config/build.ts';
import { findPreset } from '../../src/content/presets.ts';
import type { Config } from '../../src/config/schema.ts';
import { EXPLODING } from '../fixtures.ts';
import { datasetFromRows, generateDataset } from '../../src/core/model/datasets.ts';
import { initParams } from '../../src/core/model/init.ts';
import {
  createNetwork,
  createWorkspace,
  forwardAll,
  loadInput,
  lossOf,
} from '../../src/core/model/network.ts';
import { Stepper } from '../../src/core/step/stepper.ts';
import { batchOf, createTrainer, epochOrder } from '../../src/core/train/schedule.ts';
import { datasetGradient, runEpochs, runUpdates } from '../../src/core/train/train.ts';
import { numericGradient } from './helpers.ts';

const circle = findPreset('circle')!.config;

describe('the schedule', () => {
  it('splits n = 7 with batch 3 into 3 + 3 + 1 per epoch', () => {
    const data = generateDataset('xor', { n: 7, noise: 0, seed: 1, targets: 'sign' });
    const net = createNetwork([2, 1], ['tanh'], 'half-squared-error');
    const tr = createTrainer(net, data, {
      learningRate: 0.1,
      batchSize: 3,
      trainBiases: true,
      shuffle: false,
      seed: 1,
    });
    expect(tr.updatesPerEpoch).toBe(3);
    expect([0, 1, 2, 3].map((u) => batchOf(tr, u))).toEqual([
      { epoch: 0, batch: 0, start: 0, end: 3 },
      { epoch: 0, batch: 1, start: 3, end: 6 },
      { epoch: 0, batch: 2, start: 6, end: 7 },
      { epoch: 1, batch: 0, start: 0, end: 3 },
    ]);
  });

  it('a full-batch update uses the mean of the per-sample gradients at the same weights', () => {
    const { reduction, ...cfg } = findPreset('table-x1x2y')!.config;
    expect(reduction).toBe('sum'); // the notes' table sums; this test is about the default, the mean
    const { net, data, params, options } = buildRun(cfg);
    const g = new Float64Array(net.paramCount);
    datasetGradient(net, params, data, createWorkspace(net), g);
    const numeric = numericGradient(net, params, data, 1e-7);
    for (let k = 0; k < g.length; k++) expect(g[k]).toBeCloseTo(numeric[k]!, 3);
    const expected = Array.from(params, (p, k) => p - options.learningRate * g[k]!);
    runUpdates(createTrainer(net, data, options), params, 0, 1);
    expected.forEach((v, k) => expect(params[k]).toBeCloseTo(v, 12));
  });

  it('shuffles each epoch differently, reproducibly from the seed', () => {
    const { net, data, options } = buildRun(circle);
    const tr = createTrainer(net, data, options);
    const e0 = Array.from(epochOrder(tr, 0));
    const e1 = Array.from(epochOrder(tr, 1));
    expect(e0).not.toEqual(e1);
    expect([...e0].sort((a, b) => a - b)).toEqual(Array.from({ length: data.n }, (_, i) => i));
    expect(Array.from(epochOrder(createTrainer(net, data, options), 1))).toEqual(e1);
  });

  it('leaves biases alone when trainBiases is off', () => {
    const { net, data, params, options } = buildRun({ ...circle, trainBiases: false, init: 'uniform' });
    const before = Array.from(params);
    runEpochs(createTrainer(net, data, options), params, 0, 3);
    for (let l = 1; l <= net.depth; l++) {
      for (let j = 0; j < net.sizes[l]!; j++) expect(params[net.bOff[l]! + j]).toBe(before[net.bOff[l]! + j]);
    }
    expect(Array.from(params)).not.toEqual(before);
  });
});

describe('determinism', () => {
  function train(cfg: Config, epochs: number) {
    const { net, data, params, options } = buildRun(cfg);
    runEpochs(createTrainer(net, data, options), params, 0, epochs);
    return Array.from(params);
  }

  it('the same seed gives a bit-identical run; another seed another', () => {
    const cfg: Config = { ...circle, init: 'he', seed: 42 };
    expect(train(cfg, 20)).toEqual(train(cfg, 20));
    expect(train({ ...cfg, seed: 43 }, 20)).not.toEqual(train(cfg, 20));
  });

  it('generated data and initial weights are the same for the same seed', () => {
    const a = generateDataset('spiral', { n: 50, noise: 0.1, seed: 9, targets: 'one-hot' });
    const b = generateDataset('spiral', { n: 50, noise: 0.1, seed: 9, targets: 'one-hot' });
    expect(Array.from(a.X)).toEqual(Array.from(b.X));
    const net = createNetwork([2, 8, 8, 1], ['tanh', 'tanh', 'tanh'], 'half-squared-error');
    for (const scheme of ['uniform', 'xavier', 'he'] as const) {
      expect(Array.from(initParams(net, scheme, 7))).toEqual(Array.from(initParams(net, scheme, 7)));
      expect(Array.from(initParams(net, scheme, 7))).not.toEqual(Array.from(initParams(net, scheme, 8)));
    }
  });

  it('initialisation follows each scheme’s range', () => {
    const net = createNetwork([16, 16, 10], ['relu', 'linear'], 'half-squared-error');
    const u = initParams(net, 'uniform', 3);
    expect(Math.max(...u.map(Math.abs))).toBeLessThanOrEqual(0.5);
    const x = initParams(net, 'xavier', 3);
    const r = Math.sqrt(6 / 32);
    expect(Math.max(...x.subarray(0, 256).map(Math.abs))).toBeLessThanOrEqual(r);
    expect(Array.from(x.subarray(256, 272))).toEqual(new Array(16).fill(0));
    const he = initParams(net, 'he', 3).subarray(0, 256);
    const sd = Math.sqrt(he.reduce((s, v) => s + v * v, 0) / he.length);
    expect(sd).toBeGreaterThan(Math.sqrt(2 / 16) * 0.8);
    expect(sd).toBeLessThan(Math.sqrt(2 / 16) * 1.2);
  });
});

describe('softmax with cross-entropy', () => {
  it('δ = a − t, and the loss is −log a_target', () => {
    const net = createNetwork([2, 3], ['softmax'], 'cross-entropy');
    const params = Float64Array.from([0.1, 0.2, 0.3, -0.1, 0.5, 0.4, 0, 0, 0]);
    const data = datasetFromRows([[1, 2]], [[0, 1, 0]]);
    const ws = createWorkspace(net);
    loadInput(net, ws, data.X, 0);
    forwardAll(net, params, ws);
    const z = [0.1 + 0.4, 0.3 - 0.2, 0.5 + 0.8];
    const sum = z.reduce((s, v) => s + Math.exp(v), 0);
    const a = z.map((v) => Math.exp(v) / sum);
    expect(ws.a[2]).toBeCloseTo(a[0]!, 14);
    expect(lossOf(net, ws, data.T, 0)).toBeCloseTo(-Math.log(a[1]!), 14);
    const g = new Float64Array(net.paramCount);
    datasetGradient(net, params, data, ws, g);
    // ∂L/∂b_k = δ_k = a_k − t_k
    expect(g[6]).toBeCloseTo(a[0]!, 14);
    expect(g[7]).toBeCloseTo(a[1]! - 1, 14);
    expect(g[8]).toBeCloseTo(a[2]!, 14);
  });

  it('stays finite for huge logits', () => {
    const net = createNetwork([1, 2], ['softmax'], 'cross-entropy');
    const params = Float64Array.from([1000, -1000, 0, 0]);
    const data = datasetFromRows([[1]], [[0, 1]]);
    const ws = createWorkspace(net);
    loadInput(net, ws, data.X, 0);
    forwardAll(net, params, ws);
    expect(lossOf(net, ws, data.T, 0)).toBeCloseTo(2000, 9);
  });
});

describe('divergence', () => {
  it('is reported at the first non-finite value, with parameters from before that update', () => {
    const { net, data, params, options } = buildRun(EXPLODING);
    const tr = createTrainer(net, data, options);
    let d = null;
    let u = 0;
    const before = new Float64Array(params.length);
    for (; u < 100 && !d; u++) {
      before.set(params);
      d = runUpdates(tr, params, u, 1);
    }
    expect(d).not.toBeNull();
    expect(d!.update).toBe(u - 1);
    expect(['forward', 'loss', 'backward', 'update']).toContain(d!.phase);
    expect(d!.message).toMatch(/diverged at update \d+/);
    expect(d!.message).toMatch(/Lower the learning rate/);
    expect(Array.from(params)).toEqual(Array.from(before));
    expect(params.every(Number.isFinite)).toBe(true);
  });

  it('stops the stepper at the failing computation; stepping back recovers', () => {
    const s = new Stepper(buildRun(EXPLODING));
    let d = null;
    for (let k = 0; k < 1000 && !d; k++) d = s.step('step');
    expect(d).not.toBeNull();
    expect(s.step('step')).toBe(d);
    expect(s.divergence).toBe(d);
    expect(s.back()).toBe(true);
    expect(s.divergence).toBeNull();
  });

  it('is found by epoch steps too, at the same update', () => {
    const a = new Stepper(buildRun(EXPLODING));
    const b = new Stepper(buildRun(EXPLODING));
    let da = null;
    for (let k = 0; k < 100 && !da; k++) da = a.step('epoch');
    let db = null;
    for (let k = 0; k < 10_000 && !db; k++) db = b.step('step');
    expect(da!.update).toBe(db!.update);
    expect(da!.phase).toBe(db!.phase);
  });
});
