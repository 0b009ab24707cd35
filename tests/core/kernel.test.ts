/** The compiled batch kernel computes exactly the bits of the generic per-neuron loops. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTIVATION_NAMES } from '../../src/core/model/activations.ts';
import type { ActivationName } from '../../src/core/model/activations.ts';
import { generateDataset } from '../../src/core/model/datasets.ts';
import { initParams } from '../../src/core/model/init.ts';
import { compileKernels, kernelSource } from '../../src/core/train/kernel.ts';
import { LOSS_NAMES, REDUCTIONS } from '../../src/core/model/losses.ts';
import type { LossName, Reduction } from '../../src/core/model/losses.ts';
import { createNetwork } from '../../src/core/model/network.ts';
import { createTrainer } from '../../src/core/train/schedule.ts';
import { datasetLoss, runUpdates, trainerLoss } from '../../src/core/train/train.ts';

const hidden = ACTIVATION_NAMES.filter((a) => a !== 'softmax');

describe('the compiled kernel', () => {
  it('is compiled here, from numbers and fixed names only', () => {
    const net = createNetwork([2, 3, 2], ['relu', 'softmax'], 'cross-entropy');
    expect(compileKernels(net, 10)).not.toBeNull();
    // identifiers, numbers, operators: no string literals, nothing from user data
    expect(kernelSource(net)).toMatch(/^[\w\s[\]().;=+\-*/<>!?:,{}]*$/);
  });

  it('is left to the generic loops for large networks, where V8 would not optimise it', () => {
    // 2-16-16-16-16-16-16-16-16-1: 8·16·17 … = 1,969 parameters (ran 10× slower compiled)
    const big = createNetwork([2, ...Array(8).fill(16), 1], Array(9).fill('tanh'), 'half-squared-error');
    expect(big.paramCount).toBe(2 * 16 + 16 + 7 * (16 * 16 + 16) + 16 + 1);
    expect(compileKernels(big, 10)).toBeNull();
    // W2 of the benchmark (2-8×6-1, 393 parameters) stays compiled
    const w2 = createNetwork([2, ...Array(6).fill(8), 1], Array(7).fill('tanh'), 'half-squared-error');
    expect(compileKernels(w2, 10)).not.toBeNull();
  });

  it('trains to the same bits as the generic loops, over random networks', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 4 }),
        fc.array(fc.constantFrom(...hidden), { minLength: 4, maxLength: 4 }),
        fc.constantFrom<ActivationName>(...ACTIVATION_NAMES),
        fc.constantFrom<LossName>(...LOSS_NAMES),
        fc.integer({ min: 1, max: 7 }),
        fc.boolean(),
        fc.integer({ min: 0, max: 1000 }),
        fc.constantFrom<Reduction>(...REDUCTIONS),
        (hid, acts, outAct0, loss, batchSize, shuffle, seed, reduction) => {
          let outAct = outAct0;
          if (loss === 'cross-entropy' && outAct !== 'softmax') outAct = 'sigmoid';
          const oneHot = outAct === 'softmax';
          const data = generateDataset('gaussians', {
            n: 13,
            noise: 0.1,
            seed,
            targets: oneHot ? 'one-hot' : 'binary',
          });
          const sizes = [2, ...hid, oneHot ? 2 : 1];
          const net = createNetwork(sizes, [...hid.map((_, l) => acts[l]!), outAct], loss);
          // "sum" with a smaller rate: it moves batchSize times as far as "mean"
          const learningRate = reduction === 'sum' ? 0.3 / batchSize : 0.3;
          const options = { learningRate, batchSize, trainBiases: seed % 2 === 0, shuffle, seed, reduction };
          const a = initParams(net, 'uniform', seed);
          const b = a.slice();
          const fast = createTrainer(net, data, options);
          const generic = createTrainer(net, data, options, { generic: true });
          expect(fast.kernel).not.toBe(generic.kernel);
          const da = runUpdates(fast, a, 0, 40);
          const db = runUpdates(generic, b, 0, 40);
          expect(da).toEqual(db);
          expect(Array.from(a)).toEqual(Array.from(b));
          expect(trainerLoss(fast, a)).toBe(datasetLoss(net, a, data, generic.ws, reduction));
          expect(trainerLoss(generic, a)).toBe(trainerLoss(fast, a));
        },
      ),
      { numRuns: 300, seed: 7 },
    );
  });

  it('handles batches and data sets larger than its row buffers (full batch of 300, loss in chunks)', () => {
    for (const [batchSize, reduction] of [
      [1, 'mean'],
      [64, 'mean'],
      [65, 'sum'],
      [150, 'mean'],
      [300, 'mean'],
      [300, 'sum'],
    ] as const) {
      const data = generateDataset('spiral', { n: 300, noise: 0.05, seed: batchSize, targets: 'sign' });
      const net = createNetwork([2, 5, 3, 1], ['tanh', 'sigmoid', 'tanh'], 'mean-squared-error');
      const learningRate = reduction === 'sum' ? 0.1 / batchSize : 0.1;
      const options = { learningRate, batchSize, trainBiases: true, shuffle: true, seed: 3, reduction };
      const a = initParams(net, 'he', 9);
      const b = a.slice();
      const fast = createTrainer(net, data, options);
      const generic = createTrainer(net, data, options, { generic: true });
      runUpdates(fast, a, 0, 2 * fast.updatesPerEpoch);
      runUpdates(generic, b, 0, 2 * generic.updatesPerEpoch);
      expect(Array.from(a)).toEqual(Array.from(b));
      expect(trainerLoss(fast, a)).toBe(datasetLoss(net, a, data, generic.ws, reduction));
      expect(trainerLoss(generic, a)).toBe(trainerLoss(fast, a));
    }
  });
});
