/** Configs shared by several tests. */
import type { Config } from '../src/config/schema.ts';

/** One linear neuron with a rate so large that every update overshoots further: diverges in a few updates. */
export const EXPLODING: Config = {
  layers: [1, 1],
  activations: ['linear'],
  loss: 'squared-error',
  learningRate: 90,
  batchSize: 1,
  trainBiases: true,
  shuffle: false,
  seed: 1,
  weights: [[[1]]],
  biases: [[0]],
  data: { inputs: [[100]], targets: [[0]] },
};
