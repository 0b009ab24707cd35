/**
 * The step cursor: training one computation at a time, and back.
 *
 * Within update u (one batch), each sample takes 2F + 1 micro-steps — F forward steps (one per neuron,
 * layer 1 first), the loss, F backward steps (one per neuron, output layer first) — and the batch ends
 * with one update step. The position is (update, micro), micro counting the steps done in the batch.
 * Parameters change only at update steps, so any position is a pure function of the parameters at the
 * start of its batch: stepping back replays the batch up to the previous step (bit-identical, since it
 * calls the same functions), and earlier batches come from the checkpoint history. Coarse steps
 * (batch, epoch) run the fast path, which computes the same bits.
 */
import { ACT } from '../model/activations.ts';
import { paramIndex } from './chain.ts';
import type { ParamRef } from './chain.ts';
import { stepChain } from './step-chain.ts';
import type { StepChain } from './step-chain.ts';
import type { Dataset } from '../model/datasets.ts';
import { isFinite0, makeDivergence } from '../train/divergence.ts';
import type { Divergence } from '../train/divergence.ts';
import { ParamHistory } from './history.ts';
import {
  activateSoftmaxLayer,
  backwardAll,
  backwardNeuron,
  forwardAll,
  forwardNeuron,
  loadInput,
  lossOf,
} from '../model/network.ts';
import type { Network, Workspace } from '../model/network.ts';
import { SampleSteps } from './cursor.ts';
import type { StepKind } from './cursor.ts';
import {
  applyUpdate,
  batchGradient,
  batchOf,
  createTrainer,
  epochOrder,
  runUpdates,
  trainerLoss,
} from '../train/train.ts';
import type { Trainer, TrainOptions } from '../train/train.ts';

export type Granularity = 'step' | 'sample' | 'batch' | 'epoch';
export type { Phase, StepKind } from './cursor.ts';
export type { StepChain } from './step-chain.ts';

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

/** The last update step: parameters before it and the batch gradient it used (mean or sum). */
export interface UpdateRecord {
  readonly update: number;
  readonly before: Float64Array;
  readonly gradient: Float64Array;
  readonly batchLength: number;
}

export interface StepperSetup {
  readonly net: Network;
  readonly data: Dataset;
  /** Held-out rows, never trained on (optional). */
  readonly test?: Dataset | null;
  readonly params: Float64Array;
  readonly options: TrainOptions;
}

export class Stepper {
  readonly net: Network;
  readonly data: Dataset;
  readonly test: Dataset | null;
  readonly options: TrainOptions;
  /** Current parameters (those of the batch in progress). */
  readonly params: Float64Array;
  /** Gradient accumulated over the batch so far (sums, not yet divided by the batch length). */
  readonly grads: Float64Array;
  /** Values of the current sample. */
  readonly ws: Workspace;
  /** Loss of the current sample, once the loss step is done. */
  sampleLoss = NaN;
  divergence: Divergence | null = null;
  lastUpdate: UpdateRecord | null = null;

  private readonly trainer: Trainer;
  private readonly initial: Float64Array;
  private readonly history: ParamHistory;
  /** The order of a sample's micro-steps. */
  private readonly order: SampleSteps;
  private u = 0;
  private m = 0;

  constructor(setup: StepperSetup) {
    this.net = setup.net;
    this.data = setup.data;
    this.test = setup.test && setup.test.n > 0 ? setup.test : null;
    this.options = setup.options;
    this.trainer = createTrainer(setup.net, setup.data, setup.options);
    this.ws = this.trainer.ws;
    this.grads = new Float64Array(setup.net.paramCount);
    this.initial = setup.params.slice();
    this.params = setup.params.slice();
    this.history = new ParamHistory(this.trainer, this.initial);
    this.order = new SampleSteps(setup.net);
  }

  get updatesPerEpoch(): number {
    return this.trainer.updatesPerEpoch;
  }

  get update(): number {
    return this.u;
  }

  get micro(): number {
    return this.m;
  }

  /** Micro-steps per sample (2F + 1). */
  get stepsPerSample(): number {
    return this.order.perSample;
  }

  private stepsInBatch(u: number): number {
    const b = batchOf(this.trainer, u);
    return (b.end - b.start) * this.stepsPerSample + 1;
  }

  private kindAt(u: number, m: number): StepKind {
    const per = this.stepsPerSample;
    if (m === this.stepsInBatch(u) - 1) return { phase: 'update' };
    return this.order.kind(m % per);
  }

  position(): Position {
    const b = batchOf(this.trainer, this.u);
    const len = b.end - b.start;
    const per = this.stepsPerSample;
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

  /** Completed epochs, as a fraction when mid-epoch (by updates). */
  get epochsDone(): number {
    return this.u / this.trainer.updatesPerEpoch;
  }

  /** One micro-step. Returns the divergence if this step produced a NaN or ±∞. */
  private micro1(record: boolean): Divergence | null {
    const { net, ws, data } = this;
    const b = batchOf(this.trainer, this.u);
    const len = b.end - b.start;
    const per = this.stepsPerSample;
    const total = len * per + 1;
    const m = this.m;
    if (m === total - 1) {
      const before = this.params.slice();
      const gradient = batchGradient(this.grads, len, this.options);
      if (!applyUpdate(net, this.params, this.grads, this.options, len)) {
        this.params.set(before);
        const bad = gradient.findIndex((g) => !isFinite0(g));
        return makeDivergence(this.u, b.epoch, {
          phase: bad >= 0 ? 'backward' : 'update',
          sample: -1,
          layer: -1,
          neuron: -1,
          quantity: bad >= 0 ? 'the batch gradient' : 'a parameter',
          value: bad >= 0 ? gradient[bad]! : NaN,
        });
      }
      this.lastUpdate = { update: this.u, before, gradient, batchLength: len };
      this.u++;
      this.m = 0;
      if (record) this.history.record(this.u, this.params);
      return null;
    }
    const slot = Math.floor(m / per);
    const w = m % per;
    const row = epochOrder(this.trainer, b.epoch)[b.start + slot]!;
    const tOff = row * data.nOut;
    const fail = (
      phase: 'forward' | 'loss' | 'backward',
      layer: number,
      neuron: number,
      quantity: string,
      value: number,
    ) => makeDivergence(this.u, b.epoch, { phase, sample: row, layer, neuron, quantity, value });
    if (w < this.order.F) {
      if (w === 0) {
        loadInput(net, ws, data.X, row * data.nIn);
        this.sampleLoss = NaN;
      }
      const l = this.order.fLayer[w]!;
      const j = this.order.fNeuron[w]!;
      forwardNeuron(net, this.params, ws, l, j);
      const idx = net.nOff[l]! + j;
      if (!isFinite0(ws.z[idx]!)) return fail('forward', l, j, 'z', ws.z[idx]!);
      if (net.actCodes[l - 1] !== ACT.softmax) {
        if (!isFinite0(ws.a[idx]!)) return fail('forward', l, j, 'a', ws.a[idx]!);
      } else if (j === net.sizes[l]! - 1) {
        // A softmax layer's activations exist once its last z does: check every one of them.
        activateSoftmaxLayer(net, ws, l);
        for (let k = 0; k <= j; k++) {
          const ak = ws.a[net.nOff[l]! + k]!;
          if (!isFinite0(ak)) return fail('forward', l, k, 'a', ak);
        }
      }
    } else if (w === this.order.F) {
      this.sampleLoss = lossOf(net, ws, data.T, tOff);
      if (!isFinite0(this.sampleLoss)) return fail('loss', -1, -1, 'the loss', this.sampleLoss);
    } else {
      const k = w - this.order.F - 1;
      const l = this.order.bLayer[k]!;
      const j = this.order.bNeuron[k]!;
      backwardNeuron(net, this.params, ws, data.T, tOff, this.grads, l, j);
      const d = ws.delta[net.nOff[l]! + j]!;
      if (!isFinite0(d)) return fail('backward', l, j, 'δ', d);
    }
    this.m = m + 1;
    return null;
  }

  private isBoundary(g: Granularity): boolean {
    if (g === 'step') return true;
    const last = this.position().last;
    if (!last) return false;
    if (g === 'sample') {
      if (last.phase === 'update') return true;
      return last.phase === 'backward' && this.m % this.stepsPerSample === 0;
    }
    if (last.phase !== 'update' || this.m !== 0) return false;
    return g === 'batch' || this.u % this.trainer.updatesPerEpoch === 0;
  }

  /**
   * Advances by one computation, or to the end of the current sample, batch or epoch.
   * A divergence stops the stepper where it happened; step back or reset to go on.
   */
  step(g: Granularity = 'step'): Divergence | null {
    if (this.divergence) return this.divergence;
    if (g === 'batch' || g === 'epoch') {
      const target =
        g === 'batch'
          ? this.u + 1
          : (Math.floor(this.u / this.trainer.updatesPerEpoch) + 1) * this.trainer.updatesPerEpoch;
      return this.fastTo(target);
    }
    do {
      const d = this.micro1(true);
      if (d) {
        this.divergence = d;
        return d;
      }
    } while (!this.isBoundary(g));
    return null;
  }

  /**
   * Runs whole updates with the fast path until `target` updates are done (finishing the batch in
   * progress first), recording checkpoints. Ends at a batch boundary. With `detail` (the default)
   * the last update goes through the micro-steps, so the workspace and `lastUpdate` describe it as
   * after stepping; without, everything runs in the fast path and `lastUpdate` is cleared.
   */
  fastTo(target: number, detail = true): Divergence | null {
    if (this.divergence) return this.divergence;
    const tr = this.trainer;
    if (this.m > 0) {
      // Restart the batch in progress from its parameters: the fast path computes the same bits.
      this.grads.fill(0);
      this.m = 0;
    }
    tr.grads.fill(0);
    while (this.u < target) {
      const stride = this.history.checkpointStride;
      const chunkEnd = Math.min(
        target,
        (Math.floor(this.u / stride) + 1) * stride,
        detail ? target - 1 : target,
      );
      if (chunkEnd > this.u) {
        const d = runUpdates(tr, this.params, this.u, chunkEnd - this.u);
        if (d) return this.stopAt(d);
        this.u = chunkEnd;
        this.lastUpdate = null;
        this.history.record(this.u, this.params);
        continue;
      }
      // The last update of the run goes through the micro path once, so `lastUpdate` and the
      // workspace hold that batch's final sample, as after stepping.
      if (!detail) break;
      const total = this.stepsInBatch(this.u);
      for (let k = 0; k < total; k++) {
        const d = this.micro1(true);
        if (d) return this.stopAt(d);
      }
    }
    return null;
  }

  private stopAt(d: Divergence): Divergence {
    // Show the failing batch up to the failing computation.
    this.u = d.update;
    this.m = 0;
    this.grads.fill(0);
    // `params` already hold the values before the failing update (both paths restore them).
    for (;;) {
      const e = this.micro1(false);
      if (e) break;
    }
    this.divergence = d;
    return d;
  }

  /** One micro-step back. Returns false at the very start. */
  back(): boolean {
    if (this.u === 0 && this.m === 0) return false;
    if (this.m > 0) this.goTo(this.u, this.m - 1);
    else this.goTo(this.u - 1, this.stepsInBatch(this.u - 1) - 1);
    return true;
  }

  /** Jumps to micro-step m of update u (u at most the furthest update reached). */
  goTo(u: number, m = 0): void {
    this.divergence = null;
    this.history.paramsAt(u, this.params);
    this.u = u;
    this.m = 0;
    this.grads.fill(0);
    this.sampleLoss = NaN;
    this.lastUpdate = null;
    // The update that led here, unless its parameters lie in the never-computed past of a moment
    // given from outside (rebuilding it would replay everything before that moment).
    if (u > 0 && m === 0 && this.history.replayDistance(u - 1) <= this.history.checkpointStride)
      this.rebuildLastUpdate(u - 1);
    while (this.m < m) {
      const d = this.micro1(false);
      if (d) {
        this.divergence = d;
        return;
      }
    }
  }

  private rebuildLastUpdate(u: number): void {
    const before = new Float64Array(this.net.paramCount);
    this.history.paramsAt(u, before);
    const b = batchOf(this.trainer, u);
    const len = b.end - b.start;
    const order = epochOrder(this.trainer, b.epoch);
    const sums = new Float64Array(this.net.paramCount);
    const saved = this.params.slice();
    this.params.set(before);
    for (let s = b.start; s < b.end; s++) {
      const row = order[s]!;
      loadInput(this.net, this.ws, this.data.X, row * this.data.nIn);
      forwardAll(this.net, this.params, this.ws);
      backwardAll(this.net, this.params, this.ws, this.data.T, row * this.data.nOut, sums);
    }
    this.params.set(saved);
    this.lastUpdate = {
      update: u,
      before,
      gradient: batchGradient(sums, len, this.options),
      batchLength: len,
    };
  }

  /**
   * Resumes at micro-step m of update u, where the parameters are `params` (a shared moment: the
   * sender's exact values, so no replay is needed). Returns false, changing nothing, when m is not
   * a micro-step of that batch.
   */
  resumeAt(u: number, params: Float64Array, m = 0): boolean {
    if (!Number.isSafeInteger(u) || u < 0 || !Number.isInteger(m) || m < 0 || m >= this.stepsInBatch(u))
      return false;
    if (params.length !== this.net.paramCount) return false;
    this.history.pin(u, params);
    this.goTo(u, m);
    return true;
  }

  /** Micro-steps in the batch of update u (its samples × (2F + 1), plus the update). */
  microStepsIn(u: number): number {
    return this.stepsInBatch(u);
  }

  /** Back to the initial parameters, update 0. */
  reset(): void {
    this.goTo(0, 0);
  }

  /** Whether z of neuron j in layer l has been computed for the current sample. */
  sumDone(l: number, j: number): boolean {
    const w = this.withinSample();
    if (w < 0) return false;
    return this.order.forwardIndex(l, j) < w;
  }

  /** Whether a of neuron j in layer l has been computed (softmax: once its whole layer has). */
  activationDone(l: number, j: number): boolean {
    if (l === 0) return this.withinSample() > 0;
    const last = this.net.actCodes[l - 1] === ACT.softmax ? this.net.sizes[l]! - 1 : j;
    return this.sumDone(l, last);
  }

  lossDone(): boolean {
    return this.withinSample() > this.order.F;
  }

  /** Whether δ and ∂L/∂a of neuron j in layer l have been computed for the current sample. */
  backwardDone(l: number, j: number): boolean {
    const w = this.withinSample();
    if (w <= this.order.F) return false;
    return this.order.backwardIndex(l, j) < w - this.order.F - 1;
  }

  /** Steps done within the current sample, or −1 when no sample is in progress. */
  private withinSample(): number {
    if (this.m === 0) return -1;
    const per = this.stepsPerSample;
    const b = batchOf(this.trainer, this.u);
    if (this.m >= (b.end - b.start) * per) return per; // all samples done, update pending
    const w = this.m % per;
    return w === 0 ? per : w;
  }

  /** The chain of `p` for the current sample, with which factors the steps so far have computed. */
  chain(p: ParamRef): StepChain {
    return stepChain(this, p);
  }

  /** The batch gradient accumulated so far for `p`: Σ over finished samples, and the count. */
  accumulated(p: ParamRef): number {
    return this.grads[paramIndex(this.net, p)]!;
  }

  /** The data-set loss at the current parameters (the current sample's values stay). */
  datasetLoss(): number {
    return trainerLoss(this.trainer, this.params);
  }

  /** The loss of the test rows at the current parameters (NaN without a test set). */
  testLoss(): number {
    const t = this.test;
    return t ? this.trainer.lossKernel(this.params, t.X, t.T, t.n) : NaN;
  }
}
