/**
 * Comparing two runs in the store: run B (the partner) has run A's setup with the `cmp` settings
 * changed, and goes wherever run A goes — steps, Back, the history, live changes, playing — with the
 * same parameter selected. Reference numbers: note 003's hand-derived gradient (textbook-reference.ts).
 */
import { describe, expect, it } from 'vitest';
import { decodeLink } from '../../src/config/codec.ts';
import type { Config } from '../../src/config/schema.ts';
import { DEFAULT_PRESET, findPreset } from '../../src/content/presets.ts';
import { createLabStore, momentLink, setupLink } from '../../src/state/store.ts';
import type { LabStore } from '../../src/state/store.ts';
import { TEXTBOOK_WEIGHTS, textbookGradient } from '../textbook-reference.ts';

const idle = { scheduler: { request: () => 0, cancel: () => undefined } };

function partner(store: LabStore): LabStore {
  const b = store.getState().partner;
  if (!b) throw new Error('no run B');
  return b as LabStore;
}

const at = (store: LabStore) => {
  const p = store.getState().view.position;
  return [p.update, p.micro];
};

/** w5 (h1 → o1): the parameters are w1…w4, b1, b2, w5…w8, b3, b4. */
const w5 = (store: LabStore) => store.getState().view.params[6]!;

describe('comparing two runs', () => {
  it('run B takes its own settings and steps with run A', () => {
    const a = createLabStore(DEFAULT_PRESET.config, idle);
    expect(a.getState().actions.setCompare('lr:5')).toEqual([]);
    expect(a.getState().compare).toBe('lr:5');
    const b = partner(a);
    expect(b.getState().config.learningRate).toBe(5);
    expect(b.getState().follower).toBe(true);
    a.getState().actions.step('batch');
    expect(at(a)).toEqual([1, 0]);
    expect(at(b)).toEqual([1, 0]);
    // note 003's gradient of w5 at the initial weights, one update with α = 0.5 and with α = 5
    const g = textbookGradient(TEXTBOOK_WEIGHTS)[4]!;
    expect(w5(a)).toBeCloseTo(0.4 - 0.5 * g, 12);
    expect(w5(b)).toBeCloseTo(0.4 - 5 * g, 12);
    expect(b.getState().series.length).toBe(2);
  });

  it('goes back, through the history and across a live change with run A', () => {
    const a = createLabStore(DEFAULT_PRESET.config, idle);
    a.getState().actions.setCompare('opt:adam');
    const b = partner(a);
    for (let k = 0; k < 3; k++) a.getState().actions.step('batch');
    a.getState().actions.step('step');
    expect(at(b)).toEqual([3, 1]);
    a.getState().actions.back();
    a.getState().actions.back();
    expect(at(b)).toEqual(at(a));
    expect(b.getState().series.length).toBe(3); // updates 0, 1, 2: cut back as run A's
    a.getState().actions.seek(1);
    expect(at(b)).toEqual([1, 0]);
    expect(b.getState().series.length).toBe(3); // a jump keeps the curve
    // a live change of α in run A at update 1 is run B's too (run B overrides only the optimiser)
    expect(a.getState().actions.editConfig({ learningRate: 2 })).toEqual([]);
    expect(a.getState().config.changes).toEqual([{ at: 1, learningRate: 2 }]);
    expect(b.getState().config.changes).toEqual([{ at: 1, learningRate: 2 }]);
    expect(b.getState().config.optimizer).toBe('adam');
    expect(at(b)).toEqual([1, 0]);
    a.getState().actions.step('batch');
    expect(at(b)).toEqual([2, 0]);
    // run B's numbers are those of its own link, opened fresh: the changes reproduce bit for bit
    const fresh = createLabStore(DEFAULT_PRESET.config, idle);
    expect(fresh.getState().actions.openLink(momentLink({ ...b.getState() }))).toEqual([]);
    expect([...fresh.getState().view.params]).toEqual([...b.getState().view.params]);
  });

  it('selects the same parameter in both runs, from either', () => {
    const a = createLabStore(DEFAULT_PRESET.config, idle);
    a.getState().actions.setCompare('act:relu,sigmoid');
    const b = partner(a);
    const w6 = { kind: 'weight', layer: 1, to: 0, from: 1 } as const;
    a.getState().actions.select(w6);
    expect(b.getState().selection).toEqual(w6);
    const b2 = { kind: 'bias', layer: 1, to: 1 } as const;
    b.getState().actions.select(b2);
    expect(a.getState().selection).toEqual(b2);
  });

  it('refuses settings that are not run B’s to change, naming cmp, and changes nothing', () => {
    const a = createLabStore(DEFAULT_PRESET.config, idle);
    const [e1] = a.getState().actions.setCompare('layers:2-3-2');
    expect(e1).toMatch(/^cmp: "layers" cannot differ between the runs .*allowed: act, loss, red, lr/);
    const [e2] = a.getState().actions.setCompare('lr:0.5');
    expect(e2).toMatch(/^cmp: changes nothing/);
    const [e3] = a.getState().actions.setCompare('lr:-1');
    expect(e3).toMatch(/^cmp: lr \(learningRate\): /);
    const [e4] = a.getState().actions.setCompare('lr=5');
    expect(e4).toMatch(/^cmp: must be settings of run B as "key:value"/);
    expect(a.getState().compare).toBeNull();
    expect(a.getState().partner).toBeNull();
  });

  it('opens from a link, writes itself into links, and stops', () => {
    const a = createLabStore(DEFAULT_PRESET.config, idle);
    // a link gives run B's settings in any order; the page writes them canonically
    expect(a.getState().actions.openLink('#v=1&at=2.0&cmp=lr:2;act:relu')).toEqual([]);
    expect(a.getState().compare).toBe('act:relu;lr:2');
    const b = partner(a);
    expect(b.getState().config.activations).toEqual(['relu', 'relu']);
    expect(b.getState().config.learningRate).toBe(2);
    expect(at(b)).toEqual([2, 0]);
    // what run B's diagram draws is there too
    expect(b.getState().display).toBe(b.getState().view);
    const link = momentLink(a.getState());
    expect(link).toContain('&cmp=act:relu;lr:2');
    expect(setupLink(a.getState())).toContain('&cmp=act:relu;lr:2');
    const decoded = decodeLink(link);
    expect(decoded.ok && decoded.flags.compare).toBe('act:relu;lr:2');
    // loading another preset keeps comparing, with run B's settings on the new setup
    a.getState().actions.loadPreset('xor');
    expect(
      partner(a)
        .getState()
        .config.activations.every((f) => f === 'relu'),
    ).toBe(true);
    a.getState().actions.setCompare(null);
    expect(a.getState().partner).toBeNull();
    expect(momentLink(a.getState())).not.toContain('cmp=');
  });

  it('a bad cmp in a link names cmp and leaves the page as it was', () => {
    const a = createLabStore(DEFAULT_PRESET.config, idle);
    const [e] = a.getState().actions.openLink('#v=1&cmp=seed');
    expect(e).toMatch(/cmp/);
    expect(a.getState().compare).toBeNull();
  });

  it('practice mode shows one run: turning it on ends the comparison', () => {
    const a = createLabStore(DEFAULT_PRESET.config, idle);
    a.getState().actions.setCompare('lr:5');
    a.getState().actions.setPractice(true);
    expect(a.getState().compare).toBeNull();
    expect(a.getState().partner).toBeNull();
    a.getState().actions.setCompare('lr:5');
    expect(a.getState().practice).toBe(false);
  });

  it('plays together: run B trains as far as run A each frame', () => {
    let tick: ((now: number) => void) | null = null;
    const scheduler = {
      request: (cb: (now: number) => void) => ((tick = cb), 1),
      cancel: () => undefined,
    };
    const a = createLabStore(DEFAULT_PRESET.config, { scheduler, frameBudgetMs: 2 });
    a.getState().actions.setCompare('lr:5');
    a.getState().actions.setSpeed(99);
    a.getState().actions.play();
    for (let k = 0; k < 5; k++) tick!(16 * (k + 1));
    a.getState().actions.pause();
    const u = at(a)[0]!;
    expect(u).toBeGreaterThan(5);
    expect(at(partner(a))).toEqual([u, 0]);
    // the same as run B's own setup trained on its own
    const alone = createLabStore(partner(a).getState().config as Config, idle);
    alone.getState().actions.goToUpdate(String(u));
    expect([...alone.getState().view.params]).toEqual([...partner(a).getState().view.params]);
  });

  it('a run B with more work per update falls behind while playing, never stalls, and catches up', () => {
    let tick: ((now: number) => void) | null = null;
    const scheduler = {
      request: (cb: (now: number) => void) => ((tick = cb), 1),
      cancel: () => undefined,
    };
    const queue: (() => void)[] = [];
    const jobs = {
      later(cb: () => void) {
        queue.push(cb);
        return () => queue.splice(queue.indexOf(cb) >>> 0, 1);
      },
    };
    const circle = { ...findPreset('circle')!.config, batchSize: 1 };
    const a = createLabStore(circle, { scheduler, jobs, frameBudgetMs: 4, sliceMs: 0 });
    const rows = a.getState().view.samples;
    expect(a.getState().actions.setCompare(`batch:${rows}`)).toEqual([]);
    a.getState().actions.setSpeed(99);
    a.getState().actions.play();
    const slowest = Math.max(
      ...Array.from({ length: 4 }, (_, k) => {
        const t0 = performance.now();
        tick!(16 * (k + 1));
        return performance.now() - t0;
      }),
    );
    const b = partner(a);
    // run B does `rows` times run A’s work per update: it is behind
    expect(at(b)[0]!).toBeLessThan(at(a)[0]!);
    a.getState().actions.pause();
    // run A's 4 ms and run B's 12 ms (CADENCE.followMs) a frame, with room for a slow machine
    expect(slowest).toBeLessThan(250);
    const u = at(a)[0]!;
    // paused: run B trains on to run A's update as "Go to update" does, in slices
    while (queue.length) queue.shift()!();
    expect(at(b)).toEqual([u, 0]);
    expect(b.getState().job).toBeNull();
  });
});
