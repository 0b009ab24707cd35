/**
 * Divergence: a NaN or ±∞ is reported at the computation where it first appears, never propagated.
 *
 * The fast path only checks each sample's loss and the updated parameters (cheap); when one fails,
 * `findDivergence` replays that batch one neuron at a time to name the first non-finite value. The
 * checked steps here are the ones the stepper performs too, so both name the same value.
 */
import { activateSoftmaxLayer, backwardNeuron, forwardNeuron, loadInput, lossOf } from '../model/network.ts';
import type { Network, Workspace } from '../model/network.ts';
import { ACT } from '../model/activations.ts';
import { applyUpdate, batchOf, epochOrder, NO_STATE, optionsAt } from './schedule.ts';
import type { Trainer, TrainOptions } from './schedule.ts';

export type DivergencePhase = 'input' | 'forward' | 'loss' | 'backward' | 'update';

export interface Divergence {
  /** Index of the update in progress (0-based). */
  readonly update: number;
  readonly epoch: number;
  /** Data row of the sample being processed, or −1 for the update itself. */
  readonly sample: number;
  readonly phase: DivergencePhase;
  /** Layer (1…L) and neuron of the value, when it belongs to one; −1 otherwise. */
  readonly layer: number;
  readonly neuron: number;
  /** What became non-finite, e.g. "z", "a", "δ", "loss", "w", "b". */
  readonly quantity: string;
  readonly value: number;
  readonly message: string;
}

/** True for a finite number (x − x is NaN for NaN and ±∞). */
export function isFinite0(x: number): boolean {
  return x - x === 0;
}

function describe(v: number): string {
  return Number.isNaN(v) ? 'NaN' : v > 0 ? '+∞' : '−∞';
}

/** The first non-finite value of one computation: what it is and where (the sample aside). */
export interface Fault {
  readonly phase: DivergencePhase;
  readonly layer: number;
  readonly neuron: number;
  readonly quantity: string;
  readonly value: number;
}

interface Where extends Fault {
  /** The data row, or −1 for the update itself. */
  readonly sample: number;
}

export function makeDivergence(update: number, epoch: number, w: Where): Divergence {
  const at = w.layer >= 0 ? ` of neuron ${w.neuron + 1} in layer ${w.layer}` : '';
  const sample = w.sample >= 0 ? `, sample ${w.sample + 1}` : '';
  return {
    update,
    epoch,
    ...w,
    message: `Training diverged at update ${update + 1} (epoch ${epoch + 1}${sample}): ${w.quantity}${at} became ${describe(w.value)} in the ${w.phase} step. Lower the learning rate or reset.`,
  };
}

/**
 * The forward step of neuron j in layer l, checked: its z, then its a (a softmax layer's activations
 * exist once its last z does: then every one of them). The first non-finite value, or null.
 */
export function forwardChecked(
  net: Network,
  params: Float64Array,
  ws: Workspace,
  l: number,
  j: number,
): Fault | null {
  forwardNeuron(net, params, ws, l, j);
  const idx = net.nOff[l]! + j;
  const z = ws.z[idx]!;
  if (!isFinite0(z)) return { phase: 'forward', layer: l, neuron: j, quantity: 'z', value: z };
  if (net.actCodes[l - 1] !== ACT.softmax) {
    const a = ws.a[idx]!;
    if (!isFinite0(a)) return { phase: 'forward', layer: l, neuron: j, quantity: 'a', value: a };
  } else if (j === net.sizes[l]! - 1) {
    activateSoftmaxLayer(net, ws, l);
    for (let k = 0; k <= j; k++) {
      const a = ws.a[net.nOff[l]! + k]!;
      if (!isFinite0(a)) return { phase: 'forward', layer: l, neuron: k, quantity: 'a', value: a };
    }
  }
  return null;
}

/** The sample's loss after its forward pass, checked. */
export function lossChecked(net: Network, ws: Workspace, t: Float64Array, tOff: number): number | Fault {
  const loss = lossOf(net, ws, t, tOff);
  return isFinite0(loss) ? loss : { phase: 'loss', layer: -1, neuron: -1, quantity: 'the loss', value: loss };
}

/** The backward step of neuron j in layer l, checked: its δ. */
export function backwardChecked(
  net: Network,
  params: Float64Array,
  ws: Workspace,
  t: Float64Array,
  tOff: number,
  grads: Float64Array,
  l: number,
  j: number,
): Fault | null {
  backwardNeuron(net, params, ws, t, tOff, grads, l, j);
  const d = ws.delta[net.nOff[l]! + j]!;
  return isFinite0(d) ? null : { phase: 'backward', layer: l, neuron: j, quantity: 'δ', value: d };
}

/**
 * What made an update fail, from the parameters before it and the batch's gradient sums: a
 * non-finite sum, else the first parameter the update makes non-finite. Changes neither.
 */
export function updateFault(
  net: Network,
  params: Float64Array,
  sums: Float64Array,
  options: TrainOptions,
  batchLength: number,
  state: Float64Array = NO_STATE,
): Fault {
  const none = { layer: -1, neuron: -1 };
  for (let k = 0; k < sums.length; k++) {
    const g = sums[k]!;
    if (!isFinite0(g)) return { phase: 'backward', ...none, quantity: 'the batch gradient', value: g };
  }
  const trial = params.slice();
  applyUpdate(net, trial, sums.slice(), options, batchLength, state.slice());
  for (let k = 0; k < trial.length; k++) {
    const v = trial[k]!;
    if (!isFinite0(v)) return { phase: 'update', ...none, quantity: 'a parameter', value: v };
  }
  // Not reproducible: should not happen (the computation is deterministic).
  return { phase: 'update', ...none, quantity: 'a value', value: NaN };
}

/** The first non-finite value of row r's forward pass, loss and backward pass (gradients into `grads`). */
function sampleFault(tr: Trainer, params: Float64Array, r: number): Fault | null {
  const { net, data, ws, grads } = tr;
  loadInput(net, ws, data.X, r * data.nIn);
  for (let i = 0; i < data.nIn; i++) {
    const v = ws.a[i]!;
    if (!isFinite0(v)) return { phase: 'input', layer: 0, neuron: i, quantity: 'x', value: v };
  }
  for (let l = 1; l <= net.depth; l++) {
    for (let j = 0; j < net.sizes[l]!; j++) {
      const f = forwardChecked(net, params, ws, l, j);
      if (f) return f;
    }
  }
  const tOff = r * data.nOut;
  const loss = lossChecked(net, ws, data.T, tOff);
  if (typeof loss !== 'number') return loss;
  for (let l = net.depth; l >= 1; l--) {
    for (let j = 0; j < net.sizes[l]!; j++) {
      const f = backwardChecked(net, params, ws, data.T, tOff, grads, l, j);
      if (f) return f;
    }
  }
  return null;
}

/**
 * Replays update `u` from `params` (the values before it) and names the first non-finite value.
 * Leaves `params` unchanged and the trainer's accumulator zeroed.
 */
export function findDivergence(
  tr: Trainer,
  params: Float64Array,
  u: number,
  state: Float64Array = NO_STATE,
): Divergence {
  const { epoch, start, end } = batchOf(tr, u);
  const order = epochOrder(tr, epoch);
  tr.grads.fill(0);
  let where: Where | null = null;
  for (let s = start; s < end && !where; s++) {
    const f = sampleFault(tr, params, order[s]!);
    if (f) where = { ...f, sample: order[s]! };
  }
  where ??= { ...updateFault(tr.net, params, tr.grads, optionsAt(tr, u), end - start, state), sample: -1 };
  tr.grads.fill(0);
  return makeDivergence(u, epoch, where);
}
