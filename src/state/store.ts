/**
 * The one store of an app instance (made by a factory: tests and Node get a fresh one), composed of
 * slices — the run (step, play, seek), the setup (presets and edits), links and lessons (and the long
 * job they may start), the view (theme, panels). The run itself is a `Session` (framework-free, in
 * `src/session`) that lives in the factory's closure, never in the state: each action is a call on
 * the session and one set() of what it then shows.
 */
import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { Config } from '../config/schema.ts';
import { impliedSelection, PANELS } from '../config/view-link.ts';
import { DEFAULT_PRESET } from '../content/presets.ts';
import { Session } from '../session/session.ts';
import type { JobScheduler } from '../session/replay.ts';
import { DEFAULT_SPEED, SPEEDS } from '../session/speeds.ts';
import { browserScheduler, createPlayDriver, timeoutJobs } from './driver.ts';
import type { FrameScheduler } from './driver.ts';
import { compareActions, followLead } from './compare-slice.ts';
import { linkActions } from './link-slice.ts';
import { practiceActions, practiceFrame } from './practice-slice.ts';
import { frameOf, runActions } from './run-slice.ts';
import { setupActions } from './setup-slice.ts';
import type { Kit, LabState } from './types.ts';
import { viewActions, viewState } from './view-slice.ts';

export { momentLink, setupLink } from '../session/links.ts';
export type { DataInfo, LabState, PanelName } from './types.ts';
export { PANELS };

export type LabStore = StoreApi<LabState>;

export interface LabStoreOptions {
  readonly scheduler?: FrameScheduler;
  /** Milliseconds of computing per frame at full speed (default: adapted to the frame rate). */
  readonly frameBudgetMs?: number;
  readonly now?: () => number;
  /** Runs the slices of long training (a link's replay, "Go to update"); default: `setTimeout`. */
  readonly jobs?: JobScheduler;
  /** Milliseconds per slice (0: one chunk per slice, for tests). */
  readonly sliceMs?: number;
  /** Run B of a comparison (made by run A's store): no play loop, no comparison of its own. */
  readonly follower?: boolean;
}

/** Never calls back: run B of a comparison moves only when run A does. */
const NO_FRAMES: FrameScheduler = { request: () => 0, cancel: () => undefined };

export function createLabStore(
  initial: Config = DEFAULT_PRESET.config,
  options: LabStoreOptions = {},
): LabStore {
  const store = createStore<LabState>()((set, get) => {
    const session = new Session(initial, {
      now: options.now ?? (() => performance.now()),
      jobs: options.jobs ?? timeoutJobs,
      ...(options.sliceMs !== undefined ? { sliceMs: options.sliceMs } : {}),
      ...(options.frameBudgetMs !== undefined ? { frameBudgetMs: options.frameBudgetMs } : {}),
      onProgress: (job) => set({ job }),
    });
    const kit: Kit = {
      session,
      driver: createPlayDriver(options.scheduler ?? browserScheduler, (dt) => frame(dt)),
      get,
      set,
      publish(extra = {}, display = true) {
        const s = get();
        const now = session.snapshot(extra.selection !== undefined ? extra.selection : s.selection);
        if (!display) return set({ ...extra, ...now });
        const fast = s.playing && SPEEDS[extra.speed ?? s.speed]!.kind !== 'steps';
        set({ ...extra, ...now, ...session.display(fast), display: now.view });
      },
      halt() {
        kit.driver.stop();
        session.pause();
      },
    };
    const frame = practiceFrame(kit, frameOf(kit));
    const run = runActions(kit);
    const selection = impliedSelection(initial, null);
    const first = session.snapshot(selection);
    return {
      config: initial,
      presetName: initial === DEFAULT_PRESET.config ? DEFAULT_PRESET.name : null,
      ...first,
      display: first.view,
      ...session.drawn(),
      data: session.data,
      playing: false,
      speed: DEFAULT_SPEED,
      selection,
      ...viewState,
      follower: options.follower ?? false,
      actions: {
        ...run,
        ...setupActions(kit),
        ...linkActions(kit),
        ...viewActions(kit),
        ...practiceActions(kit, run),
        ...compareActions(kit),
      },
    };
  });
  if (!options.follower)
    followLead(store, (config) =>
      createLabStore(config, { ...options, scheduler: NO_FRAMES, follower: true }),
    );
  return store;
}
