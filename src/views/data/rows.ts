/**
 * The data panel's numbers (pure; tested in Node): the network's prediction for the rows shown, in
 * the table's units; how saturated the hidden neurons are on the data; each input column's range.
 */
import { scaleDataset, selectRows } from '../../core/model/datasets.ts';
import type { Network } from '../../core/model/network.ts';
import { predictRows, saturation } from '../../core/inspect/inspect.ts';
import type { DataInfo } from '../../session/shapes.ts';

export { SATURATED_SLOPE } from '../../core/inspect/inspect.ts';

type Rows = Pick<DataInfo, 'raw' | 'scaling'>;

/**
 * The network's outputs for rows [from, to) of the data as given (nOut numbers per row): the rows are
 * scaled as the network sees them, the outputs scaled back when the targets are standardised.
 */
export function tablePredictions(
  net: Network,
  params: Float64Array,
  data: Rows,
  from: number,
  to: number,
): Float64Array {
  const nOut = data.raw.nOut;
  const idx = Array.from({ length: to - from }, (_, k) => from + k);
  const page = selectRows(data.raw, idx);
  const seen = data.scaling ? scaleDataset(page, data.scaling) : page;
  const out = predictRows(net, params, seen, 0, seen.n);
  const { outMean, outSd } = data.scaling ?? {};
  if (outMean && outSd)
    for (let k = 0; k < out.length; k++) out[k] = out[k]! * outSd[k % nOut]! + outMean[k % nOut]!;
  return out;
}

export interface Saturation {
  /** Per hidden layer, the fraction of (row, neuron) values where f′(z) < SATURATED_SLOPE. */
  readonly perLayer: readonly number[];
  /** The largest |z| of the first hidden layer. */
  readonly maxAbsZ: number;
}

/** How saturated the hidden neurons are on the data as the network sees it (null without a hidden layer). */
export function saturationOf(net: Network, params: Float64Array, data: Rows): Saturation | null {
  if (net.depth < 2) return null;
  const scaled = data.scaling ? scaleDataset(data.raw, data.scaling) : data.raw;
  return saturation(net, params, scaled);
}

export interface ColumnRange {
  readonly name: string;
  readonly lo: number;
  readonly hi: number;
}

/** The smallest and largest value of each input column, as given. */
export function inputRanges(data: Pick<DataInfo, 'raw' | 'columns'>): ColumnRange[] {
  const { raw } = data;
  const nIn = raw.nIn;
  const out: ColumnRange[] = [];
  for (let c = 0; c < nIn; c++) {
    let lo = Infinity;
    let hi = -Infinity;
    for (let r = 0; r < raw.n; r++) {
      const v = raw.X[r * nIn + c]!;
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    out.push({ name: data.columns[c]!, lo, hi });
  }
  return out;
}
