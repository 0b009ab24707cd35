/**
 * Links and "Go to update" within the work budget: refused beyond it, replayed in slices (with
 * progress and Cancel) when long, and the moment link carrying the whole moment, curve included.
 */
import { describe, expect, it } from 'vitest';
import { maxUpdatesWithin, replayWork, SYNC_WORK } from '../../src/config/budget.ts';
import { encodeLink } from '../../src/config/codec.ts';
import { DEFAULT_PRESET, findPreset } from '../../src/content/presets.ts';
import type { JobScheduler } from '../../src/session/replay.ts';
import { createLabStore, momentLink } from '../../src/state/store.ts';
import type { LabStore } from '../../src/state/store.ts';

const idle = { scheduler: { request: () => 0, cancel: () => undefined } };

/** Slices run only when `pump` is called. */
function manualJobs() {
  const queue: (() => void)[] = [];
  const jobs: JobScheduler = {
    later(cb) {
      queue.push(cb);
      return () => {
        const k = queue.indexOf(cb);
        if (k >= 0) queue.splice(k, 1);
      };
    },
  };
  return {
    jobs,
    pump(n = Infinity) {
      let k = 0;
      while (queue.length && k++ < n) queue.shift()!();
      return k;
    },
    get waiting() {
      return queue.length;
    },
  };
}

function curve(store: LabStore): [number, number][] {
  const s = store.getState().series;
  return Array.from({ length: s.length }, (_, k) => [s.x(k), s.y(k)]);
}

const CIRCLE = findPreset('circle')!.config;
const DEEP = 'v=1&layers=2-16-16-16-16-16-16-16-16-1&act=tanh&batch=2000&data=spiral&n=2000';

describe('the work budget in the store', () => {
  it('refuses a link that asks for more than the budget, at once, naming the limit', () => {
    const store = createLabStore(undefined, idle);
    const before = store.getState().view;
    const t0 = performance.now();
    const errors = store.getState().actions.openLink(`#${DEEP}&at=2000000.0`);
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^at: 2000000 updates of this setup are 7\.88e12 units of work/);
    expect(errors[0]).toMatch(/the limit is 2e9: at most 507 updates here/);
    expect(store.getState().view).toBe(before);
  });

  it('replays a long link in slices, showing progress; the result is the sender’s moment', () => {
    // enough epochs of the circle example to be more than one synchronous slice
    const perEpoch = replayWork(CIRCLE, 16);
    const epochs = Math.ceil((2 * SYNC_WORK) / perEpoch);
    const sender = createLabStore(CIRCLE, idle);
    for (let e = 0; e < epochs; e++) sender.getState().actions.step('epoch');
    const link = `${encodeLink(CIRCLE)}&at=${epochs * 16}.0`;
    const m = manualJobs();
    const store = createLabStore(undefined, { ...idle, jobs: m.jobs, sliceMs: 0 });
    const before = store.getState().view;
    expect(store.getState().actions.openLink(link)).toEqual([]);
    // nothing changed yet: the page paints first, with a progress bar
    expect(store.getState().view).toBe(before);
    expect(store.getState().job).toMatchObject({ done: 0, total: epochs * 16 });
    m.pump(3);
    const job = store.getState().job!;
    expect(job.done).toBeGreaterThan(0);
    expect(job.done).toBeLessThan(job.total);
    expect(store.getState().view).toBe(before);
    m.pump();
    expect(store.getState().job).toBeNull();
    expect(store.getState().view.position.update).toBe(epochs * 16);
    expect(Array.from(store.getState().view.params)).toEqual(Array.from(sender.getState().view.params));
    // and the curve is the sender's, point for point
    expect(curve(store)).toEqual(curve(sender));
  });

  it('Cancel keeps the page as it was and says so', () => {
    const m = manualJobs();
    const store = createLabStore(undefined, { ...idle, jobs: m.jobs, sliceMs: 0 });
    store.getState().actions.step('sample');
    const before = store.getState().view;
    const updates = Math.ceil((3 * SYNC_WORK) / replayWork(CIRCLE, 1));
    expect(store.getState().actions.openLink(`${encodeLink(CIRCLE)}&at=${updates}.0`)).toEqual([]);
    m.pump(2);
    store.getState().actions.cancelJob();
    expect(m.waiting).toBe(0);
    const s = store.getState();
    expect(s.job).toBeNull();
    expect(s.view).toBe(before);
    expect(s.config).toBe(DEFAULT_PRESET.config);
    expect(s.notice).toBe('Cancelled: the link was not opened; the page is as it was.');
  });
});

describe('a moment link is the moment', () => {
  it('carries the selection, the insight view and the hidden panels', () => {
    const a = createLabStore(findPreset('xor')!.config, idle);
    const { actions } = a.getState();
    actions.step('epoch');
    actions.select({ kind: 'weight', layer: 1, to: 2, from: 1 });
    actions.setInsight('boundary');
    actions.togglePanel('data');
    actions.togglePanel('chain');
    const link = momentLink(a.getState());
    expect(link).toMatch(/&sel=w1\.2\.1&insight=boundary&hide=chain,data(&|$)/);
    const b = createLabStore(undefined, idle);
    expect(b.getState().actions.openLink(link)).toEqual([]);
    const s = b.getState();
    expect(s.selection).toEqual({ kind: 'weight', layer: 1, to: 2, from: 1 });
    expect(s.insight).toBe('boundary');
    expect(s.hidden).toEqual({ chain: true, loss: false, insight: false, setup: false, data: true });
  });

  it('rebuilds the sender’s loss curve, and keeps the link’s exact parameters', () => {
    const a = createLabStore(CIRCLE, idle);
    for (let e = 0; e < 30; e++) a.getState().actions.step('epoch');
    for (let k = 0; k < 3; k++) a.getState().actions.step('batch');
    a.getState().actions.step('step');
    const b = createLabStore(undefined, idle);
    expect(b.getState().actions.openLink(momentLink(a.getState()))).toEqual([]);
    // 30 epoch points, 3 update points after them, the first point: 34
    expect(curve(a)).toHaveLength(34);
    expect(curve(b).slice(0, 31)).toEqual(curve(a).slice(0, 31));
    expect(curve(b).at(-1)).toEqual(curve(a).at(-1));
    expect(b.getState().floor).toBe(0);
    expect(b.getState().view.position).toEqual(a.getState().view.position);
    // weights at the moment that the setup does not train to: kept exactly, the curve starts there
    const tampered = momentLink(a.getState()).replace(/aw=([^,&]+)/, 'aw=0.125');
    expect(b.getState().actions.openLink(tampered)).toEqual([]);
    expect(b.getState().view.params[0]).toBe(0.125);
    expect(b.getState().floor).toBe(30 * 16 + 3);
    expect(b.getState().series.length).toBe(1);
    expect(b.getState().notice).toMatch(/are not what its setup trains to/);
  });

  it('opens a moment with its weights beyond the budget at once; its past is not replayed', () => {
    const u = maxUpdatesWithin(DEFAULT_PRESET.config) * 3; // 500 million updates of 2-2-2
    const a = createLabStore(undefined, idle);
    a.getState().actions.step('batch');
    const link = momentLink(a.getState()).replace('at=1.0', `at=${u}.0`);
    const b = createLabStore(undefined, idle);
    const t0 = performance.now();
    expect(b.getState().actions.openLink(link)).toEqual([]);
    expect(performance.now() - t0).toBeLessThan(1000);
    const s = b.getState();
    expect(s.view.position.update).toBe(u);
    expect(Array.from(s.view.params)).toEqual(Array.from(a.getState().view.params));
    expect(s.floor).toBe(u);
    expect(s.notice).toBe(
      `The loss curve starts at update ${u}: replaying the training before it is more than the work budget allows.`,
    );
    // no way back into the unreplayed past but Reset
    s.actions.back();
    expect(b.getState().view.position.update).toBe(u);
    expect(b.getState().notice).toMatch(new RegExp(`^Back: the updates before ${u} were not replayed`));
    expect(s.actions.goToUpdate('10')[0]).toMatch(new RegExp(`^Go to update: must be ${u} or more`));
    s.actions.step('step');
    s.actions.seek(0);
    expect(b.getState().view.position).toMatchObject({ update: u, micro: 0 });
    s.actions.reset();
    expect(b.getState().view.position.update).toBe(0);
    expect(b.getState().floor).toBe(0);
  });
});

describe('Go to update', () => {
  it('jumps within the history and trains on beyond it', () => {
    const ref = createLabStore(undefined, idle);
    for (let k = 0; k < 250; k++) ref.getState().actions.step('batch');
    const store = createLabStore(undefined, idle);
    const { actions } = store.getState();
    expect(actions.goToUpdate('250')).toEqual([]);
    expect(store.getState().view.position.update).toBe(250);
    expect(Array.from(store.getState().view.params)).toEqual(Array.from(ref.getState().view.params));
    expect(store.getState().horizon).toBe(250);
    expect(store.getState().view.lastUpdate?.update).toBe(249);
    expect(actions.goToUpdate(' 1,0 ')).toEqual([]);
    expect(store.getState().view.position.update).toBe(10);
    // the curve: one point per update, as when stepping
    expect(store.getState().series.length).toBe(251);
  });

  it('names the field and what is allowed', () => {
    const store = createLabStore(undefined, idle);
    const { actions } = store.getState();
    for (const bad of ['', 'ten', '-1', '1.5', '1e3', '<b>'])
      expect(actions.goToUpdate(bad)[0], bad).toBe(
        'Go to update: must be a whole number of updates, 0 or more (e.g. 10000)',
      );
    const deep = createLabStore(undefined, idle);
    expect(deep.getState().actions.openLink(DEEP)).toEqual([]);
    expect(deep.getState().actions.goToUpdate('600')[0]).toMatch(
      /^Go to update: 600 more updates \(after update 0\) are .* units of work .*at most 507 updates here$/,
    );
  });

  it('trains far in slices with progress; Cancel goes back to where it was', () => {
    const m = manualJobs();
    const store = createLabStore(CIRCLE, { ...idle, jobs: m.jobs, sliceMs: 0 });
    const { actions } = store.getState();
    actions.step('epoch');
    actions.step('step');
    const before = store.getState().view;
    const far = Math.ceil((3 * SYNC_WORK) / replayWork(CIRCLE, 1));
    expect(actions.goToUpdate(String(far))).toEqual([]);
    expect(store.getState().job?.label).toBe(`Training to update ${far}`);
    m.pump(3);
    actions.cancelJob();
    const s = store.getState();
    expect(s.notice).toBe('Cancelled: still at update 16.');
    expect(s.view.position).toEqual(before.position);
    expect(Array.from(s.view.params)).toEqual(Array.from(before.params));
    expect(s.series.length).toBe(2);
    // and to the end
    expect(actions.goToUpdate(String(far))).toEqual([]);
    m.pump();
    expect(store.getState().view.position.update).toBe(far);
    expect(store.getState().horizon).toBe(far);
  });
});
