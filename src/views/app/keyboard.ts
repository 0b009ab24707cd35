/**
 * Keyboard shortcuts for everything, one table: the handler below and the `?` dialog both read it.
 * Keys typed into a text field, a select or a focused button's Space are left to them. A shortcut
 * fires only with exactly the modifiers it names, so the browser keeps its own: Alt+← / Alt+→ and
 * ⌘+← / ⌘+→ (Back/Forward), Ctrl + / − (zoom).
 */
import { useEffect } from 'react';
import type { LabState, LabStore, PanelName } from '../../state/store.ts';
import { PANELS } from '../../state/store.ts';
import { MAX_SPEED } from '../../session/speeds.ts';

export interface Shortcut {
  /** As shown in the dialog. */
  readonly keys: string;
  readonly does: string;
  readonly match: (e: KeyLike) => boolean;
  readonly run: (s: LabState, e: KeyLike) => void;
}

/** What the shortcuts read of a key event (a KeyboardEvent, or a plain object in tests). */
export interface KeyLike {
  readonly key: string;
  readonly shiftKey: boolean;
  readonly ctrlKey: boolean;
  readonly altKey: boolean;
  readonly metaKey: boolean;
  getModifierState?(key: string): boolean;
}

interface Mods {
  readonly shift?: boolean;
  readonly ctrl?: boolean;
}

/**
 * A named key (an arrow, Space, Escape) with exactly the modifiers given and no others: Alt+← and
 * Alt+→ (Back/Forward), ⌘+← and ⌘+→ (the same on a Mac) stay the browser's.
 */
const exact =
  (key: string, mods: Mods = {}) =>
  (e: KeyLike) =>
    e.key === key &&
    e.shiftKey === Boolean(mods.shift) &&
    e.ctrlKey === Boolean(mods.ctrl) &&
    !e.altKey &&
    !e.metaKey;

/** No Ctrl, Alt or ⌘ — except AltGr, which some keyboards need to type [ ] + ? (it reports Ctrl+Alt). */
const unmodified = (e: KeyLike) =>
  !e.metaKey && ((!e.ctrlKey && !e.altKey) || e.getModifierState?.('AltGraph') === true);

/** A character, however it is typed (Shift is part of typing + or ?), with no other modifier. */
const char =
  (...keys: string[]) =>
  (e: KeyLike) =>
    keys.includes(e.key) && unmodified(e);

/** A letter or digit alone (Caps Lock on or off); with Shift, Ctrl, Alt or ⌘ it is not this one. */
const plain = (key: string) => (e: KeyLike) =>
  e.key.toLowerCase() === key && !e.shiftKey && !e.ctrlKey && !e.altKey && !e.metaKey;

const PANEL_NAMES: Record<PanelName, string> = {
  chain: 'the chain-rule panel',
  loss: 'the loss curve',
  insight: 'the insight views',
  setup: 'the setup',
  data: 'the data',
};

function toggleFullscreen(): void {
  if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
  else void document.documentElement.requestFullscreen?.().catch(() => undefined);
}

export { toggleFullscreen };

export const SHORTCUTS: readonly Shortcut[] = [
  { keys: 'Space', does: 'play / pause', match: exact(' '), run: (s) => s.actions.togglePlay() },
  {
    keys: '→',
    does: 'next computation',
    match: exact('ArrowRight'),
    run: (s) => s.actions.step('step'),
  },
  {
    keys: 'Shift + →',
    does: 'to the end of the sample',
    match: exact('ArrowRight', { shift: true }),
    run: (s) => s.actions.step('sample'),
  },
  {
    keys: 'B',
    does: 'to the next update (batch)',
    match: plain('b'),
    run: (s) => s.actions.step('batch'),
  },
  {
    keys: 'Ctrl + →, E',
    does: 'to the end of the epoch',
    match: (e) => exact('ArrowRight', { ctrl: true })(e) || plain('e')(e),
    run: (s) => s.actions.step('epoch'),
  },
  {
    keys: '←',
    does: 'back one computation',
    match: exact('ArrowLeft'),
    run: (s) => s.actions.back(),
  },
  { keys: 'R', does: 'reset to the initial weights', match: plain('r'), run: (s) => s.actions.reset() },
  {
    keys: '+ / −',
    does: 'faster / slower',
    match: char('+', '=', '-'),
    run: (s, e) => s.actions.setSpeed(Math.min(MAX_SPEED, Math.max(0, s.speed + (e.key === '-' ? -1 : 1)))),
  },
  {
    keys: '[ / ]',
    does: 'previous / next scene of the lesson',
    match: char('[', ']'),
    run: (s, e) => {
      if (s.lesson) s.actions.openLesson(s.lesson.name, s.lesson.scene + (e.key === ']' ? 1 : -1));
    },
  },
  {
    keys: 'P',
    does: 'presenter mode on / off',
    match: plain('p'),
    run: (s) => s.actions.setPresenter(!s.presenter),
  },
  {
    keys: 'Q',
    does: 'practice mode on / off (compute each value first)',
    match: plain('q'),
    run: (s) => s.actions.setPractice(!s.practice),
  },
  {
    keys: 'T',
    does: 'light / dark theme',
    match: plain('t'),
    run: (s) => s.actions.setTheme(s.theme === 'dark' ? 'light' : 'dark'),
  },
  { keys: 'F', does: 'fullscreen on / off', match: plain('f'), run: () => toggleFullscreen() },
  {
    keys: 'L',
    does: 'log scale of the loss curve',
    match: plain('l'),
    run: (s) => s.actions.setLogScale(!s.logScale),
  },
  ...PANELS.map((p, k): Shortcut => ({
    keys: String(k + 1),
    does: `show / hide ${PANEL_NAMES[p]}`,
    match: plain(String(k + 1)),
    run: (s) => s.actions.togglePanel(p),
  })),
  { keys: '?', does: 'this list', match: char('?'), run: (s) => s.actions.setHelp(!s.help) },
  {
    keys: 'Esc',
    does: 'close this list; leave practice mode',
    match: exact('Escape'),
    run: (s) => (s.help ? s.actions.setHelp(false) : s.actions.setPractice(false)),
  },
];

/** The shortcut a key press asks for, if any. */
export function findShortcut(e: KeyLike): Shortcut | undefined {
  return SHORTCUTS.find((k) => k.match(e));
}

export function useKeyboard(store: LabStore): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      if (
        t &&
        (t.tagName === 'INPUT' || t.tagName === 'SELECT' || t.tagName === 'TEXTAREA' || t.isContentEditable)
      )
        return;
      if (e.key === ' ' && t?.tagName === 'BUTTON') return; // Space activates the focused button
      if ((e.key === 'Enter' || e.key === ' ') && t?.closest('[data-sel]')) return; // the diagram's own
      const shortcut = findShortcut(e);
      if (!shortcut) return; // anything else, e.g. Alt+← / Alt+→, is the browser's
      e.preventDefault();
      shortcut.run(store.getState(), e);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}
