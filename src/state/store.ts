/**
 * The one store of an app instance (made by a factory: tests and Node get a fresh one). Slices: the
 * config, the run (a snapshot of the stepper, the loss history), the selection and the view. Actions
 * call the core; the stepper itself lives outside the state, in the factory's closure.
 */
import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import { buildRun } from '../config/build.ts';
import type { RunSetup } from '../config/build.ts';
import { encodeLink } from '../config/codec.ts';
import type { ViewFlags } from '../config/codec.ts';
import { findLesson } from '../content/lessons.ts';
import type { InsightName } from '../content/lessons.ts';
import { PANELS } from '../config/view-link.ts';
import type { PanelName } from '../config/view-link.ts';
import {
  editConfig,
  presetOf,
  withData,
  withGenerated,
  withParameters,
  withStandardize,
} from '../config/edits.ts';
import type { EditResult } from '../config/edits.ts';
import type { ConfigPatch } from '../config/edits.ts';
import { unpackParams } from '../core/model/init.ts';
import { paramIndex } from '../core/step/chain.ts';
import type { ParamRef } from '../core/step/chain.ts';
import { DEFAULT_PRESET, findPreset } from '../content/presets.ts';
import type { Config, DataRows, Standardize } from '../config/schema.ts';
import type { Granularity } from '../core/step/stepper.ts';
import { Stepper } from '../core/step/stepper.ts';
import { createLinkActions } from './link-actions.ts';
import { SLICE_MS } from '../session/replay.ts';
import type { JobProgress, JobScheduler } from '../session/replay.ts';
import { browserScheduler, createPlayDriver, timeoutJobs } from './driver.ts';
import type { FrameScheduler } from './driver.ts';
import { LayerGradients } from '../session/layer-gradients.ts';
import { keepsEpoch, LossSeries } from '../session/series.ts';
import { snapshot } from '../session/snapshot.ts';
import type { RunView, Selection } from '../session/snapshot.ts';
import { DEFAULT_SPEED, MAX_SPEED, SPEEDS } from '../session/speeds.ts';

export type Theme = 'light' | 'dark';
export { PANELS };
export type { PanelName };

export interface LabActions {
  loadPreset(name: string): void;
  loadConfig(config: Config, presetName?: string | null): void;
  step(g: Granularity): void;
  back(): void;
  reset(): void;
  play(): void;
  pause(): void;
  togglePlay(): void;
  setSpeed(index: number): void;
  select(sel: Selection | null): void;
  setLogScale(on: boolean): void;
  /** After a divergence: the same setup with a tenth of the learning rate, from the start. */
  lowerLearningRate(): void;
  /**
   * Opens a link (a whole address or its fragment): its setup, and its moment if it has one.
   * Returns the problems (and changes nothing) when it cannot.
   */
  openLink(text: string): string[];
  /** Shows a message to the user (null clears it). */
  notify(message: string | null): void;
  /**
   * Changes the setup and starts it from its initial weights. A change of shape (layers or
   * activations) re-initialises from the seed. Returns the problems (and changes nothing) when the
   * result is not a valid config.
   */
  editConfig(patch: ConfigPatch): string[];
  /**
   * Sets one weight or bias: the current parameters, with that one changed, become the setup's
   * initial parameters, and training starts from them.
   */
  setParam(p: ParamRef, value: number): string[];
  /**
   * Trains on the given rows instead: inputs and outputs follow them, the hidden layers stay, the
   * weights are initialised from the seed. Returns the problems (and changes nothing) when invalid.
   */
  trainOn(data: DataRows): string[];
  /** Standardises the inputs (and targets), or not (null), and starts from the initial weights. */
  setStandardize(standardize: Standardize | null): string[];
  /** Changes the options of a generated data set (points, noise, its seed, the test fraction). */
  setGenerated(patch: { n?: number; noise?: number; seed?: number; test?: number }): string[];
  setTheme(theme: Theme): void;
  /** Presenter mode: large numbers, high contrast; it hides the setup and data panels (off: shows them). */
  setPresenter(on: boolean): void;
  togglePanel(panel: PanelName): void;
  setHelp(open: boolean): void;
  setInsight(insight: InsightName): void;
  /** Opens scene `scene` (0-based) of a lesson: its setup, moment, selection and insight view. */
  openLesson(name: string, scene: number): string[];
  closeLesson(): void;
  /** Jumps to update `update` (0 … horizon) of this run, to step on from there. */
  seek(update: number): void;
  /**
   * "Go to update N" as typed: within the history, a jump; beyond it, training on to N (in slices
   * when long, within the work budget). Returns the problems, naming the field.
   */
  goToUpdate(text: string): string[];
  /** Stops the training in progress (a link's replay, a "Go to update"): the page stays as it was. */
  cancelJob(): void;
}

export interface LabState {
  readonly config: Config;
  readonly presetName: string | null;
  readonly view: RunView;
  /**
   * What the diagram and the panels draw: the same as `view`, except while playing faster than
   * lecture pace, when it is refreshed about ten times a second (those views cost more than a frame
   * to redraw on small machines; the status line follows `view` every frame).
   */
  readonly display: RunView;
  /** The data-set loss per epoch (and per update while stepping); mutable, redrawn when `view` changes. */
  readonly series: LossSeries;
  /** The test-set loss at the same points (empty without a test set). */
  readonly testSeries: LossSeries;
  /**
   * Per layer (index l − 1), the mean |∂L/∂w| of its weights over (up to 128 rows of) the training
   * data, recorded at most ten times a second while training: the vanishing-gradient view.
   */
  readonly layerSeries: readonly LossSeries[];
  /** The data as given, its split and its scaling (changes only with the setup). */
  readonly data: DataInfo;
  readonly playing: boolean;
  readonly speed: number;
  readonly selection: Selection | null;
  readonly logScale: boolean;
  /** A message for the user, e.g. why a link could not be opened. */
  readonly notice: string | null;
  readonly theme: Theme;
  readonly presenter: boolean;
  /** Panels the user has hidden. */
  readonly hidden: Readonly<Record<PanelName, boolean>>;
  /** The keyboard shortcuts dialog. */
  readonly help: boolean;
  /** The guided lesson in progress and its scene (0-based). */
  readonly lesson: { readonly name: string; readonly scene: number } | null;
  readonly insight: InsightName;
  /** The furthest update this run has reached (the history scrubber's end). */
  readonly horizon: number;
  /**
   * The first update the history goes back to: 0, or the moment of a link whose past was not
   * replayed (over the work budget).
   */
  readonly floor: number;
  /** Training in progress, in slices (a link's replay, a "Go to update"), or null. */
  readonly job: JobProgress | null;
  readonly actions: LabActions;
}

/** How the page shows the run, as link flags. */
export function viewFlags(state: LabState): ViewFlags {
  return {
    ...(state.presenter ? { presenter: true } : {}),
    ...(state.theme === 'dark' ? { theme: 'dark' as const } : {}),
    ...(state.lesson ? { lesson: state.lesson } : {}),
    selection: state.selection,
    insight: state.insight,
    hidden: PANELS.filter((p) => state.hidden[p]),
  };
}

/** What the data table shows: the rows as given, which are held out, the scaling, the names. */
export type DataInfo = Pick<RunSetup, 'raw' | 'testIndex' | 'scaling' | 'columns' | 'test'> & {
  /** The rows trained on, as the network sees them. */
  readonly train: RunSetup['data'];
};

function dataInfo(run: RunSetup): DataInfo {
  return {
    raw: run.raw,
    testIndex: run.testIndex,
    scaling: run.scaling,
    columns: run.columns,
    train: run.data,
    test: run.test,
  };
}

/** The link to the setup alone: training starts from its initial weights. */
export function setupLink(state: LabState): string {
  return encodeLink(state.config);
}

/** The link to this moment: the setup, the position and the parameters there. */
export function momentLink(state: LabState): string {
  const { view, config } = state;
  const { weights, biases } = unpackParams(view.net, view.params);
  return encodeLink(
    config,
    { update: view.position.update, micro: view.position.micro, weights, biases },
    viewFlags(state),
  );
}

export type LabStore = StoreApi<LabState>;

export interface LabStoreOptions {
  readonly scheduler?: FrameScheduler;
  /** Milliseconds of computing per frame at full speed. */
  readonly frameBudgetMs?: number;
  readonly now?: () => number;
  /** Runs the slices of long training (a link's replay, "Go to update"); default: `setTimeout`. */
  readonly jobs?: JobScheduler;
  /** Milliseconds per slice (0: one chunk per slice, for tests). */
  readonly sliceMs?: number;
}

/** The default selection: the first weight into the first output (w5 of the textbook example). */
function defaultSelection(config: Config): Selection {
  return { kind: 'weight', layer: config.layers.length - 1, to: 0, from: 0 };
}

export function createLabStore(
  initial: Config = DEFAULT_PRESET.config,
  options: LabStoreOptions = {},
): LabStore {
  const now = options.now ?? (() => performance.now());
  // Milliseconds of computing per frame at full speed, adapted so that computing plus drawing fits a
  // 60 Hz frame: one budget for frames that redraw the display, one for those that do not. A late
  // frame shrinks its kind's budget at once; on-time frames let it creep back up.
  const fixedBudget = options.frameBudgetMs;
  const budgets = { light: fixedBudget ?? 4, heavy: fixedBudget ?? 1 };
  let lastKind: 'light' | 'heavy' | null = null;
  let lastDisplay = -Infinity;
  const DISPLAY_MS = 100;
  const firstRun = buildRun(initial);
  let stepper = new Stepper(firstRun);
  const series = new LossSeries();
  const testSeries = new LossSeries();
  const layers = new LayerGradients();
  let pending = 0; // fractional micro-steps owed at lecture pace
  let chunk = 1; // updates per fast chunk, adapted to the frame budget

  const store = createStore<LabState>()((set, get) => {
    /** The one set() of an action or a frame: a fresh snapshot of the stepper (and the display). */
    const refresh = (extra: Partial<LabState> = {}, display = true) => {
      const selection = extra.selection !== undefined ? extra.selection : get().selection;
      const view = snapshot(stepper, selection, stepper.datasetLoss());
      if (display) {
        lastDisplay = now();
        layers.record(stepper, get().playing && SPEEDS[get().speed]!.kind !== 'steps', now());
      }
      const horizon = Math.max(extra.horizon ?? get().horizon, stepper.update);
      set(
        display
          ? { ...extra, view, display: view, horizon, layerSeries: layers.series }
          : { ...extra, view, horizon },
      );
    };
    const epochX = () => stepper.update / stepper.updatesPerEpoch;
    const recordPoint = () => {
      const x = epochX();
      series.push(x, stepper.datasetLoss());
      if (stepper.test) testSeries.push(x, stepper.testLoss());
    };
    /** Drops the points past the position (after stepping back), or all of them. */
    const truncate = (x: number) => {
      series.truncateAfter(x);
      testSeries.truncateAfter(x);
      layers.truncateAfter(x);
    };
    const clearSeries = () => {
      series.clear();
      testSeries.clear();
      layers.reset();
    };
    /** After steps: a point per completed update (the series drops anything past the position). */
    const afterSteps = (updatesBefore: number) => {
      if (stepper.update !== updatesBefore && stepper.micro === 0) recordPoint();
      else truncate(epochX());
    };

    const frame = (dt: number): boolean => {
      const speed = SPEEDS[get().speed]!;
      const before = stepper.update;
      const heavy = speed.kind === 'steps' || now() - lastDisplay >= DISPLAY_MS;
      if (lastKind && fixedBudget === undefined) {
        const b = budgets[lastKind];
        budgets[lastKind] = dt > 18 ? Math.max(0.25, b * 0.7) : Math.min(10, b + 0.05);
      }
      lastKind = heavy ? 'heavy' : 'light';
      const budget = budgets[lastKind];
      if (speed.kind === 'steps') {
        pending += (dt / 1000) * speed.perSecond;
        let n = Math.floor(pending);
        pending -= n;
        while (n-- > 0 && !stepper.divergence) {
          const u = stepper.update;
          stepper.step('step');
          afterSteps(u);
        }
      } else if (speed.kind === 'updates') {
        stepper.step('batch');
        afterSteps(before);
      } else if (speed.kind === 'epochs') {
        stepper.step('epoch');
        afterSteps(before);
      } else {
        const t0 = now();
        const upe = stepper.updatesPerEpoch;
        do {
          const u = stepper.update;
          const nextEpoch = (Math.floor(u / upe) + 1) * upe;
          const target = Math.min(nextEpoch, u + chunk);
          const t1 = now();
          stepper.fastTo(target, false);
          const took = now() - t1;
          // Aim at a quarter of the budget per chunk: a few chunks per frame, epochs recorded in between.
          if (took < budget / 8) chunk = Math.min(chunk * 2, 1 << 20);
          else if (took > budget / 2) chunk = Math.max(1, Math.floor(chunk / 2));
          // The exact data-set loss at every epoch boundary, thinning out as epochs pile up.
          if (stepper.update % upe === 0 && keepsEpoch(stepper.update / upe)) recordPoint();
        } while (now() - t0 < budget && !stepper.divergence);
      }
      const keepGoing = !stepper.divergence;
      refresh(keepGoing ? {} : { playing: false }, heavy || !keepGoing);
      return keepGoing && get().playing;
    };
    const driver = createPlayDriver(options.scheduler ?? browserScheduler, frame);
    const links = createLinkActions({
      get,
      set,
      refresh: (extra) => refresh(extra),
      stepper: () => stepper,
      replaceStepper(next) {
        driver.stop();
        stepper = next;
        layers.reset();
      },
      series,
      testSeries,
      truncate: (x) => truncate(x),
      dataInfo,
      jobs: options.jobs ?? timeoutJobs,
      sliceMs: options.sliceMs ?? SLICE_MS,
      now,
    });
    const stopJob = links.stopJob;

    const load = (
      config: Config,
      presetName: string | null,
      selection: Selection = defaultSelection(config),
    ) => {
      stopJob(false);
      driver.stop();
      const run = buildRun(config);
      stepper = new Stepper(run);
      clearSeries();
      recordPoint();
      refresh({ config, presetName, playing: false, selection, data: dataInfo(run), horizon: 0, floor: 0 });
    };

    /** Loads an edited setup, keeping the selection when it still exists; or returns the problems. */
    const apply = (r: EditResult): string[] => {
      if (!r.ok) return r.errors;
      const sel = get().selection;
      const layers = r.config.layers;
      const keep =
        sel &&
        sel.layer < layers.length &&
        (sel.kind === 'neuron' ? sel.index : sel.to) < layers[sel.layer]! &&
        (sel.kind !== 'weight' || sel.from < layers[sel.layer - 1]!);
      load(r.config, presetOf(r.config), keep ? sel : undefined);
      return [];
    };

    const actions: LabActions = {
      loadPreset(name) {
        const p = findPreset(name);
        if (p) {
          set({ lesson: null });
          load(p.config, p.name);
        }
      },
      loadConfig(config, presetName = null) {
        load(config, presetName);
      },
      step(g) {
        stopJob(false);
        if (get().playing) actions.pause();
        const before = stepper.update;
        stepper.step(g);
        afterSteps(before);
        refresh();
      },
      back() {
        stopJob(false);
        if (get().playing) actions.pause();
        const floor = get().floor;
        if (floor > 0 && stepper.update === floor && stepper.micro === 0) {
          set({
            notice: `Back: the updates before ${floor} were not replayed (more than the work budget allows); Reset goes to update 0.`,
          });
          return;
        }
        if (stepper.back()) truncate(epochX());
        refresh();
      },
      reset() {
        stopJob(false);
        if (get().floor > 0) set({ floor: 0, horizon: 0 }); // the unreplayed past: start over
        driver.stop();
        stepper.reset();
        truncate(0);
        refresh({ playing: false });
      },
      play() {
        stopJob(false);
        if (get().playing || stepper.divergence) return;
        lastKind = null;
        pending = 1; // the first computation happens at once
        set({ playing: true });
        driver.start();
      },
      pause() {
        driver.stop();
        lastKind = null;
        refresh({ playing: false });
      },
      togglePlay() {
        if (get().playing) actions.pause();
        else actions.play();
      },
      setSpeed(index) {
        set({ speed: Math.max(0, Math.min(MAX_SPEED, Math.round(index))) });
        refresh();
      },
      select(sel) {
        refresh({ selection: sel });
      },
      setLogScale(on) {
        set({ logScale: on });
      },
      lowerLearningRate() {
        const config = get().config;
        load({ ...config, learningRate: config.learningRate / 10 }, null);
      },
      openLink: (text) => links.openLink(text),
      setTheme(theme) {
        set({ theme });
      },
      setPresenter(on) {
        set({ presenter: on, hidden: { ...get().hidden, setup: on, data: on } });
      },
      togglePanel(panel) {
        const hidden = get().hidden;
        set({ hidden: { ...hidden, [panel]: !hidden[panel] } });
      },
      setHelp(open) {
        set({ help: open });
      },
      setInsight(insight) {
        set({ insight });
      },
      openLesson(name, scene) {
        const lesson = findLesson(name);
        if (!lesson) return [`lesson: no lesson named ${JSON.stringify(name.slice(0, 40))}`];
        const k = Math.max(0, Math.min(lesson.scenes.length - 1, Math.floor(scene)));
        const { presenter, theme, hidden } = get();
        return actions.openLink(
          encodeLink(
            lesson.scenes[k]!.config,
            { update: lesson.scenes[k]!.at[0], micro: lesson.scenes[k]!.at[1] },
            {
              presenter,
              theme,
              lesson: { name, scene: k },
              hidden: PANELS.filter((p) => hidden[p]), // the panels stay as the user has them
            },
          ),
        );
      },
      closeLesson() {
        set({ lesson: null });
      },
      seek(update) {
        stopJob(false);
        if (get().playing) actions.pause();
        const u = Math.max(get().floor, Math.min(get().horizon, Math.round(update)));
        // training is deterministic: every update reached so far is at most a checkpoint stride
        // of replay away, forward or back
        stepper.goTo(u, 0);
        refresh();
      },
      goToUpdate: (text) => links.goToUpdate(text),
      cancelJob() {
        stopJob(true);
      },

      notify(message) {
        set({ notice: message });
      },
      setParam(p, value) {
        const { view, config } = get();
        const params = view.params.slice();
        params[paramIndex(view.net, p)] = value;
        const r = withParameters(config, view.net, params);
        if (!r.ok) return r.errors;
        load(r.config, null, p);
        return [];
      },
      trainOn(data) {
        return apply(withData(get().config, data));
      },
      editConfig(patch) {
        return apply(editConfig(get().config, patch));
      },
      setStandardize(standardize) {
        return apply(withStandardize(get().config, standardize));
      },
      setGenerated(patch) {
        return apply(withGenerated(get().config, patch));
      },
    };

    recordPoint();
    layers.record(stepper, false, now());
    const first = snapshot(stepper, defaultSelection(initial), stepper.datasetLoss());
    return {
      config: initial,
      presetName: initial === DEFAULT_PRESET.config ? DEFAULT_PRESET.name : null,
      view: first,
      display: first,
      series,
      testSeries,
      layerSeries: layers.series,
      data: dataInfo(firstRun),
      playing: false,
      speed: DEFAULT_SPEED,
      selection: defaultSelection(initial),
      logScale: false,
      notice: null,
      theme: 'light',
      presenter: false,
      hidden: { chain: false, loss: false, insight: false, setup: false, data: false },
      help: false,
      lesson: null,
      insight: 'slope',
      horizon: 0,
      floor: 0,
      job: null,
      actions,
    };
  });
  return store;
}
