/**
 * Note 003: backpropagation of the textbook 2-2-2 example — an output weight, a hidden weight
 * (summed over both outputs), the update.
 */
import { presetConfig } from './lesson.ts';
import type { Lesson } from './lesson.ts';

const TEXTBOOK = presetConfig('textbook-2-2-2');

export const BACKPROP: Lesson = {
  name: 'backprop',
  title: 'Backpropagation of the 2-2-2 example',
  source: 'note 003',
  scenes: [
    {
      title: 'An output weight: w5',
      config: TEXTBOOK,
      at: [0, 6],
      select: 'w 2 0 0',
      insight: 'check',
      caption: '∂E/∂w5 = ∂E/∂out_o1 · ∂out_o1/∂net_o1 · ∂net_o1/∂w5 = 0.7414 · 0.1868 · 0.5933 = 0.08217.',
      next: 'The gradient check beside it agrees to many digits. Step on through the backward pass.',
    },
    {
      title: 'A hidden weight: w1 sums over both outputs',
      config: TEXTBOOK,
      at: [0, 9],
      select: 'w 1 0 0',
      caption:
        '∂E/∂out_h1 = δ_o1·w5 + δ_o2·w7 = 0.1385 · 0.4 + (−0.0381) · 0.5 = 0.03635 (h1 feeds o1 through w5 and o2 through w7), so ∂E/∂w1 = 0.03635 · σ′(net_h1) · x1 = 0.03635 · 0.2413 · 0.05 = 0.0004386. Every gradient uses the weights of the same forward pass.',
      next: 'Step once more to apply the update to all eight weights at once.',
    },
    {
      title: 'The update',
      config: TEXTBOOK,
      at: [1, 0],
      select: 'w 2 0 0',
      caption:
        'w5 ← 0.4 − 0.5 · 0.08217 = 0.3589, w1 ← 0.15 − 0.5 · 0.0004386 = 0.1498. The loss falls from 0.2984 to 0.291 (to nine digits 0.291027774; the widely copied blog prints 0.291027924, from older code that updated w5…w8 before computing the hidden deltas).',
      next: 'Play at full speed, or type 10,000 in “Go to update” under the diagram: after 10,000 updates E_total is 3.51×10⁻⁵ (the blog prints 0.0000351085).',
    },
  ],
};
