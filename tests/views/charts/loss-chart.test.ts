/** The loss curve's numbers (src/views/charts/loss-chart.ts) from hand-made series. */
import { describe, expect, it } from 'vitest';
import { LossSeries } from '../../../src/session/series.ts';
import { lossChart, nearestIndex, readout } from '../../../src/views/charts/loss-chart.ts';

function series(points: [number, number][]) {
  const s = new LossSeries();
  for (const [x, y] of points) s.push(x, y);
  return s.view();
}

const loss = series([
  [1, 4],
  [2, 2],
  [3, 1],
]);
const none = series([]);

describe('the loss curve', () => {
  it('comparing, spans both runs and draws run B on the same scales', () => {
    const b = series([
      [2, 8],
      [4, 6],
    ]);
    const c = lossChart(loss, none, false, [], b);
    expect(c.x.domain()).toEqual([0, 4]);
    expect(c.y.domain()).toEqual([0, 8]);
    // x: 52 + 654·x/4; y: 180 − 168·y/8
    expect(c.partnerPath).toBe(`M${52 + 654 / 2},12L706,54`);
    expect(lossChart(loss, none, false).partnerPath).toBeNull();
  });

  it('spans 0 … the last epoch and 0 … the largest loss (linear), in the 720 × 210 frame', () => {
    const c = lossChart(loss, none, false);
    expect(c.x.domain()).toEqual([0, 3]);
    expect(c.x.range()).toEqual([52, 706]);
    expect(c.y.domain()).toEqual([0, 4]);
    expect(c.y.range()).toEqual([180, 12]);
    expect(c.logUsed).toBe(false);
    expect(c.points).toEqual([
      { x: 1, y: 4 },
      { x: 2, y: 2 },
      { x: 3, y: 1 },
    ]);
    expect(c.path).toBe(`M${52 + 654 / 3},12L${52 + 1308 / 3},96L706,138`);
    expect(c.testPath).toBeNull();
  });

  it('on a log scale spans the decades of the losses, unless a loss is 0', () => {
    const c = lossChart(loss, none, true);
    expect(c.y.domain()).toEqual([1, 10]);
    expect(c.logUsed).toBe(true);
    const zero = lossChart(
      series([
        [1, 1],
        [2, 0],
      ]),
      none,
      true,
    );
    expect(zero.logUsed).toBe(false);
    expect(zero.y.domain()).toEqual([0, 1]);
  });

  it('grows the x axis in powers of two past 10 epochs, and draws the test curve beside', () => {
    const long = series([
      [1, 2],
      [100, 1],
    ]);
    const test = series([
      [1, 3],
      [100, 2],
    ]);
    const c = lossChart(long, test, false);
    expect(c.x.domain()).toEqual([0, 130]);
    expect(c.y.domain()).toEqual([0, 3]);
    expect(c.testPath).toMatch(/^M/);
  });

  it('finds the nearest point to a pointer, and reads it with the test loss', () => {
    expect(nearestIndex(loss, 2.4)).toBe(1);
    expect(nearestIndex(loss, 2.6)).toBe(2);
    expect(nearestIndex(loss, 2.5)).toBe(2);
    expect(nearestIndex(loss, -5)).toBe(0);
    expect(nearestIndex(loss, 99)).toBe(2);
    expect(nearestIndex(none, 1)).toBeNull();
    expect(readout(loss, none, 1)).toEqual({ x: 2, y: 2, test: null });
    expect(readout(loss, series([[1, 5]]), 0)).toEqual({ x: 1, y: 4, test: 5 });
    expect(readout(loss, none, null)).toBeNull();
    expect(readout(loss, none, 3)).toBeNull();
  });
});
