/**
 * The schedule of training: the options, the trainer that holds what a run reuses, which samples an
 * update uses, in which order, and the update rule.
 *
 * The schedule is a pure function of the update index u: with n samples and batch size B there are
 * ⌈n/B⌉ updates per epoch; update u belongs to epoch ⌊u / ⌈n/B⌉⌋ and uses the next slice of that
 * epoch's order (0…n−1, or a permutation seeded by (seed, epoch) when shuffling; the last slice is
 * smaller when B does not divide n). So any position can be replayed from any earlier parameters.
 *
 * Every gradient of an update is taken at the parameters before that update. The reduction says what
 * an update does with the per-sample gradients: "mean" (the default) divides the accumulated gradient
 * by the batch length; "sum" (the notes' E = E1 + E2 + E3) uses the sum as it is:
 * w ← w − α Σ_s ∂L_s/∂w.
 */
import type { Dataset } from '../model/datasets.ts';
import { compileKernels, genericKernel, genericLoss } from './kernel.ts';
import type { BatchKernel, LossKernel } from './kernel.ts';
import type { Reduction } from '../model/losses.ts';
import { createWorkspace } from '../model/network.ts';
import type { Network, Workspace } from '../model/network.ts';
import { permutation, rngFor } from '../model/rng.ts';
import { isPlain, stateSize, updateRange } from './optimizers.ts';
import { locate } from './segments.ts';
import type { BatchRange, Placed, Segment } from './segments.ts';

export type { BatchRange, Segment } from './segments.ts';
export { segmentsOf } from './segments.ts';
import type { OptimizerOptions } from './optimizers.ts';

export interface TrainOptions {
  readonly learningRate: number;
  /** Samples per update: 1 = after every sample, n = full batch. */
  readonly batchSize: number;
  /** When false, biases keep their initial values (as in the notes' 2-2-2 example). */
  readonly trainBiases: boolean;
  /** Shuffle the sample order each epoch, seeded by (seed, epoch). */
  readonly shuffle: boolean;
  readonly seed: number;
  /** The mean (absent: the default) or the sum of the per-sample losses and gradients. */
  readonly reduction?: Reduction;
  /** The update rule and weight decay (absent: gradient descent as in the notes, no decay). */
  readonly optimizer?: OptimizerOptions;
}

/** The optimiser state of no optimiser (plain gradient descent keeps none). */
export const NO_STATE = new Float64Array(0);

/** A fresh (zero) optimiser state for a run of `net` with `options` (and its later segments). */
export function newState(
  net: Network,
  options: TrainOptions,
  segments: readonly Segment[] = [],
): Float64Array {
  let size = 0;
  for (const o of [options, ...segments.map((s) => s.options)]) {
    const opt = o.optimizer;
    if (opt && !isPlain(opt)) size = Math.max(size, stateSize(opt.name, net.paramCount));
  }
  return size ? new Float64Array(size) : NO_STATE;
}

/** The largest batch of a run (the compiled kernel's capacity). */
export function largestBatch(options: TrainOptions, segments: readonly Segment[]): number {
  return Math.max(options.batchSize, ...segments.map((s) => s.options.batchSize));
}

/** Recompiles the batch kernel when a live change asks for larger batches than it holds. */
export function fitBatches(tr: Trainer, before: number): void {
  const size = largestBatch(tr.options, tr.segments);
  if (tr.generic || size <= Math.max(64, before)) return;
  const compiled = compileKernels(tr.net, size, tr.options.reduction ?? 'mean');
  if (compiled) tr.kernel = compiled.batch;
}

/** The options in force at update u. */
export function optionsAt(tr: Trainer, u: number): TrainOptions {
  const segs = tr.segments;
  for (let i = segs.length - 1; i >= 0; i--) if (segs[i]!.from <= u) return segs[i]!.options;
  return tr.options;
}

/** Zeroes the optimiser state when update u starts a segment with another optimiser. */
export function startUpdate(tr: Trainer, u: number, state: Float64Array): void {
  for (const s of tr.segments) if (s.from === u && s.resetState) state.fill(0);
}

/** The data-set loss kernel for a reduction (compiled once per reduction the run uses). */
export function lossKernelFor(tr: Trainer, reduction: Reduction): LossKernel {
  let k = tr.lossKernels.get(reduction);
  if (!k) {
    const compiled = tr.generic ? null : compileKernels(tr.net, tr.options.batchSize, reduction);
    k = compiled?.loss ?? genericLoss(tr.net, createWorkspace(tr.net), reduction);
    tr.lossKernels.set(reduction, k);
  }
  return k;
}

export interface Trainer {
  readonly net: Network;
  readonly data: Dataset;
  readonly options: TrainOptions;
  readonly updatesPerEpoch: number;
  readonly ws: Workspace;
  /** Gradient accumulator, zeroed after every update. */
  readonly grads: Float64Array;
  readonly order: Int32Array;
  orderEpoch: number;
  /** The parameters before the last update, to restore them when that update diverged. */
  readonly previous: Float64Array;
  /** The optimiser state before the last update, likewise. */
  previousState: Float64Array;
  /** Settings changed while training, in update order (empty: the run's options throughout). */
  segments: readonly Segment[];
  readonly generic: boolean;
  readonly lossKernels: Map<Reduction, LossKernel>;
  /** Accumulates one batch: compiled for this shape, or the generic loops. */
  kernel: BatchKernel;
  /** The data-set loss, compiled likewise (same bits as `datasetLoss`). */
  readonly lossKernel: LossKernel;
}

export interface TrainerOptions {
  /** Use the generic loops even where a compiled kernel is available (tests compare the two). */
  readonly generic?: boolean;
  /** Settings changed while training (`segmentsOf`). */
  readonly segments?: readonly Segment[];
}

export function createTrainer(
  net: Network,
  data: Dataset,
  options: TrainOptions,
  how: TrainerOptions = {},
): Trainer {
  const order = new Int32Array(data.n);
  for (let i = 0; i < data.n; i++) order[i] = i;
  const ws = createWorkspace(net);
  const reduction = options.reduction ?? 'mean';
  const segments = how.segments ?? [];
  const compiled = how.generic ? null : compileKernels(net, largestBatch(options, segments), reduction);
  const lossKernel = compiled?.loss ?? genericLoss(net, createWorkspace(net), reduction);
  return {
    net,
    data,
    options,
    updatesPerEpoch: Math.ceil(data.n / options.batchSize),
    ws,
    grads: new Float64Array(net.paramCount),
    order,
    orderEpoch: options.shuffle ? -1 : Infinity,
    previous: new Float64Array(net.paramCount),
    previousState: newState(net, options, segments).slice(),
    segments,
    generic: how.generic ?? false,
    lossKernels: new Map([[reduction, lossKernel]]),
    kernel: compiled?.batch ?? genericKernel(net, ws),
    lossKernel,
  };
}

/** The sample order of an epoch (cached: the same array is reused). */
export function epochOrder(tr: Trainer, epoch: number): Int32Array {
  if (tr.options.shuffle && tr.orderEpoch !== epoch) {
    permutation(tr.order, tr.data.n, rngFor(tr.options.seed, epoch));
    tr.orderEpoch = epoch;
  }
  return tr.order;
}

export function batchOf(tr: Trainer, update: number): BatchRange {
  if (tr.segments.length === 0) {
    const epoch = Math.floor(update / tr.updatesPerEpoch);
    const batch = update - epoch * tr.updatesPerEpoch;
    const start = batch * tr.options.batchSize;
    return { epoch, batch, start, end: Math.min(tr.data.n, start + tr.options.batchSize) };
  }
  return locate(segmentAt(tr, update), tr.data.n, update);
}

/** The segment update u belongs to (the run's start as a segment before the first change). */
function segmentAt(tr: Trainer, u: number): Placed {
  const segs = tr.segments;
  for (let i = segs.length - 1; i >= 0; i--) if (segs[i]!.from <= u) return segs[i]!;
  return { from: 0, epoch: 0, offset: 0, batch0: 0, options: tr.options };
}

/** Whether every segment batches like the start (then epochs are whole multiples of updates). */
function uniform(tr: Trainer): boolean {
  return tr.segments.every((s) => s.options.batchSize === tr.options.batchSize);
}

/** Epochs done before update u: u / (updates per epoch), or with a live change of batch size, the epoch and the fraction of its samples. */
export function epochsAt(tr: Trainer, u: number): number {
  if (uniform(tr)) return u / tr.updatesPerEpoch;
  const b = batchOf(tr, u);
  return b.epoch + b.start / tr.data.n;
}

/** The first update of the epoch after update u's. */
export function nextEpochStart(tr: Trainer, u: number): number {
  if (uniform(tr)) return (Math.floor(u / tr.updatesPerEpoch) + 1) * tr.updatesPerEpoch;
  let v = u + 1;
  while (batchOf(tr, v).start !== 0) v++;
  return v;
}

/**
 * How many updates from update `from` complete `epochs` more epochs: to the first update whose batch
 * starts at or past the same position of the sample order `epochs` epochs later. Without a live
 * change of batch size that is `epochs` × updates per epoch.
 */
export function updatesForEpochs(tr: Trainer, from: number, epochs: number): number {
  if (uniform(tr)) return epochs * tr.updatesPerEpoch;
  const n = tr.data.n;
  const position = (u: number): number => {
    const b = batchOf(tr, u);
    return b.epoch * n + b.start;
  };
  const target = position(from) + epochs * n;
  // every update moves at least one sample on, so the answer is within target − position(from) updates
  let lo = from;
  let hi = from + epochs * n;
  while (lo < hi) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (position(mid) >= target) hi = mid;
    else lo = mid + 1;
  }
  return lo - from;
}

/**
 * params ← params − (α / batch length) · grads ("mean"), or params − α · grads ("sum"), then zero
 * grads — or the optimiser's rule with its `state` (`optimizers.ts`). Biases move only when trained.
 * Returns false when a parameter became NaN or ±∞.
 */
export function applyUpdate(
  net: Network,
  params: Float64Array,
  grads: Float64Array,
  options: TrainOptions,
  batchLength: number,
  state: Float64Array = NO_STATE,
): boolean {
  const o = options.optimizer;
  if (o && !isPlain(o)) {
    if (state.length < stateSize(o.name, net.paramCount)) throw new Error(`${o.name} needs its state`);
    const inv = options.reduction === 'sum' ? 1 : 1 / batchLength;
    let t = 0;
    if (o.name === 'adam') {
      const at = 2 * params.length;
      t = state[at]! + 1;
      state[at] = t;
    }
    let check = 0;
    for (let l = 1; l <= net.depth; l++) {
      const end = options.trainBiases ? net.bOff[l]! + net.sizes[l]! : net.bOff[l]!;
      check += updateRange(
        o,
        options.learningRate,
        params,
        grads,
        inv,
        state,
        net.wOff[l]!,
        end,
        net.bOff[l]!,
        t,
      );
    }
    grads.fill(0);
    return check === 0;
  }
  const scale = options.reduction === 'sum' ? options.learningRate : options.learningRate / batchLength;
  let check = 0;
  for (let l = 1; l <= net.depth; l++) {
    const w0 = net.wOff[l]!;
    const end = options.trainBiases ? net.bOff[l]! + net.sizes[l]! : net.bOff[l]!;
    for (let k = w0; k < end; k++) {
      const v = params[k]! - scale * grads[k]!;
      params[k] = v;
      check += v * 0;
    }
  }
  grads.fill(0);
  return check === 0;
}

/**
 * The gradient an update of `batchLength` samples uses, from the accumulated sums: the sums divided
 * by the batch length ("mean"), or the sums themselves ("sum"). A new array.
 */
export function batchGradient(sums: Float64Array, batchLength: number, options: TrainOptions): Float64Array {
  return options.reduction === 'sum' ? sums.slice() : sums.map((g) => g / batchLength);
}
