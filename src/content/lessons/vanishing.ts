/**
 * Notes 003 and 004: vanishing gradients — a deep sigmoid chain against ReLU, and the notes' deep
 * chain.
 */
import type { Config } from '../../config/schema.ts';
import { presetConfig } from './lesson.ts';
import type { Lesson } from './lesson.ts';

/** A chain of five one-neuron layers, every weight 1, no biases: sigmoid all the way, or ReLU inside. */
function deep(hidden: 'sigmoid' | 'relu'): Config {
  return {
    layers: [1, 1, 1, 1, 1, 1],
    activations: [hidden, hidden, hidden, hidden, 'sigmoid'],
    loss: 'half-squared-error',
    learningRate: 0.5,
    batchSize: 1,
    trainBiases: false,
    shuffle: false,
    seed: 1,
    weights: [[[1]], [[1]], [[1]], [[1]], [[1]]],
    biases: [[0], [0], [0], [0], [0]],
    data: { inputs: [[1]], targets: [[0.9]] },
  };
}

export const VANISHING: Lesson = {
  name: 'vanishing',
  title: 'Vanishing gradients: a deep sigmoid chain vs ReLU',
  source: 'notes 003, 004',
  scenes: [
    {
      title: 'Five sigmoids: the gradient shrinks layer by layer',
      config: deep('sigmoid'),
      at: [0, 11],
      select: 'w 1 0 0',
      insight: 'layers',
      caption:
        'Every layer multiplies the backward signal by σ′(z) · w, and σ′(z) ≤ 0.25. From w5 back to w1 the gradient shrinks from −0.03569 to −0.0001171 — about 300 times smaller.',
      next: 'Next scene: the same chain with ReLU inside.',
    },
    {
      title: 'ReLU inside: the gradient passes unchanged',
      config: deep('relu'),
      at: [0, 11],
      select: 'w 1 0 0',
      insight: 'layers',
      caption:
        'ReLU′(z) = 1 for z > 0, so every weight of the chain gets the same gradient, −0.03322: nothing vanishes.',
      next: 'A ReLU with z < 0 passes nothing at all (a “dead” unit): type w1 = −1 and step through.',
    },
    {
      title: 'The notes’ deep chain σ(ReLU(ReLU(i·w1)·w2)·w3)',
      config: presetConfig('deep-chain'),
      at: [0, 7],
      select: 'w 1 0 0',
      caption:
        'C = (y_p − y)². The update of w1 uses the w1 chain: ∂C/∂a⁽³⁾ · ∂a⁽³⁾/∂a⁽²⁾ · ∂a⁽²⁾/∂a⁽¹⁾ · ∂a⁽¹⁾/∂w1 (note 004 writes w3 on the left of that line).',
      next: 'Select w3 and w2 and compare their chains: each is a tail of w1’s.',
    },
  ],
};
