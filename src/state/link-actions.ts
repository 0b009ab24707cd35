/**
 * The store's actions that may train for long: opening a link (its moment replayed from the initial
 * weights, within the work budget) and "Go to update". Small ones finish at once; longer ones run in
 * slices (`replay.ts`) while the page keeps showing what it showed, with a progress bar; Cancel, or
 * any action that moves the run, stops them and leaves the page as it was.
 */
import { budgetError, replayWork, SYNC_WORK } from '../config/budget.ts';
import type { RunSetup } from '../config/build.ts';
import { decodeLink, linkErrorText } from '../config/codec.ts';
import { presetOf } from '../config/edits.ts';
import { impliedHidden, impliedInsight, impliedSelection, PANELS } from '../config/view-link.ts';
import type { Stepper } from '../core/step/stepper.ts';
import { landLink, planLink, recordPoint, Replay, runSliced } from '../session/replay.ts';
import type { JobScheduler } from '../session/replay.ts';
import { LossSeries } from '../session/series.ts';
import type { DataInfo, LabState } from './store.ts';

/** What these actions need of the store's closure. */
export interface StoreCore {
  get(): LabState;
  set(partial: Partial<LabState>): void;
  /** The one set() with a fresh snapshot of the stepper. */
  refresh(extra?: Partial<LabState>): void;
  stepper(): Stepper;
  /** Puts a new stepper in place (the play driver stopped, the layer gradients cleared). */
  replaceStepper(s: Stepper): void;
  readonly series: LossSeries;
  readonly testSeries: LossSeries;
  /** Drops the curves' points past x. */
  truncate(x: number): void;
  dataInfo(run: RunSetup): DataInfo;
  readonly jobs: JobScheduler;
  readonly sliceMs: number;
  now(): number;
}

export interface LinkActions {
  openLink(text: string): string[];
  goToUpdate(text: string): string[];
  /** Stops the job in progress, undoing it; `say`: with a notice saying so (the Cancel button). */
  stopJob(say: boolean): void;
}

export function createLinkActions(core: StoreCore): LinkActions {
  /** The training in progress in slices: how to stop it, undo it, and what to say then. */
  let job: { cancel(): void; restore(): void; cancelled: string } | null = null;

  const stopJob = (say: boolean) => {
    if (!job) return;
    const j = job;
    job = null;
    j.cancel();
    j.restore();
    core.set({ job: null, ...(say ? { notice: j.cancelled } : {}) });
  };

  /** Runs a replay to its end: at once when small, else in slices with a progress bar. */
  const runJob = (
    replay: Replay,
    work: number,
    label: string,
    restore: () => void,
    cancelled: string,
    end: () => void,
  ) => {
    if (work <= SYNC_WORK) {
      while (!replay.run(Infinity));
      end();
      return;
    }
    const progress = () => core.set({ job: { label, done: replay.done, total: replay.total } });
    const cancel = runSliced(replay, core.jobs, core.sliceMs, progress, () => {
      job = null;
      end(); // the page moves on while the progress bar is still up: one address bar write
      core.set({ job: null });
    });
    job = { cancel, restore, cancelled };
    progress();
  };

  const openLink = (text: string): string[] => {
    const r = decodeLink(text);
    if (!r.ok) return [linkErrorText(r.errors)];
    const { config, flags } = r;
    const plan = planLink(config, r.moment);
    if (typeof plan === 'string') return [plan];
    stopJob(false);
    // the sender's loss curve, rebuilt by replaying from the initial weights (within the budget)
    const curve = new LossSeries();
    const testCurve = new LossSeries();
    recordPoint(plan.stepper, curve, testCurve);
    let problem: string[] = [];
    let sync = true;
    const land = () => {
      const landed = landLink(plan);
      if (typeof landed === 'string') {
        problem = [landed];
        if (!sync) core.set({ notice: `This link could not be opened — ${landed}. The page is as it was.` });
        return;
      }
      core.replaceStepper(landed.stepper);
      if (landed.floor > 0) {
        curve.clear();
        testCurve.clear();
      }
      recordPoint(landed.stepper, curve, testCurve);
      core.series.assign(curve);
      core.testSeries.assign(testCurve);
      const presenter = flags.presenter ?? false;
      const hidden = flags.hidden ?? impliedHidden(presenter);
      core.refresh({
        config,
        data: core.dataInfo(plan.run),
        presetName: presetOf(config),
        playing: false,
        selection: flags.selection !== undefined ? flags.selection : impliedSelection(config, flags.lesson),
        notice: landed.note,
        horizon: 0,
        floor: landed.floor,
        lesson: flags.lesson ?? null,
        insight: flags.insight ?? impliedInsight(flags.lesson),
        presenter,
        hidden: Object.fromEntries(PANELS.map((p) => [p, hidden.includes(p)])) as LabState['hidden'],
        ...(flags.theme ? { theme: flags.theme } : {}),
      });
    };
    runJob(
      new Replay(plan.stepper, plan.replay, curve, testCurve, core.now),
      replayWork(config, plan.replay),
      'Replaying the link’s training',
      () => undefined,
      'Cancelled: the link was not opened; the page is as it was.',
      land,
    );
    sync = false;
    return problem;
  };

  const goToUpdate = (text: string): string[] => {
    const field = 'Go to update';
    const { floor, horizon, config, actions } = core.get();
    const digits = text.trim().replace(/[\s,_]/g, '');
    if (!/^\d{1,12}$/.test(digits))
      return [`${field}: must be a whole number of updates, ${floor} or more (e.g. 10000)`];
    const n = Number(digits);
    if (n < floor)
      return [
        `${field}: must be ${floor} or more: the training before update ${floor} was not replayed (Reset starts over from update 0)`,
      ];
    if (n <= horizon) {
      actions.seek(n);
      return [];
    }
    const over = budgetError(config, n - horizon, field, `more updates (after update ${horizon})`);
    if (over) return [over];
    stopJob(false);
    if (core.get().playing) actions.pause();
    // train on from the furthest update reached; Cancel comes back here
    const target = core.stepper();
    const before = { u: target.update, m: target.micro };
    const lastX = core.series.length ? core.series.x(core.series.length - 1) : 0;
    if (target.update < horizon) target.goTo(horizon, 0);
    runJob(
      new Replay(target, n, core.series, core.testSeries, core.now),
      replayWork(config, n - horizon),
      `Training to update ${n}`,
      () => {
        target.goTo(before.u, before.m);
        core.truncate(lastX);
        core.refresh();
      },
      `Cancelled: still at update ${before.u}.`,
      () => {
        if (!target.divergence) {
          recordPoint(target, core.series, core.testSeries);
          target.goTo(target.update, 0); // the update just done, for the chain panel
        }
        core.refresh();
      },
    );
    return [];
  };

  return { openLink, goToUpdate, stopJob };
}
