import { describe, expect, it } from 'vitest';
import { GENERATED_NAMES, generateDataset } from '../../src/core/datasets.ts';

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
