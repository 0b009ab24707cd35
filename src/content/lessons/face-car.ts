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
      title: 'm0 = x·W0, a0 = σ(m0), m1 = a0·W1, a1 = σ(m1)',
      config: presetConfig('face-car'),
      at: [0, 5],
      select: 'n 2 0',
      caption:
        'A picture is three features (round outline, wheels, skin tone). The two outputs score “face” and “car”; the target of a face is y = [1, 0] (one-hot).',
      next: 'Step to the loss.',
    },
    {
      title: 'C = ‖a1 − y‖²',
      config: presetConfig('face-car'),
      at: [0, 7],
      select: 'w 2 0 0',
      caption:
        'The cost adds the squared error of both outputs; the backward pass has just begun at the “face” output. Its derivative is ∂C/∂a1 = 2(a1 − y) (note 001 prints 2a1 − y).',
      next: 'Step through the rest of the backward pass to a weight of W0.',
    },
    {
      title: '∂C/∂w0: five factors',
      config: presetConfig('face-car'),
      at: [0, 11],
      select: 'w 1 0 0',
      caption:
        '∂C/∂w0 = ∂C/∂a1 · ∂a1/∂m1 · ∂m1/∂a0 · ∂a0/∂m0 · ∂m0/∂w0, summed over both outputs; a0 was computed in the forward pass and is cached.',
      next: 'Play an epoch at a time: both classes separate within a few dozen epochs.',
    },
  ],
};
