/** CSV tables: quotes, blank lines, bad cells and many columns, with errors naming row and column. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_COLUMNS, parseCsv, tableData } from '../../src/config/csv.ts';
import { formatError } from '../../src/config/schema.ts';

function errorOf(text: string): string {
  const r = parseCsv(text);
  return r.ok ? 'ok' : formatError(r.errors[0]!);
}

describe('parseCsv', () => {
  it('reads the seed-003 table', () => {
    const r = parseCsv('X1,X2,Y\n90,40,10\n30,50,25\n20,60,36\n');
    expect(r.ok && r.table).toEqual({
      columns: ['X1', 'X2', 'Y'],
      rows: [
        [90, 40, 10],
        [30, 50, 25],
        [20, 60, 36],
      ],
    });
  });

  it('handles quoted names and cells, CRLF, blank lines and spaces', () => {
    const r = parseCsv('"height, cm","weight ""kg""",shoe\r\n\r\n" 120",40 , 30\r\n\r\n160,55,38\r\n   \r\n');
    expect(r.ok && r.table.columns).toEqual(['height, cm', 'weight "kg"', 'shoe']);
    expect(r.ok && r.table.rows).toEqual([
      [120, 40, 30],
      [160, 55, 38],
    ]);
  });

  it('names the row and column of a non-numeric cell', () => {
    expect(errorOf('a,b\n1,2\n3,x\n')).toBe(
      'csv row 3, column "b": must be a number between −1000000 and 1000000 (it is "x")',
    );
    expect(errorOf('a,b\n1,\n')).toBe(
      'csv row 2, column "b": must be a number between −1000000 and 1000000 (it is "")',
    );
    expect(errorOf('a,b\n1,NaN\n')).toContain('(it is "NaN")');
    expect(errorOf('a,b\n1,1e400\n')).toContain('csv row 2, column "b"');
  });

  it('rejects ragged rows, bad headers and oversize tables', () => {
    expect(errorOf('a,b\n1,2,3\n')).toBe('csv row 2: must have 2 cells, like the header (it has 3)');
    expect(errorOf('a,a\n1,2\n')).toBe('csv header, column 2: repeats the name "a"');
    expect(errorOf('a,\n1,2\n')).toBe('csv header, column 2: must be a name of 1 to 40 characters');
    expect(errorOf('a,b\n')).toBe('csv: needs a header row and at least one row of numbers');
    const wide = Array.from({ length: MAX_COLUMNS + 1 }, (_, i) => `c${i}`).join(',');
    expect(errorOf(`${wide}\n${wide.replace(/c\d+/g, '1')}\n`)).toBe(
      `csv header: must name 2 to ${MAX_COLUMNS} columns (it has ${MAX_COLUMNS + 1})`,
    );
    expect(errorOf(`a,b\n${'1,2\n'.repeat(5001)}`)).toBe('csv: has 5001 rows; at most 5000');
  });

  it('takes as many columns as a network allows', () => {
    const names = Array.from({ length: MAX_COLUMNS }, (_, i) => `c${i}`);
    const r = parseCsv(`${names.join(',')}\n${names.map((_, i) => i).join(',')}\n`);
    expect(r.ok && r.table.rows[0]!.length).toBe(MAX_COLUMNS);
  });

  it('never throws on 10,000 generated texts', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 200 }),
          fc
            .array(
              fc.array(fc.oneof(fc.double().map(String), fc.string({ maxLength: 5 })), { maxLength: 6 }),
              { maxLength: 8 },
            )
            .map((rows) => rows.map((r) => r.join(',')).join('\n')),
        ),
        (text) => {
          const r = parseCsv(text);
          if (!r.ok) expect(formatError(r.errors[0]!).length).toBeLessThan(300);
        },
      ),
      { numRuns: 10_000, seed: 21 },
    );
  });
});

describe('tableData', () => {
  it('splits inputs and targets by the chosen columns', () => {
    const r = parseCsv('X1,X2,Y\n90,40,10\n30,50,25\n');
    if (!r.ok) throw new Error('parse');
    expect(tableData(r.table, ['Y'])).toEqual({
      data: {
        inputs: [
          [90, 40],
          [30, 50],
        ],
        targets: [[10], [25]],
        columns: ['X1', 'X2', 'Y'],
      },
      inputs: ['X1', 'X2'],
    });
    expect(tableData(r.table, [])).toEqual({ field: 'targets', message: 'choose 1 to 10 target columns' });
    expect(tableData(r.table, ['X1', 'X2', 'Y'])).toEqual({
      field: 'targets',
      message: 'leave 1 to 16 input columns (0 left)',
    });
  });
});
