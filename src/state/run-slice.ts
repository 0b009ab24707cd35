/** The run slice: stepping, playing (one frame of the play loop), seeking, the speed, the selection. */
import { settingsAt } from '../config/changes.ts';
import { presetOf } from '../config/edits.ts';
import { readUpdate } from '../session/read-update.ts';
import { MAX_SPEED, SPEEDS } from '../session/speeds.ts';
import type { Kit, LabActions } from './types.ts';

type RunActions = Pick<
  LabActions,
  'step' | 'back' | 'reset' | 'play' | 'pause' | 'togglePlay' | 'setSpeed' | 'select' | 'seek' | 'goToUpdate'
>;

/** The play loop's frame: the session computes, then one set(); returns whether to go on. */
export function frameOf({ session, get, publish }: Kit): (dt: number) => boolean {
  return (dt) => {
    const r = session.frame(dt, SPEEDS[get().speed]!);
    publish(r.diverged ? { playing: false } : {}, r.display);
    return !r.diverged && get().playing;
  };
}

export function runActions(kit: Kit): RunActions {
  const { session, get, set, publish } = kit;
  const actions: RunActions = {
    step(g) {
      kit.halt();
      session.step(g);
      publish({ playing: false });
    },
    back() {
      kit.halt();
      const why = session.back();
      publish(why ? { playing: false, notice: why } : { playing: false });
    },
    reset() {
      kit.halt();
      const { config, view } = get();
      if (config.changes?.length) {
        // the initial weights with the settings in force now (the changes are history)
        const now = settingsAt(config, view.position.update);
        session.load(now);
        publish({ playing: false, config: now, presetName: presetOf(now), data: session.data });
        return;
      }
      session.reset();
      publish({ playing: false });
    },
    play() {
      const stopped = session.stopJob() !== null;
      if (get().playing || !session.play()) {
        if (stopped) set({ job: null });
        return;
      }
      set({ playing: true, job: null });
      kit.driver.start();
    },
    pause() {
      kit.halt();
      publish({ playing: false });
    },
    togglePlay() {
      if (get().playing) actions.pause();
      else actions.play();
    },
    setSpeed(index) {
      publish({ speed: Math.max(0, Math.min(MAX_SPEED, Math.round(index))) });
    },
    select(sel) {
      publish({ selection: sel });
    },
    seek(update) {
      kit.halt();
      session.seek(update);
      publish({ playing: false });
    },
    goToUpdate(text) {
      const n = readUpdate(text, session.floor);
      if (typeof n === 'string') return [n];
      if (n <= session.horizon) {
        actions.seek(n);
        return [];
      }
      // one set() when it lands: at once, or after the slices (the progress bar meanwhile)
      const problem = session.goTo(n, () => publish({ playing: false }));
      if (problem) return [problem];
      kit.halt();
      if (session.job) set({ job: session.job, playing: false });
      return [];
    },
  };
  return actions;
}
