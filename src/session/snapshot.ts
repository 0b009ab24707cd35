/**
 * What the views read: an immutable copy of the stepper's numbers at one moment, built once per
 * store update (small arrays: a network has at most a few hundred values). `params` keeps its
 * identity while the parameters do (they change only at an update or with a new setup), so a view
 * that depends on the weights alone can depend on `view.params`.
 */
import { upcomingState } from '../core/step/live.ts';
import type { OptimizerOptions } from '../core/train/optimizers.ts';
import type { ParamRef } from '../core/step/chain.ts';
import { paramIndex } from '../core/step/chain.ts';
import type { Divergence } from '../core/train/divergence.ts';
import type { Reduction } from '../core/model/losses.ts';
import type { Network } from '../core/model/network.ts';
import type { Position, StepChain, Stepper, UpdateRecord } from '../core/step/stepper.ts';

export type Selection =
  | { readonly kind: 'weight'; readonly layer: number; readonly to: number; readonly from: number }
  | { readonly kind: 'bias'; readonly layer: number; readonly to: number }
  | { readonly kind: 'neuron'; readonly layer: number; readonly index: number };

export interface NeuronView {
  readonly z: Float64Array;
  readonly a: Float64Array;
  readonly dLda: Float64Array;
  readonly delta: Float64Array;
  /** Per neuron (index nOff[l] + j): 1 once the step has computed it for the current sample. */
  readonly sumDone: Uint8Array;
  readonly actDone: Uint8Array;
  readonly backDone: Uint8Array;
}

export interface RunView {
  readonly net: Network;
  /** The same array as the previous snapshot's while the parameters are the same, bit for bit. */
  readonly params: Float64Array;
  /** Gradient sums over the finished samples of the batch in progress. */
  readonly grads: Float64Array;
  readonly neurons: NeuronView;
  readonly position: Position;
  /** Updates per epoch at the start (a live change of batch size changes it later: see `epochs`). */
  readonly updatesPerEpoch: number;
  /** Epochs done, fractional mid-epoch; and at which epoch each live change applies. */
  readonly epochs: number;
  readonly changeEpochs: readonly number[];
  readonly stepsPerSample: number;
  /** Targets of the current sample. */
  readonly target: Float64Array;
  readonly lossDone: boolean;
  readonly sampleLoss: number;
  /** The loss of the whole data set at the current parameters. */
  readonly datasetLoss: number;
  /** The loss of the held-out test rows (NaN without a test set). */
  readonly testLoss: number;
  readonly lastUpdate: UpdateRecord | null;
  readonly divergence: Divergence | null;
  /** The chain rule of the selected weight or bias (null for a neuron or no selection). */
  readonly chain: StepChain | null;
  readonly learningRate: number;
  readonly batchSize: number;
  readonly trainBiases: boolean;
  /** How the data-set loss and an update's gradient combine the samples: mean or sum. */
  readonly reduction: Reduction;
  /** Momentum, Adam or weight decay; null for the notes' gradient descent. */
  readonly optimizer: OptimizerOptions | null;
  /**
   * The optimiser's state the coming update starts from (`optimizers.ts`; empty for gradient
   * descent; zero where a live change switches optimiser), kept like `params`.
   */
  readonly state: Float64Array;
  readonly samples: number;
}

export function paramOf(sel: Selection | null): ParamRef | null {
  if (!sel || sel.kind === 'neuron') return null;
  return sel;
}

/** Whether two arrays hold the same values, bit for bit (NaN equals NaN, 0 differs from −0). */
function sameList(a: readonly number[] | undefined, b: readonly number[]): boolean {
  return a !== undefined && a.length === b.length && a.every((x, k) => x === b[k]);
}

export function sameBits(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (!Object.is(a[k], b[k])) return false;
  return true;
}

/** The snapshot of the stepper now; `previous` lends its `params` when they have not changed. */
export function snapshot(
  s: Stepper,
  selection: Selection | null,
  datasetLoss: number,
  previous: RunView | null = null,
): RunView {
  const net = s.net;
  const n = net.neuronCount;
  const upcoming = upcomingState(s);
  const epochsOfChanges = s.trainer.segments.map((seg) => s.epochsAt(seg.from));
  const sumDone = new Uint8Array(n);
  const actDone = new Uint8Array(n);
  const backDone = new Uint8Array(n);
  for (let l = 0; l <= net.depth; l++) {
    for (let j = 0; j < net.sizes[l]!; j++) {
      const k = net.nOff[l]! + j;
      if (l === 0) {
        const loaded = s.done.activationDone(0, j);
        sumDone[k] = actDone[k] = loaded ? 1 : 0;
        continue;
      }
      sumDone[k] = s.done.sumDone(l, j) ? 1 : 0;
      actDone[k] = s.done.activationDone(l, j) ? 1 : 0;
      backDone[k] = s.done.backwardDone(l, j) ? 1 : 0;
    }
  }
  const position = s.position();
  const K = s.data.nOut;
  const p = paramOf(selection);
  return {
    net,
    params:
      previous && previous.net === net && sameBits(previous.params, s.params)
        ? previous.params
        : s.params.slice(),
    grads: s.grads.slice(),
    neurons: {
      z: s.ws.z.slice(),
      a: s.ws.a.slice(),
      dLda: s.ws.dLda.slice(),
      delta: s.ws.delta.slice(),
      sumDone,
      actDone,
      backDone,
    },
    position,
    updatesPerEpoch: s.updatesPerEpoch,
    epochs: s.epochsDone,
    changeEpochs: sameList(previous?.changeEpochs, epochsOfChanges)
      ? previous!.changeEpochs
      : epochsOfChanges,
    stepsPerSample: s.stepsPerSample,
    target: s.data.T.slice(position.row * K, position.row * K + K),
    lossDone: s.done.lossDone(),
    sampleLoss: s.sampleLoss,
    datasetLoss,
    testLoss: s.testLoss(),
    lastUpdate: s.lastUpdate,
    divergence: s.divergence,
    chain: p ? s.chain(p) : null,
    learningRate: s.options.learningRate,
    batchSize: s.options.batchSize,
    trainBiases: s.options.trainBiases,
    reduction: s.options.reduction ?? 'mean',
    optimizer: s.options.optimizer ?? null,
    // the same array while the state is the same (views that draw from it keep their memos)
    state:
      previous && previous.net === net && sameBits(previous.state, upcoming)
        ? previous.state
        : upcoming.slice(),
    samples: s.data.n,
  };
}

/** The index of a selected weight or bias in the parameter array. */
export function selectedIndex(view: RunView, sel: Selection | null): number {
  const p = paramOf(sel);
  return p ? paramIndex(view.net, p) : -1;
}

/** `w 2 0 1`, `b 2 0`, `n 1 0`: what a click on an element selects (one handler on the SVG). */
export function parseSelection(s: string | null): Selection | null {
  const parts = s?.split(' ') ?? [];
  const [kind, ...rest] = parts;
  const n = rest.map(Number);
  if (kind === 'w' && n.length === 3) return { kind: 'weight', layer: n[0]!, to: n[1]!, from: n[2]! };
  if (kind === 'b' && n.length === 2) return { kind: 'bias', layer: n[0]!, to: n[1]! };
  if (kind === 'n' && n.length === 2) return { kind: 'neuron', layer: n[0]!, index: n[1]! };
  return null;
}

export function selectionKey(sel: Selection | null): string {
  if (!sel) return '';
  if (sel.kind === 'weight') return `w ${sel.layer} ${sel.to} ${sel.from}`;
  if (sel.kind === 'bias') return `b ${sel.layer} ${sel.to}`;
  return `n ${sel.layer} ${sel.index}`;
}
