/**
 * The benchmark workloads, shared by `npm run bench` and `npm run bench:browser`.
 * W1: 2 inputs, hidden [4, 2] tanh, 1 tanh output, half-squared-error, lr 0.03, batch 10, 250 points
 * of the circle set (labels ±1). W2: the same with hidden [8, 8, 8, 8, 8, 8].
 */
import type { Config } from '../src/config/schema.ts';

export function circleWorkload(hidden: number[]): Config {
  return {
    layers: [2, ...hidden, 1],
    activations: [...hidden.map(() => 'tanh' as const), 'tanh'],
    loss: 'half-squared-error',
    learningRate: 0.03,
    batchSize: 10,
    trainBiases: true,
    shuffle: false,
    seed: 1,
    init: 'xavier',
    dataset: { name: 'circle', n: 250, noise: 0, seed: 1, targets: 'sign', test: 0 },
  };
}

export const W1 = circleWorkload([4, 2]);
export const W2 = circleWorkload([8, 8, 8, 8, 8, 8]);
