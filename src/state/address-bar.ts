/**
 * The address bar always holds the current moment (setup, data, weights, position), kept with
 * `history.replaceState` — no history entry per change — and at most once a second while playing.
 * Reloading the page reopens that moment exactly.
 */
import type { LabStore } from './store.ts';
import { momentLink } from './store.ts';

const PLAYING_INTERVAL_MS = 1000;

export interface AddressBar {
  /** Where the link goes: `location.hash` and `history.replaceState` in the browser. */
  read(): string;
  write(fragment: string): void;
  now(): number;
}

export const browserAddressBar: AddressBar = {
  read: () => window.location.hash,
  write: (fragment) => window.history.replaceState(window.history.state, '', `#${fragment}`),
  now: () => performance.now(),
};

/** Opens the link in the address bar, if any (a broken one leaves the default and a notice). */
export function openFromAddressBar(store: LabStore, bar: AddressBar = browserAddressBar): void {
  const hash = bar.read();
  if (hash.length <= 1) return;
  const errors = store.getState().actions.openLink(hash);
  if (errors.length)
    store
      .getState()
      .actions.notify(
        `This link could not be opened — ${errors.join('; ')}. Showing the default example instead.`,
      );
}

/** Keeps the address bar on the current moment. Returns the unsubscribe function. */
export function syncAddressBar(store: LabStore, bar: AddressBar = browserAddressBar): () => void {
  let last = '';
  let lastWrite = -Infinity;
  let pending: ReturnType<typeof setTimeout> | null = null;
  const write = () => {
    pending = null;
    const link = momentLink(store.getState());
    if (link !== last) {
      last = link;
      lastWrite = bar.now();
      bar.write(link);
    }
  };
  const unsubscribe = store.subscribe((s, prev) => {
    if (
      s.view === prev.view &&
      s.config === prev.config &&
      s.presenter === prev.presenter &&
      s.theme === prev.theme &&
      s.lesson === prev.lesson
    )
      return;
    if (!s.playing) {
      if (pending) clearTimeout(pending);
      write();
    } else if (!pending) {
      pending = setTimeout(write, Math.max(0, PLAYING_INTERVAL_MS - (bar.now() - lastWrite)));
    }
  });
  // A link that could not be opened stays in the address bar until the user changes something.
  if (store.getState().notice === null) write();
  return () => {
    unsubscribe();
    if (pending) clearTimeout(pending);
  };
}
