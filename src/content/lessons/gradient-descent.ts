/**
 * Note 001: gradient descent and the sign of the slope, on one weight.
 */
import type { Config } from '../../config/schema.ts';
import type { Lesson } from './lesson.ts';

/** Note 001's slope picture: one weight, ½(w·x − t)² with x = 1, so the slope is w − t. */
function slope(w: number, t: number): Config {
  return {
    layers: [1, 1],
    activations: ['linear'],
    loss: 'half-squared-error',
    learningRate: 0.05,
    batchSize: 1,
    trainBiases: false,
    shuffle: false,
    seed: 1,
    weights: [[[w]]],
    biases: [[0]],
    data: { inputs: [[1]], targets: [[t]], columns: ['x', 't'] },
  };
}

export const GRADIENT_DESCENT: Lesson = {
  name: 'gradient-descent',
  title: 'Gradient descent and the sign of the slope',
  source: 'note 001',
  scenes: [
    {
      title: 'A positive slope: step left',
      config: slope(2, -1),
      at: [0, 3],
      select: 'w 1 0 0',
      insight: 'slope',
      caption:
        'C(w) = ½(w·1 − (−1))². At w = 2 the slope ∂C/∂w = 3 is positive: C grows to the right, so w must decrease. w_new = w − α · slope = 2 − 0.05 · 3.',
      next: 'Step to apply the update.',
    },
    {
      title: '2 − 0.05 · 3 = 1.85',
      config: slope(2, -1),
      at: [1, 0],
      select: 'w 1 0 0',
      insight: 'slope',
      caption: 'w = 1.85: one step down the slope. The loss went from ½ · 3² = 4.5 to ½ · 2.85² = 4.061.',
      next: 'Next scene: a negative slope.',
    },
    {
      title: 'A negative slope: step right',
      config: slope(5, 7),
      at: [0, 3],
      select: 'w 1 0 0',
      insight: 'slope',
      caption:
        'C(w) = ½(w − 7)². At w = 5 the slope is −2: C falls to the right, so w must increase. w_new = 5 − 0.05 · (−2) = 5.1.',
      next: 'Step to apply it, then try a learning rate of 2.5 in the Setup: the step overshoots the minimum.',
    },
    {
      title: '5 − 0.05 · (−2) = 5.1',
      config: slope(5, 7),
      at: [1, 0],
      select: 'w 1 0 0',
      insight: 'slope',
      caption: 'w = 5.1. Whatever the sign of the slope, w − α · slope moves downhill.',
      next: 'Play slowly and watch the steps shrink as the slope flattens near w = 7.',
    },
  ],
};
