/**
 * The order of micro-steps, and where a position stands in it.
 *
 * Within update u (one batch), each sample takes 2F + 1 micro-steps — F forward steps (one per neuron,
 * layer 1 first), the loss, F backward steps (one per neuron, output layer first) — and the batch ends
 * with one update step. The same order as `forwardAll` and `backwardAll`, so stepping computes the
 * same bits. A position is (update, micro), micro counting the steps done in the batch; from it the
 * cursor answers which values of the current sample exist yet (`sumDone`, `lossDone`, …).
 */
import { ACT } from '../model/activations.ts';
import type { Network } from '../model/network.ts';
import { batchOf, epochOrder } from '../train/schedule.ts';
import type { Trainer } from '../train/schedule.ts';

/** What one micro-step computes. */
export type StepKind =
  | { readonly phase: 'forward'; readonly layer: number; readonly neuron: number }
  | { readonly phase: 'loss' }
  | { readonly phase: 'backward'; readonly layer: number; readonly neuron: number }
  | { readonly phase: 'update' };

export type Granularity = 'step' | 'sample' | 'batch' | 'epoch';

export interface Position {
  /** Updates completed so far. */
  readonly update: number;
  /** Micro-steps done within the current batch. */
  readonly micro: number;
  readonly epoch: number;
  /** Batch within the epoch (0-based) and its length. */
  readonly batch: number;
  readonly batchLength: number;
  /**
   * Sample slot within the batch (0-based) whose values the workspace shows: the sample in progress,
   * or the one just finished until the next one starts (at the start of a batch: its first sample).
   */
  readonly slot: number;
  /** Position of that sample within the epoch (0-based), and its data row. */
  readonly sampleInEpoch: number;
  readonly row: number;
  /** The step just performed (null at the very start of a batch). */
  readonly last: StepKind | null;
  /** The step the next `step('step')` will perform. */
  readonly next: StepKind;
}

/** The order of one sample's micro-steps. */
export class SampleSteps {
  /** Neurons after the input layer: the forward (and the backward) steps of a sample. */
  readonly F: number;
  /** Micro-steps per sample: 2F + 1. */
  readonly perSample: number;
  /** Layer and neuron of forward step k and of backward step k. */
  readonly fLayer: Int32Array;
  readonly fNeuron: Int32Array;
  readonly bLayer: Int32Array;
  readonly bNeuron: Int32Array;
  private readonly net: Network;

  constructor(net: Network) {
    this.net = net;
    const F = net.neuronCount - net.sizes[0]!;
    this.F = F;
    this.perSample = 2 * F + 1;
    this.fLayer = new Int32Array(F);
    this.fNeuron = new Int32Array(F);
    this.bLayer = new Int32Array(F);
    this.bNeuron = new Int32Array(F);
    let k = 0;
    for (let l = 1; l <= net.depth; l++) {
      for (let j = 0; j < net.sizes[l]!; j++, k++) {
        this.fLayer[k] = l;
        this.fNeuron[k] = j;
      }
    }
    k = 0;
    for (let l = net.depth; l >= 1; l--) {
      for (let j = 0; j < net.sizes[l]!; j++, k++) {
        this.bLayer[k] = l;
        this.bNeuron[k] = j;
      }
    }
  }

  /** The step w (0 … 2F) of a sample. */
  kind(w: number): StepKind {
    if (w < this.F) return { phase: 'forward', layer: this.fLayer[w]!, neuron: this.fNeuron[w]! };
    if (w === this.F) return { phase: 'loss' };
    const k = w - this.F - 1;
    return { phase: 'backward', layer: this.bLayer[k]!, neuron: this.bNeuron[k]! };
  }

  /** Position among the forward steps of neuron j of layer l. */
  forwardIndex(l: number, j: number): number {
    return this.net.nOff[l]! - this.net.sizes[0]! + j;
  }

  /** Position among the backward steps of neuron j of layer l. */
  backwardIndex(l: number, j: number): number {
    let k = 0;
    for (let q = this.net.depth; q > l; q--) k += this.net.sizes[q]!;
    return k + j;
  }
}

/** A position (update u, micro-step m) in the run of a trainer's schedule, and what exists there. */
export class Cursor {
  /** Updates done. */
  u = 0;
  /** Micro-steps done within the batch of update u. */
  m = 0;
  readonly steps: SampleSteps;

  constructor(
    private readonly net: Network,
    private readonly trainer: Trainer,
  ) {
    this.steps = new SampleSteps(net);
  }

  /** Micro-steps per sample (2F + 1). */
  get perSample(): number {
    return this.steps.perSample;
  }

  /** Micro-steps in the batch of update u (its samples × (2F + 1), plus the update). */
  stepsInBatch(u: number): number {
    const b = batchOf(this.trainer, u);
    return (b.end - b.start) * this.perSample + 1;
  }

  /** The micro-step m of update u. */
  kindAt(u: number, m: number): StepKind {
    if (m === this.stepsInBatch(u) - 1) return { phase: 'update' };
    return this.steps.kind(m % this.perSample);
  }

  position(): Position {
    const b = batchOf(this.trainer, this.u);
    const len = b.end - b.start;
    const per = this.perSample;
    // The sample of the last micro-step done in this batch (its values stay on show until the next
    // sample's first step), or the batch's first sample before any step.
    const slot = this.m === 0 ? 0 : Math.min(len - 1, Math.floor((this.m - 1) / per));
    const inEpoch = b.start + slot;
    let last: StepKind | null = null;
    if (this.m > 0) last = this.kindAt(this.u, this.m - 1);
    else if (this.u > 0) last = { phase: 'update' };
    return {
      update: this.u,
      micro: this.m,
      epoch: b.epoch,
      batch: b.batch,
      batchLength: len,
      slot,
      sampleInEpoch: inEpoch,
      row: epochOrder(this.trainer, b.epoch)[inEpoch]!,
      last,
      next: this.kindAt(this.u, this.m),
    };
  }

  /** Whether the position ends a step of granularity g (the one just done closes a sample, …). */
  isBoundary(g: Granularity): boolean {
    if (g === 'step') return true;
    const last = this.position().last;
    if (!last) return false;
    if (g === 'sample') {
      if (last.phase === 'update') return true;
      return last.phase === 'backward' && this.m % this.perSample === 0;
    }
    if (last.phase !== 'update' || this.m !== 0) return false;
    return g === 'batch' || batchOf(this.trainer, this.u).start === 0;
  }

  /** Steps done within the current sample, or −1 when no sample is in progress. */
  withinSample(): number {
    if (this.m === 0) return -1;
    const per = this.perSample;
    const b = batchOf(this.trainer, this.u);
    if (this.m >= (b.end - b.start) * per) return per; // all samples done, update pending
    const w = this.m % per;
    return w === 0 ? per : w;
  }

  /** Whether z of neuron j in layer l has been computed for the current sample. */
  sumDone(l: number, j: number): boolean {
    const w = this.withinSample();
    if (w < 0) return false;
    return this.steps.forwardIndex(l, j) < w;
  }

  /** Whether a of neuron j in layer l has been computed (softmax: once its whole layer has). */
  activationDone(l: number, j: number): boolean {
    if (l === 0) return this.withinSample() > 0;
    const last = this.net.actCodes[l - 1] === ACT.softmax ? this.net.sizes[l]! - 1 : j;
    return this.sumDone(l, last);
  }

  lossDone(): boolean {
    return this.withinSample() > this.steps.F;
  }

  /** Whether δ and ∂L/∂a of neuron j in layer l have been computed for the current sample. */
  backwardDone(l: number, j: number): boolean {
    const w = this.withinSample();
    if (w <= this.steps.F) return false;
    return this.steps.backwardIndex(l, j) < w - this.steps.F - 1;
  }
}
