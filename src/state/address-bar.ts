/**
 * The address bar always holds the current moment (setup, data, weights, position, selection, view),
 * kept with `history.replaceState` — no history entry per change — and at most every
 * `CADENCE.addressBarMs` (once a second) while playing. Reloading the page reopens that moment
 * exactly. A link pasted into the open tab (a hash change) and Back/Forward (popstate) are followed
 * like a fresh load, with the same validation; a link that cannot be opened leaves a notice and the
 * page as it was, and the address bar goes back to what the page shows. `replaceState` fires neither
 * event, and a hash the page wrote itself is never followed again, so writing cannot loop.
 */
import { CADENCE } from '../session/cadence.ts';
import { momentLink } from '../session/links.ts';
import type { LabStore } from './store.ts';
import type { LabState } from './types.ts';

export interface AddressBar {
  /** Where the link goes: `location.hash` and `history.replaceState` in the browser. */
  read(): string;
  write(fragment: string): void;
  now(): number;
  /** Calls `cb` when the user changes the address (hashchange, popstate); returns the unsubscribe. */
  listen?(cb: () => void): () => void;
}

export const browserAddressBar: AddressBar = {
  read: () => window.location.hash,
  write: (fragment) => window.history.replaceState(window.history.state, '', `#${fragment}`),
  now: () => performance.now(),
  listen(cb) {
    window.addEventListener('hashchange', cb);
    window.addEventListener('popstate', cb);
    return () => {
      window.removeEventListener('hashchange', cb);
      window.removeEventListener('popstate', cb);
    };
  },
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

/** What the link in the address bar says about the page: a change in any of these rewrites it. */
function shown(s: LabState, prev: LabState): boolean {
  return (
    s.view !== prev.view ||
    s.config !== prev.config ||
    s.presenter !== prev.presenter ||
    s.theme !== prev.theme ||
    s.lesson !== prev.lesson ||
    s.selection !== prev.selection ||
    s.insight !== prev.insight ||
    s.hidden !== prev.hidden ||
    s.practice !== prev.practice ||
    s.practiceScope !== prev.practiceScope ||
    s.embed !== prev.embed ||
    s.compare !== prev.compare ||
    (s.job === null && prev.job !== null) // a replay ended or was cancelled
  );
}

/**
 * Keeps the address bar on the current moment and follows the links the user puts there. Returns
 * the function that stops both.
 */
export function syncAddressBar(store: LabStore, bar: AddressBar = browserAddressBar): () => void {
  let last = '';
  let lastWrite = -Infinity;
  let pending: ReturnType<typeof setTimeout> | null = null;
  const write = () => {
    pending = null;
    const link = momentLink(store.getState());
    if (`#${link}` !== bar.read() || link !== last) {
      last = link;
      lastWrite = bar.now();
      bar.write(link);
    }
  };
  const unsubscribe = store.subscribe((s, prev) => {
    if (!shown(s, prev)) return;
    if (s.job) return; // the link being followed stays until its replay ends
    if (!s.playing) {
      if (pending) clearTimeout(pending);
      write();
    } else if (!pending) {
      pending = setTimeout(write, Math.max(0, CADENCE.addressBarMs - (bar.now() - lastWrite)));
    }
  });
  const follow = () => {
    const hash = bar.read();
    if (hash.slice(1) === last || hash.length <= 1) return; // what the page wrote, or nothing
    last = hash.slice(1);
    const { actions } = store.getState();
    const errors = actions.openLink(hash);
    if (errors.length) {
      actions.notify(`This link could not be opened — ${errors.join('; ')}. The page is as it was.`);
      write(); // the address bar shows the page again
    }
  };
  const unlisten = bar.listen?.(follow) ?? (() => undefined);
  // While a link's replay runs, the address bar keeps that link.
  if (!store.getState().job) write();
  return () => {
    unsubscribe();
    unlisten();
    if (pending) clearTimeout(pending);
  };
}
