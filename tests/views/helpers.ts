/** A session in Node for the views' pure modules: the displayed moment after some steps. */
import type { Config } from '../../src/config/schema.ts';
import { findPreset } from '../../src/content/presets.ts';
import { Session } from '../../src/session/session.ts';
import type { RunView, Selection } from '../../src/session/snapshot.ts';

/** Mazur's worked example (note 003): inputs 0.05, 0.1; targets 0.01, 0.99; w1 … w8, b1 = 0.35, b2 = 0.6. */
export const TEXTBOOK = findPreset('textbook-2-2-2')!.config;

export function sessionOf(config: Config): Session {
  return new Session(config, { now: () => 0, jobs: { later: () => () => undefined }, sliceMs: 0 });
}

/** The moment after `steps` micro-steps of `config`, with `selection`. */
export function viewAfter(config: Config, steps: number, selection: Selection | null = null): RunView {
  const s = sessionOf(config);
  for (let k = 0; k < steps; k++) s.step('step');
  return s.snapshot(selection).view;
}

/** σ(z) in float64, written out here (the reference, not the core's). */
export const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
