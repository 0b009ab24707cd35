/**
 * The classic 2-2-2 example of seed 003. Reference values were derived by hand from the notes'
 * formulas (and checked with an independent 20-line script in plain scalar arithmetic), with the
 * slips in the notes corrected: h1(in) = 0.3775 (notes: 0.377), o1(in) = 1.1059 (notes: 1.175),
 * E_o2 = 0.02356 (notes: 0.23), E_total = 0.2984 (notes: 0.50).
 */
import { describe, expect, it } from 'vitest';
import { buildRun } from '../../src/config/build.ts';
import { DEFAULT_PRESET } from '../../src/content/presets.ts';
import { unpackParams } from '../../src/core/model/init.ts';
import { createWorkspace, forwardAll, loadInput, lossOf } from '../../src/core/model/network.ts';
import { createTrainer } from '../../src/core/train/schedule.ts';
import { datasetLoss, runUpdates } from '../../src/core/train/train.ts';

function setup() {
  return buildRun(DEFAULT_PRESET.config);
}

describe('the 2-2-2 example, forward pass', () => {
  const { net, data, params } = setup();
  const ws = createWorkspace(net);
  loadInput(net, ws, data.X, 0);
  forwardAll(net, params, ws);
  const z = (l: number, j: number) => ws.z[net.nOff[l]! + j]!;
  const a = (l: number, j: number) => ws.a[net.nOff[l]! + j]!;

  it('computes the hidden weighted sums and activations', () => {
    // h1(in) = 0.15·0.05 + 0.20·0.10 + 0.35
    expect(z(1, 0)).toBeCloseTo(0.3775, 12);
    expect(z(1, 1)).toBeCloseTo(0.3925, 12);
    expect(a(1, 0)).toBeCloseTo(0.593269992, 9);
    expect(a(1, 1)).toBeCloseTo(0.596884378, 9);
  });

  it('computes the outputs', () => {
    expect(z(2, 0)).toBeCloseTo(1.105905967, 9);
    expect(z(2, 1)).toBeCloseTo(1.224921404, 9);
    expect(a(2, 0)).toBeCloseTo(0.75136507, 8);
    expect(a(2, 1)).toBeCloseTo(0.772928465, 9);
  });

  it('computes E_total = ½(0.01 − 0.7514)² + ½(0.99 − 0.7729)² = 0.2984', () => {
    expect(lossOf(net, ws, data.T, 0)).toBeCloseTo(0.298371109, 9);
    // the second output's share alone: 0.02356
    expect(0.5 * (0.99 - a(2, 1)) ** 2).toBeCloseTo(0.023560026, 9);
  });
});

describe('the 2-2-2 example, training', () => {
  it('one update (α = 0.5, biases fixed) gives the published new weights', () => {
    const { net, data, params, options } = setup();
    const tr = createTrainer(net, data, options);
    expect(runUpdates(tr, params, 0, 1)).toBeNull();
    const { weights, biases } = unpackParams(net, params);
    // w1…w4 use the hidden deltas computed with the *old* w5…w8.
    expect(weights[0]![0]![0]).toBeCloseTo(0.149780716, 9);
    expect(weights[0]![0]![1]).toBeCloseTo(0.19956143, 8);
    expect(weights[0]![1]![0]).toBeCloseTo(0.24975114, 8);
    expect(weights[0]![1]![1]).toBeCloseTo(0.29950229, 8);
    expect(weights[1]![0]![0]).toBeCloseTo(0.35891648, 8);
    expect(weights[1]![0]![1]).toBeCloseTo(0.408666186, 9);
    expect(weights[1]![1]![0]).toBeCloseTo(0.51130127, 8);
    expect(weights[1]![1]![1]).toBeCloseTo(0.561370121, 9);
    expect(biases).toEqual([
      [0.35, 0.35],
      [0.6, 0.6],
    ]);
    // Not the blog's 0.291027924, which came from half-updated weights.
    expect(datasetLoss(net, params, data, tr.ws)).toBeCloseTo(0.291027774, 9);
  });

  it('10,000 updates bring the error to 3.5102e-5 (not the blog’s 3.51085e-5)', () => {
    const { net, data, params, options } = setup();
    const tr = createTrainer(net, data, options);
    expect(runUpdates(tr, params, 0, 10_000)).toBeNull();
    const e = datasetLoss(net, params, data, tr.ws);
    expect(e).toBeCloseTo(3.5101878e-5, 11);
    expect(Math.abs(e - 3.51085e-5)).toBeGreaterThan(5e-9);
  });
});
