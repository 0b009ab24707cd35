/**
 * How much a frame of the play loop computes. At lecture pace, the micro-steps owed by the time that
 * passed. At full speed, milliseconds of computing adapted so that computing plus drawing fits a
 * 60 Hz frame: one budget for frames that redraw the display (`CADENCE.displayMs`), one for those
 * that do not. A late frame shrinks its kind's budget at once; on-time frames let it creep back up.
 */
import { CADENCE } from './cadence.ts';

/** Budgets in milliseconds: where they start, their bounds, and how they move. */
export const BUDGET = {
  light: 4,
  heavy: 1,
  min: 0.25,
  max: 10,
  /** A late frame multiplies its kind's budget by this. */
  shrink: 0.7,
  /** An on-time frame adds this. */
  grow: 0.05,
} as const;

type Kind = 'light' | 'heavy';

export class FramePacer {
  private readonly budgets: Record<Kind, number>;
  private lastKind: Kind | null = null;
  private lastDisplay = -Infinity;
  /** Fractional micro-steps owed at lecture pace. */
  private pending = 0;

  /** `fixedMs`: one budget that never adapts (tests). */
  constructor(private readonly fixedMs?: number) {
    this.budgets = { light: fixedMs ?? BUDGET.light, heavy: fixedMs ?? BUDGET.heavy };
  }

  /** Playing starts: the first computation happens at once, and no frame before counts. */
  start(): void {
    this.lastKind = null;
    this.pending = 1;
  }

  /** Playing stops: the next frame does not judge the budget by the time in between. */
  stop(): void {
    this.lastKind = null;
  }

  /** The display was redrawn at `now`. */
  displayed(now: number): void {
    this.lastDisplay = now;
  }

  /**
   * Begins a frame `dt` ms after the last: whether it redraws the display (always at lecture pace)
   * and its compute budget, after judging the last frame (late or on time).
   */
  begin(dt: number, lecture: boolean, now: number): { display: boolean; budget: number } {
    const display = lecture || now - this.lastDisplay >= CADENCE.displayMs;
    if (this.lastKind && this.fixedMs === undefined) {
      const b = this.budgets[this.lastKind];
      this.budgets[this.lastKind] =
        dt > CADENCE.lateFrameMs
          ? Math.max(BUDGET.min, b * BUDGET.shrink)
          : Math.min(BUDGET.max, b + BUDGET.grow);
    }
    this.lastKind = display ? 'heavy' : 'light';
    return { display, budget: this.budgets[this.lastKind] };
  }

  /** At lecture pace: the whole micro-steps owed after `dt` ms at `perSecond`. */
  owed(dt: number, perSecond: number): number {
    this.pending += (dt / 1000) * perSecond;
    const n = Math.floor(this.pending);
    this.pending -= n;
    return n;
  }
}
