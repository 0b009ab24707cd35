/**
 * How a link writes values: numbers in JavaScript's shortest round-trip form (so a link reproduces a
 * config bit for bit), lists of them joined by ",", and the weights and biases of a network flat,
 * layer by layer (row j, then i). Reading never throws: a bad number becomes NaN, which validation
 * then names; a failure names the link's parameter.
 */
import type { ConfigError } from './schema.ts';

export interface LinkFailure {
  readonly ok: false;
  readonly errors: readonly ConfigError[];
}

export function fail(field: string, message: string): LinkFailure {
  return { ok: false, errors: [{ field, message }] };
}

/** The link's parameters by key, each value %-decoded (but `cols`, decoded name by name). */
export type LinkParams = ReadonlyMap<string, string>;

/** A number as the link writes it: shortest round trip, no '+' (it would read as a space). */
export function num(v: number): string {
  return Object.is(v, -0) ? '-0' : String(v).replace('e+', 'e');
}

export function numList(values: readonly number[]): string {
  return values.map(num).join(',');
}

/** Splits a flat list of numbers; a bad entry becomes NaN (validation then names it). */
export function numbers(s: string): number[] {
  if (s === '') return [];
  return s.split(',').map((p) => (/^-?(\d+\.?\d*|\.\d+)(e-?\d+)?$/i.test(p) ? Number(p) : NaN));
}

/** Rows of `width` numbers from a flat list (the last row short if the count does not divide). */
export function rows(flat: number[], width: number): number[][] {
  const out: number[][] = [];
  for (let k = 0; k < flat.length; k += width) out.push(flat.slice(k, k + width));
  return out;
}

/** A network's weights from a flat list, or what is wrong with the count. */
export function weightsFrom(text: string, layers: readonly number[]): number[][][] | string {
  const flat = numbers(text);
  const weights: number[][][] = [];
  let k = 0;
  for (let l = 1; l < layers.length; l++) {
    const size = layers[l]! * layers[l - 1]!;
    weights.push(rows(flat.slice(k, k + size), layers[l - 1]!));
    k += size;
  }
  return k === flat.length ? weights : `must hold ${k} weights (it holds ${flat.length})`;
}

/** A network's biases from a flat list, or what is wrong with the count. */
export function biasesFrom(text: string, layers: readonly number[]): number[][] | string {
  const flat = numbers(text);
  const biases: number[][] = [];
  let k = 0;
  for (let l = 1; l < layers.length; l++) {
    biases.push(flat.slice(k, k + layers[l]!));
    k += layers[l]!;
  }
  return k === flat.length ? biases : `must hold ${k} biases (it holds ${flat.length})`;
}
