/** The data table's edits: shapes stay consistent, limits are named, the original is untouched. */
import { describe, expect, it } from 'vitest';
import {
  addColumn,
  addRow,
  named,
  removeColumn,
  removeRow,
  renameColumn,
  setCell,
} from '../../src/config/data-edits.ts';
import type { NamedRows } from '../../src/config/data-edits.ts';
import { tableOf } from '../../src/config/edits.ts';
import { findPreset } from '../../src/content/presets.ts';

const base = (): NamedRows =>
  named(
    {
      inputs: [
        [90, 40],
        [30, 50],
      ],
      targets: [[10], [25]],
    },
    ['X1', 'X2', 'Y'],
  );

function ok(r: NamedRows | string): NamedRows {
  if (typeof r === 'string') throw new Error(r);
  return r;
}

describe('data table edits', () => {
  it('sets input and target cells by column (inputs first), leaving the original alone', () => {
    const d = base();
    const e = setCell(setCell(d, 1, 0, 7), 0, 2, -1);
    expect(e.inputs).toEqual([
      [90, 40],
      [7, 50],
    ]);
    expect(e.targets).toEqual([[-1], [25]]);
    expect(d.inputs[1]).toEqual([30, 50]);
  });

  it('adds a row as a copy of the one before; removes rows but never the last one', () => {
    const e = ok(addRow(base(), 0));
    expect(e.inputs).toEqual([
      [90, 40],
      [90, 40],
      [30, 50],
    ]);
    const one = ok(removeRow(base(), 0));
    expect(one.inputs).toEqual([[30, 50]]);
    expect(removeRow(one, 0)).toBe('data: needs at least one row');
  });

  it('adds input columns before the targets and target columns at the end, with fresh names', () => {
    const e = ok(addColumn(ok(addColumn(base(), 'input')), 'target'));
    expect(e.columns).toEqual(['X1', 'X2', 'x3', 'Y', 'y2']);
    expect(e.inputs[0]).toEqual([90, 40, 0]);
    expect(e.targets[1]).toEqual([25, 0]);
    const clash = ok(addColumn(named({ inputs: [[1]], targets: [[2]] }, ['x2', 'y']), 'input'));
    expect(clash.columns).toEqual(['x2', 'x22', 'y']);
  });

  it('removes columns but keeps at least one input and one target', () => {
    const e = ok(removeColumn(base(), 0));
    expect(e.columns).toEqual(['X2', 'Y']);
    expect(e.inputs).toEqual([[40], [50]]);
    expect(removeColumn(e, 0)).toBe('data: needs at least one input column');
    expect(removeColumn(e, 1)).toBe('data: needs at least one target column');
  });

  it('renames a column; caps the number of columns', () => {
    expect(renameColumn(base(), 2, 'price').columns).toEqual(['X1', 'X2', 'price']);
    let d = base();
    for (let k = 0; k < 14; k++) d = ok(addColumn(d, 'input'));
    expect(addColumn(d, 'input')).toBe('data: at most 16 input columns');
  });

  it('turns any data set into a table with names', () => {
    const t = tableOf(findPreset('table-x1x2y')!.config);
    expect(t.columns).toEqual(['X1', 'X2', 'Y']);
    const g = tableOf(findPreset('xor')!.config);
    expect(g.inputs.length).toBe(200);
    expect(g.columns).toEqual(['x1', 'x2', 'y']);
  });
});
