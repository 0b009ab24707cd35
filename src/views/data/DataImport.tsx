/**
 * Your own data: paste or upload a CSV with a header row, choose the target columns, train on it.
 * Names and cells are shown as text only; every problem names its row and column.
 */
import { useState } from 'react';
import { MAX_CSV_CHARS, parseCsv, tableData } from '../../config/csv.ts';
import type { Table } from '../../config/csv.ts';
import { formatError } from '../../config/schema.ts';
import { useLab } from '../app/store-context.tsx';

export function DataImport() {
  const trainOn = useLab((s) => s.actions.trainOn);
  const [text, setText] = useState('');
  const [table, setTable] = useState<Table | null>(null);
  const [targets, setTargets] = useState<string[]>([]);
  const [errors, setErrors] = useState<string[]>([]);

  const read = (csv: string) => {
    const r = parseCsv(csv);
    if (!r.ok) {
      setTable(null);
      setErrors(r.errors.map(formatError));
      return;
    }
    setTable(r.table);
    setTargets([r.table.columns[r.table.columns.length - 1]!]);
    setErrors([]);
  };
  const apply = () => {
    if (!table) return;
    const split = tableData(table, targets);
    if ('field' in split) {
      setErrors([formatError(split)]);
      return;
    }
    const problems = trainOn(split.data);
    setErrors(problems);
    if (!problems.length) setTable(null);
  };

  return (
    <details className="data-import" data-testid="data-import">
      <summary>Your own data (CSV)</summary>
      <textarea
        aria-label="CSV text with a header row"
        data-testid="csv-text"
        rows={4}
        placeholder={'X1,X2,Y\n90,40,10\n30,50,25'}
        value={text}
        onChange={(e) => setText(e.target.value)}
        maxLength={MAX_CSV_CHARS}
      />
      <div className="row">
        <button type="button" data-testid="csv-read" onClick={() => read(text)}>
          Read
        </button>
        <label className="upload">
          or upload{' '}
          <input
            type="file"
            accept=".csv,text/csv"
            data-testid="csv-file"
            onChange={async (e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (!file) return;
              if (file.size > MAX_CSV_CHARS * 4) {
                setErrors([`csv: is too large (${file.size} bytes)`]);
                return;
              }
              const content = await file.text();
              setText(content.length > 20_000 ? `${content.slice(0, 20_000)}…` : content);
              read(content);
            }}
          />
        </label>
      </div>
      {table && (
        <div className="columns" data-testid="csv-columns">
          <span>{table.rows.length} rows. Targets:</span>
          {table.columns.map((c) => (
            <label key={c}>
              <input
                type="checkbox"
                checked={targets.includes(c)}
                onChange={(e) =>
                  setTargets(e.target.checked ? [...targets, c] : targets.filter((t) => t !== c))
                }
              />{' '}
              {c}
            </label>
          ))}
          <button type="button" data-testid="csv-use" onClick={apply}>
            Train on this data
          </button>
        </div>
      )}
      {errors.length > 0 && (
        <p className="field-error" role="alert" data-testid="csv-error">
          {errors.join('; ')}
        </p>
      )}
    </details>
  );
}
