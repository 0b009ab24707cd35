/**
 * Edits of a data table (inputs, then targets, with column names), as pure functions from rows to
 * rows. The result goes through `withData` and validation like any other data; these functions only
 * keep the shape consistent (every row as wide as the header).
 */
import { LIMITS } from '../core/model/network.ts';
import type { DataRows } from './schema.ts';
import { CAPS } from './fields.ts';

export interface NamedRows {
  readonly inputs: number[][];
  readonly targets: number[][];
  readonly columns: string[];
}

/** A copy with column names (the given ones, or x1 … xn, y1 … ym). */
export function named(data: DataRows, columns: readonly string[]): NamedRows {
  return {
    inputs: data.inputs.map((r) => [...r]),
    targets: data.targets.map((r) => [...r]),
    columns: [...columns],
  };
}

function nIn(d: NamedRows): number {
  return d.inputs[0]?.length ?? d.columns.length - (d.targets[0]?.length ?? 0);
}

/** Sets cell (row, col); columns count the inputs first, then the targets. */
export function setCell(d: NamedRows, row: number, col: number, value: number): NamedRows {
  const next = named(d, d.columns);
  const k = nIn(d);
  if (col < k) next.inputs[row]![col] = value;
  else next.targets[row]![col - k] = value;
  return next;
}

/** Adds a row after `after` (a copy of it, so the new row is valid at once), or at the end. */
export function addRow(d: NamedRows, after = d.inputs.length - 1): NamedRows | string {
  if (d.inputs.length >= CAPS.maxRows) return `data: at most ${CAPS.maxRows} rows`;
  const next = named(d, d.columns);
  const src = Math.max(0, Math.min(after, d.inputs.length - 1));
  next.inputs.splice(src + 1, 0, [...(d.inputs[src] ?? new Array<number>(nIn(d)).fill(0))]);
  next.targets.splice(src + 1, 0, [
    ...(d.targets[src] ?? new Array<number>(d.columns.length - nIn(d)).fill(0)),
  ]);
  return next;
}

export function removeRow(d: NamedRows, row: number): NamedRows | string {
  if (d.inputs.length <= 1) return 'data: needs at least one row';
  const next = named(d, d.columns);
  next.inputs.splice(row, 1);
  next.targets.splice(row, 1);
  return next;
}

/** A name not yet used: `base`, else base2, base3, … */
function freshName(columns: readonly string[], base: string): string {
  if (!columns.includes(base)) return base;
  let k = 2;
  while (columns.includes(`${base}${k}`)) k++;
  return `${base}${k}`;
}

/** Adds an input or a target column, filled with zeros. */
export function addColumn(d: NamedRows, kind: 'input' | 'target'): NamedRows | string {
  const k = nIn(d);
  const m = d.columns.length - k;
  if (kind === 'input' && k >= LIMITS.maxInputs) return `data: at most ${LIMITS.maxInputs} input columns`;
  if (kind === 'target' && m >= LIMITS.maxOutputs) return `data: at most ${LIMITS.maxOutputs} target columns`;
  const next = named(d, d.columns);
  if (kind === 'input') {
    next.inputs.forEach((r) => r.push(0));
    next.columns.splice(k, 0, freshName(d.columns, `x${k + 1}`));
  } else {
    next.targets.forEach((r) => r.push(0));
    next.columns.push(freshName(d.columns, `y${m + 1}`));
  }
  return next;
}

export function removeColumn(d: NamedRows, col: number): NamedRows | string {
  const k = nIn(d);
  const m = d.columns.length - k;
  if (col < k && k <= 1) return 'data: needs at least one input column';
  if (col >= k && m <= 1) return 'data: needs at least one target column';
  const next = named(d, d.columns);
  if (col < k) next.inputs.forEach((r) => r.splice(col, 1));
  else next.targets.forEach((r) => r.splice(col - k, 1));
  next.columns.splice(col, 1);
  return next;
}

export function renameColumn(d: NamedRows, col: number, name: string): NamedRows {
  const next = named(d, d.columns);
  next.columns[col] = name;
  return next;
}
