/** The store of this app instance, handed down by context; components read it with small selectors. */
import { createContext, useContext, useMemo } from 'react';
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

/** A column name short enough for a neuron's label. */
function short(name: string): string {
  return name.length > 10 ? `${name.slice(0, 9)}…` : name;
}

/**
 * The names of the neurons and parameters (keyed by `selectionKey`): the notes' names for the loaded
 * example, else the data's column names on the input and output neurons.
 */
export function useNames(): Readonly<Record<string, string>> {
  const name = useLab((s) => s.presetName);
  const columns = useLab((s) => s.data.columns);
  const layers = useLab((s) => s.config.layers);
  return useMemo(() => {
    const preset = name ? findPreset(name)?.names : undefined;
    if (preset) return preset;
    if (!columns.length) return NO_NAMES;
    const nIn = layers[0]!;
    const L = layers.length - 1;
    const out: Record<string, string> = {};
    columns.forEach((c, k) => {
      out[k < nIn ? `n 0 ${k}` : `n ${L} ${k - nIn}`] = short(c);
    });
    return out;
  }, [name, columns, layers]);
}
