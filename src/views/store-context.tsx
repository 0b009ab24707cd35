/** The store of this app instance, handed down by context; components read it with small selectors. */
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import { findPreset } from '../config/presets.ts';
import type { LabState, LabStore } from '../state/store.ts';

export const StoreContext = createContext<LabStore | null>(null);

export function useLabStore(): LabStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('no LabStore in context');
  return store;
}

export function useLab<T>(selector: (s: LabState) => T): T {
  return useStore(useLabStore(), selector);
}

const NO_NAMES: Readonly<Record<string, string>> = {};

/** The notes' names for the loaded example's neurons and parameters (keyed by `selectionKey`). */
export function useNames(): Readonly<Record<string, string>> {
  const name = useLab((s) => s.presetName);
  return (name ? findPreset(name)?.names : undefined) ?? NO_NAMES;
}
