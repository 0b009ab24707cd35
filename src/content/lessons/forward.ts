/**
 * Note 003: the forward pass of the textbook 2-2-2 example, neuron by neuron.
 */
import { presetConfig } from './lesson.ts';
import type { Lesson } from './lesson.ts';

const TEXTBOOK = presetConfig('textbook-2-2-2');

export const FORWARD: Lesson = {
  name: 'forward',
  title: 'The forward pass of the 2-2-2 example',
  source: 'note 003',
  scenes: [
    {
      title: 'The first hidden neuron',
      config: TEXTBOOK,
      at: [0, 1],
      select: 'n 1 0',
      caption:
        'h1(in) = w1·x1 + w2·x2 + b1 = 0.15·0.05 + 0.2·0.1 + 0.35 = 0.3775 (note 003 prints 0.377), and h1(out) = σ(0.3775) = 0.5933.',
      next: 'Step to compute h2: the same inputs with w3 and w4.',
    },
    {
      title: 'The first output',
      config: TEXTBOOK,
      at: [0, 3],
      select: 'n 2 0',
      caption:
        'o1(in) = w5·h1 + w6·h2 + b2 = 0.4·0.5933 + 0.45·0.5969 + 0.6 = 1.106 (note 003 prints 1.175), o1(out) = σ(1.106) = 0.7514.',
      next: 'Step once more: o2(out) = 0.7729.',
    },
    {
      title: 'Both outputs',
      config: TEXTBOOK,
      at: [0, 4],
      select: 'n 2 1',
      caption:
        'o2(in) = w7·h1 + w8·h2 + b2 = 0.5·0.5933 + 0.55·0.5969 + 0.6 = 1.225, o2(out) = σ(1.225) = 0.7729. The targets are 0.01 and 0.99: both outputs are off.',
      next: 'The next lesson measures how far off: the loss.',
    },
  ],
};
