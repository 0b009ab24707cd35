/** Opening links in the store, and keeping the address bar on the current moment. */
import { describe, expect, it } from 'vitest';
import { encodeLink } from '../../src/config/codec.ts';
import { findPreset } from '../../src/content/presets.ts';
import { openFromAddressBar, syncAddressBar } from '../../src/state/address-bar.ts';
import type { AddressBar } from '../../src/state/address-bar.ts';
import { createLabStore, momentLink, setupLink } from '../../src/state/store.ts';

const idle = { scheduler: { request: () => 0, cancel: () => undefined } };

function fakeBar(initial = ''): AddressBar & { hash: string; writes: number } {
  const bar = {
    hash: initial,
    writes: 0,
    read: () => bar.hash,
    write(fragment: string) {
      bar.hash = `#${fragment}`;
      bar.writes++;
    },
    now: () => 0,
  };
  return bar;
}

describe('links in the store', () => {
  it('a moment link reopens the exact moment without replaying', () => {
    const a = createLabStore(findPreset('circle')!.config, idle);
    for (let e = 0; e < 3; e++) a.getState().actions.step('epoch');
    for (let k = 0; k < 7; k++) a.getState().actions.step('step');
    const b = createLabStore(undefined, idle);
    expect(b.getState().actions.openLink(`https://example.org/#${momentLink(a.getState())}`)).toEqual([]);
    const va = a.getState().view;
    const vb = b.getState().view;
    expect(vb.position).toEqual(va.position);
    expect(Array.from(vb.params)).toEqual(Array.from(va.params));
    expect(Array.from(vb.neurons.z)).toEqual(Array.from(va.neurons.z));
    expect(b.getState().presetName).toBe('circle');
    // and stepping on from there stays identical
    a.getState().actions.step('epoch');
    b.getState().actions.step('epoch');
    expect(Array.from(b.getState().view.params)).toEqual(Array.from(a.getState().view.params));
  });

  it('a setup link starts from the initial weights; a moment without weights is replayed', () => {
    const a = createLabStore(findPreset('xor')!.config, idle);
    const b = createLabStore(undefined, idle);
    expect(b.getState().actions.openLink(setupLink(a.getState()))).toEqual([]);
    expect(Array.from(b.getState().view.params)).toEqual(Array.from(a.getState().view.params));
    a.getState().actions.step('epoch');
    const replay = `${encodeLink(a.getState().config)}&at=${a.getState().view.position.update}.0`;
    expect(b.getState().actions.openLink(replay)).toEqual([]);
    expect(Array.from(b.getState().view.params)).toEqual(Array.from(a.getState().view.params));
  });

  it('a broken link changes nothing and says why', () => {
    const b = createLabStore(undefined, idle);
    b.getState().actions.step('epoch');
    const before = b.getState().view;
    expect(b.getState().actions.openLink('v=1&layers=2-2&lr=0')[0]).toMatch(/^lr \(learningRate\): must be/);
    expect(b.getState().view).toBe(before);
    const moment = momentLink(b.getState()).replace(/at=\d+\.\d+/, 'at=1.999');
    expect(b.getState().actions.openLink(moment)[0]).toMatch(/^at: micro-step 999 is not in update 2/);
  });
});

describe('the address bar', () => {
  it('follows every step and opens what it holds', () => {
    const store = createLabStore(undefined, idle);
    const bar = fakeBar();
    const stop = syncAddressBar(store, bar);
    store.getState().actions.step('step');
    store.getState().actions.step('step');
    expect(bar.hash).toBe(`#${momentLink(store.getState())}`);
    expect(bar.hash).toContain('at=0.2');
    stop();
    const again = createLabStore(undefined, idle);
    openFromAddressBar(again, bar);
    expect(again.getState().view.position).toEqual(store.getState().view.position);
  });

  it('shows the page, not a link it could not open (with a notice saying why)', () => {
    const store = createLabStore(undefined, idle);
    const bar = fakeBar('#v=1&layers=2-2&x=1,oops&t=1,2');
    openFromAddressBar(store, bar);
    expect(store.getState().notice).toMatch(
      /could not be opened — x \(data\.inputs\[0\]\[1\]\): must be a finite number/,
    );
    syncAddressBar(store, bar);
    expect(bar.hash).toBe(`#${momentLink(store.getState())}`);
    store.getState().actions.step('step');
    expect(bar.hash).toContain('at=0.1');
  });
});

describe('links put into the open tab', () => {
  /** A bar whose user can type into it; `echo` also fires on the page's own writes (a hostile browser). */
  function liveBar(initial = '', echo = false) {
    const listeners: (() => void)[] = [];
    const fire = () => {
      for (const cb of [...listeners]) cb();
    };
    const bar = {
      hash: initial,
      writes: 0,
      read: () => bar.hash,
      write(fragment: string) {
        bar.hash = `#${fragment}`;
        bar.writes++;
        if (echo) fire();
      },
      now: () => 0,
      listen(cb: () => void) {
        listeners.push(cb);
        return () => void listeners.splice(listeners.indexOf(cb), 1);
      },
      /** The user pastes a link, or goes Back/Forward to one. */
      go(hash: string) {
        bar.hash = hash;
        fire();
      },
    };
    return bar;
  }

  it('follows a pasted link like a fresh load, and the address bar then shows the page', () => {
    const store = createLabStore(undefined, idle);
    const bar = liveBar();
    syncAddressBar(store, bar);
    const circle = findPreset('circle')!.config;
    bar.go(`#${encodeLink(circle)}&at=5.2&sel=b1.0&insight=check`);
    const s = store.getState();
    expect(s.config).toEqual(circle);
    expect(s.view.position).toMatchObject({ update: 5, micro: 2 });
    expect(s.selection).toEqual({ kind: 'bias', layer: 1, to: 0 });
    expect(s.insight).toBe('check');
    expect(bar.hash).toBe(`#${momentLink(s)}`);
    // Back to the default example's link (as a history entry holds it)
    const home = momentLink(createLabStore(undefined, idle).getState());
    bar.go(`#${home}`);
    expect(store.getState().presetName).toBe('textbook-2-2-2');
    expect(bar.hash).toBe(`#${home}`);
  });

  it('a bad link leaves a notice and the page as it was; the address bar agrees with the page', () => {
    const store = createLabStore(undefined, idle);
    const bar = liveBar();
    syncAddressBar(store, bar);
    store.getState().actions.step('sample');
    const before = store.getState().view;
    const good = bar.hash;
    bar.go('#v=1&layers=2-2-2&lr=-1');
    expect(store.getState().notice).toMatch(/^This link could not be opened — lr \(learningRate\): must be/);
    expect(store.getState().notice).toMatch(/The page is as it was\.$/);
    expect(store.getState().view).toBe(before);
    expect(bar.hash).toBe(good);
  });

  it('never follows its own writes, even where writing fires the event', () => {
    const store = createLabStore(undefined, idle);
    const bar = liveBar('', true);
    syncAddressBar(store, bar);
    const opened: string[] = [];
    const openLink = store.getState().actions.openLink;
    store.setState({
      actions: { ...store.getState().actions, openLink: (t) => (opened.push(t), openLink(t)) },
    });
    for (let k = 0; k < 5; k++) store.getState().actions.step('step');
    expect(opened).toEqual([]);
    expect(bar.writes).toBeLessThanOrEqual(6);
    bar.go(`#${encodeLink(findPreset('xor')!.config)}`);
    expect(opened).toHaveLength(1);
    expect(store.getState().presetName).toBe('xor');
  });
});
