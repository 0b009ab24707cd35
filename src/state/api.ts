/**
 * `window.backpropLab`: a small scripting interface for the console, the end-to-end tests and the
 * browser benchmark. Configs go through the same validation as every other outside input.
 */
import { formatError } from '../config/schema.ts';
import { validateConfig } from '../config/validate.ts';
import type { LabStore } from './store.ts';

export interface BackpropLabApi {
  /** Loads a config (plain JSON); returns the validation errors, or [] when it was loaded. */
  loadConfig(json: unknown): string[];
  /** Updates completed, epochs completed (fractional) and the data-set loss now. */
  progress(): { updates: number; epochs: number; loss: number; playing: boolean };
  readonly store: LabStore;
}

declare global {
  interface Window {
    backpropLab?: BackpropLabApi;
  }
}

export function exposeApi(store: LabStore): void {
  window.backpropLab = {
    loadConfig(json) {
      const r = validateConfig(json);
      if (!r.ok) return r.errors.map(formatError);
      store.getState().actions.loadConfig(r.config);
      return [];
    },
    progress() {
      const { view, playing } = store.getState();
      return {
        updates: view.position.update,
        epochs: view.epochs,
        loss: view.datasetLoss,
        playing,
      };
    },
    store,
  };
}
