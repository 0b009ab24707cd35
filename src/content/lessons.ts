/**
 * The guided lessons, in teaching order: the five lecture notes, one file per lesson under lessons/
 * (what a lesson and a scene are: lessons/lesson.ts). The link codec opens a scene by its lesson's
 * name (`lesson=…&scene=…`).
 */
import { BACKPROP } from './lessons/backprop.ts';
import { BATCHES } from './lessons/batches.ts';
import { CHAIN_RULE } from './lessons/chain-rule.ts';
import { FACE_CAR } from './lessons/face-car.ts';
import { FORWARD } from './lessons/forward.ts';
import { GRADIENT_DESCENT } from './lessons/gradient-descent.ts';
import type { Lesson } from './lessons/lesson.ts';
import { LOSS } from './lessons/loss.ts';
import { NEURON_LESSON } from './lessons/neuron.ts';
import { VANISHING } from './lessons/vanishing.ts';

export const LESSONS: readonly Lesson[] = [
  NEURON_LESSON,
  FORWARD,
  LOSS,
  CHAIN_RULE,
  BACKPROP,
  GRADIENT_DESCENT,
  BATCHES,
  VANISHING,
  FACE_CAR,
];

export function findLesson(name: string): Lesson | undefined {
  return LESSONS.find((l) => l.name === name);
}
