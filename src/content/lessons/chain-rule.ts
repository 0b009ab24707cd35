/**
 * Notes 002 and 003: the chain rule on the 1-1-1 chain — rates along a chain multiply.
 */
import { presetConfig } from './lesson.ts';
import type { Lesson } from './lesson.ts';

export const CHAIN_RULE: Lesson = {
  name: 'chain-rule',
  title: 'The chain rule on the 1-1-1 chain',
  source: 'notes 002, 003',
  scenes: [
    {
      title: 'Weight → height → shoe size',
      config: presetConfig('chain-1-1-1'),
      at: [0, 5],
      select: 'w 1 0 0',
      caption:
        'Note 003: height grows 2 cm per kg of weight and shoe size grows 1/4 per cm of height, so shoe size grows 2 · 1/4 = 0.5 per kg: rates along a chain multiply. Here ŷ = σ(w2·σ(w1·x + b1) + b2), and ∂L/∂w1 multiplies one factor per link from w1 to the loss.',
      next: 'Read the chain panel top to bottom: each factor with its number, then their product. Step back (←) to see which factors were computed when.',
    },
    {
      title: 'The output bias: no w2 factor',
      config: presetConfig('chain-1-1-1'),
      at: [0, 5],
      select: 'b 2 0',
      caption:
        '∂L/∂b2 = (y − t) · y(1 − y) · 1: the bias enters z2 directly, so there is no w2 in its chain (note 002 adds one).',
      next: 'Select w2: its last factor is h = σ(w1·x + b1), cached from the forward pass.',
    },
  ],
};
