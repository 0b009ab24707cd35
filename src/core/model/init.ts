/**
 * Parameter initialisation: explicit values, or seeded schemes.
 *
 * - `uniform`: every weight and bias from U(−0.5, 0.5).
 * - `xavier`: weights from U(−r, r) with r = √(6 / (fan_in + fan_out)) (Glorot & Bengio 2010); biases 0.
 * - `he`: weights from N(0, √(2 / fan_in)) (He et al. 2015); biases 0.
 */
import type { Network } from './network.ts';
import { normalFrom, rngFromSeed } from './rng.ts';

export const INIT_NAMES = ['uniform', 'xavier', 'he'] as const;
export type InitName = (typeof INIT_NAMES)[number];

export function initParams(net: Network, scheme: InitName, seed: number): Float64Array {
  const p = new Float64Array(net.paramCount);
  const rng = rngFromSeed(seed);
  for (let l = 1; l <= net.depth; l++) {
    const nin = net.sizes[l - 1]!;
    const nout = net.sizes[l]!;
    const w0 = net.wOff[l]!;
    const b0 = net.bOff[l]!;
    if (scheme === 'uniform') {
      for (let k = 0; k < nin * nout; k++) p[w0 + k] = rng() - 0.5;
      for (let j = 0; j < nout; j++) p[b0 + j] = rng() - 0.5;
    } else if (scheme === 'xavier') {
      const r = Math.sqrt(6 / (nin + nout));
      for (let k = 0; k < nin * nout; k++) p[w0 + k] = (2 * rng() - 1) * r;
    } else {
      const normal = normalFrom(rng, 0, Math.sqrt(2 / nin));
      for (let k = 0; k < nin * nout; k++) p[w0 + k] = normal();
    }
  }
  return p;
}

/** Packs nested weights[l][j][i] and biases[l][j] (l from 0 = first hidden layer) into a flat array. */
export function packParams(
  net: Network,
  weights: readonly (readonly (readonly number[])[])[],
  biases: readonly (readonly number[])[],
): Float64Array {
  const p = new Float64Array(net.paramCount);
  for (let l = 1; l <= net.depth; l++) {
    const nin = net.sizes[l - 1]!;
    const nout = net.sizes[l]!;
    for (let j = 0; j < nout; j++) {
      for (let i = 0; i < nin; i++) p[net.wOff[l]! + j * nin + i] = weights[l - 1]![j]![i]!;
      p[net.bOff[l]! + j] = biases[l - 1]![j]!;
    }
  }
  return p;
}

/** The inverse of `packParams`. */
export function unpackParams(net: Network, p: Float64Array): { weights: number[][][]; biases: number[][] } {
  const weights: number[][][] = [];
  const biases: number[][] = [];
  for (let l = 1; l <= net.depth; l++) {
    const nin = net.sizes[l - 1]!;
    const nout = net.sizes[l]!;
    const wl: number[][] = [];
    const bl: number[] = [];
    for (let j = 0; j < nout; j++) {
      const row: number[] = [];
      for (let i = 0; i < nin; i++) row.push(p[net.wOff[l]! + j * nin + i]!);
      wl.push(row);
      bl.push(p[net.bOff[l]! + j]!);
    }
    weights.push(wl);
    biases.push(bl);
  }
  return { weights, biases };
}
