/**
 * Note 003: per-sample and batch updates, epochs, on the X1 X2 Y table (whose raw inputs saturate
 * the sigmoids).
 */
import { presetConfig } from './lesson.ts';
import type { Lesson } from './lesson.ts';

const X1X2Y = presetConfig('table-x1x2y');

export const BATCHES: Lesson = {
  name: 'batches',
  title: 'Per-sample and batch updates, epochs',
  source: 'note 003',
  scenes: [
    {
      title: 'One update per sample',
      config: { ...X1X2Y, batchSize: 1 },
      at: [1, 0],
      select: 'w 2 0 0',
      caption:
        'Batch size 1: forward, loss, backward and an update after every row. One pass over the three rows of X1 X2 Y (an epoch) makes three updates. The loss in the status line is the notes’ total error over the table, E = E1 + E2 + E3.',
      next: 'Next: the way of note 003 — the total error of the epoch first, then one update.',
    },
    {
      title: 'The whole table, then one update',
      config: X1X2Y,
      at: [0, 21],
      select: 'b 2 0',
      caption:
        'Batch size 3, loss of the batch “sum over samples”: all three rows go forward and back before anything changes. The total error is E = E1 + E2 + E3 = 100 + 625 + 1296 = 2021 (the raw inputs drive the sigmoids to 0, so the output is about 0 against the targets 10, 25, 36), and the update uses the sum of the three gradients, w ← w − α Σₛ ∂Lₛ/∂w (Lₛ: row s’s error Eₛ); for the output bias Σₛ 2(yₛ − tₛ) = −142.',
      next: 'Step once to apply that single update: b ← 0 − 0.001 · (−142) = 0.142. The epoch counter moves on: one update per epoch.',
    },
    {
      title: 'Raw inputs saturate the sigmoids',
      config: X1X2Y,
      at: [1, 0],
      select: 'w 1 0 0',
      caption:
        'X1 runs from 20 to 90: on the first row (X1 = 90, X2 = 40) the first hidden neuron sums to z = −97.38 (step once to see it), where σ′(z) ≈ 0. The update moved the output bias to 0.142 and E from 2021 to 2001, but almost no gradient reaches the first layer: the Data panel measures it.',
      next: 'Tick “standardise inputs” in the Data panel and play both: the standardised net learns.',
    },
  ],
};
