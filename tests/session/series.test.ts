/** The loss series: a million epochs downsample to a few points per pixel column, extremes kept. */
import { describe, expect, it } from 'vitest';
import { LossSeries } from '../../src/session/series.ts';

describe('LossSeries', () => {
  it('downsamples 1,000,000 points to at most 4 per column, keeping each column’s min and max', () => {
    const s = new LossSeries();
    const n = 1_000_000;
    for (let k = 1; k <= n; k++) s.push(k, 1 / k + (k === 654_321 ? 5 : 0) + (k === 123_457 ? -0.5 : 0));
    expect(s.length).toBe(n);
    const pts = s.downsample(0, n, 300);
    expect(pts.length).toBeLessThanOrEqual(4 * 301);
    expect(pts.some((p) => p.x === 654_321 && p.y > 5)).toBe(true); // a spike survives
    expect(pts.some((p) => p.x === 123_457 && p.y < 0)).toBe(true); // and a dip
    expect(pts[0]).toEqual({ x: 1, y: 1 });
    expect(pts[pts.length - 1]!.x).toBe(n);
    for (let k = 1; k < pts.length; k++) expect(pts[k]!.x).toBeGreaterThan(pts[k - 1]!.x);
  });

  it('replaces a point at the same x and drops points past a step back', () => {
    const s = new LossSeries();
    s.push(0, 1);
    s.push(0.5, 0.8);
    s.push(1, 0.6);
    s.truncateAfter(0.5);
    expect(s.length).toBe(2);
    s.push(0.5, 0.7);
    expect([s.length, s.y(1)]).toEqual([2, 0.7]);
    s.push(0.25, 0.9); // going back in time drops what came after
    expect([s.length, s.x(1), s.y(1)]).toEqual([2, 0.25, 0.9]);
  });

  it('hands out views that keep their points and version while the series goes on', () => {
    const s = new LossSeries();
    s.push(0, 1);
    s.push(1, 0.5);
    const v1 = s.view();
    expect(s.view()).toBe(v1); // nothing changed: the same view
    expect([v1.length, v1.x(1), v1.y(1)]).toEqual([2, 1, 0.5]);
    s.truncateAfter(0); // a step back
    s.push(0.5, 0.75); // overwrites the slot v1 still shows
    const v2 = s.view();
    expect(v2).not.toBe(v1);
    expect(v2.version).toBeGreaterThan(v1.version);
    expect([v1.length, v1.x(1), v1.y(1)]).toEqual([2, 1, 0.5]);
    expect([v2.length, v2.x(1), v2.y(1)]).toEqual([2, 0.5, 0.75]);
    s.clear();
    for (let k = 0; k < 3000; k++) s.push(k, k); // past the first allocation
    expect([v2.length, v2.y(1)]).toEqual([2, 0.75]);
    expect(s.view().downsample(0, 3000, 1000)).toHaveLength(3000);
  });
});
