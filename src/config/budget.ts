/**
 * The work budget: how much training a link, a "Go to update" or the `train` command may ask for.
 * What costs time is not the number of updates but the arithmetic they take: every update runs its
 * batch's samples forward and back through every parameter, so the work of `u` updates is
 * u × (samples per update) × (parameters). A 2-2-2 network may replay a hundred million updates; a
 * deep 16-wide network with batches of 2,000 only a few hundred. Pure: no DOM, no clock.
 */
import type { Config } from './schema.ts';
import { tableRows } from './tables.ts';
import { testRowCount } from './validate-data.ts';

/**
 * Most work (updates × samples per update × parameters) any single request may ask for: about ten
 * seconds of the training core on an ordinary laptop (it does 1–2 × 10⁸ such units a second).
 */
export const WORK_BUDGET = 2e9;

/**
 * Work done at once, before the page paints again (a few milliseconds, a few tenths of a second at
 * worst); more runs in slices with a progress bar and a Cancel button.
 */
export const SYNC_WORK = 2e6;

/** Weights and biases of a network with these layer sizes (inputs first). */
export function parameterCount(layers: readonly number[]): number {
  let n = 0;
  for (let l = 1; l < layers.length; l++) n += (layers[l - 1]! + 1) * layers[l]!;
  return n;
}

/** The rows trained on (a generated set's test fraction held out). */
export function trainingRows(config: Config): number {
  if (config.data) return config.data.inputs.length;
  const d = config.dataset!;
  if ('n' in d) return d.n - testRowCount(d.n, d.test);
  return tableRows(d.name).inputs.length;
}

/** Samples one update runs forward and back (the batch, at most the rows trained on). */
export function samplesPerUpdate(config: Config): number {
  return Math.max(1, Math.min(config.batchSize, trainingRows(config)));
}

/** The work of `updates` updates of this setup: updates × samples per update × parameters. */
export function replayWork(config: Config, updates: number): number {
  return updates * samplesPerUpdate(config) * parameterCount(config.layers);
}

/** The most updates of this setup within the budget. */
export function maxUpdatesWithin(config: Config, budget = WORK_BUDGET): number {
  return Math.floor(budget / (samplesPerUpdate(config) * parameterCount(config.layers)));
}

function plain(n: number): string {
  return n >= 1e7 ? Number(n.toPrecision(3)).toExponential().replace('e+', 'e') : String(n);
}

/**
 * Null when `updates` updates are within the budget; otherwise one line naming the field, the work
 * asked for and what is allowed, e.g. "at: 2000000 updates of this setup are 7.88e12 units of work
 * (updates × 2000 samples per update × 1969 parameters); the limit is 2e9: at most 507 updates here".
 */
export function budgetError(
  config: Config,
  updates: number,
  field: string,
  what = 'updates of this setup',
): string | null {
  const work = replayWork(config, updates);
  if (work <= WORK_BUDGET) return null;
  const samples = samplesPerUpdate(config);
  return (
    `${field}: ${updates} ${what} are ${plain(work)} units of work ` +
    `(updates × ${samples} sample${samples === 1 ? '' : 's'} per update × ${parameterCount(config.layers)} parameters); ` +
    `the limit is ${plain(WORK_BUDGET)}: at most ${maxUpdatesWithin(config)} updates here`
  );
}
