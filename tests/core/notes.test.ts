/** The numbers and formulas of the lecture notes (seeds 001, 002, 004), with their slips corrected. */
import { describe, expect, it } from 'vitest';
import { buildRun } from '../../src/config/build.ts';
import { findPreset } from '../../src/content/presets.ts';
import { datasetFromRows } from '../../src/core/model/datasets.ts';
import { createNetwork } from '../../src/core/model/network.ts';
import { Stepper } from '../../src/core/step/stepper.ts';
import { createTrainer } from '../../src/core/train/schedule.ts';
import { runUpdates } from '../../src/core/train/train.ts';
import { numericGradient } from './helpers.ts';

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

describe('seed 001: gradient descent and the sign of the slope', () => {
  /** One linear neuron y = w·x, L = (y − t)², x = 1: the slope at w is 2(w − t). */
  function oneUpdate(w: number, t: number): number {
    const net = createNetwork([1, 1], ['linear'], 'squared-error');
    const params = Float64Array.from([w, 0]);
    const data = datasetFromRows([[1]], [[t]]);
    const tr = createTrainer(net, data, {
      learningRate: 0.05,
      batchSize: 1,
      trainBiases: false,
      shuffle: false,
      seed: 1,
    });
    runUpdates(tr, params, 0, 1);
    return params[0]!;
  }

  it('w = 2 with slope 3 (t = 0.5) moves to 2 − 0.05·3 = 1.85', () => {
    expect(oneUpdate(2, 0.5)).toBeCloseTo(1.85, 14);
  });

  it('w = 5 with slope −2 (t = 6) moves to 5 − 0.05·(−2) = 5.1', () => {
    expect(oneUpdate(5, 6)).toBeCloseTo(5.1, 14);
  });

  it('∂C/∂a1 = 2(a1 − y), not 2a1 − y', () => {
    const s = new Stepper(buildRun(findPreset('face-car')!.config));
    for (let k = 0; k < 2 * 5 + 1 + 1; k++) s.step(); // through the backward step of output 0
    const { rule } = s.chain({ kind: 'weight', layer: 2, to: 0, from: 0 });
    expect(rule.dLda?.kind).toBe('loss');
    const a1 = rule.dLda!.kind === 'loss' ? rule.dLda!.a : NaN;
    expect(rule.dLda!.value).toBeCloseTo(2 * (a1 - 1), 14);
    expect(Math.abs(rule.dLda!.value - (2 * a1 - 1))).toBeGreaterThan(0.1);
  });
});

describe('seed 002: the 1-1-1 sigmoid chain', () => {
  const { net, data, params } = buildRun(findPreset('chain-1-1-1')!.config);
  const [w1, b1, w2, b2] = Array.from(params) as [number, number, number, number];
  const x = 1.5;
  const t = 0.9;
  const h = sigmoid(w1 * x + b1);
  const y = sigmoid(w2 * h + b2);

  it('∂L/∂w2 = (y − t)·y(1 − y)·h and ∂L/∂b2 = (y − t)·y(1 − y), with no w2 factor', () => {
    const s = new Stepper({
      net,
      data,
      params,
      options: buildRun(findPreset('chain-1-1-1')!.config).options,
    });
    for (let k = 0; k < 4; k++) s.step();
    expect(s.chain({ kind: 'weight', layer: 2, to: 0, from: 0 }).rule.gradient).toBeCloseTo(
      (y - t) * y * (1 - y) * h,
      14,
    );
    const b2chain = s.chain({ kind: 'bias', layer: 2, to: 0 }).rule;
    expect(b2chain.gradient).toBeCloseTo((y - t) * y * (1 - y), 14);
    expect(b2chain.dzdp).toEqual({ kind: 'one', value: 1 });
    expect(Math.abs(b2chain.gradient - (y - t) * y * (1 - y) * w2)).toBeGreaterThan(1e-3);
    expect(b2chain.gradient).toBeCloseTo(numericGradient(net, params, data)[3]!, 8);
    void b2;
  });

  it('∂L/∂w1 = (y − t)·y(1 − y)·w2·h(1 − h)·x and ∂L/∂b1 drops the x', () => {
    const s = new Stepper(buildRun(findPreset('chain-1-1-1')!.config));
    for (let k = 0; k < 5; k++) s.step();
    expect(s.chain({ kind: 'weight', layer: 1, to: 0, from: 0 }).rule.gradient).toBeCloseTo(
      (y - t) * y * (1 - y) * w2 * h * (1 - h) * x,
      14,
    );
    expect(s.chain({ kind: 'bias', layer: 1, to: 0 }).rule.gradient).toBeCloseTo(
      (y - t) * y * (1 - y) * w2 * h * (1 - h),
      14,
    );
  });
});

describe('seed 004: the deep chain σ(ReLU(ReLU(i·w1)·w2)·w3)', () => {
  it('updates w1 with the w1 chain: ∂a1/∂w1 · ∂a2/∂a1 · ∂a3/∂a2 · ∂C/∂a3', () => {
    const run = buildRun(findPreset('deep-chain')!.config);
    const [w1, , w2, , w3] = Array.from(run.params) as number[];
    const i = 1.5;
    const y = 0.9;
    const a1 = Math.max(0, i * w1!);
    const a2 = Math.max(0, a1 * w2!);
    const a3 = sigmoid(a2 * w3!);
    const dC = 2 * (a3 - y);
    const chainW1 = i * (a1 > 0 ? 1 : 0) * w2! * (a2 > 0 ? 1 : 0) * w3! * a3 * (1 - a3) * dC;
    const s = new Stepper(run);
    s.step('batch');
    expect(s.params[0]).toBeCloseTo(w1! - 0.5 * chainW1, 14);
    expect(s.lastUpdate!.gradient[0]).toBeCloseTo(chainW1, 14);
  });
});
