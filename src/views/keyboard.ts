/**
 * Keyboard shortcuts for everything, one table: the handler below and the `?` dialog both read it.
 * Keys typed into a text field, a select or a focused button's Space are left to them.
 */
import { useEffect } from 'react';
import type { LabState, LabStore, PanelName } from '../state/store.ts';
import { PANELS } from '../state/store.ts';
import { MAX_SPEED } from '../state/speeds.ts';

export interface Shortcut {
  /** As shown in the dialog. */
  readonly keys: string;
  readonly does: string;
  readonly match: (e: KeyboardEvent) => boolean;
  readonly run: (s: LabState) => void;
}

const plain = (key: string) => (e: KeyboardEvent) => e.key === key && !e.ctrlKey && !e.metaKey && !e.altKey;

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
  { keys: 'Space', does: 'play / pause', match: plain(' '), run: (s) => s.actions.togglePlay() },
  {
    keys: '→',
    does: 'next computation',
    match: (e) => e.key === 'ArrowRight' && !e.shiftKey && !e.altKey && !e.ctrlKey && !e.metaKey,
    run: (s) => s.actions.step('step'),
  },
  {
    keys: 'Shift + →',
    does: 'to the end of the sample',
    match: (e) => e.key === 'ArrowRight' && e.shiftKey,
    run: (s) => s.actions.step('sample'),
  },
  {
    keys: 'Alt + →',
    does: 'to the next update (batch)',
    match: (e) => e.key === 'ArrowRight' && e.altKey,
    run: (s) => s.actions.step('batch'),
  },
  {
    keys: 'Ctrl + → (⌘ + →)',
    does: 'to the end of the epoch',
    match: (e) => e.key === 'ArrowRight' && (e.ctrlKey || e.metaKey),
    run: (s) => s.actions.step('epoch'),
  },
  {
    keys: '←',
    does: 'back one computation',
    match: (e) => e.key === 'ArrowLeft',
    run: (s) => s.actions.back(),
  },
  { keys: 'R', does: 'reset to the initial weights', match: plain('r'), run: (s) => s.actions.reset() },
  {
    keys: '+ / −',
    does: 'faster / slower',
    match: (e) => e.key === '+' || e.key === '=' || e.key === '-',
    run: () => undefined, // handled with the event (needs the key)
  },
  {
    keys: '[ / ]',
    does: 'previous / next scene of the lesson',
    match: (e) => e.key === '[' || e.key === ']',
    run: () => undefined,
  },
  {
    keys: 'P',
    does: 'presenter mode on / off',
    match: plain('p'),
    run: (s) => s.actions.setPresenter(!s.presenter),
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
  { keys: '?', does: 'this list', match: (e) => e.key === '?', run: (s) => s.actions.setHelp(!s.help) },
  {
    keys: 'Esc',
    does: 'close this list',
    match: (e) => e.key === 'Escape',
    run: (s) => s.actions.setHelp(false),
  },
];

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
      const s = store.getState();
      if (e.key === '+' || e.key === '=' || e.key === '-') {
        e.preventDefault();
        s.actions.setSpeed(Math.min(MAX_SPEED, Math.max(0, s.speed + (e.key === '-' ? -1 : 1))));
        return;
      }
      if ((e.key === '[' || e.key === ']') && s.lesson) {
        e.preventDefault();
        s.actions.openLesson(s.lesson.name, s.lesson.scene + (e.key === ']' ? 1 : -1));
        return;
      }
      const shortcut = SHORTCUTS.find((k) => k.match(e));
      if (!shortcut) return;
      e.preventDefault();
      shortcut.run(s);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}
