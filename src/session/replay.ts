/**
 * Training done without freezing the page: a `Replay` trains a stepper forward in chunks that adapt
 * to a time slice, recording the loss curve's points at epoch ends (thinned by `keepsEpoch`). The play
 * loop at full speed and the replay of a link or of "Go to update" are the same `Replay`, so a
 * replayed link draws the sender's curve. `runSliced` runs one a slice per task; `Jobs` holds the one
 * long job at a time (progress, cancel, undo).
 */
import { SYNC_WORK } from '../config/budget.ts';
import type { Stepper } from '../core/step/stepper.ts';
import { keepsEpoch } from './series.ts';
import type { LossSeries } from './series.ts';

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

/** The loss at the stepper's parameters, as a point of the curve (x in epochs). */
export function recordPoint(s: Stepper, series: LossSeries, testSeries: LossSeries): void {
  const x = s.epochsDone;
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
   * curve may take a point). Returns whether it reached the target or stopped at a divergence. A
   * chunk aims at a quarter of `ms`: a few chunks per slice, epochs recorded in between.
   */
  run(ms: number): boolean {
    const s = this.stepper;
    const t0 = this.now();
    while (!this.finished) {
      const u = s.update;
      const end = Math.min(this.target, s.nextEpochStart(u), u + this.chunk);
      const t1 = this.now();
      s.fastTo(end, false);
      const took = this.now() - t1;
      if (took < ms / 8) this.chunk = Math.min(this.chunk * 2, 1 << 20);
      else if (took > ms / 2) this.chunk = Math.max(1, Math.floor(this.chunk / 2));
      const epochs = s.epochsDone;
      if (Number.isInteger(epochs) && keepsEpoch(epochs)) recordPoint(s, this.series, this.testSeries);
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

/** A long job: the replay, what undoes it, what to say when cancelled, what to do at its end. */
export interface JobSpec {
  readonly replay: Replay;
  /** Its work (`replayWork`): up to `SYNC_WORK`, it runs at once. */
  readonly work: number;
  readonly label: string;
  readonly cancelled: string;
  restore(): void;
  end(): void;
  /** After each slice but the last (the replay moved a stepper the page shows). */
  slice?(): void;
}

/** The one long job at a time: its progress, and a way to stop it that undoes it. */
export class Jobs {
  private job: { spec: JobSpec; cancel(): void } | null = null;
  /** What the progress bar shows, or null: a new object after each slice. */
  progress: JobProgress | null = null;

  constructor(
    private readonly scheduler: JobScheduler,
    private readonly sliceMs: number,
    /** After each slice but the last. */
    private readonly onProgress: (progress: JobProgress) => void,
  ) {}

  /** Runs a job to its end: at once when small, else in slices (`progress` set meanwhile). */
  run(spec: JobSpec): void {
    this.stop();
    const { replay } = spec;
    if (spec.work <= SYNC_WORK) {
      while (!replay.run(Infinity));
      spec.end();
      return;
    }
    const measure = () => {
      this.progress = { label: spec.label, done: replay.done, total: replay.total };
    };
    const cancel = runSliced(
      replay,
      this.scheduler,
      this.sliceMs,
      () => {
        measure();
        spec.slice?.();
        this.onProgress(this.progress!);
      },
      () => {
        this.job = null;
        this.progress = null;
        spec.end();
      },
    );
    this.job = { spec, cancel };
    measure();
  }

  /** Stops the job in progress, undoing it; returns what to tell the user (null: there was none). */
  stop(): string | null {
    const job = this.job;
    if (!job) return null;
    this.job = null;
    this.progress = null;
    job.cancel();
    job.spec.restore();
    return job.spec.cancelled;
  }
}
