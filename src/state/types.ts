/** The shape of the store: the state the views read and the actions they call. */
import type { Config, DataRows, Standardize } from '../config/schema.ts';
import type { ConfigPatch } from '../config/edits.ts';
import type { PanelName } from '../config/view-link.ts';
import type { InsightName } from '../content/insights.ts';
import type { ParamRef } from '../core/step/chain.ts';
import type { Granularity } from '../core/step/stepper.ts';
import type { PracticeScopeName } from '../config/view-link.ts';
import type { Score } from '../session/practice-check.ts';
import type { PageView, Theme } from '../session/links.ts';
import type { JobProgress } from '../session/replay.ts';
import type { SeriesView } from '../session/series.ts';
import type { Session } from '../session/session.ts';
import type { Curves, DataInfo } from '../session/shapes.ts';
import type { RunView, Selection } from '../session/snapshot.ts';
import type { StoreApi } from 'zustand/vanilla';
import type { PlayDriver } from './driver.ts';
import type { Quiz } from './practice-slice.ts';

export type { Curves, DataInfo, PanelName, Theme };

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
  /** Practice mode on (a fresh score) or off (`state/practice-slice.ts`). */
  setPractice(on: boolean): void;
  /** What practice mode asks: forward, backward, all or update. */
  setPracticeScope(scope: PracticeScopeName): void;
  /** The answer typed to the open question (untrusted text: checked, never shown as HTML). */
  answerPractice(text: string): void;
  /**
   * Compares this run with a second one (`text`: its settings that differ, a `cmp` value such as
   * "lr:5"), or stops comparing (null). Returns the problems (and changes nothing), naming `cmp`.
   */
  setCompare(text: string | null): string[];
  /** Run B of a comparison: goes where run A is (`state/compare-slice.ts`). */
  follow(lead: Lead): void;
}

/** Where run A of a comparison is, for run B to follow. */
export interface Lead {
  /** Run B's setup (the same object while it is unchanged). */
  readonly config: Config;
  readonly update: number;
  readonly micro: number;
  /** Run A's curve was cut back (Back, Reset): run B's is too. */
  readonly drop: boolean;
  readonly playing: boolean;
  /** Run A refreshed its display. */
  readonly display: boolean;
  /** Follows again (after run B's setup lands). */
  again(): void;
}

export interface LabState extends PageView {
  readonly config: Config;
  readonly presetName: string | null;
  /** The run now: follows every frame (the status line reads it). */
  readonly view: RunView;
  /**
   * What the diagram and the panels draw: the same as `view`, except while playing faster than
   * lecture pace, when it is refreshed every `CADENCE.displayMs` (those views cost more than a frame
   * to redraw on small machines).
   */
  readonly display: RunView;
  /**
   * The data-set loss per epoch (and per update while stepping), read-only: a new object (higher
   * `version`) whenever it changed, as of every frame.
   */
  readonly series: SeriesView;
  /** The test-set loss at the same points (empty without a test set). */
  readonly testSeries: SeriesView;
  /**
   * Per layer (index l − 1), the mean |∂L/∂w| of its weights over (up to 128 rows of) the training
   * data, recorded at display refreshes, at most every `CADENCE.layerGradientsMs` while training
   * faster than lecture pace: the vanishing-gradient view.
   */
  readonly layerSeries: readonly SeriesView[];
  /**
   * The curves to draw (loss, test loss, layer gradients) as of the last display refresh: the same
   * object until one of them changes, then a new one with a higher `version`. Charts depend on it.
   */
  readonly curves: Curves;
  /** The data as given, its split and its scaling (changes only with the setup). */
  readonly data: DataInfo;
  readonly playing: boolean;
  readonly speed: number;
  readonly logScale: boolean;
  /** A message for the user, e.g. why a link could not be opened. */
  readonly notice: string | null;
  /** The keyboard shortcuts dialog. */
  readonly help: boolean;
  /** The furthest update this run has reached (the history scrubber's end). */
  readonly horizon: number;
  /**
   * The first update the history goes back to: 0, or the moment of a link whose past was not
   * replayed (over the work budget).
   */
  readonly floor: number;
  /** Training in progress, in slices (a link's replay, a "Go to update"), or null. */
  readonly job: JobProgress | null;
  readonly practice: boolean;
  readonly practiceScope: PracticeScopeName;
  /** The embedded page (`embed=1`): the diagram, the chain panel and the step controls alone. */
  readonly embed: boolean;
  /** Practice mode's questions of the step on show, or null (`state/practice-slice.ts`). */
  readonly quiz: Quiz | null;
  /** Practice mode's running score: right first time, with a hint, shown. */
  readonly score: Score;
  /** Comparing: run B's settings that differ (a canonical `cmp` value), or null. */
  readonly compare: string | null;
  /** Comparing: run B's store, which follows this one (`state/compare-slice.ts`), or null. */
  readonly partner: StoreApi<LabState> | null;
  /** This is run B of a comparison: it has no controls of its own. */
  readonly follower: boolean;
  readonly actions: LabActions;
}

/** What the slices share: the session, the store, and the one way they publish. */
export interface Kit {
  readonly session: Session;
  readonly driver: PlayDriver;
  get(): LabState;
  set(partial: Partial<LabState>): void;
  /**
   * The one set() of an action or a frame: `extra` with what the session shows now, and with
   * `display` (the default) a display refresh too.
   */
  publish(extra?: Partial<LabState>, display?: boolean): void;
  /** Stops the play loop; the caller's set() says `playing: false`. */
  halt(): void;
}
