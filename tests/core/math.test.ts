/** The deterministic math functions against the engine's libm (an independent implementation). */
import { describe, expect, it } from 'vitest';
import { cosSin, exp, log, sigmoid, softplus, tanh } from '../../src/core/model/math.ts';

function ulps(a: number, b: number): number {
  if (a === b) return 0;
  const f = new Float64Array([a, b]);
  const i = new BigInt64Array(f.buffer);
  const d = i[0]! - i[1]!;
  return Number(d < 0n ? -d : d);
}

/** Reproducible inputs spread over several orders of magnitude. */
function* inputs(n: number, range: number) {
  let s = 12345;
  for (let k = 0; k < n; k++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const u = s / 2 ** 32 - 0.5;
    yield u * 2 * range * 10 ** -(k % 6);
  }
}

describe('deterministic math', () => {
  it('exp is within 1 ulp of Math.exp over (−745, 709)', () => {
    let worst = 0;
    for (const x of inputs(200_000, 700)) worst = Math.max(worst, ulps(exp(x), Math.exp(x)));
    expect(worst).toBeLessThanOrEqual(1);
  });

  it('tanh is within 2 ulp of Math.tanh', () => {
    let worst = 0;
    for (const x of inputs(200_000, 30)) worst = Math.max(worst, ulps(tanh(x), Math.tanh(x)));
    expect(worst).toBeLessThanOrEqual(2);
  });

  it('log is within 1 ulp of Math.log, subnormals included', () => {
    let worst = 0;
    for (const x of inputs(200_000, 700)) {
      const v = Math.exp(x);
      if (v > 0 && Number.isFinite(v)) worst = Math.max(worst, ulps(log(v), Math.log(v)));
    }
    expect(worst).toBeLessThanOrEqual(1);
    expect(log(5e-324)).toBeCloseTo(Math.log(5e-324), 12);
  });

  it('handles the special values', () => {
    expect(exp(1000)).toBe(Infinity);
    expect(exp(-1000)).toBe(0);
    expect(exp(NaN)).toBeNaN();
    expect(tanh(Infinity)).toBe(1);
    expect(tanh(-Infinity)).toBe(-1);
    expect(tanh(NaN)).toBeNaN();
    expect(Object.is(tanh(-0), -0)).toBe(true);
    expect(log(0)).toBe(-Infinity);
    expect(log(-1)).toBeNaN();
    expect(log(Infinity)).toBe(Infinity);
    expect(sigmoid(-800)).toBe(0);
    expect(sigmoid(800)).toBe(1);
    expect(softplus(800)).toBe(800);
    expect(softplus(-800)).toBe(0);
  });

  it('cosSin matches Math.cos and Math.sin to 1e-15 over several turns', () => {
    for (const x of inputs(20_000, 20)) {
      const [c, s] = cosSin(x);
      expect(Math.abs(c - Math.cos(x))).toBeLessThan(1e-15);
      expect(Math.abs(s - Math.sin(x))).toBeLessThan(1e-15);
    }
  });
});
