/** What the app writes to files: the config (JSON) and the loss history (CSV). Pure. */
import { csvFormatRows } from 'd3-dsv';
import { withParams } from '../config/build.ts';
import type { LossSeries } from './series.ts';
import type { LabState } from './store.ts';

/** The config with the current weights and biases, and its data (rows or the data set's recipe). */
export function configFile(state: LabState): string {
  return `${JSON.stringify(withParams(state.config, state.view.net, state.view.params), null, 2)}\n`;
}

/** The loss history as CSV: epoch (fractional while stepping), then the data-set loss. */
export function lossCsv(series: LossSeries): string {
  const rows: string[][] = [['epoch', 'loss']];
  for (let k = 0; k < series.length; k++) rows.push([String(series.x(k)), String(series.y(k))]);
  return `${csvFormatRows(rows)}\n`;
}
