/** The store of this app instance, handed down by context; components read it with small selectors. */
import { createContext, useContext, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { useStore } from 'zustand';
import { networkNames } from '../../session/names.ts';
import type { ColumnNames } from '../../session/names.ts';
import type { RunView } from '../../session/snapshot.ts';
import { CADENCE } from '../../session/cadence.ts';
import { SPEEDS } from '../../session/speeds.ts';
import type { LabState, LabStore } from '../../state/store.ts';

export const StoreContext = createContext<LabStore | null>(null);

export function useLabStore(): LabStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('no LabStore in context');
  return store;
}

export function useLab<T>(selector: (s: LabState) => T): T {
  return useStore(useLabStore(), selector);
}

/**
 * The names of the neurons and parameters (keyed by `selectionKey`), with what each is in words: from
 * the network's shape (note 003's names for a 2-2-2 net, x_i, h_j, o_k otherwise) and the data's
 * columns (see `networkNames`), so an edit that keeps the shape keeps the names.
 */
export function useNaming(): ColumnNames {
  const columns = useLab((s) => s.data.columns);
  const layers = useLab((s) => s.config.layers);
  return useMemo(() => networkNames(columns, layers), [columns, layers]);
}

/** The short names alone (see `useNaming`). */
export function useNames(): Readonly<Record<string, string>> {
  return useNaming().names;
}

/**
 * The displayed moment for views that cost more than a frame to compute (the insight views, the data
 * table): the same as `display`, except while playing faster than lecture pace, when it follows at
 * most once per `intervalMs` (`CADENCE.slowViewMs`) — or not at all with `freezeWhileFast` (views of
 * one moment, updated when training pauses).
 */
export function useSlowDisplay(intervalMs: number = CADENCE.slowViewMs, freezeWhileFast = false): RunView {
  const store = useLabStore();
  const [view, setView] = useState(() => store.getState().display);
  useEffect(() => {
    let last = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const show = () => {
      timer = null;
      last = performance.now();
      setView(store.getState().display);
    };
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.display === prev.display) return;
      const fast = s.playing && SPEEDS[s.speed]!.kind !== 'steps';
      if (fast && freezeWhileFast) return;
      const wait = intervalMs - (performance.now() - last);
      if (!fast || wait <= 0) {
        if (timer) clearTimeout(timer);
        show();
      } else if (!timer) {
        timer = setTimeout(show, wait);
      }
    });
    return () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
    };
  }, [store, intervalMs, freezeWhileFast]);
  return view;
}

/** A value of run B's store (a comparison's partner), kept up to date. */
export function usePartnerState<T>(partner: LabStore, selector: (s: LabState) => T): T {
  return useStore(partner, selector);
}

const NO_SUBSCRIPTION = () => () => undefined;

/** Run B's curves (a comparison's partner) as of its last display refresh, or null when not comparing. */
export function usePartnerCurves(partner: LabStore | null): LabState['curves'] | null {
  return useSyncExternalStore(
    partner ? partner.subscribe : NO_SUBSCRIPTION,
    () => partner?.getState().curves ?? null,
  );
}
