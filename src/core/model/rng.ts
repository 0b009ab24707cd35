/**
 * Seeded randomness. Every random number in Backprop Lab comes from d3-random's linear congruential
 * generator, never from Math.random, so a seed reproduces a run bit for bit in any JavaScript engine.
 */
import { randomLcg } from 'd3-random';
import { log } from './math.ts';

export type Rng = () => number;

export const MAX_SEED = 0xffffffff;

/** A generator of uniform numbers in [0, 1) from an integer seed. */
export function rngFromSeed(seed: number): Rng {
  return randomLcg(mix(seed >>> 0, 0x9e3779b9));
}

/** A generator for one stream derived from a seed (e.g. the shuffle of one epoch). */
export function rngFor(seed: number, stream: number): Rng {
  return randomLcg(mix(seed >>> 0, stream >>> 0));
}

/**
 * Normal numbers N(mean, sd) drawn from `rng` by Marsaglia's polar method (as d3-random's
 * randomNormal, but with our `log` so every engine draws the same numbers).
 */
export function normalFrom(rng: Rng, mean: number, sd: number): Rng {
  let spare = NaN;
  return () => {
    if (spare === spare) {
      const v = spare;
      spare = NaN;
      return mean + sd * v;
    }
    let x: number;
    let y: number;
    let r: number;
    do {
      x = rng() * 2 - 1;
      y = rng() * 2 - 1;
      r = x * x + y * y;
    } while (r === 0 || r > 1);
    const f = Math.sqrt((-2 * log(r)) / r);
    spare = y * f;
    return mean + sd * x * f;
  };
}

/** Mixes two 32-bit integers into a 31-bit positive seed (murmur3's finaliser). */
function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x85ebca6b, 0xcc9e2d51) ^ b;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 1 || 1;
}

/** Fisher–Yates shuffle of 0…n−1 into `out`, driven by `rng`. */
export function permutation(out: Int32Array, n: number, rng: Rng): void {
  for (let i = 0; i < n; i++) out[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const k = Math.floor(rng() * (i + 1));
    const tmp = out[i]!;
    out[i] = out[k]!;
    out[k] = tmp;
  }
}
