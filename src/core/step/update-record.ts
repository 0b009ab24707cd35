/**
 * What the last update did, for the chain panel's update line: the parameters before it, the batch
 * gradient it used (mean or sum), and the optimiser's state before and after it. Rebuilt after a
 * jump in time from the history, since stepping is what records it.
 */
import type { ParamHistory } from './history.ts';
import { accumulateSample } from '../model/network.ts';
import { batchGradient, batchOf, epochOrder, optionsAt } from '../train/schedule.ts';
import type { Trainer } from '../train/schedule.ts';

/** The last update step (the optimiser's state is empty for gradient descent). */
export interface UpdateRecord {
  readonly update: number;
  readonly before: Float64Array;
  readonly gradient: Float64Array;
  readonly batchLength: number;
  readonly stateBefore: Float64Array;
  readonly stateAfter: Float64Array;
}

/** The record of update u, whose result (parameters and state after it) the stepper holds now. */
export function rebuildUpdate(
  tr: Trainer,
  history: ParamHistory,
  u: number,
  stateAfter: Float64Array,
): UpdateRecord {
  const { net, data } = tr;
  const before = new Float64Array(net.paramCount);
  const stateBefore = stateAfter.slice();
  history.paramsAt(u, before, stateBefore);
  const b = batchOf(tr, u);
  const order = epochOrder(tr, b.epoch);
  const sums = new Float64Array(net.paramCount);
  for (let s = b.start; s < b.end; s++) accumulateSample(net, before, tr.ws, data, order[s]!, sums);
  const len = b.end - b.start;
  return {
    update: u,
    before,
    gradient: batchGradient(sums, len, optionsAt(tr, u)),
    batchLength: len,
    stateBefore,
    stateAfter: stateAfter.slice(),
  };
}
