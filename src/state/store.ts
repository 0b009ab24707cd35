/**
 * The one store of an app instance (made by a factory: tests and Node get a fresh one). Slices: the
 * config, the run (a snapshot of the stepper, the loss history), the selection and the view. Actions
 * call the core; the stepper itself lives outside the state, in the factory's closure.
 */
import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import { buildRun } from '../config/build.ts';
import { DEFAULT_PRESET, findPreset } from '../config/presets.ts';
import type { Config } from '../config/schema.ts';
import type { Granularity } from '../core/stepper.ts';
import { Stepper } from '../core/stepper.ts';
import { browserScheduler, createPlayDriver } from './driver.ts';
import type { FrameScheduler } from './driver.ts';
import { LossSeries } from './series.ts';
import { snapshot } from './snapshot.ts';
import type { RunView, Selection } from './snapshot.ts';
import { DEFAULT_SPEED, MAX_SPEED, SPEEDS } from './speeds.ts';

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
}

export interface LabState {
  readonly config: Config;
  readonly presetName: string | null;
  readonly view: RunView;
  /** The data-set loss per epoch (and per update while stepping); mutable, redrawn when `view` changes. */
  readonly series: LossSeries;
  readonly playing: boolean;
  readonly speed: number;
  readonly selection: Selection | null;
  readonly logScale: boolean;
  readonly actions: LabActions;
}

export type LabStore = StoreApi<LabState>;

export interface LabStoreOptions {
  readonly scheduler?: FrameScheduler;
  /** Milliseconds of computing per frame at full speed. */
  readonly frameBudgetMs?: number;
  readonly now?: () => number;
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
  // Milliseconds of computing per frame at full speed: adapted so that computing plus drawing fits a
  // 60 Hz frame (shrinks when frames run long, grows back while they are on time).
  let budget = options.frameBudgetMs ?? 8;
  const fixedBudget = options.frameBudgetMs !== undefined;
  let stepper = new Stepper(buildRun(initial));
  const series = new LossSeries();
  let pending = 0; // fractional micro-steps owed at lecture pace
  let chunk = 1; // updates per fast chunk, adapted to the frame budget

  const store = createStore<LabState>()((set, get) => {
    /** The one set() of an action or a frame: a fresh snapshot of the stepper. */
    const refresh = (extra: Partial<LabState> = {}) => {
      const selection = extra.selection !== undefined ? extra.selection : get().selection;
      set({ ...extra, view: snapshot(stepper, selection, stepper.datasetLoss()) });
    };
    const epochX = () => stepper.update / stepper.updatesPerEpoch;
    const recordPoint = () => series.push(epochX(), stepper.datasetLoss());
    /** After steps: a point per completed update (the series drops anything past the position). */
    const afterSteps = (updatesBefore: number) => {
      if (stepper.update !== updatesBefore && stepper.micro === 0) recordPoint();
      else series.truncateAfter(epochX());
    };

    const frame = (dt: number): boolean => {
      const speed = SPEEDS[get().speed]!;
      const before = stepper.update;
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
        if (!fixedBudget) budget = dt > 18 ? Math.max(1, budget * 0.8) : Math.min(12, budget + 0.25);
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
          if (stepper.update % upe === 0) recordPoint();
        } while (now() - t0 < budget && !stepper.divergence);
      }
      const keepGoing = !stepper.divergence;
      refresh(keepGoing ? {} : { playing: false });
      return keepGoing && get().playing;
    };
    const driver = createPlayDriver(options.scheduler ?? browserScheduler, frame);

    const load = (config: Config, presetName: string | null) => {
      driver.stop();
      stepper = new Stepper(buildRun(config));
      series.clear();
      recordPoint();
      const selection = defaultSelection(config);
      refresh({ config, presetName, playing: false, selection });
    };

    const actions: LabActions = {
      loadPreset(name) {
        const p = findPreset(name);
        if (p) load(p.config, p.name);
      },
      loadConfig(config, presetName = null) {
        load(config, presetName);
      },
      step(g) {
        if (get().playing) actions.pause();
        const before = stepper.update;
        stepper.step(g);
        afterSteps(before);
        refresh();
      },
      back() {
        if (get().playing) actions.pause();
        if (stepper.back()) series.truncateAfter(epochX());
        refresh();
      },
      reset() {
        driver.stop();
        stepper.reset();
        series.truncateAfter(0);
        refresh({ playing: false });
      },
      play() {
        if (get().playing || stepper.divergence) return;
        pending = 1; // the first computation happens at once
        set({ playing: true });
        driver.start();
      },
      pause() {
        driver.stop();
        set({ playing: false });
      },
      togglePlay() {
        if (get().playing) actions.pause();
        else actions.play();
      },
      setSpeed(index) {
        set({ speed: Math.max(0, Math.min(MAX_SPEED, Math.round(index))) });
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
    };

    recordPoint();
    return {
      config: initial,
      presetName: initial === DEFAULT_PRESET.config ? DEFAULT_PRESET.name : null,
      view: snapshot(stepper, defaultSelection(initial), stepper.datasetLoss()),
      series,
      playing: false,
      speed: DEFAULT_SPEED,
      selection: defaultSelection(initial),
      logScale: false,
      actions,
    };
  });
  return store;
}
