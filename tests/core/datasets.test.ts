import { describe, expect, it } from 'vitest';
import {
  GENERATED_NAMES,
  TABLE_X1X2Y,
  datasetFromRows,
  generateDataset,
  scaleDataset,
  scalingOf,
  splitDataset,
} from '../../src/core/model/datasets.ts';

describe('generated data sets', () => {
  for (const name of GENERATED_NAMES) {
    it(`${name}: n points in the plane, two balanced classes, in each target encoding`, () => {
      const sign = generateDataset(name, { n: 101, noise: 0.05, seed: 3, targets: 'sign' });
      expect(sign.n).toBe(101);
      expect(sign.X.length).toBe(202);
      expect(sign.X.every((v) => Math.abs(v) <= 1.5)).toBe(true);
      const pos = sign.T.filter((t) => t === 1).length;
      expect(pos).toBe(51);
      expect(sign.T.filter((t) => t === -1).length).toBe(50);
      const bin = generateDataset(name, { n: 101, noise: 0.05, seed: 3, targets: 'binary' });
      expect(Array.from(bin.T)).toEqual(Array.from(sign.T, (t) => (t + 1) / 2));
      const hot = generateDataset(name, { n: 101, noise: 0.05, seed: 3, targets: 'one-hot' });
      expect(hot.nOut).toBe(2);
      expect(hot.T[0]! + hot.T[1]!).toBe(1);
    });
  }

  it('circle: class 1 inside radius 0.5, class 0 on the ring 0.7 … 1 (no noise)', () => {
    const d = generateDataset('circle', { n: 200, noise: 0, seed: 1, targets: 'binary' });
    for (let r = 0; r < d.n; r++) {
      const radius = Math.hypot(d.X[2 * r]!, d.X[2 * r + 1]!);
      if (d.T[r] === 1) expect(radius).toBeLessThanOrEqual(0.5 + 1e-12);
      else expect(radius).toBeGreaterThanOrEqual(0.7 - 1e-12);
    }
  });

  it('xor: class 1 where x·y > 0 (no noise)', () => {
    const d = generateDataset('xor', { n: 200, noise: 0, seed: 1, targets: 'binary' });
    for (let r = 0; r < d.n; r++) expect(d.X[2 * r]! * d.X[2 * r + 1]! > 0 ? 1 : 0).toBe(d.T[r]);
  });
});

describe('train/test split', () => {
  const d = generateDataset('spiral', { n: 200, noise: 0.1, seed: 7, targets: 'one-hot' });
  it('holds out exactly the asked rows, disjoint from the training rows, the same for the same seed', () => {
    const s = splitDataset(d, 40, 7);
    expect(s.test.n).toBe(40);
    expect(s.train.n).toBe(160);
    expect(new Set(s.testIndex).size).toBe(40);
    // every row of the data set is in exactly one part, with its targets
    const key = (X: Float64Array, T: Float64Array, r: number) =>
      `${X[2 * r]},${X[2 * r + 1]},${T[2 * r]},${T[2 * r + 1]}`;
    const all = Array.from({ length: d.n }, (_, r) => key(d.X, d.T, r)).sort();
    const parts = [
      ...Array.from({ length: 160 }, (_, r) => key(s.train.X, s.train.T, r)),
      ...Array.from({ length: 40 }, (_, r) => key(s.test.X, s.test.T, r)),
    ].sort();
    expect(parts).toEqual(all);
    expect(Array.from(splitDataset(d, 40, 7).testIndex)).toEqual(Array.from(s.testIndex));
    expect(Array.from(splitDataset(d, 40, 8).testIndex)).not.toEqual(Array.from(s.testIndex));
    // a random pick, not the first or last rows: both halves of the (ordered) spiral are represented
    expect(s.testIndex.some((r) => r < 100) && s.testIndex.some((r) => r >= 100)).toBe(true);
  });
});

describe('standardisation', () => {
  it('standardises seed 003’s X1 X2 Y table as worked by hand', () => {
    const d = datasetFromRows(TABLE_X1X2Y.inputs, TABLE_X1X2Y.targets);
    const s = scalingOf(d, true);
    // X1 = 90, 30, 20: mean 140/3, deviations 130/3, −50/3, −80/3, population variance 25800/27
    expect(s.inMean[0]).toBeCloseTo(140 / 3, 12);
    expect(s.inSd[0]).toBeCloseTo(Math.sqrt(25800 / 27), 12);
    // X2 = 40, 50, 60: mean 50, sd √(200/3); Y = 10, 25, 36: mean 71/3
    expect(s.inSd[1]).toBeCloseTo(Math.sqrt(200 / 3), 12);
    expect(s.outMean![0]).toBeCloseTo(71 / 3, 12);
    const z = scaleDataset(d, s);
    expect(z.X[0]).toBeCloseTo(130 / 3 / Math.sqrt(25800 / 27), 12);
    expect(z.X[1]).toBeCloseTo(-10 / Math.sqrt(200 / 3), 12);
    for (const col of [
      [z.X[0]!, z.X[2]!, z.X[4]!],
      [z.X[1]!, z.X[3]!, z.X[5]!],
      [z.T[0]!, z.T[1]!, z.T[2]!],
    ]) {
      const mean = (col[0]! + col[1]! + col[2]!) / 3;
      expect(mean).toBeCloseTo(0, 12);
      expect(col.reduce((a, v) => a + v * v, 0) / 3).toBeCloseTo(1, 12);
    }
    // inputs only: the targets stay as they are
    const inputsOnly = scaleDataset(d, scalingOf(d, false));
    expect(Array.from(inputsOnly.T)).toEqual([10, 25, 36]);
  });

  it('only centres a constant column', () => {
    const d = datasetFromRows([[5], [5]], [[1], [2]]);
    const z = scaleDataset(d, scalingOf(d, false));
    expect(Array.from(z.X)).toEqual([0, 0]);
  });
});
