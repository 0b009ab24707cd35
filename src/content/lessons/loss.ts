/**
 * Note 003: the loss of the textbook 2-2-2 example, E_total = Σ ½(target − out)².
 */
import { presetConfig } from './lesson.ts';
import type { Lesson } from './lesson.ts';

const TEXTBOOK = presetConfig('textbook-2-2-2');

export const LOSS: Lesson = {
  name: 'loss',
  title: 'The loss',
  source: 'note 003',
  scenes: [
    {
      title: 'E_total = Σ ½(target − out)²',
      config: TEXTBOOK,
      at: [0, 5],
      select: 'w 2 0 0',
      caption:
        'E_o1 = ½(0.01 − 0.7514)² = 0.2748 and E_o2 = ½(0.99 − 0.7729)² = 0.02356 (note 003 prints 0.23), so E_total = E_o1 + E_o2 = 0.2984 (note 003 prints 0.50).',
      next: 'In the Setup, switch the loss to “squared error” (no ½): every loss value doubles, and so does every gradient. The notes use both conventions; the panel always writes the one selected.',
    },
  ],
};
