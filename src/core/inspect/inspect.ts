/**
 * Read-only questions about a network on a data set, for the data table and the insight views:
 * the outputs for given rows, and how saturated the hidden neurons are.
 */
import { ACT, activationDerivative } from '../model/activations.ts';
import type { Dataset } from '../model/datasets.ts';
import { createWorkspace, forwardSample } from '../model/network.ts';
import type { Network } from '../model/network.ts';

/** The network's outputs for rows [from, to) of `data` (nOut numbers per row, row by row). */
export function predictRows(
  net: Network,
  params: Float64Array,
  data: Dataset,
  from: number,
  to: number,
): Float64Array {
  const ws = createWorkspace(net);
  const nOut = net.sizes[net.depth]!;
  const outOff = net.nOff[net.depth]!;
  const out = new Float64Array(Math.max(0, to - from) * nOut);
  for (let r = from; r < to; r++) {
    forwardSample(net, params, ws, data, r);
    for (let k = 0; k < nOut; k++) out[(r - from) * nOut + k] = ws.a[outOff + k]!;
  }
  return out;
}

/** Below this slope f′(z) a neuron passes almost no gradient back: it is saturated. */
export const SATURATED_SLOPE = 0.01;

/**
 * Per hidden layer, the fraction of (row, neuron) pairs whose activation slope f′(z) is below
 * SATURATED_SLOPE over the first `maxRows` rows; and the largest |z| of the first hidden layer.
 * Sigmoid and tanh saturate for large |z|; ReLU neurons count when they are off (z < 0).
 */
export function saturation(
  net: Network,
  params: Float64Array,
  data: Dataset,
  maxRows = 500,
): { perLayer: number[]; maxAbsZ: number } {
  const ws = createWorkspace(net);
  const rows = Math.min(data.n, maxRows);
  const counts = new Array<number>(Math.max(0, net.depth - 1)).fill(0);
  let maxAbsZ = 0;
  for (let r = 0; r < rows; r++) {
    forwardSample(net, params, ws, data, r);
    for (let l = 1; l < net.depth; l++) {
      const code = net.actCodes[l - 1]!;
      for (let j = 0; j < net.sizes[l]!; j++) {
        const idx = net.nOff[l]! + j;
        const z = ws.z[idx]!;
        if (l === 1 && Math.abs(z) > maxAbsZ) maxAbsZ = Math.abs(z);
        if (code !== ACT.softmax && Math.abs(activationDerivative(code, z, ws.a[idx]!)) < SATURATED_SLOPE)
          counts[l - 1]!++;
      }
    }
  }
  return {
    perLayer: counts.map((c, k) => (rows ? c / (rows * net.sizes[k + 1]!) : 0)),
    maxAbsZ,
  };
}
