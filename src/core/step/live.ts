/**
 * Live settings in the stepper: a change of the learning rate, the reduction or the optimiser applies
 * from the current update on, from the current weights and optimiser state, without a restart. What
 * was computed after that update with the old settings is forgotten; everything before it stays.
 */
import type { Segment } from '../train/schedule.ts';
import { fitBatches, largestBatch, newState } from '../train/schedule.ts';
import type { Stepper } from './stepper.ts';

/** Trains with `segments` (the run's whole list of live changes) after update u. */
export function setSegments(s: Stepper, segments: readonly Segment[], u: number): void {
  const before = largestBatch(s.trainer.options, s.trainer.segments);
  s.trainer.segments = segments;
  fitBatches(s.trainer, before);
  const size = newState(s.net, s.trainer.options, segments).length;
  if (size > s.state.length) {
    const grown = new Float64Array(size);
    grown.set(s.state);
    s.state = grown;
  }
  s.history.forgetAfter(u);
}

/** The optimiser's state the coming update starts from (zero where it switches optimiser). */
export function upcomingState(s: Stepper): Float64Array {
  const fresh = s.trainer.segments.some((seg) => seg.from === s.update && seg.resetState);
  return fresh ? new Float64Array(s.state.length) : s.state;
}
