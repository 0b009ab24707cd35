/** Analytic gradients against central finite differences, over random networks of every kind. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTIVATION_NAMES, activate, activationDerivative, ACT } from '../../src/core/model/activations.ts';
import type { ActivationName } from '../../src/core/model/activations.ts';
import { datasetFromRows } from '../../src/core/model/datasets.ts';
import { LOSS_NAMES } from '../../src/core/model/losses.ts';
import type { LossName } from '../../src/core/model/losses.ts';
import { createNetwork, createWorkspace, forwardAll, loadInput } from '../../src/core/model/network.ts';
import { datasetGradient } from '../../src/core/train/train.ts';
import { numericGradient } from './helpers.ts';

const hidden = ACTIVATION_NAMES.filter((a) => a !== 'softmax');

/** A random network, parameters and data; outputs suit the loss (cross-entropy: sigmoid/softmax). */
const arbCase = fc
  .record({
    sizes: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 2, maxLength: 5 }),
    hiddenActs: fc.array(fc.constantFrom(...hidden), { minLength: 4, maxLength: 4 }),
    outAct: fc.constantFrom<ActivationName>(...ACTIVATION_NAMES),
    loss: fc.constantFrom<LossName>(...LOSS_NAMES),
    seed: fc.integer({ min: 0, max: 1e9 }),
    rows: fc.integer({ min: 1, max: 4 }),
  })
  .map((c) => {
    const sizes = [...c.sizes];
    let outAct = c.outAct;
    if (c.loss === 'cross-entropy' && outAct !== 'softmax') outAct = 'sigmoid';
    if (outAct === 'softmax' && sizes[sizes.length - 1]! < 2) sizes[sizes.length - 1] = 2;
    const acts = [...sizes.slice(1, -1).map((_, l) => c.hiddenActs[l]!), outAct];
    return { ...c, sizes, acts };
  });

/** Deterministic pseudo-random numbers for the test data (independent of the core's generator). */
function lcg(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32) * 2 - 1;
}

describe('backprop gradients equal central finite differences', () => {
  it('for random networks, activations and losses', () => {
    fc.assert(
      fc.property(arbCase, (c) => {
        const net = createNetwork(c.sizes, c.acts, c.loss);
        const r = lcg(c.seed);
        const params = Float64Array.from({ length: net.paramCount }, () => r());
        const nIn = c.sizes[0]!;
        const nOut = c.sizes[c.sizes.length - 1]!;
        const inputs = Array.from({ length: c.rows }, () => Array.from({ length: nIn }, () => r()));
        const targets = Array.from({ length: c.rows }, () => {
          if (c.acts[c.acts.length - 1] === 'softmax') {
            const k = Math.floor(((r() + 1) / 2) * nOut) % nOut;
            return Array.from({ length: nOut }, (_, m) => (m === k ? 1 : 0));
          }
          return Array.from({ length: nOut }, () => (c.loss === 'cross-entropy' ? (r() + 1) / 2 : r()));
        });
        const data = datasetFromRows(inputs, targets);
        // ReLU kinks: finite differences are meaningless within h of z = 0; skip those cases.
        const ws = createWorkspace(net);
        for (let s = 0; s < c.rows; s++) {
          loadInput(net, ws, data.X, s * nIn);
          forwardAll(net, params, ws);
          for (let k = nIn; k < net.neuronCount; k++) fc.pre(Math.abs(ws.z[k]!) > 1e-4);
        }
        const analytic = new Float64Array(net.paramCount);
        datasetGradient(net, params, data, createWorkspace(net), analytic);
        const numeric = numericGradient(net, params, data);
        for (let k = 0; k < net.paramCount; k++) {
          const tol = 1e-6 + 1e-5 * Math.abs(numeric[k]!);
          if (Math.abs(analytic[k]! - numeric[k]!) > tol) {
            throw new Error(
              `param ${k}: analytic ${analytic[k]} numeric ${numeric[k]} (${JSON.stringify(c)})`,
            );
          }
        }
      }),
      { numRuns: 300, seed: 20261122 },
    );
  });
});

describe('activations', () => {
  it('leaky ReLU passes 1% of a negative input and has slope 0.01 there', () => {
    const code = ACT['leaky-relu'];
    expect(activate(code, -2)).toBeCloseTo(-0.02, 15);
    expect(activationDerivative(code, -2, activate(code, -2))).toBe(0.01);
    expect(activate(code, 3)).toBe(3);
    expect(activationDerivative(code, 3, 3)).toBe(1);
    // ReLU on the same inputs: 0 and slope 0.
    expect(activate(ACT.relu, -2)).toBe(0);
    expect(activationDerivative(ACT.relu, -2, 0)).toBe(0);
  });

  it('a leaky ReLU neuron with a negative sum still passes a gradient back', () => {
    const net = createNetwork([1, 1, 1], ['leaky-relu', 'linear'], 'half-squared-error');
    // z1 = −1·2 + 0 = −2 → a1 = −0.02; y = 1·a1 = −0.02; t = 1 → ∂L/∂w1 = (y − t)·w2·0.01·x
    const params = Float64Array.from([-1, 0, 1, 0]);
    const data = datasetFromRows([[2]], [[1]]);
    const g = new Float64Array(4);
    datasetGradient(net, params, data, createWorkspace(net), g);
    expect(g[0]).toBeCloseTo((-0.02 - 1) * 1 * 0.01 * 2, 14);
  });

  it('sigmoid and tanh derivatives are σ(1 − σ) and 1 − tanh² (against finite differences)', () => {
    for (const name of ['sigmoid', 'tanh'] as const) {
      const code = ACT[name];
      for (const z of [-3, -0.5, 0, 0.7, 4]) {
        const h = 1e-6;
        const numeric = (activate(code, z + h) - activate(code, z - h)) / (2 * h);
        expect(activationDerivative(code, z, activate(code, z))).toBeCloseTo(numeric, 8);
      }
    }
  });
});
