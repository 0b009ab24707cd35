/**
 * The data: the rows as given, editable (cells, rows, columns and their names), with the network's
 * current prediction per row; standardisation and what it changes; the options and the test split of
 * a generated set; and the CSV import. Every edit goes through the same validation as a file.
 */
import { useMemo, useState } from 'react';
import {
  addColumn,
  addRow,
  named,
  removeColumn,
  removeRow,
  renameColumn,
  setCell,
} from '../../config/data-edits.ts';
import type { NamedRows } from '../../config/data-edits.ts';
import { tableOf } from '../../config/edits.ts';
import type { Config } from '../../config/schema.ts';
import { CAPS } from '../../config/fields.ts';
import { columnNameProblem, testRowCount } from '../../config/validate-data.ts';
import { fmt } from '../../tex/format.ts';
import { DataImport } from './DataImport.tsx';
import { GeneratedOptions, Scaling } from './DataOptions.tsx';
import { tablePredictions } from './rows.ts';
import { NumberField } from '../widgets/NumberField.tsx';
import { useLab, useSlowDisplay } from '../app/store-context.tsx';

const PAGE = 12;

function NameField({
  value,
  onApply,
  testId,
}: {
  value: string;
  onApply: (v: string) => void;
  testId: string;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  const apply = () => {
    if (draft !== null && draft !== value) onApply(draft.trim());
    setDraft(null);
  };
  return (
    <input
      className="col-name"
      data-testid={testId}
      aria-label={`name of column ${value}`}
      maxLength={CAPS.maxColumnName}
      value={draft ?? value}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={apply}
      onKeyDown={(e) => {
        if (e.key === 'Enter') apply();
        if (e.key === 'Escape') setDraft(null);
      }}
    />
  );
}

/** Whether the rows can be edited in place (a generated set first becomes a table). */
function editable(config: Config): boolean {
  return !config.dataset || !('n' in config.dataset);
}

export function DataTable() {
  const config = useLab((s) => s.config);
  const data = useLab((s) => s.data);
  const view = useSlowDisplay();
  const trainOn = useLab((s) => s.actions.trainOn);
  const [page, setPage] = useState(0);
  const [errors, setErrors] = useState<string[]>([]);
  const canEdit = editable(config);
  const nIn = config.layers[0]!;
  const nOut = config.layers[config.layers.length - 1]!;
  const rows = data.raw.n;
  const pages = Math.ceil(rows / PAGE);
  const p = Math.min(page, pages - 1);
  const from = p * PAGE;
  const to = Math.min(rows, from + PAGE);
  const testRows = new Set(data.testIndex);
  const current = (): NamedRows => named(tableOf(config), data.columns);
  const commit = (next: NamedRows | string) => {
    if (typeof next === 'string') {
      setErrors([next]);
      return;
    }
    setErrors(trainOn(next));
  };

  // The network's outputs for the rows shown, in the table's units (`view.params` is the same array
  // until the weights change).
  const predictions = useMemo(
    () => tablePredictions(view.net, view.params, data, from, to),
    [view.net, view.params, data, from, to],
  );

  const spec = config.dataset;
  const held = spec && 'n' in spec ? testRowCount(spec.n, spec.test) : 0;
  const value = (r: number, c: number) =>
    c < nIn ? data.raw.X[r * nIn + c]! : data.raw.T[r * nOut + (c - nIn)]!;

  return (
    <section className="panel data-panel" aria-label="Data" data-testid="data-panel">
      <header>
        <h2>Data</h2>
        <span className="muted" data-testid="data-summary">
          {rows} row{rows === 1 ? '' : 's'} · {nIn} input{nIn === 1 ? '' : 's'} · {nOut} target
          {nOut === 1 ? '' : 's'}
          {held > 0 ? ` · ${held} held out to test, ${rows - held} trained on` : ''}
        </span>
      </header>
      <Scaling />
      <GeneratedOptions onErrors={setErrors} />
      <div className="table-scroll">
        <table className="data-table" data-testid="data-table">
          <thead>
            <tr>
              <th scope="col">#</th>
              {data.columns.map((name, c) => (
                <th key={c} scope="col" className={c < nIn ? 'input-col' : 'target-col'}>
                  {canEdit ? (
                    <span className="col-head">
                      <NameField
                        testId={`col-name-${c}`}
                        value={name}
                        onApply={(v) => {
                          const problem = columnNameProblem(v);
                          if (problem) setErrors([`data.columns[${c}]: ${problem}`]);
                          else commit(renameColumn(current(), c, v));
                        }}
                      />
                      <button
                        type="button"
                        className="icon"
                        data-testid={`col-remove-${c}`}
                        aria-label={`remove column ${name}`}
                        onClick={() => commit(removeColumn(current(), c))}
                      >
                        ×
                      </button>
                    </span>
                  ) : (
                    name
                  )}
                  <small>{c < nIn ? 'input' : 'target'}</small>
                </th>
              ))}
              <th scope="col" className="pred-col" title="the network's output for the row, now">
                prediction
              </th>
              {canEdit && <th scope="col" aria-label="remove row" />}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: to - from }, (_, k) => {
              const r = from + k;
              return (
                <tr key={r} className={testRows.has(r) ? 'test-row' : undefined} data-testid={`row-${r}`}>
                  <th scope="row">
                    {r + 1}
                    {testRows.has(r) && <small className="tag">test</small>}
                  </th>
                  {data.columns.map((_, c) => (
                    <td key={c}>
                      {canEdit ? (
                        <NumberField
                          testId={`cell-${r}-${c}`}
                          label={`row ${r + 1}, ${data.columns[c]}`}
                          value={value(r, c)}
                          onApply={(v) => {
                            if (!Number.isFinite(v) || Math.abs(v) > CAPS.maxAbsValue) {
                              setErrors([
                                `row ${r + 1}, column "${data.columns[c]}": must be a number between −${CAPS.maxAbsValue} and ${CAPS.maxAbsValue}`,
                              ]);
                            } else commit(setCell(current(), r, c, v));
                          }}
                        />
                      ) : (
                        fmt(value(r, c))
                      )}
                    </td>
                  ))}
                  <td className="pred" data-testid={`pred-${r}`} data-value={predictions[k * nOut]}>
                    {Array.from({ length: nOut }, (_, o) => fmt(predictions[k * nOut + o]!)).join(', ')}
                  </td>
                  {canEdit && (
                    <td>
                      <button
                        type="button"
                        className="icon"
                        data-testid={`row-remove-${r}`}
                        aria-label={`remove row ${r + 1}`}
                        disabled={rows <= 1}
                        onClick={() => commit(removeRow(current(), r))}
                      >
                        ×
                      </button>
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="row">
        {pages > 1 && (
          <span className="pager">
            <button
              type="button"
              aria-label="previous rows"
              disabled={p === 0}
              onClick={() => setPage(p - 1)}
            >
              ‹
            </button>{' '}
            rows {from + 1}–{to} of {rows}{' '}
            <button
              type="button"
              aria-label="next rows"
              disabled={p >= pages - 1}
              onClick={() => setPage(p + 1)}
            >
              ›
            </button>
          </span>
        )}
        {canEdit ? (
          <>
            <button type="button" data-testid="add-row" onClick={() => commit(addRow(current()))}>
              + row
            </button>
            <button
              type="button"
              data-testid="add-input-col"
              onClick={() => commit(addColumn(current(), 'input'))}
            >
              + input column
            </button>
            <button
              type="button"
              data-testid="add-target-col"
              onClick={() => commit(addColumn(current(), 'target'))}
            >
              + target column
            </button>
          </>
        ) : (
          <button
            type="button"
            data-testid="edit-table"
            title="Turn the generated points into a table you can edit (the test split no longer applies)"
            onClick={() => commit(current())}
          >
            Edit as a table
          </button>
        )}
      </div>
      {errors.length > 0 && (
        <p className="field-error" role="alert" data-testid="data-error">
          {errors.join('; ')}
        </p>
      )}
      <DataImport />
    </section>
  );
}
