/**
 * Tables from CSV text (a header row, then numbers), for the user's own data. Untrusted: sizes are
 * capped, every cell is checked, and each error names the row and the column.
 */
import { csvParseRows } from 'd3-dsv';
import { CAPS } from './fields.ts';
import type { ConfigError, DataRows } from './schema.ts';
import { LIMITS } from '../core/model/network.ts';
import { columnNameProblem } from './validate-data.ts';

export interface Table {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly number[])[];
}

export type TableResult =
  | { readonly ok: true; readonly table: Table }
  | { readonly ok: false; readonly errors: readonly ConfigError[] };

export const MAX_COLUMNS = LIMITS.maxInputs + LIMITS.maxOutputs;
export const MAX_CSV_CHARS = 2_000_000;

function quote(s: string): string {
  return JSON.stringify(s.length > 20 ? `${s.slice(0, 20)}…` : s);
}

export function parseCsv(text: string): TableResult {
  const fail = (field: string, message: string): TableResult => ({ ok: false, errors: [{ field, message }] });
  if (text.length > MAX_CSV_CHARS)
    return fail('csv', `is too large (${text.length} characters; at most ${MAX_CSV_CHARS})`);
  const all = csvParseRows(text).filter((r) => r.some((cell) => cell.trim() !== ''));
  if (all.length < 2) return fail('csv', 'needs a header row and at least one row of numbers');
  const header = all[0]!.map((c) => c.trim());
  if (header.length < 2 || header.length > MAX_COLUMNS) {
    return fail('csv header', `must name 2 to ${MAX_COLUMNS} columns (it has ${header.length})`);
  }
  for (let c = 0; c < header.length; c++) {
    const name = header[c]!;
    const problem = columnNameProblem(name);
    if (problem) return fail(`csv header, column ${c + 1}`, problem);
    if (header.indexOf(name) !== c)
      return fail(`csv header, column ${c + 1}`, `repeats the name ${quote(name)}`);
  }
  if (all.length - 1 > CAPS.maxRows)
    return fail('csv', `has ${all.length - 1} rows; at most ${CAPS.maxRows}`);
  const rows: number[][] = [];
  for (let r = 1; r < all.length; r++) {
    const cells = all[r]!;
    if (cells.length !== header.length) {
      return fail(
        `csv row ${r + 1}`,
        `must have ${header.length} cells, like the header (it has ${cells.length})`,
      );
    }
    const row: number[] = [];
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c]!.trim();
      const v = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(cell) ? Number(cell) : NaN;
      if (!Number.isFinite(v) || Math.abs(v) > CAPS.maxAbsValue) {
        return fail(
          `csv row ${r + 1}, column ${quote(header[c]!)}`,
          `must be a number between −${CAPS.maxAbsValue} and ${CAPS.maxAbsValue} (it is ${quote(cell)})`,
        );
      }
      row.push(v);
    }
    rows.push(row);
  }
  return { ok: true, table: { columns: header, rows } };
}

/** Splits a table into inputs and targets by column name (targets in the order given). */
export function tableData(
  table: Table,
  targets: readonly string[],
): { data: DataRows; inputs: string[] } | ConfigError {
  if (targets.length < 1 || targets.length > LIMITS.maxOutputs) {
    return { field: 'targets', message: `choose 1 to ${LIMITS.maxOutputs} target columns` };
  }
  const ti = targets.map((t) => table.columns.indexOf(t));
  if (ti.some((i) => i < 0)) return { field: 'targets', message: 'must be columns of the table' };
  const ii = table.columns.map((_, i) => i).filter((i) => !ti.includes(i));
  if (ii.length < 1 || ii.length > LIMITS.maxInputs) {
    return { field: 'targets', message: `leave 1 to ${LIMITS.maxInputs} input columns (${ii.length} left)` };
  }
  return {
    data: {
      inputs: table.rows.map((r) => ii.map((i) => r[i]!)),
      targets: table.rows.map((r) => ti.map((i) => r[i]!)),
      columns: [...ii, ...ti].map((i) => table.columns[i]!),
    },
    inputs: ii.map((i) => table.columns[i]!),
  };
}
