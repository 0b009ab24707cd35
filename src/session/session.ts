/**
 * The run, framework-free: one `Session` owns the stepper (the core's cursor over the training), the
 * loss and test-loss series, the layer-gradient recorder and the one long job (a replay). Its methods
 * move the run; `snapshot()` says what the page shows now, `display()` what the heavy views draw.
 * No React, store, DOM or timer: the clock and the job scheduler are given.
 */
import { budgetError, replayWork } from '../config/budget.ts';
import { buildRun, segmentsFor } from '../config/build.ts';
import { setSegments } from '../core/step/live.ts';
import type { RunSetup } from '../config/build.ts';
import type { Moment } from '../config/codec.ts';
import type { Config } from '../config/schema.ts';
import { Stepper } from '../core/step/stepper.ts';
import type { Granularity } from '../core/step/stepper.ts';
import { CADENCE } from './cadence.ts';
import { GO_TO } from './read-update.ts';
import { LayerGradients } from './layer-gradients.ts';
import { land, planOpen } from './open.ts';
import { FramePacer } from './pacer.ts';
import { Jobs, recordPoint, Replay } from './replay.ts';
import type { JobProgress } from './replay.ts';
import { LossSeries } from './series.ts';
import { selectionKey, snapshot } from './snapshot.ts';
import type { RunView, Selection } from './snapshot.ts';
import type { Speed } from './speeds.ts';
import type { Curves, DataInfo, Drawn, FrameResult, Opened, SessionOptions, SessionState } from './shapes.ts';

export type { SessionOptions };

export class Session {
  config!: Config;
  /** The data as given, its split and its scaling (a new object with each setup). */
  data!: DataInfo;
  /** The furthest update this run has reached (the history scrubber's end). */
  horizon = 0;
  /** The first update the history goes back to: 0, or a link's moment whose past was not replayed. */
  floor = 0;
  private stepper!: Stepper;
  /** The play loop at full speed: a replay without end. */
  private player!: Replay;
  private readonly loss = new LossSeries();
  private readonly test = new LossSeries();
  private readonly layers = new LayerGradients();
  private readonly pacer: FramePacer;
  private readonly jobs: Jobs;
  private readonly now: () => number;
  /** Counts the changes of the stepper: the snapshot is rebuilt only after one. */
  private revision = 0;
  private last: { revision: number; selection: string; view: RunView } | null = null;
  private curves: Curves | null = null;

  constructor(config: Config, options: SessionOptions) {
    this.now = options.now;
    this.pacer = new FramePacer(options.frameBudgetMs);
    this.jobs = new Jobs(options.jobs, options.sliceMs ?? CADENCE.replaySliceMs, (p) =>
      options.onProgress?.(p),
    );
    this.load(config);
    this.layers.record(this.stepper, false, this.now());
  }

  /** The long job in progress, or null. */
  get job(): JobProgress | null {
    return this.jobs.progress;
  }

  get diverged(): boolean {
    return this.stepper.divergence !== null;
  }

  /** A new run of `config` from its initial parameters. */
  load(config: Config): void {
    this.jobs.stop();
    const run = buildRun(config);
    this.use(config, run, new Stepper(run));
    this.loss.clear();
    this.test.clear();
    this.record();
    this.horizon = 0;
    this.floor = 0;
    this.touch();
  }

  /**
   * Settings changed live: `config` holds the run's changes (config/changes.ts), the newest from the
   * current update on. The weights, the position and everything before it stay; what was computed
   * after it with the old settings is forgotten (the history and the curve end here).
   */
  change(config: Config): void {
    this.jobs.stop();
    const s = this.stepper;
    const u = s.update;
    const batch = s.options.batchSize;
    setSegments(s, segmentsFor(config, s.data.n), u);
    this.config = config;
    // a smaller step may not diverge, and a batch of another size starts over: from its first sample
    if (s.divergence || s.options.batchSize !== batch) s.goTo(u, 0);
    this.horizon = u;
    this.truncate(s.epochsDone);
    this.touch();
  }

  /** One computation, or to the end of the sample, batch or epoch; a point per completed update. */
  step(g: Granularity): void {
    this.jobs.stop();
    this.advance(g);
    this.touch();
  }

  /** One micro-step back (the curve drops what lies past it); or why not (at a link's unreplayed past). */
  back(): string | null {
    this.jobs.stop();
    const { floor, stepper } = this;
    if (floor > 0 && stepper.update === floor && stepper.micro === 0)
      return `Back: the updates before ${floor} were not replayed (more than the work budget allows); Reset goes to update 0.`;
    if (stepper.back()) this.truncate(stepper.epochsDone);
    this.touch();
    return null;
  }

  /** Back to the initial parameters (and, after a link's unreplayed past, to a history from 0). */
  reset(): void {
    this.jobs.stop();
    if (this.floor > 0) {
      this.floor = 0;
      this.horizon = 0;
    }
    this.stepper.reset();
    this.truncate(0);
    this.touch();
  }

  /** Jumps to update `update` (clamped to floor … horizon), to step on from there. */
  seek(update: number): void {
    this.jobs.stop();
    const u = Math.max(this.floor, Math.min(this.horizon, Math.round(update)));
    // training is deterministic: every update reached so far is at most a checkpoint stride of
    // replay away, forward or back
    this.stepper.goTo(u, 0);
    this.touch();
  }

  /**
   * Goes to micro-step `m` of update `u`, as a comparison's run B follows run A: ahead, stepped or
   * trained (while `playing`, at once; else as `goTo`, `done` when there); back, a jump (`drop`: the
   * curve ends there, as after Back). Returns the problem, or null.
   */
  follow(u: number, m: number, drop: boolean, playing: boolean, done: () => void): string | null {
    const s = this.stepper;
    const micro = Math.min(m, s.microStepsIn(u) - 1);
    const ahead = u > s.update || (u === s.update && micro > s.micro);
    const far = ahead && u > s.update + 1 && u > this.horizon;
    if (far && !playing) return this.goTo(u, done);
    this.jobs.stop();
    if (far && s.update < this.horizon) s.goTo(this.horizon, 0);
    // while playing, as far as `CADENCE.followMs` allows: behind, it goes on at the next frame
    const behind = far && !new Replay(s, u, this.loss, this.test, this.now).run(CADENCE.followMs);
    if (behind || (s.divergence && ahead)) {
      // behind, or diverged on the way: it stays where it stopped
    } else if (!ahead || u > s.update + 1) {
      s.goTo(u, micro);
      if (drop) this.truncate(s.epochsDone);
    } else {
      if (u === s.update + 1 && s.micro === 0) this.advance('batch');
      while (!s.divergence && (s.update < u || s.micro < micro)) this.advance('step');
    }
    this.touch();
    return null;
  }

  /**
   * Trains on from the furthest update reached to update `n` (beyond it), within the work budget: at
   * once when small, else in slices (`job`); `done` when there. Returns the problem, or null.
   */
  goTo(n: number, done: () => void): string | null {
    const { horizon, config, stepper } = this;
    const over = budgetError(config, n - horizon, GO_TO, `more updates (after update ${horizon})`);
    if (over) return over;
    this.jobs.stop();
    const before = { u: stepper.update, m: stepper.micro };
    const lastX = this.loss.length ? this.loss.x(this.loss.length - 1) : 0;
    if (stepper.update < horizon) stepper.goTo(horizon, 0);
    this.jobs.run({
      replay: new Replay(stepper, n, this.loss, this.test, this.now),
      work: replayWork(config, n - horizon),
      label: `Training to update ${n}`,
      cancelled: `Cancelled: still at update ${before.u}.`,
      restore: () => {
        stepper.goTo(before.u, before.m);
        this.truncate(lastX);
        this.touch();
      },
      slice: () => this.revision++,
      end: () => {
        if (!stepper.divergence) {
          this.record();
          stepper.goTo(stepper.update, 0); // the update just done, for the chain panel
        }
        this.touch();
        done();
      },
    });
    return null;
  }

  /**
   * Opens `config` at `moment` (or at its start): the training before the moment is replayed from the
   * initial weights within the work budget, at once when small, else in slices (`job`), rebuilding
   * the loss curve; the run changes only when it lands (`done`). Returns the problem, or null.
   */
  open(config: Config, moment: Moment | null, done: (result: Opened) => void): string | null {
    const plan = planOpen(config, moment);
    if (typeof plan === 'string') return plan;
    this.jobs.stop();
    const curve = new LossSeries();
    const testCurve = new LossSeries();
    recordPoint(plan.stepper, curve, testCurve);
    this.jobs.run({
      replay: new Replay(plan.stepper, plan.replay, curve, testCurve, this.now),
      work: replayWork(config, plan.replay),
      label: 'Replaying the link’s training',
      cancelled: 'Cancelled: the link was not opened; the page is as it was.',
      restore: () => undefined,
      end: () => {
        const landed = land(plan);
        if (typeof landed === 'string') return done({ ok: false, problem: landed });
        if (landed.floor > 0) {
          curve.clear();
          testCurve.clear();
        }
        recordPoint(landed.stepper, curve, testCurve);
        this.use(config, plan.run, landed.stepper);
        this.loss.assign(curve);
        this.test.assign(testCurve);
        this.horizon = 0;
        this.floor = landed.floor;
        this.touch();
        done({ ok: true, note: landed.note });
      },
    });
    return null;
  }

  /** Stops the long job in progress, undoing it; returns what to tell the user (null: none). */
  stopJob = (): string | null => this.jobs.stop();

  /** Playing starts (false: it cannot, at a divergence). */
  play(): boolean {
    if (!this.diverged) this.pacer.start();
    return !this.diverged;
  }

  pause(): void {
    this.pacer.stop();
  }

  /** One frame of the play loop, `dt` ms after the last, at `speed`. */
  frame(dt: number, speed: Speed): FrameResult {
    const { display, budget } = this.pacer.begin(dt, speed.kind === 'steps', this.now());
    if (speed.kind === 'steps') {
      let n = this.pacer.owed(dt, speed.perSecond);
      while (n-- > 0 && !this.stepper.divergence) this.advance('step');
    } else if (speed.kind === 'updates') this.advance('batch');
    else if (speed.kind === 'epochs') this.advance('epoch');
    else this.player.run(budget);
    this.touch();
    const diverged = this.diverged;
    return { display: display || diverged, diverged };
  }

  /** The run now, for `selection` (each field the same object as before unless it changed). */
  snapshot(selection: Selection | null): SessionState {
    const key = selectionKey(selection);
    const last = this.last;
    if (!last || last.revision !== this.revision || last.selection !== key) {
      const s = this.stepper;
      const view = snapshot(s, selection, s.datasetLoss(), last?.view ?? null);
      this.last = { revision: this.revision, selection: key, view };
    }
    return {
      view: this.last!.view,
      series: this.loss.view(),
      testSeries: this.test.view(),
      horizon: this.horizon,
      floor: this.floor,
      job: this.jobs.progress,
    };
  }

  /**
   * A display refresh: records the layer gradients (while `fast`, at most every
   * `CADENCE.layerGradientsMs`) and returns the curves to draw.
   */
  display(fast: boolean): Drawn {
    this.pacer.displayed(this.now());
    this.layers.record(this.stepper, fast, this.now());
    return this.drawn();
  }

  /** The curves as recorded so far (each the same object until it changes). */
  drawn(): Drawn {
    const loss = this.loss.view();
    const test = this.test.view();
    const layers = this.layers.views();
    const c = this.curves;
    if (!c || c.loss !== loss || c.test !== test || c.layers !== layers)
      this.curves = { version: (c?.version ?? 0) + 1, loss, test, layers };
    return { layerSeries: layers, curves: this.curves! };
  }

  private use(config: Config, run: RunSetup, stepper: Stepper): void {
    this.config = config;
    this.data = {
      raw: run.raw,
      testIndex: run.testIndex,
      scaling: run.scaling,
      columns: run.columns,
      train: run.data,
      test: run.test,
    };
    this.stepper = stepper;
    this.player = new Replay(stepper, Infinity, this.loss, this.test, this.now);
    this.layers.reset();
  }

  /** The stepper moved: the next snapshot is new, and the history reaches at least here. */
  private touch(): void {
    this.revision++;
    this.horizon = Math.max(this.horizon, this.stepper.update);
  }

  private record(): void {
    recordPoint(this.stepper, this.loss, this.test);
  }

  private truncate(x: number): void {
    this.loss.truncateAfter(x);
    this.test.truncateAfter(x);
    this.layers.truncateAfter(x);
  }

  private advance(g: Granularity): void {
    const s = this.stepper;
    const before = s.update;
    s.step(g);
    if (s.update !== before && s.micro === 0) this.record();
    else this.truncate(s.epochsDone);
  }
}
