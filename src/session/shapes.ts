/**
 * The data shapes a session hands out: the run now (`SessionState`), the curves to draw (`Curves`),
 * the data as the data table shows it, what a frame did, how opening a moment ended.
 */
import type { RunSetup } from '../config/build.ts';
import type { JobProgress, JobScheduler } from './replay.ts';
import type { SeriesView } from './series.ts';
import type { RunView } from './snapshot.ts';

/** What the data table shows: the rows as given, which are held out, the scaling, the names. */
export type DataInfo = Pick<RunSetup, 'raw' | 'testIndex' | 'scaling' | 'columns' | 'test'> & {
  /** The rows trained on, as the network sees them. */
  readonly train: RunSetup['data'];
};

/** The run now: a new object for each field only when it changed. */
export interface SessionState {
  readonly view: RunView;
  /** The data-set loss per epoch (and per update while stepping). */
  readonly series: SeriesView;
  /** The test-set loss at the same points (empty without a test set). */
  readonly testSeries: SeriesView;
  /** The furthest update this run has reached (the history scrubber's end). */
  readonly horizon: number;
  /** The first update the history goes back to: 0, or a link's moment whose past was not replayed. */
  readonly floor: number;
  /** Training in progress in slices, or null. */
  readonly job: JobProgress | null;
}

/** Every curve the page draws, as of one display refresh; a new object (and version) when one changed. */
export interface Curves {
  readonly version: number;
  readonly loss: SeriesView;
  readonly test: SeriesView;
  /** Per layer (index l − 1), the mean |∂L/∂w| of its weights (`layer-gradients.ts`). */
  readonly layers: readonly SeriesView[];
}

/** What a display refresh hands the views. */
export interface Drawn {
  readonly layerSeries: readonly SeriesView[];
  readonly curves: Curves;
}

/** What a frame did: whether it redraws the display, and whether training diverged. */
export interface FrameResult {
  readonly display: boolean;
  readonly diverged: boolean;
}

/** How opening ended: landed (with a note for the user, or null), or the problem (nothing changed). */
export type Opened =
  { readonly ok: true; readonly note: string | null } | { readonly ok: false; readonly problem: string };

/** What a session is given: the clock and the job scheduler (no timer of its own). */
export interface SessionOptions {
  /** The clock, in milliseconds. */
  readonly now: () => number;
  /** Runs the slices of long training (a link's replay, "Go to update"). */
  readonly jobs: JobScheduler;
  /** Milliseconds per slice (0: one chunk per slice, for tests); default `CADENCE.replaySliceMs`. */
  readonly sliceMs?: number;
  /** Milliseconds of computing per frame at full speed, fixed (tests); default: adapted (`pacer.ts`). */
  readonly frameBudgetMs?: number;
  /** After each slice of a long job but the last. */
  readonly onProgress?: (job: JobProgress) => void;
}
