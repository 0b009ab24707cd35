/**
 * The play driver: outside React, one callback per animation frame. The store's `frame` does k core
 * steps and then one `set()`, so each frame notifies the views once however much was computed.
 */
import { CADENCE } from '../session/cadence.ts';
import type { JobScheduler } from '../session/replay.ts';

export interface FrameScheduler {
  request(cb: (now: number) => void): number;
  cancel(id: number): void;
}

export const browserScheduler: FrameScheduler = {
  request: (cb) => requestAnimationFrame(cb),
  cancel: (id) => cancelAnimationFrame(id),
};

/** Slices of long work (a link's replay) as tasks of their own, so the page paints in between. */
export const timeoutJobs: JobScheduler = {
  later(cb) {
    const id = setTimeout(cb, 0);
    return () => clearTimeout(id);
  },
};

export interface PlayDriver {
  start(): void;
  stop(): void;
  readonly running: boolean;
}

/** Calls `frame(dtMs)` every frame while running; `frame` returns false to stop. */
export function createPlayDriver(scheduler: FrameScheduler, frame: (dtMs: number) => boolean): PlayDriver {
  let id: number | null = null;
  let last: number | null = null;
  const tick = (now: number) => {
    const dt = last === null ? CADENCE.frameMs : Math.min(CADENCE.maxFrameMs, now - last);
    last = now;
    if (frame(dt)) id = scheduler.request(tick);
    else {
      id = null;
      last = null;
    }
  };
  return {
    start() {
      if (id === null) id = scheduler.request(tick);
    },
    stop() {
      if (id !== null) scheduler.cancel(id);
      id = null;
      last = null;
    },
    get running() {
      return id !== null;
    },
  };
}
