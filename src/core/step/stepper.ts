/**
 * The stepper: training one computation at a time, and back (time travel).
 *
 * The cursor (`cursor.ts`) says which computation comes next; the stepper performs it with the checked
 * steps of `divergence.ts`, the functions the fast path uses, so both give the same bits. Parameters
 * change only at update steps, so any position is a pure function of the parameters at the start of
 * its batch: stepping back replays the batch up to the previous step, and earlier batches come from
 * the checkpoint history (`history.ts`). Coarse steps (batch, epoch) run the fast path.
 */
import { paramIndex, stepChain } from './chain.ts';
import type { ParamRef, StepChain, StepProgress } from './chain.ts';
import { Cursor } from './cursor.ts';
import type { Granularity, Position } from './cursor.ts';
import type { Dataset } from '../model/datasets.ts';
import {
  backwardChecked,
  forwardChecked,
  lossChecked,
  makeDivergence,
  updateFault,
} from '../train/divergence.ts';
import type { Divergence, Fault } from '../train/divergence.ts';
import { ParamHistory } from './history.ts';
import { rebuildUpdate } from './update-record.ts';
import type { UpdateRecord } from './update-record.ts';
import { loadInput } from '../model/network.ts';
import type { Network, Workspace } from '../model/network.ts';
import {
  applyUpdate,
  batchGradient,
  batchOf,
  createTrainer,
  epochOrder,
  epochsAt,
  lossKernelFor,
  nextEpochStart,
  newState,
  optionsAt,
  startUpdate,
} from '../train/schedule.ts';
import type { Segment, Trainer, TrainOptions } from '../train/schedule.ts';
import { runUpdates, trainerLoss } from '../train/train.ts';

export type { Granularity, Position } from './cursor.ts';
export type { StepChain } from './chain.ts';
export type { UpdateRecord } from './update-record.ts';

export interface StepperSetup {
  readonly net: Network;
  readonly data: Dataset;
  /** Held-out rows, never trained on (optional). */
  readonly test?: Dataset | null;
  readonly params: Float64Array;
  readonly options: TrainOptions;
  /** Settings changed while training (live), in update order. */
  readonly segments?: readonly Segment[];
}

export class Stepper {
  readonly net: Network;
  readonly data: Dataset;
  readonly test: Dataset | null;
  /** Current parameters (those of the batch in progress). */
  readonly params: Float64Array;
  /** The optimiser's state that goes with them (`optimizers.ts`; empty for gradient descent). */
  state: Float64Array;
  /** Gradient accumulated over the batch so far (sums, not yet divided by the batch length). */
  readonly grads: Float64Array;
  /** Values of the current sample. */
  readonly ws: Workspace;
  /** Loss of the current sample, once the loss step is done. */
  sampleLoss = NaN;
  divergence: Divergence | null = null;
  lastUpdate: UpdateRecord | null = null;

  /** The schedule and kernels, and the checkpoints (read by `live.ts`). */
  readonly trainer: Trainer;
  private readonly initial: Float64Array;
  readonly history: ParamHistory;
  /** The position, and the order of micro-steps. */
  private readonly cur: Cursor;

  constructor(setup: StepperSetup) {
    this.net = setup.net;
    this.data = setup.data;
    this.test = setup.test && setup.test.n > 0 ? setup.test : null;
    this.trainer = createTrainer(setup.net, setup.data, setup.options, { segments: setup.segments ?? [] });
    this.ws = this.trainer.ws;
    this.grads = new Float64Array(setup.net.paramCount);
    this.initial = setup.params.slice();
    this.params = setup.params.slice();
    this.state = newState(setup.net, setup.options, setup.segments);
    this.history = new ParamHistory(this.trainer, this.initial, this.state);
    this.cur = new Cursor(setup.net, this.trainer);
  }

  get updatesPerEpoch(): number {
    return this.trainer.updatesPerEpoch;
  }

  get update(): number {
    return this.cur.u;
  }

  get micro(): number {
    return this.cur.m;
  }

  /** Micro-steps per sample (2F + 1). */
  get stepsPerSample(): number {
    return this.cur.perSample;
  }

  position(): Position {
    return this.cur.position();
  }

  /** Completed epochs, as a fraction when mid-epoch (by updates). */
  get epochsDone(): number {
    return epochsAt(this.trainer, this.cur.u);
  }

  /** One micro-step. Returns the divergence if this step produced a NaN or ±∞. */
  private micro1(record: boolean): Divergence | null {
    const { net, ws, data, cur } = this;
    const b = batchOf(this.trainer, cur.u);
    const len = b.end - b.start;
    const per = cur.perSample;
    const m = cur.m;
    if (m === len * per) {
      startUpdate(this.trainer, cur.u, this.state);
      const before = this.params.slice();
      const stateBefore = this.state.slice();
      const gradient = batchGradient(this.grads, len, this.options);
      const sums = this.grads.slice();
      if (!applyUpdate(net, this.params, this.grads, this.options, len, this.state)) {
        this.params.set(before);
        this.state.set(stateBefore);
        const f = updateFault(net, before, sums, this.options, len, stateBefore);
        return makeDivergence(cur.u, b.epoch, { ...f, sample: -1 });
      }
      const stateAfter = this.state.slice();
      this.lastUpdate = { update: cur.u, before, gradient, batchLength: len, stateBefore, stateAfter };
      cur.u++;
      cur.m = 0;
      if (record) this.history.record(cur.u, this.params, this.state);
      return null;
    }
    const row = epochOrder(this.trainer, b.epoch)[b.start + Math.floor(m / per)]!;
    const tOff = row * data.nOut;
    const kind = cur.steps.kind(m % per);
    let fault: Fault | null = null;
    if (kind.phase === 'forward') {
      if (m % per === 0) {
        loadInput(net, ws, data.X, row * data.nIn);
        this.sampleLoss = NaN;
      }
      fault = forwardChecked(net, this.params, ws, kind.layer, kind.neuron);
    } else if (kind.phase === 'loss') {
      const loss = lossChecked(net, ws, data.T, tOff);
      this.sampleLoss = typeof loss === 'number' ? loss : loss.value;
      fault = typeof loss === 'number' ? null : loss;
    } else if (kind.phase === 'backward') {
      fault = backwardChecked(net, this.params, ws, data.T, tOff, this.grads, kind.layer, kind.neuron);
    }
    if (fault) return makeDivergence(cur.u, b.epoch, { ...fault, sample: row });
    cur.m = m + 1;
    return null;
  }

  /**
   * Advances by one computation, or to the end of the current sample, batch or epoch.
   * A divergence stops the stepper where it happened; step back or reset to go on.
   */
  step(g: Granularity = 'step'): Divergence | null {
    if (this.divergence) return this.divergence;
    const u = this.cur.u;
    if (g === 'batch' || g === 'epoch') {
      return this.fastTo(g === 'batch' ? u + 1 : nextEpochStart(this.trainer, u));
    }
    do {
      const d = this.micro1(true);
      if (d) {
        this.divergence = d;
        return d;
      }
    } while (!this.cur.isBoundary(g));
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
    const cur = this.cur;
    if (cur.m > 0) {
      // Restart the batch in progress from its parameters: the fast path computes the same bits.
      this.grads.fill(0);
      cur.m = 0;
    }
    tr.grads.fill(0);
    while (cur.u < target) {
      const stride = this.history.checkpointStride;
      const chunkEnd = Math.min(
        target,
        (Math.floor(cur.u / stride) + 1) * stride,
        detail ? target - 1 : target,
      );
      if (chunkEnd > cur.u) {
        const d = runUpdates(tr, this.params, cur.u, chunkEnd - cur.u, this.state);
        if (d) return this.stopAt(d);
        cur.u = chunkEnd;
        this.lastUpdate = null;
        this.history.record(cur.u, this.params, this.state);
        continue;
      }
      // The last update of the run goes through the micro path once, so `lastUpdate` and the
      // workspace hold that batch's final sample, as after stepping.
      if (!detail) break;
      const total = cur.stepsInBatch(cur.u);
      for (let k = 0; k < total; k++) {
        const d = this.micro1(true);
        if (d) return this.stopAt(d);
      }
    }
    return null;
  }

  private stopAt(d: Divergence): Divergence {
    // Show the failing batch up to the failing computation.
    this.cur.u = d.update;
    this.cur.m = 0;
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
    const { u, m } = this.cur;
    if (u === 0 && m === 0) return false;
    if (m > 0) this.goTo(u, m - 1);
    else this.goTo(u - 1, this.cur.stepsInBatch(u - 1) - 1);
    return true;
  }

  /** Jumps to micro-step m of update u (u at most the furthest update reached). */
  goTo(u: number, m = 0): void {
    this.divergence = null;
    this.history.paramsAt(u, this.params, this.state);
    this.cur.u = u;
    this.cur.m = 0;
    this.grads.fill(0);
    this.sampleLoss = NaN;
    this.lastUpdate = null;
    // The update that led here, unless its parameters lie in the never-computed past of a moment
    // given from outside (rebuilding it would replay everything before that moment).
    if (u > 0 && m === 0 && this.history.replayDistance(u - 1) <= this.history.checkpointStride)
      this.lastUpdate = rebuildUpdate(this.trainer, this.history, u - 1, this.state);
    while (this.cur.m < m) {
      const d = this.micro1(false);
      if (d) {
        this.divergence = d;
        return;
      }
    }
  }

  /**
   * Resumes at micro-step m of update u, where the parameters are `params` (a shared moment: the
   * sender's exact values, so no replay is needed), with the optimiser's state this stepper has at
   * u when it is there, else a fresh one (a link carries no velocity or moments). Returns false,
   * changing nothing, when m is not a micro-step of that batch.
   */
  resumeAt(u: number, params: Float64Array, m = 0): boolean {
    if (!Number.isSafeInteger(u) || u < 0 || !Number.isInteger(m) || m < 0 || m >= this.cur.stepsInBatch(u))
      return false;
    if (params.length !== this.net.paramCount) return false;
    const state =
      this.cur.u === u ? this.state.slice() : newState(this.net, this.options, this.trainer.segments);
    this.history.pin(u, params, state);
    this.goTo(u, m);
    return true;
  }

  /** Micro-steps in the batch of update u (its samples × (2F + 1), plus the update). */
  microStepsIn(u: number): number {
    return this.cur.stepsInBatch(u);
  }

  /** Back to the initial parameters, update 0. */
  reset(): void {
    this.goTo(0, 0);
  }

  /** Which values of the current sample have been computed (z, a, the loss, δ): the cursor's answers. */
  get done(): StepProgress {
    return this.cur;
  }

  /** The chain of `p` for the current sample, with which factors the steps so far have computed. */
  chain(p: ParamRef): StepChain {
    const tOff = this.position().row * this.data.nOut;
    return stepChain(this.net, this.params, this.ws, this.data.T, tOff, p, this.cur);
  }

  /** The batch gradient accumulated so far for `p`: Σ over finished samples, and the count. */
  accumulated(p: ParamRef): number {
    return this.grads[paramIndex(this.net, p)]!;
  }

  /** The data-set loss at the current parameters (the current sample's values stay). */
  datasetLoss(): number {
    return trainerLoss(this.trainer, this.params, this.options.reduction ?? 'mean');
  }

  /** The loss of the test rows at the current parameters (NaN without a test set). */
  testLoss(): number {
    const t = this.test;
    return t
      ? lossKernelFor(this.trainer, this.options.reduction ?? 'mean')(this.params, t.X, t.T, t.n)
      : NaN;
  }

  /** Epochs done before update u (fractional mid-epoch), and the first update of the next epoch. */
  epochsAt(u: number): number {
    return epochsAt(this.trainer, u);
  }

  nextEpochStart(u: number): number {
    return nextEpochStart(this.trainer, u);
  }

  /** The settings in force at the current update (the run's, or a live change's). */
  get options(): TrainOptions {
    return optionsAt(this.trainer, this.cur.u);
  }
}
