/**
 * Training runs: whole updates on the fast path (the trainer's kernel, then the update rule of
 * `schedule.ts`), and the loss and gradient of a whole data set.
 *
 * The reduction says what the loss of a data set does with the per-sample losses: "mean" (the
 * default) divides their sum by the number of samples, "sum" (the notes' E = E1 + E2 + E3) keeps it.
 */
import type { Dataset } from '../model/datasets.ts';
import { findDivergence } from './divergence.ts';
import type { Divergence } from './divergence.ts';
import { reduceLoss } from '../model/losses.ts';
import type { Reduction } from '../model/losses.ts';
import { accumulateSample, lossOfSample } from '../model/network.ts';
import type { Network, Workspace } from '../model/network.ts';
import {
  applyUpdate,
  batchOf,
  epochOrder,
  lossKernelFor,
  NO_STATE,
  optionsAt,
  startUpdate,
  updatesForEpochs,
} from './schedule.ts';
import type { Trainer } from './schedule.ts';

/**
 * Runs `count` updates starting at update index `from`, changing `params` and the optimiser `state`
 * (`newState`) in place. Returns null, or the divergence (NaN or ∞) at the first computation where
 * it appeared; then `params` and `state` hold the values from before the failing update.
 */
export function runUpdates(
  tr: Trainer,
  params: Float64Array,
  from: number,
  count: number,
  state: Float64Array = NO_STATE,
): Divergence | null {
  const { net, data, grads, kernel } = tr;
  const { X, T } = data;
  for (let u = from; u < from + count; u++) {
    const { epoch, start, end } = batchOf(tr, u);
    const order = epochOrder(tr, epoch);
    // A non-finite gradient shows up as a non-finite parameter after the update (checked there).
    if (kernel(params, grads, X, T, order, start, end) >= 0) {
      grads.fill(0);
      return findDivergence(tr, params, u, state);
    }
    startUpdate(tr, u, state);
    tr.previous.set(params);
    if (tr.previousState.length !== state.length) tr.previousState = state.slice();
    else tr.previousState.set(state);
    if (!applyUpdate(net, params, grads, optionsAt(tr, u), end - start, state)) {
      params.set(tr.previous);
      state.set(tr.previousState);
      return findDivergence(tr, params, u, state);
    }
  }
  return null;
}

/** Runs whole epochs from update index `from`. */
export function runEpochs(
  tr: Trainer,
  params: Float64Array,
  from: number,
  epochs: number,
  state: Float64Array = NO_STATE,
): Divergence | null {
  return runUpdates(tr, params, from, updatesForEpochs(tr, from, epochs), state);
}

/** The loss of the whole data set at `params`, with the trainer's (compiled) kernel for `reduction`. */
export function trainerLoss(tr: Trainer, params: Float64Array, reduction?: Reduction): number {
  const kernel = reduction ? lossKernelFor(tr, reduction) : tr.lossKernel;
  return kernel(params, tr.data.X, tr.data.T, tr.data.n);
}

/** The loss of the whole data set: the mean (default) or the sum of the per-sample losses. */
export function datasetLoss(
  net: Network,
  params: Float64Array,
  data: Dataset,
  ws: Workspace,
  reduction: Reduction = 'mean',
): number {
  let sum = 0;
  for (let r = 0; r < data.n; r++) sum += lossOfSample(net, params, ws, data, r);
  return reduceLoss(sum, data.n, reduction);
}

/** The gradient of the data-set loss (the mean, or the sum, of per-sample gradients) into `out`. */
export function datasetGradient(
  net: Network,
  params: Float64Array,
  data: Dataset,
  ws: Workspace,
  out: Float64Array,
  reduction: Reduction = 'mean',
): void {
  out.fill(0);
  for (let r = 0; r < data.n; r++) accumulateSample(net, params, ws, data, r, out);
  if (reduction === 'sum') return;
  for (let k = 0; k < out.length; k++) out[k] = out[k]! / data.n;
}
