/** Shortcuts fire only with exactly the modifiers they name; the browser keeps Back/Forward and zoom. */
import { describe, expect, it } from 'vitest';
import { findShortcut, SHORTCUTS } from '../../src/views/app/keyboard.ts';
import type { KeyLike } from '../../src/views/app/keyboard.ts';
import { createLabStore } from '../../src/state/store.ts';

const idle = { scheduler: { request: () => 0, cancel: () => undefined } };

/** A key press as a plain object shaped like a KeyboardEvent. */
function key(
  k: string,
  mods: { shift?: boolean; ctrl?: boolean; alt?: boolean; meta?: boolean; altGr?: boolean } = {},
): KeyLike {
  return {
    key: k,
    shiftKey: Boolean(mods.shift),
    ctrlKey: Boolean(mods.ctrl || mods.altGr),
    altKey: Boolean(mods.alt || mods.altGr),
    metaKey: Boolean(mods.meta),
    getModifierState: (m: string) => m === 'AltGraph' && Boolean(mods.altGr),
  };
}

const does = (e: KeyLike) => findShortcut(e)?.does ?? null;

describe('keyboard shortcuts', () => {
  it('leave Alt+← / Alt+→ and ⌘+← / ⌘+→ (Back/Forward) to the browser', () => {
    for (const k of ['ArrowLeft', 'ArrowRight'])
      for (const mods of [
        { alt: true },
        { meta: true },
        { alt: true, shift: true },
        { ctrl: true, alt: true },
      ])
        expect(does(key(k, mods)), `${k} ${JSON.stringify(mods)}`).toBeNull();
  });

  it('fire with exactly the modifiers they name', () => {
    expect(does(key('ArrowRight'))).toBe('next computation');
    expect(does(key('ArrowRight', { shift: true }))).toBe('to the end of the sample');
    expect(does(key('ArrowRight', { ctrl: true }))).toBe('to the end of the epoch');
    expect(does(key('ArrowLeft'))).toBe('back one computation');
    // one more modifier than named: nothing
    expect(does(key('ArrowRight', { shift: true, ctrl: true }))).toBeNull();
    expect(does(key('ArrowRight', { shift: true, meta: true }))).toBeNull();
    expect(does(key('ArrowLeft', { shift: true }))).toBeNull();
    expect(does(key('ArrowLeft', { ctrl: true }))).toBeNull();
    expect(does(key(' ', { shift: true }))).toBeNull();
    expect(does(key('Escape', { ctrl: true }))).toBeNull();
  });

  it('moved the batch to B (and the epoch also to E); letters need no modifier at all', () => {
    expect(does(key('b'))).toBe('to the next update (batch)');
    expect(does(key('B'))).toBe('to the next update (batch)'); // Caps Lock
    expect(does(key('e'))).toBe('to the end of the epoch');
    for (const mods of [{ shift: true }, { ctrl: true }, { alt: true }, { meta: true }]) {
      expect(does(key('r', mods))).toBeNull(); // Ctrl+R reloads, ⌘+R too
      expect(does(key('b', mods))).toBeNull();
      expect(does(key('1', mods))).toBeNull();
      expect(does(key('p', mods))).toBeNull();
    }
    const table = SHORTCUTS.map((s) => s.keys);
    expect(table).toContain('B');
    expect(table.some((k) => k.includes('Alt'))).toBe(false);
  });

  it('type + ? [ ] however the keyboard makes them, but leave Ctrl + / − (zoom) alone', () => {
    expect(does(key('+', { shift: true }))).toBe('faster / slower');
    expect(does(key('?', { shift: true }))).toBe('this list');
    expect(does(key('[', { altGr: true }))).toBe('previous / next scene of the lesson'); // a German keyboard
    expect(does(key('+', { ctrl: true }))).toBeNull();
    expect(does(key('=', { ctrl: true }))).toBeNull();
    expect(does(key('-', { ctrl: true }))).toBeNull();
    expect(does(key('-', { meta: true }))).toBeNull();
    expect(does(key(']', { alt: true }))).toBeNull();
  });

  it('run on the store: B does one update, Shift+→ finishes the sample', () => {
    const store = createLabStore(undefined, idle);
    findShortcut(key('b'))!.run(store.getState(), key('b'));
    expect(store.getState().view.position).toMatchObject({ update: 1, micro: 0 });
    findShortcut(key('ArrowRight', { shift: true }))!.run(
      store.getState(),
      key('ArrowRight', { shift: true }),
    );
    expect(store.getState().view.position).toMatchObject({ update: 1, micro: 9 }); // 2·4 + 1 steps a sample
    const faster = key('+', { shift: true });
    const speed = store.getState().speed;
    findShortcut(faster)!.run(store.getState(), faster);
    expect(store.getState().speed).toBe(speed + 1);
  });
});
