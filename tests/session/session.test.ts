/**
 * The session in Node, without a store: a hand-set clock and hand-pumped job slices. Reference
 * numbers come from the notes (Mazur's worked example: E = 0.298371109, then 0.291027774 after the
 * first update, exactly — the blog's 0.291027924 came from rounded weights) or from a second session driven another way (stepping versus seeking or replaying).
 */
import { describe, expect, it } from 'vitest';
import { replayWork, SYNC_WORK } from '../../src/config/budget.ts';
import type { Config } from '../../src/config/schema.ts';
import { findPreset } from '../../src/content/presets.ts';
import { BUDGET, FramePacer } from '../../src/session/pacer.ts';
import type { JobScheduler } from '../../src/session/replay.ts';
import { Session } from '../../src/session/session.ts';
import type { Opened } from '../../src/session/shapes.ts';
import { SPEEDS } from '../../src/session/speeds.ts';
import { EXPLODING } from '../fixtures.ts';

const TEXTBOOK = findPreset('textbook-2-2-2')!.config;
const XOR = findPreset('xor')!.config;
const CIRCLE = findPreset('circle')!.config;
const speed = (label: string) => SPEEDS.find((s) => s.label === label)!;

/** A session with a clock that moves only when told, and slices that run only when pumped. */
function lab(config: Config, frameBudgetMs?: number) {
  let t = 0;
  const queue: (() => void)[] = [];
  const jobs: JobScheduler = {
    later(cb) {
      queue.push(cb);
      return () => void queue.splice(queue.indexOf(cb), 1);
    },
  };
  const session = new Session(config, {
    now: () => t,
    jobs,
    sliceMs: 0,
    ...(frameBudgetMs !== undefined ? { frameBudgetMs } : {}),
  });
  return {
    session,
    /** Moves the clock by `ms`. */
    wait(ms: number) {
      t += ms;
    },
    /** A clock that moves 0.01 ms each time it is read (so a frame's budget runs out). */
    ticking(): Session {
      return new Session(config, {
        now: () => (t += 0.01),
        jobs,
        sliceMs: 0,
        frameBudgetMs: frameBudgetMs ?? 1,
      });
    },
    pump() {
      while (queue.length) queue.shift()!();
    },
    get waiting() {
      return queue.length;
    },
  };
}

const points = (s: { length: number; x(k: number): number; y(k: number): number }) =>
  Array.from({ length: s.length }, (_, k) => [s.x(k), s.y(k)]);

describe('the session', () => {
  it('steps: the notes’ first update, and a point of the loss curve per completed update', () => {
    const { session } = lab(TEXTBOOK);
    expect(session.snapshot(null).view.datasetLoss).toBeCloseTo(0.298371109, 9);
    session.step('step');
    expect(session.snapshot(null).series.length).toBe(1); // mid-update: no new point
    session.step('batch');
    const s = session.snapshot(null);
    expect(s.view.position).toMatchObject({ update: 1, micro: 0 });
    expect(s.series.length).toBe(2);
    expect(s.series.y(0)).toBeCloseTo(0.298371109, 9);
    expect(s.series.y(1)).toBeCloseTo(0.291027774, 9);
    expect(s.horizon).toBe(1);
  });

  it('steps back one micro-step, dropping the points past the position', () => {
    const { session } = lab(TEXTBOOK);
    expect(session.back()).toBeNull(); // at the very start: nothing to undo
    session.step('batch');
    const steps = session.snapshot(null).view.stepsPerSample; // one sample per update here
    expect(session.back()).toBeNull();
    const s = session.snapshot(null);
    expect(s.view.position).toMatchObject({ update: 0, micro: steps });
    expect(points(s.series)).toEqual([[0, s.series.y(0)]]);
    expect(s.horizon).toBe(1); // the history still reaches update 1
  });

  it('seeks over the history (clamped to it) and lands on the parameters stepping reached', () => {
    const { session } = lab(XOR);
    for (let e = 0; e < 3; e++) session.step('epoch');
    const end = Array.from(session.snapshot(null).view.params);
    const other = lab(XOR).session;
    other.step('epoch');
    session.seek(16);
    expect(Array.from(session.snapshot(null).view.params)).toEqual(
      Array.from(other.snapshot(null).view.params),
    );
    session.seek(1e9);
    expect(session.snapshot(null).view.position.update).toBe(48);
    expect(Array.from(session.snapshot(null).view.params)).toEqual(end);
    session.seek(-3);
    expect(session.snapshot(null).view.position.update).toBe(0);
  });

  it('opens a moment within the work budget: at once when small, in slices when not; refuses beyond it', () => {
    const t = lab(TEXTBOOK);
    const before = t.session.snapshot(null).view;
    const deep: Config = {
      ...CIRCLE,
      layers: [2, 16, 16, 16, 1],
      activations: ['tanh', 'tanh', 'tanh', 'tanh'],
    };
    const never = () => expect.unreachable();
    expect(t.session.open(deep, { update: 10_000_000, micro: 0 }, never)).toMatch(/^at: 10000000 updates/);
    expect(t.session.snapshot(null).view).toBe(before);
    // small: lands before `open` returns, with the curve stepping draws
    const ref = lab(CIRCLE).session;
    ref.step('epoch');
    ref.step('epoch');
    const landed: Opened[] = [];
    expect(t.session.open(CIRCLE, { update: 32, micro: 0 }, (r) => landed.push(r))).toBeNull();
    expect(landed).toEqual([{ ok: true, note: null }]);
    expect(t.session.config).toBe(CIRCLE);
    expect(points(t.session.snapshot(null).series)).toEqual(points(ref.snapshot(null).series));
    // long: a job in slices, the run unchanged until it lands
    const far = Math.ceil((2 * SYNC_WORK) / replayWork(CIRCLE, 1));
    const shown = t.session.snapshot(null).view;
    expect(t.session.open(CIRCLE, { update: far, micro: 0 }, (r) => landed.push(r))).toBeNull();
    expect(t.session.job).toMatchObject({ done: 0, total: far });
    expect(t.session.snapshot(null).view).toBe(shown);
    t.pump();
    expect(landed).toHaveLength(2);
    expect(t.session.job).toBeNull();
    expect(t.session.snapshot(null).view.position.update).toBe(far);
  });

  it('goes to an update beyond the history in slices; stopping the job undoes it', () => {
    const t = lab(CIRCLE);
    t.session.step('epoch');
    const far = Math.ceil((2 * SYNC_WORK) / replayWork(CIRCLE, 1));
    let done = 0;
    expect(t.session.goTo(far, () => done++)).toBeNull();
    expect(t.session.job?.label).toBe(`Training to update ${far}`);
    expect(t.session.stopJob()).toBe('Cancelled: still at update 16.');
    expect(t.waiting).toBe(0);
    expect(t.session.snapshot(null).view.position.update).toBe(16);
    expect(t.session.snapshot(null).series.length).toBe(2);
    expect(t.session.goTo(far, () => done++)).toBeNull();
    t.pump();
    expect(done).toBe(1);
    expect(t.session.horizon).toBe(far);
  });

  it('plays frames: lecture pace owes steps by the time passed; one epoch a frame records each epoch', () => {
    const t = lab(TEXTBOOK);
    expect(t.session.play()).toBe(true);
    expect(t.session.frame(16, speed('2 steps/s'))).toEqual({ display: true, diverged: false });
    expect(t.session.snapshot(null).view.position.micro).toBe(1); // the first at once
    t.session.frame(400, speed('2 steps/s'));
    expect(t.session.snapshot(null).view.position.micro).toBe(1); // 0.8 of a step owed
    t.session.frame(100, speed('2 steps/s'));
    expect(t.session.snapshot(null).view.position.micro).toBe(2);

    const c = lab(CIRCLE);
    c.session.play();
    c.session.display(true); // the display was just drawn
    c.wait(50);
    expect(c.session.frame(16, speed('1 epoch/frame')).display).toBe(false);
    c.wait(50);
    expect(c.session.frame(16, speed('1 epoch/frame')).display).toBe(true); // 100 ms since
    const s = c.session.snapshot(null);
    expect(s.view.position.update).toBe(32);
    expect(points(s.series).map((p) => p[0])).toEqual([0, 1, 2]);
  });

  it('plays flat out within the frame budget and stops at a divergence', () => {
    const t = lab(CIRCLE, 1);
    const session = t.ticking();
    session.play();
    const r = session.frame(16, speed('as fast as possible'));
    expect(r.diverged).toBe(false);
    const u = session.snapshot(null).view.position.update;
    expect(u).toBeGreaterThan(0);
    session.frame(16, speed('as fast as possible'));
    expect(session.snapshot(null).view.position.update).toBeGreaterThan(u);
    const x = lab(EXPLODING, 1).ticking();
    x.play();
    let last = { display: false, diverged: false };
    for (let k = 0; k < 5 && !last.diverged; k++) last = x.frame(16, speed('as fast as possible'));
    expect(last).toEqual({ display: true, diverged: true });
    expect(x.play()).toBe(false);
  });

  it('keeps identities: the same snapshot, parameters and curves until they change', () => {
    const { session } = lab(TEXTBOOK);
    const a = session.snapshot(null);
    expect(session.snapshot(null).view).toBe(a.view);
    session.step('step'); // a forward computation: the parameters stay
    const b = session.snapshot(null);
    expect(b.view).not.toBe(a.view);
    expect(b.view.params).toBe(a.view.params);
    expect(b.series).toBe(a.series);
    const d1 = session.display(false).curves;
    expect(session.display(false).curves).toBe(d1);
    session.step('batch');
    const c = session.snapshot(null);
    expect(c.view.params).not.toBe(a.view.params);
    expect(c.series.version).toBeGreaterThan(a.series.version);
    const d2 = session.display(false).curves;
    expect(d2).not.toBe(d1);
    expect(d2.version).toBeGreaterThan(d1.version);
    expect(d2.loss).toBe(c.series);
  });
});

describe('the frame budget', () => {
  it('shrinks the budget of a late frame’s kind and lets on-time frames creep back', () => {
    const p = new FramePacer();
    // the first frame redraws the display (none drawn yet): the heavy budget
    expect(p.begin(16, false, 0)).toEqual({ display: true, budget: BUDGET.heavy });
    p.displayed(0);
    // that frame was late (30 ms): heavy 1 → 0.7; this one does not redraw: light, 4
    expect(p.begin(30, false, 50)).toEqual({ display: false, budget: 4 });
    // on time: light 4 → 4.05
    expect(p.begin(16, false, 60).budget).toBeCloseTo(4.05, 12);
    // on time: light → 4.1; 120 ms since the display: heavy again, 0.7
    expect(p.begin(16, false, 120)).toMatchObject({ display: true, budget: 0.7 });
    p.displayed(120);
    // on time: heavy → 0.75; a light frame: 4.1
    expect(p.begin(16, false, 121).budget).toBeCloseTo(4.1, 12);
    expect(p.begin(16, false, 240).budget).toBeCloseTo(0.75, 12);
    // lecture pace always redraws, and owes steps by the time passed
    expect(p.begin(16, true, 122).display).toBe(true);
    p.start();
    expect(p.owed(250, 2)).toBe(1); // 1 owed at the start + 0.5
    expect(p.owed(250, 2)).toBe(1); // 0.5 + 0.5
  });
});
