/**
 * Divergence: a NaN or ±∞ is reported at the computation where it first appears, never propagated.
 *
 * The fast path only checks each sample's loss and the updated parameters (cheap); when one
 * fails, `findDivergence` replays that batch one neuron at a time to name the first non-finite value.
 */
import { activateSoftmaxLayer, backwardNeuron, forwardNeuron, loadInput, lossOf } from '../model/network.ts';
import { ACT } from '../model/activations.ts';
import type { Trainer } from './train.ts';
import { applyUpdate, batchOf, epochOrder } from './train.ts';

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

interface Where {
  readonly phase: DivergencePhase;
  readonly sample: number;
  readonly layer: number;
  readonly neuron: number;
  readonly quantity: string;
  readonly value: number;
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
 * Replays update `u` from `params` (the values before it) and names the first non-finite value.
 * Leaves `params` unchanged and the trainer's accumulator zeroed.
 */
export function findDivergence(tr: Trainer, params: Float64Array, u: number): Divergence {
  const { net, data, ws, grads } = tr;
  const { epoch, start, end } = batchOf(tr, u);
  const order = epochOrder(tr, epoch);
  const found = (w: Where): Divergence => {
    grads.fill(0);
    return makeDivergence(u, epoch, w);
  };
  grads.fill(0);
  for (let s = start; s < end; s++) {
    const r = order[s]!;
    loadInput(net, ws, data.X, r * data.nIn);
    for (let i = 0; i < data.nIn; i++) {
      const v = ws.a[i]!;
      if (!isFinite0(v))
        return found({ phase: 'input', sample: r, layer: 0, neuron: i, quantity: 'x', value: v });
    }
    for (let l = 1; l <= net.depth; l++) {
      const n = net.sizes[l]!;
      for (let j = 0; j < n; j++) {
        forwardNeuron(net, params, ws, l, j);
        const z = ws.z[net.nOff[l]! + j]!;
        if (!isFinite0(z))
          return found({ phase: 'forward', sample: r, layer: l, neuron: j, quantity: 'z', value: z });
      }
      if (net.actCodes[l - 1] === ACT.softmax) activateSoftmaxLayer(net, ws, l);
      for (let j = 0; j < n; j++) {
        const a = ws.a[net.nOff[l]! + j]!;
        if (!isFinite0(a))
          return found({ phase: 'forward', sample: r, layer: l, neuron: j, quantity: 'a', value: a });
      }
    }
    const loss = lossOf(net, ws, data.T, r * data.nOut);
    if (!isFinite0(loss))
      return found({ phase: 'loss', sample: r, layer: -1, neuron: -1, quantity: 'the loss', value: loss });
    for (let l = net.depth; l >= 1; l--) {
      for (let j = 0; j < net.sizes[l]!; j++) {
        backwardNeuron(net, params, ws, data.T, r * data.nOut, grads, l, j);
        const d = ws.delta[net.nOff[l]! + j]!;
        if (!isFinite0(d))
          return found({ phase: 'backward', sample: r, layer: l, neuron: j, quantity: 'δ', value: d });
      }
    }
  }
  for (let k = 0; k < grads.length; k++) {
    const g = grads[k]!;
    if (!isFinite0(g))
      return found({
        phase: 'backward',
        sample: -1,
        layer: -1,
        neuron: -1,
        quantity: 'the batch gradient',
        value: g,
      });
  }
  const trial = params.slice();
  applyUpdate(net, trial, grads, tr.options, end - start);
  for (let k = 0; k < trial.length; k++) {
    const v = trial[k]!;
    if (!isFinite0(v))
      return found({ phase: 'update', sample: -1, layer: -1, neuron: -1, quantity: 'a parameter', value: v });
  }
  // Not reproducible: should not happen (the computation is deterministic).
  return found({ phase: 'update', sample: -1, layer: -1, neuron: -1, quantity: 'a value', value: NaN });
}
