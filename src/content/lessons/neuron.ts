/**
 * Note 000: one sigmoid neuron — a dot product and an activation, its loss, and dL/dw and dL/db by
 * the chain rule.
 */
import type { Config } from '../../config/schema.ts';
import type { Lesson } from './lesson.ts';

/** Note 000: one sigmoid neuron, x = (0, 1), w = (2, 3), L = (y_pred − y_true)². */
const NEURON: Config = {
  layers: [2, 1],
  activations: ['sigmoid'],
  loss: 'squared-error',
  learningRate: 0.5,
  batchSize: 1,
  trainBiases: true,
  shuffle: false,
  seed: 1,
  weights: [[[2, 3]]],
  biases: [[0]],
  data: { inputs: [[0, 1]], targets: [[1]], columns: ['x1', 'x2', 'y_true'] },
};

export const NEURON_LESSON: Lesson = {
  name: 'neuron',
  title: 'The neuron and the dot product',
  source: 'note 000',
  scenes: [
    {
      title: 'A neuron is a dot product, then an activation',
      config: NEURON,
      at: [0, 1],
      select: 'n 1 0',
      insight: 'neuron',
      caption:
        'The input x = (0, 1) meets the weights w = (2, 3): z = x·w + b = 0·2 + 1·3 + 0 = 3, and the neuron outputs a = σ(3) = 0.9526.',
      next: 'The neuron panel measures how alike x and w are: ‖x‖ = 1, ‖w‖ = √13 = 3.606, cos θ = 3/(1 · 3.606) = 0.8321 (θ = 33.69°). Type a new weight (click it) and watch z and cos θ change.',
    },
    {
      title: 'The loss of one neuron',
      config: NEURON,
      at: [0, 2],
      select: 'w 1 0 1',
      caption:
        'With y_true = 1 the loss is L = (y_pred − y_true)² = (0.9526 − 1)² = 0.002249. Small, but not zero: the weights can still improve.',
      next: 'Step once more to send the error back to the weights.',
    },
    {
      title: 'dL/dw and dL/db by the chain rule',
      config: NEURON,
      at: [0, 3],
      select: 'w 1 0 1',
      insight: 'check',
      caption:
        'dL/dw2 = dL/dy_pred · dy_pred/dz · dz/dw2 = 2(y_pred − y_true) · σ′(z) · x2 = 2(0.9526 − 1) · 0.04518 · 1 = (−0.09485) · 0.04518 · 1 = −0.004285. For w1 the last factor is x1 = 0, so dL/dw1 = 0: a weight whose input is 0 does not learn from this sample.',
      next: 'Select the bias: dz/db = 1, so dL/db = −0.004285 as well. The gradient check beside the chain rule confirms the number by finite differences.',
    },
  ],
};
