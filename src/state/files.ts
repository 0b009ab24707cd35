/** What the app writes to files: the config (JSON) and the loss history (CSV). Pure. */
import { csvFormatRows } from 'd3-dsv';
import { withParams } from '../config/build.ts';
import type { SeriesView } from '../session/series.ts';
import type { LabState } from './types.ts';

/** The config with the current weights and biases, and its data (rows or the data set's recipe). */
export function configFile(state: LabState): string {
  return `${JSON.stringify(withParams(state.config, state.view.net, state.view.params), null, 2)}\n`;
}

/**
 * The loss history as CSV: epoch (fractional while stepping), the data-set loss, and the test-set
 * loss when there is a test set (recorded at the same points).
 */
export function lossCsv(series: SeriesView, test?: SeriesView): string {
  const withTest = test !== undefined && test.length === series.length && test.length > 0;
  const rows: string[][] = [withTest ? ['epoch', 'loss', 'test_loss'] : ['epoch', 'loss']];
  for (let k = 0; k < series.length; k++) {
    const row = [String(series.x(k)), String(series.y(k))];
    if (withTest) row.push(String(test.y(k)));
    rows.push(row);
  }
  return `${csvFormatRows(rows)}\n`;
}
