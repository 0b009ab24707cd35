/**
 * Live changes of settings as segments of the schedule: from update `from` on, `options`. A segment
 * knows where in the sample order it starts (the epoch, the position in that epoch's order and the
 * batch index there), so a change of batch size takes the next batch from where the last one ended:
 * the rest of that epoch in batches of the new size (the last one smaller), then whole epochs.
 */
import type { TrainOptions } from './schedule.ts';

export interface BatchRange {
  readonly epoch: number;
  /** Index of this batch within its epoch. */
  readonly batch: number;
  /** Positions start…end−1 in the epoch's order. */
  readonly start: number;
  readonly end: number;
}

/** Where a stretch of the schedule starts: its first update, epoch, position and batch index there. */
export interface Placed {
  readonly from: number;
  readonly epoch: number;
  readonly offset: number;
  readonly batch0: number;
  readonly options: TrainOptions;
}

/**
 * Settings changed while training: from update `from` on, `options` (the learning rate, the batch
 * size, the reduction and the optimiser may differ from the run's). `resetState`: the optimiser
 * changed, so its state starts from zero at that update.
 */
export interface Segment extends Placed {
  readonly resetState: boolean;
}

/** The batch of update u (u ≥ seg.from) in a stretch of `n` samples per epoch. */
export function locate(seg: Placed, n: number, u: number): BatchRange {
  const B = seg.options.batchSize;
  const local = u - seg.from;
  const first = Math.ceil((n - seg.offset) / B); // the batches left in the starting epoch
  if (local < first) {
    const start = seg.offset + local * B;
    return { epoch: seg.epoch, batch: seg.batch0 + local, start, end: Math.min(n, start + B) };
  }
  const perEpoch = Math.ceil(n / B);
  const k = local - first;
  const whole = Math.floor(k / perEpoch);
  const batch = k - whole * perEpoch;
  const start = batch * B;
  return { epoch: seg.epoch + 1 + whole, batch, start, end: Math.min(n, start + B) };
}

/** The segments of a list of changes (in update order) over `n` samples per epoch. */
export function segmentsOf(
  start: TrainOptions,
  changes: readonly { readonly from: number; readonly options: TrainOptions }[],
  n: number,
): Segment[] {
  let prev: Placed = { from: 0, epoch: 0, offset: 0, batch0: 0, options: start };
  let name = start.optimizer?.name ?? 'sgd';
  return changes.map((c) => {
    const at = locate(prev, n, c.from);
    const next = c.options.optimizer?.name ?? 'sgd';
    const seg: Segment = {
      from: c.from,
      epoch: at.epoch,
      offset: at.start,
      batch0: at.batch,
      options: c.options,
      resetState: next !== name,
    };
    name = next;
    prev = seg;
    return seg;
  });
}
