/**
 * Data sets: rows of inputs and targets in flat Float64Arrays, generated from a seed or given as tables.
 *
 * Generated 2-D sets live in [−1, 1]² and have two classes, encoded by `targets`:
 * `sign` (one output, −1 / +1, for tanh), `binary` (one output, 0 / 1, for sigmoid) or `one-hot`
 * (two outputs, [1, 0] / [0, 1], for softmax).
 */
import { cosSin } from './math.ts';
import { normalFrom, permutation, rngFor, rngFromSeed } from './rng.ts';
import type { Rng } from './rng.ts';

export interface Dataset {
  readonly n: number;
  readonly nIn: number;
  readonly nOut: number;
  /** Row r's inputs are X[r·nIn … r·nIn + nIn). */
  readonly X: Float64Array;
  /** Row r's targets are T[r·nOut … r·nOut + nOut). */
  readonly T: Float64Array;
}

export const GENERATED_NAMES = ['xor', 'circle', 'spiral', 'gaussians'] as const;
export type GeneratedName = (typeof GENERATED_NAMES)[number];
export const TARGET_ENCODINGS = ['sign', 'binary', 'one-hot'] as const;
export type TargetEncoding = (typeof TARGET_ENCODINGS)[number];

export interface GeneratedOptions {
  /** Number of points (2 … 2000). */
  readonly n: number;
  /** Noise level in [0, 1]: standard deviation of Gaussian jitter, as a fraction of the unit. */
  readonly noise: number;
  readonly seed: number;
  readonly targets: TargetEncoding;
}

export function datasetFromRows(
  inputs: readonly (readonly number[])[],
  targets: readonly (readonly number[])[],
): Dataset {
  const n = inputs.length;
  const nIn = inputs[0]?.length ?? 0;
  const nOut = targets[0]?.length ?? 0;
  const X = new Float64Array(n * nIn);
  const T = new Float64Array(n * nOut);
  for (let r = 0; r < n; r++) {
    for (let i = 0; i < nIn; i++) X[r * nIn + i] = inputs[r]![i]!;
    for (let k = 0; k < nOut; k++) T[r * nOut + k] = targets[r]![k]!;
  }
  return { n, nIn, nOut, X, T };
}

export function datasetToRows(d: Dataset): { inputs: number[][]; targets: number[][] } {
  const inputs: number[][] = [];
  const targets: number[][] = [];
  for (let r = 0; r < d.n; r++) {
    inputs.push(Array.from(d.X.subarray(r * d.nIn, (r + 1) * d.nIn)));
    targets.push(Array.from(d.T.subarray(r * d.nOut, (r + 1) * d.nOut)));
  }
  return { inputs, targets };
}

/** The stream of a data set's seed that picks its test rows (distinct from the one that generates it). */
const SPLIT_STREAM = 0x7e57;

/** Rows `rows` of `d`, in that order. */
export function selectRows(d: Dataset, rows: ArrayLike<number>): Dataset {
  const n = rows.length;
  const X = new Float64Array(n * d.nIn);
  const T = new Float64Array(n * d.nOut);
  for (let k = 0; k < n; k++) {
    const r = rows[k]!;
    X.set(d.X.subarray(r * d.nIn, (r + 1) * d.nIn), k * d.nIn);
    T.set(d.T.subarray(r * d.nOut, (r + 1) * d.nOut), k * d.nOut);
  }
  return { n, nIn: d.nIn, nOut: d.nOut, X, T };
}

/**
 * Splits `d` into a training and a test part: `testRows` rows picked by a seeded permutation (the rest
 * keep their order). Returns which rows went to the test part, in ascending order.
 */
export function splitDataset(
  d: Dataset,
  testRows: number,
  seed: number,
): { train: Dataset; test: Dataset; testIndex: Int32Array } {
  const order = new Int32Array(d.n);
  permutation(order, d.n, rngFor(seed, SPLIT_STREAM));
  const testIndex = order.slice(0, testRows).sort();
  const isTest = new Uint8Array(d.n);
  for (const r of testIndex) isTest[r] = 1;
  const trainIndex: number[] = [];
  for (let r = 0; r < d.n; r++) if (!isTest[r]) trainIndex.push(r);
  return { train: selectRows(d, trainIndex), test: selectRows(d, testIndex), testIndex };
}

/**
 * Standardisation: per column, subtract the mean and divide by the standard deviation (population; a
 * constant column is only centred). Targets are scaled only when `outMean`/`outSd` are given.
 */
export interface Scaling {
  readonly inMean: Float64Array;
  readonly inSd: Float64Array;
  readonly outMean: Float64Array | null;
  readonly outSd: Float64Array | null;
}

function columnStats(
  values: Float64Array,
  n: number,
  width: number,
): { mean: Float64Array; sd: Float64Array } {
  const mean = new Float64Array(width);
  const sd = new Float64Array(width);
  for (let c = 0; c < width; c++) {
    let sum = 0;
    for (let r = 0; r < n; r++) sum += values[r * width + c]!;
    const m = sum / n;
    let sq = 0;
    for (let r = 0; r < n; r++) {
      const dv = values[r * width + c]! - m;
      sq += dv * dv;
    }
    const s = Math.sqrt(sq / n);
    mean[c] = m;
    sd[c] = s > 0 ? s : 1;
  }
  return { mean, sd };
}

/** The scaling that standardises `d` (its inputs, and its targets too when `targets`). */
export function scalingOf(d: Dataset, targets: boolean): Scaling {
  const i = columnStats(d.X, d.n, d.nIn);
  const o = targets ? columnStats(d.T, d.n, d.nOut) : null;
  return { inMean: i.mean, inSd: i.sd, outMean: o?.mean ?? null, outSd: o?.sd ?? null };
}

/** `d` with the scaling applied. */
export function scaleDataset(d: Dataset, s: Scaling): Dataset {
  const X = new Float64Array(d.X.length);
  for (let k = 0; k < X.length; k++) {
    const c = k % d.nIn;
    X[k] = (d.X[k]! - s.inMean[c]!) / s.inSd[c]!;
  }
  const T = s.outMean && s.outSd ? new Float64Array(d.T.length) : d.T.slice();
  if (s.outMean && s.outSd) {
    for (let k = 0; k < T.length; k++) {
      const c = k % d.nOut;
      T[k] = (d.T[k]! - s.outMean[c]!) / s.outSd[c]!;
    }
  }
  return { n: d.n, nIn: d.nIn, nOut: d.nOut, X, T };
}

/** A point of a two-class set: label 0 or 1, position x, y. */
type PointMaker = (label: 0 | 1, rng: Rng, normal: Rng) => [number, number];

const MAKERS: Record<Exclude<GeneratedName, 'spiral'>, PointMaker> = {
  // XOR: one point per quadrant pattern, kept 0.05 away from the axes; label 1 where x·y > 0.
  xor: (label, rng) => {
    const sx = rng() < 0.5 ? -1 : 1;
    const sy = label === 1 ? sx : -sx;
    return [sx * (0.05 + 0.95 * rng()), sy * (0.05 + 0.95 * rng())];
  },
  // Circle: label 1 inside radius 0.5, label 0 on the ring 0.7 … 1.0.
  circle: (label, rng) => {
    const radius = label === 1 ? 0.5 * Math.sqrt(rng()) : 0.7 + 0.3 * rng();
    const [c, s] = cosSin(2 * Math.PI * rng());
    return [radius * c, radius * s];
  },
  // Two Gaussian blobs centred at (0.5, 0.5) (label 1) and (−0.5, −0.5) (label 0), sd 0.25.
  gaussians: (label, _rng, normal) => {
    const c = label === 1 ? 0.5 : -0.5;
    return [c + 0.25 * normal(), c + 0.25 * normal()];
  },
};

/** Two interleaved spirals, one and a half turns each, arms half a turn apart. */
function spiralPoint(index: number, perArm: number, label: 0 | 1): [number, number] {
  const t = index / perArm;
  const radius = 0.95 * t;
  const [c, s] = cosSin(3 * Math.PI * t + label * Math.PI);
  return [radius * s, radius * c];
}

export function generateDataset(name: GeneratedName, o: GeneratedOptions): Dataset {
  const rng = rngFromSeed(o.seed);
  const normal = normalFrom(rng, 0, 1);
  const nOut = o.targets === 'one-hot' ? 2 : 1;
  const X = new Float64Array(o.n * 2);
  const T = new Float64Array(o.n * nOut);
  const perArm = Math.ceil(o.n / 2);
  for (let r = 0; r < o.n; r++) {
    const label: 0 | 1 = r % 2 === 0 ? 1 : 0;
    const [x, y] =
      name === 'spiral' ? spiralPoint(Math.floor(r / 2), perArm, label) : MAKERS[name](label, rng, normal);
    X[2 * r] = clamp(x + o.noise * normal());
    X[2 * r + 1] = clamp(y + o.noise * normal());
    if (o.targets === 'one-hot') {
      T[2 * r] = label;
      T[2 * r + 1] = 1 - label;
    } else {
      T[r] = o.targets === 'sign' ? 2 * label - 1 : label;
    }
  }
  return { n: o.n, nIn: 2, nOut, X, T };
}

function clamp(v: number): number {
  return v < -1.5 ? -1.5 : v > 1.5 ? 1.5 : v;
}

/** Seed 003's table: X1 X2 → Y. Raw values, deliberately unscaled (the lesson is that scaling matters). */
export const TABLE_X1X2Y = {
  columns: ['X1', 'X2', 'Y'],
  inputs: [
    [90, 40],
    [30, 50],
    [20, 60],
  ],
  targets: [[10], [25], [36]],
} as const;

/**
 * Seed 001's face/car classifier. The notes only say "input x"; we encode each picture by three
 * hand-scored features in [0, 1] — how round its outline is, how visible wheels are, and how much of
 * it is skin-coloured — and one-hot targets [face, car]. Honest and small: a student can read every
 * number, and the features are what a person would use to tell the two apart.
 */
export const TABLE_FACE_CAR = {
  columns: ['round outline', 'wheels', 'skin tone', 'face', 'car'],
  inputs: [
    [0.9, 0.0, 0.8],
    [0.8, 0.1, 0.6],
    [0.7, 0.0, 0.9],
    [0.3, 1.0, 0.1],
    [0.4, 0.9, 0.2],
    [0.2, 0.8, 0.0],
  ],
  targets: [
    [1, 0],
    [1, 0],
    [1, 0],
    [0, 1],
    [0, 1],
    [0, 1],
  ],
} as const;
