/**
 * The numbers of the insight views, computed from a network's parameters: the loss along one
 * parameter with its tangent and the gradient-descent step (seed 001), the gradient check (central
 * differences beside backpropagation), a neuron's weights and inputs (seed 000), the decision
 * boundary's grid, and the mean gradient size per layer (seed 003). The views only draw them.
 */
import { selectRows } from '../model/datasets.ts';
import type { Dataset, Scaling } from '../model/datasets.ts';
import type { Reduction } from '../model/losses.ts';
import { createWorkspace, forwardSample } from '../model/network.ts';
import type { Network, Workspace } from '../model/network.ts';
import { datasetGradient, datasetLoss } from '../train/train.ts';
import { predictRows } from './inspect.ts';

/** Rows the loss-along-a-weight and gradient-check views evaluate (the first ones, if more). */
export const INSIGHT_ROWS = 500;

/** The first `max` rows of `d` (`d` itself when it has no more). */
export function firstRows(d: Dataset, max = INSIGHT_ROWS): Dataset {
  return d.n > max
    ? selectRows(
        d,
        Array.from({ length: max }, (_, k) => k),
      )
    : d;
}

/** The loss of `rows` (reduced as given) with parameter k set to v, the others as they are. */
export function lossWith(
  net: Network,
  params: Float64Array,
  rows: Dataset,
  k: number,
  v: number,
  reduction: Reduction,
  ws: Workspace = createWorkspace(net),
): number {
  const p = params.slice();
  p[k] = v;
  return datasetLoss(net, p, rows, ws, reduction);
}

/** ∂L/∂θ_k over `rows` by backpropagation. */
export function gradientOf(
  net: Network,
  params: Float64Array,
  rows: Dataset,
  k: number,
  reduction: Reduction,
  ws: Workspace = createWorkspace(net),
): number {
  const g = new Float64Array(net.paramCount);
  datasetGradient(net, params, rows, ws, g, reduction);
  return g[k]!;
}

export interface Point {
  readonly x: number;
  readonly y: number;
}

/** The loss along parameter k: the curve, the tangent at its value, and one gradient-descent step. */
export interface LossAlong {
  /** The parameter's value, the loss there and the slope ∂L/∂θ_k. */
  readonly w: number;
  readonly loss: number;
  readonly slope: number;
  /** The value after one step w − α·slope, and the loss there. */
  readonly next: number;
  readonly nextLoss: number;
  /** The curve over [w − R, w + R] (81 points; a loss may be ±∞ or NaN: leave those out). */
  readonly R: number;
  readonly points: readonly Point[];
  /** The finite range of the curve and of the loss at w. */
  readonly lo: number;
  readonly hi: number;
  /** The tangent's ends, at w ∓ R/2. */
  readonly tangent: readonly [Point, Point];
  /** How many rows the loss is taken over. */
  readonly rows: number;
}

const CURVE_POINTS = 81;

/**
 * The loss of the training rows (the first 500) along parameter k, and the step from it: gradient
 * descent at `learningRate`, or `stepTo` (the optimiser's next value from the data-set slope).
 */
export function lossAlong(
  net: Network,
  params: Float64Array,
  data: Dataset,
  k: number,
  learningRate: number,
  reduction: Reduction,
  stepTo?: (slope: number, w: number) => number,
): LossAlong {
  const rows = firstRows(data);
  const ws = createWorkspace(net);
  const slope = gradientOf(net, params, rows, k, reduction, ws);
  const w = params[k]!;
  const step = stepTo ? w - stepTo(slope, w) : learningRate * slope;
  const R = Math.max(1, Math.abs(w) * 0.75, Math.abs(step) * 3);
  const last = CURVE_POINTS - 1;
  const points = Array.from({ length: CURVE_POINTS }, (_, q) => {
    const x = w - R + (2 * R * q) / last;
    return { x, y: lossWith(net, params, rows, k, x, reduction, ws) };
  });
  const loss = lossWith(net, params, rows, k, w, reduction, ws);
  const next = w - step;
  const nextLoss = lossWith(net, params, rows, k, next, reduction, ws);
  const finite = points.filter((q) => Number.isFinite(q.y)).map((q) => q.y);
  const at = (t: number): Point => ({ x: t, y: loss + slope * (t - w) });
  return {
    w,
    loss,
    slope,
    next,
    nextLoss,
    R,
    points,
    lo: Math.min(...finite, loss),
    hi: Math.max(...finite, loss),
    tangent: [at(w - R / 2), at(w + R / 2)],
    rows: rows.n,
  };
}

/** The gradient check of parameter k: backpropagation beside the central difference (L(w+h) − L(w−h))/2h. */
export interface GradientCheck {
  readonly analytic: number;
  readonly numeric: number;
  readonly h: number;
  /** L(w + h) and L(w − h). */
  readonly up: number;
  readonly down: number;
}

export function gradientCheck(
  net: Network,
  params: Float64Array,
  data: Dataset,
  k: number,
  reduction: Reduction,
): GradientCheck {
  const rows = firstRows(data);
  const ws = createWorkspace(net);
  const analytic = gradientOf(net, params, rows, k, reduction, ws);
  const w = params[k]!;
  const h = 1e-5 * Math.max(1, Math.abs(w));
  const up = lossWith(net, params, rows, k, w + h, reduction, ws);
  const down = lossWith(net, params, rows, k, w - h, reduction, ws);
  return { analytic, numeric: (up - down) / (2 * h), h, up, down };
}

/** Neuron `index` of `layer`: its weights, and the activations it receives on one row (seed 000). */
export interface NeuronInputs {
  readonly layer: number;
  readonly index: number;
  readonly weights: readonly number[];
  readonly inputs: readonly number[];
  /** The row used: the one asked for, or the last row when there are fewer. */
  readonly row: number;
}

export function neuronInputs(
  net: Network,
  params: Float64Array,
  data: Dataset,
  row: number,
  layer: number,
  index: number,
): NeuronInputs {
  const ws = createWorkspace(net);
  const r = Math.min(row, data.n - 1);
  forwardSample(net, params, ws, data, r);
  const nin = net.sizes[layer - 1]!;
  const w0 = net.wOff[layer]! + index * nin;
  const a0 = net.nOff[layer - 1]!;
  return {
    layer,
    index,
    weights: Array.from(params.subarray(w0, w0 + nin)),
    inputs: Array.from(ws.a.subarray(a0, a0 + nin)),
    row: r,
  };
}

/** A rectangle of the input plane. */
export interface Extent {
  readonly x0: number;
  readonly x1: number;
  readonly y0: number;
  readonly y1: number;
}

/** The box around the points of a 2-input data set, 8 % wider on each side (1 for a flat side). */
export function boundaryExtent(raw: Dataset): Extent {
  let x0 = Infinity;
  let x1 = -Infinity;
  let y0 = Infinity;
  let y1 = -Infinity;
  for (let r = 0; r < raw.n; r++) {
    x0 = Math.min(x0, raw.X[2 * r]!);
    x1 = Math.max(x1, raw.X[2 * r]!);
    y0 = Math.min(y0, raw.X[2 * r + 1]!);
    y1 = Math.max(y1, raw.X[2 * r + 1]!);
  }
  const px = (x1 - x0) * 0.08 || 1;
  const py = (y1 - y0) * 0.08 || 1;
  return { x0: x0 - px, x1: x1 + px, y0: y0 - py, y1: y1 + py };
}

/** The smallest and largest target (widened by 1 each way when they are equal). */
export function targetRange(raw: Dataset): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const t of raw.T) {
    lo = Math.min(lo, t);
    hi = Math.max(hi, t);
  }
  return hi > lo ? [lo, hi] : [lo - 1, hi + 1];
}

/** (v − lo)/(hi − lo) clamped to [0, 1]. */
export function share(v: number, [lo, hi]: readonly [number, number]): number {
  const t = (v - lo) / (hi - lo);
  return t < 0 ? 0 : t > 1 ? 1 : t;
}

export interface BoundaryGrid {
  /** The plane shown, in the data's units, and the cells per side. */
  readonly extent: Extent;
  readonly cells: number;
  /** The inputs' standardisation, if the network is fed standardised inputs. */
  readonly scaling: Scaling | null;
  /** The targets' range (one output: its value is placed between them). */
  readonly range: readonly [number, number];
}

/**
 * The network over the plane: for each cell (row by row from the top, left to right), a share in
 * [0, 1] — one output: where it lies between the two target values; several: the share of the first
 * class among the first two.
 */
export function boundaryGrid(net: Network, params: Float64Array, g: BoundaryGrid): Float64Array {
  const { extent: e, cells: n, scaling } = g;
  const nOut = net.sizes[net.depth]!;
  const X = new Float64Array(n * n * 2);
  for (let gy = 0; gy < n; gy++) {
    for (let gx = 0; gx < n; gx++) {
      const k = gy * n + gx;
      let xv = e.x0 + ((gx + 0.5) / n) * (e.x1 - e.x0);
      let yv = e.y1 - ((gy + 0.5) / n) * (e.y1 - e.y0);
      if (scaling) {
        xv = (xv - scaling.inMean[0]!) / scaling.inSd[0]!;
        yv = (yv - scaling.inMean[1]!) / scaling.inSd[1]!;
      }
      X[2 * k] = xv;
      X[2 * k + 1] = yv;
    }
  }
  const pts: Dataset = { n: n * n, nIn: 2, nOut, X, T: new Float64Array(n * n * nOut) };
  const out = predictRows(net, params, pts, 0, pts.n);
  return Float64Array.from({ length: n * n }, (_, k) =>
    nOut === 1 ? share(out[k]!, g.range) : out[k * nOut]! / (out[k * nOut]! + out[k * nOut + 1]! || 1),
  );
}

/**
 * The mean |∂L/∂w| of each layer's weights (biases aside) for the mean loss over `rows`, layer 1
 * first: how much gradient reaches each layer (vanishing gradients). `ws` and `g` are scratch.
 */
export function meanWeightGradients(
  net: Network,
  params: Float64Array,
  rows: Dataset,
  ws: Workspace,
  g: Float64Array,
): number[] {
  datasetGradient(net, params, rows, ws, g);
  const sizes: number[] = [];
  for (let l = 1; l <= net.depth; l++) {
    const from = net.wOff[l]!;
    const to = net.bOff[l]!;
    let sum = 0;
    for (let k = from; k < to; k++) sum += Math.abs(g[k]!);
    sizes.push(sum / (to - from));
  }
  return sizes;
}
