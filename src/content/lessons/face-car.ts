/**
 * Note 001: the face/car classifier with one-hot targets.
 */
import { presetConfig } from './lesson.ts';
import type { Lesson } from './lesson.ts';

export const FACE_CAR: Lesson = {
  name: 'face-car',
  title: 'The face/car classifier with one-hot targets',
  source: 'note 001',
  scenes: [
    {
      title: 'z⁽¹⁾ = x·W⁽¹⁾, a⁽¹⁾ = σ(z⁽¹⁾), z⁽²⁾ = a⁽¹⁾·W⁽²⁾, a⁽²⁾ = σ(z⁽²⁾)',
      config: presetConfig('face-car'),
      at: [0, 5],
      select: 'n 2 0',
      caption:
        'A picture is three features (round outline, wheels, skin tone). The two outputs score “face” and “car”; the target of a face is y = [1, 0] (one-hot). Layers count from 1, as in the panel (note 001 counts them from zero).',
      next: 'Step to the loss.',
    },
    {
      title: 'C = ‖a⁽²⁾ − y‖²',
      config: presetConfig('face-car'),
      at: [0, 7],
      select: 'w 2 0 0',
      caption:
        'The cost adds the squared error of both outputs; the backward pass has just begun at the “face” output. Its derivative is ∂C/∂a⁽²⁾ = 2(a⁽²⁾ − y) (note 001 drops the parentheses: 2a − y).',
      next: 'Step through the rest of the backward pass to a weight of W⁽¹⁾.',
    },
    {
      title: '∂C/∂w⁽¹⁾₁₁: five factors',
      config: presetConfig('face-car'),
      at: [0, 11],
      select: 'w 1 0 0',
      caption:
        '∂C/∂w⁽¹⁾₁₁ = ∂C/∂a⁽²⁾ · ∂a⁽²⁾/∂z⁽²⁾ · ∂z⁽²⁾/∂a⁽¹⁾ · ∂a⁽¹⁾/∂z⁽¹⁾ · ∂z⁽¹⁾/∂w⁽¹⁾₁₁, summed over both outputs; a⁽¹⁾ was computed in the forward pass and is cached.',
      next: 'Play an epoch at a time: both classes separate within a few dozen epochs.',
    },
  ],
};
