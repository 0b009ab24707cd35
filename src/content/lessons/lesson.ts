/**
 * What a guided lesson is: a few scenes, each a setup, a moment in its training (updates done,
 * micro-steps into the next batch), what to select, which insight view to open, a caption saying what
 * to look at, and the next thing to try. Captions quote the correct values (see shared/seeds/README.md
 * for the notes' slips); the page computes every number it shows itself.
 */
import type { Config } from '../../config/schema.ts';
import type { InsightName } from '../insights.ts';
import { findPreset } from '../presets.ts';

export interface Scene {
  readonly title: string;
  readonly config: Config;
  /** Updates done, then micro-steps into the next batch. */
  readonly at: readonly [number, number];
  /** A selection key: `w L J I`, `b L J` or `n L J`. */
  readonly select?: string;
  readonly insight?: InsightName;
  readonly caption: string;
  readonly next: string;
}

export interface Lesson {
  readonly name: string;
  readonly title: string;
  readonly source: string;
  readonly scenes: readonly Scene[];
}

/** A preset's setup, for a scene that shows one of the notes' examples. */
export function presetConfig(name: string): Config {
  const p = findPreset(name);
  if (!p) throw new Error(`no preset ${name}`);
  return p.config;
}
