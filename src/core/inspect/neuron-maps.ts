/**
 * Neuron maps: what each hidden and output neuron of a 2-input network computes over the input
 * plane — its activation at every cell of a grid (the decision boundary's box, `boundaryExtent`),
 * one forward pass per cell, into one flat array (no allocation per cell). The diagram draws them
 * beside the neurons, where the hidden layer's features can be seen forming.
 */
import type { Scaling } from '../model/datasets.ts';
import { createWorkspace, forwardAll } from '../model/network.ts';
import type { Network } from '../model/network.ts';
import type { Extent } from './insights.ts';

export interface MapGrid {
  /** The plane shown, in the data's units, and the cells per side. */
  readonly extent: Extent;
  readonly cells: number;
  /** The inputs' standardisation, if the network is fed standardised inputs. */
  readonly scaling: Scaling | null;
}

/** How many maps a network has: one per hidden and output neuron. */
export function mapCount(net: Network): number {
  return net.neuronCount - net.sizes[0]!;
}

/** Map m of the result belongs to neuron j of layer l: m = nOff[l] + j − n₀. */
export function mapIndex(net: Network, l: number, j: number): number {
  return net.nOff[l]! + j - net.sizes[0]!;
}

/**
 * Every hidden and output neuron's activation a over the grid: map m (see `mapIndex`) holds
 * cells × cells values, row by row from the top (largest second input) and left to right, each at
 * its cell's centre. `out` is reused when given (length `mapCount(net) · cells²`). Throws unless the
 * network has two inputs.
 */
export function neuronMaps(net: Network, params: Float64Array, g: MapGrid, out?: Float64Array): Float64Array {
  if (net.sizes[0] !== 2) throw new Error('neuron maps need a network with two inputs');
  const { extent: e, cells: n, scaling } = g;
  const area = n * n;
  const count = mapCount(net);
  const maps = out && out.length === count * area ? out : new Float64Array(count * area);
  const ws = createWorkspace(net);
  const a = ws.a;
  const first = net.sizes[0]!;
  const sx = scaling ? scaling.inSd[0]! : 1;
  const sy = scaling ? scaling.inSd[1]! : 1;
  const mx = scaling ? scaling.inMean[0]! : 0;
  const my = scaling ? scaling.inMean[1]! : 0;
  for (let gy = 0; gy < n; gy++) {
    const yv = e.y1 - ((gy + 0.5) / n) * (e.y1 - e.y0);
    for (let gx = 0; gx < n; gx++) {
      const xv = e.x0 + ((gx + 0.5) / n) * (e.x1 - e.x0);
      a[0] = scaling ? (xv - mx) / sx : xv;
      a[1] = scaling ? (yv - my) / sy : yv;
      forwardAll(net, params, ws);
      const k = gy * n + gx;
      for (let m = 0; m < count; m++) maps[m * area + k] = a[first + m]!;
    }
  }
  return maps;
}
