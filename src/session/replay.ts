/**
 * Training that a link or "Go to update" asks for, done without freezing the page: a `Replay` trains
 * a stepper forward in chunks that adapt to a time slice, recording the loss curve's points exactly
 * as the play loop does (so a replayed link draws the sender's curve); `runSliced` runs it a slice per
 * task with progress and a way to cancel. `planLink` and `landLink` say what a decoded link needs:
 * how many updates to replay (within the work budget) and where to land.
 */
import { budgetError } from '../config/budget.ts';
import { buildRun } from '../config/build.ts';
import type { RunSetup } from '../config/build.ts';
import type { Moment } from '../config/codec.ts';
import type { Config } from '../config/schema.ts';
import { packParams } from '../core/model/init.ts';
import { Stepper } from '../core/step/stepper.ts';
import { keepsEpoch, LossSeries } from './series.ts';

/** Runs a callback later (a task of its own, so the page can paint in between); returns a cancel. */
export interface JobScheduler {
  later(cb: () => void): () => void;
}

/** What the progress bar shows. */
export interface JobProgress {
  readonly label: string;
  /** Updates done and to do. */
  readonly done: number;
  readonly total: number;
}

/** Milliseconds of training per slice: the page stays responsive between slices. */
export const SLICE_MS = 30;

/** The loss at the stepper's parameters, as a point of the curve (x in epochs). */
export function recordPoint(s: Stepper, series: LossSeries, testSeries: LossSeries): void {
  const x = s.update / s.updatesPerEpoch;
  series.push(x, s.datasetLoss());
  if (s.test) testSeries.push(x, s.testLoss());
}

export class Replay {
  readonly start: number;
  private chunk = 1;

  constructor(
    readonly stepper: Stepper,
    readonly target: number,
    readonly series: LossSeries,
    readonly testSeries: LossSeries,
    private readonly now: () => number,
  ) {
    this.start = stepper.update;
  }

  get done(): number {
    return this.stepper.update - this.start;
  }

  get total(): number {
    return this.target - this.start;
  }

  get finished(): boolean {
    return this.stepper.update >= this.target || this.stepper.divergence !== null;
  }

  /**
   * Trains for about `ms` milliseconds (at least one chunk, never past an epoch's end, where the
   * curve may take a point). Returns whether it reached the target or stopped at a divergence.
   */
  run(ms: number): boolean {
    const s = this.stepper;
    const upe = s.updatesPerEpoch;
    const t0 = this.now();
    while (!this.finished) {
      const u = s.update;
      const end = Math.min(this.target, (Math.floor(u / upe) + 1) * upe, u + this.chunk);
      const t1 = this.now();
      s.fastTo(end, false);
      const took = this.now() - t1;
      if (took < ms / 8) this.chunk = Math.min(this.chunk * 2, 1 << 20);
      else if (took > ms / 2) this.chunk = Math.max(1, Math.floor(this.chunk / 2));
      if (s.update % upe === 0 && keepsEpoch(s.update / upe)) recordPoint(s, this.series, this.testSeries);
      if (this.now() - t0 >= ms) break;
    }
    return this.finished;
  }
}

/** Runs a replay a slice per task; `onProgress` after each unfinished slice. Returns the cancel. */
export function runSliced(
  replay: Replay,
  jobs: JobScheduler,
  sliceMs: number,
  onProgress: () => void,
  onEnd: () => void,
): () => void {
  let cancelNext = () => {};
  let cancelled = false;
  const tick = () => {
    if (cancelled) return;
    if (replay.run(sliceMs)) onEnd();
    else {
      onProgress();
      cancelNext = jobs.later(tick);
    }
  };
  cancelNext = jobs.later(tick);
  return () => {
    cancelled = true;
    cancelNext();
  };
}

/** What opening a decoded link takes. */
export interface LinkPlan {
  readonly run: RunSetup;
  readonly stepper: Stepper;
  readonly moment: Moment | null;
  /** The link's parameters at its moment (aw, ab), packed. */
  readonly pinned: Float64Array | null;
  /** Updates to replay from the initial weights (0: none). */
  readonly replay: number;
}

/**
 * The plan for a link, or the problem: a moment that is not in its batch, or one without its
 * parameters beyond the work budget.
 */
export function planLink(config: Config, moment: Moment | null): LinkPlan | string {
  const run = buildRun(config);
  const stepper = new Stepper(run);
  if (!moment) return { run, stepper, moment, pinned: null, replay: 0 };
  const { update, micro } = moment;
  const steps = stepper.microStepsIn(update);
  if (micro >= steps) return `at: micro-step ${micro} is not in update ${update + 1} (it has ${steps})`;
  const pinned =
    moment.weights && moment.biases ? packParams(stepper.net, moment.weights, moment.biases) : null;
  const over = budgetError(config, update, 'at');
  if (over && !pinned)
    return `${over}; a link to this moment with its weights (aw, ab) opens without replaying`;
  return { run, stepper, moment, pinned, replay: over ? 0 : update };
}

function sameBits(a: Float64Array, b: Float64Array): boolean {
  return a.length === b.length && a.every((v, k) => Object.is(v, b[k]));
}

/**
 * After the replay: the stepper at the link's moment, the first update its history goes back to
 * (0, or the moment itself when its past was not replayed) and what to tell the user; or the problem.
 */
export function landLink(plan: LinkPlan): { stepper: Stepper; floor: number; note: string | null } | string {
  const { stepper, moment, pinned } = plan;
  if (!moment) return { stepper, floor: 0, note: null };
  const { update, micro } = moment;
  if (!pinned) {
    if (stepper.update !== update)
      return `at: the moment ${update}.${micro} is not reachable: training diverged in update ${stepper.update + 1}`;
    stepper.goTo(update, micro);
    return { stepper, floor: 0, note: null };
  }
  // The link's own parameters at its moment, always; its past only when the replay leads there.
  const replayed = plan.replay > 0 && stepper.update === update && sameBits(stepper.params, pinned);
  const at = replayed ? stepper : new Stepper(plan.run);
  at.resumeAt(update, pinned, micro);
  if (replayed || update === 0) return { stepper: at, floor: 0, note: null };
  return {
    stepper: at,
    floor: update,
    note:
      plan.replay > 0
        ? `The link's weights at update ${update} are not what its setup trains to, so its loss curve starts there.`
        : `The loss curve starts at update ${update}: replaying the training before it is more than the work budget allows.`,
  };
}
