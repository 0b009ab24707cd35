/**
 * The decision boundary of a 2-input network, ready to paint on a canvas: a colour per cell of the
 * input plane (the network's output there) and the data points on top, in the canvas's pixels.
 */
import { scaleLinear } from 'd3-scale';
import { interpolatePuOr } from 'd3-scale-chromatic';
import type { Network } from '../../core/model/network.ts';
import { boundaryExtent, boundaryGrid, targetRange } from '../../core/inspect/insights.ts';
import type { DataInfo } from '../../session/shapes.ts';

/** The canvas's side in pixels. */
export const BOUNDARY_SIZE = 260;

/** Cells per side of the grid: finer when paused, coarser (cheaper) while training fast. */
export function boundaryCells(fast: boolean): number {
  return fast ? 36 : 72;
}

export interface BoundaryPoint {
  readonly x: number;
  readonly y: number;
  readonly fill: string;
  /** A test row: drawn as a ring. */
  readonly ring: boolean;
}

export interface BoundaryImage {
  readonly cells: number;
  /** A cell's side in pixels. */
  readonly cell: number;
  /** Per cell, row by row from the top left, its colour. */
  readonly fills: readonly string[];
  readonly points: readonly BoundaryPoint[];
  /** The targets' range: the colour's two ends (one output). */
  readonly range: readonly [number, number];
}

const DARK = '#2d004b';
const LIGHT = '#7f3b08';

/**
 * The network over the box around the data (`cells` per side): one output is placed between the two
 * target values, several give the share of the first class. Null unless the network has two inputs.
 */
export function boundaryImage(
  net: Network,
  params: Float64Array,
  data: Pick<DataInfo, 'raw' | 'testIndex' | 'scaling'>,
  cells: number,
  size: number = BOUNDARY_SIZE,
): BoundaryImage | null {
  if (net.sizes[0] !== 2) return null;
  const raw = data.raw;
  const extent = boundaryExtent(raw);
  const range = targetRange(raw);
  const shares = boundaryGrid(net, params, { extent, cells, scaling: data.scaling, range });
  const fills = Array.from(shares, (s) => interpolatePuOr(0.15 + 0.7 * (1 - s)));
  const nOut = net.sizes[net.depth]!;
  const colour = scaleLinear<number>().domain(range).range([0, 1]).clamp(true);
  const test = new Set(data.testIndex);
  const points = Array.from({ length: raw.n }, (_, r): BoundaryPoint => {
    const t = nOut === 1 ? colour(raw.T[r]!) : raw.T[r * nOut]!;
    return {
      x: ((raw.X[2 * r]! - extent.x0) / (extent.x1 - extent.x0)) * size,
      y: ((extent.y1 - raw.X[2 * r + 1]!) / (extent.y1 - extent.y0)) * size,
      fill: t > 0.5 ? DARK : LIGHT,
      ring: test.has(r),
    };
  });
  return { cells, cell: size / cells, fills, points, range };
}
