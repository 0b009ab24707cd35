/**
 * The loss curve, ready to draw: its scales, paths and points (downsampled to a few points per pixel
 * column, so a million epochs still draw as one short path), and the point under the pointer.
 */
import { scaleLinear, scaleLog } from 'd3-scale';
import type { ScaleContinuousNumeric } from 'd3-scale';
import { line } from 'd3-shape';
import type { SeriesView } from '../../session/series.ts';

/** The loss curve's size and margins. */
export const LOSS_FRAME = {
  width: 720,
  height: 210,
  margin: { top: 12, right: 14, bottom: 30, left: 52 },
} as const;

export interface LossChart {
  readonly x: ScaleContinuousNumeric<number, number>;
  readonly y: ScaleContinuousNumeric<number, number>;
  readonly path: string | null;
  readonly testPath: string | null;
  /** Run B's training loss, when comparing two runs. */
  readonly partnerPath: string | null;
  /** The training loss's points drawn. */
  readonly points: readonly { readonly x: number; readonly y: number }[];
  /** Whether the y axis is logarithmic (asked for, and every loss positive). */
  readonly logUsed: boolean;
  /** Where settings changed live: x in the chart, and what changed. */
  readonly marks: readonly { readonly x: number; readonly label: string }[];
}

export function lossChart(
  series: SeriesView,
  testSeries: SeriesView,
  logScale: boolean,
  changes: readonly { readonly epochs: number; readonly label: string }[] = [],
  partner: SeriesView | null = null,
): LossChart {
  const { width: W, height: H, margin: M } = LOSS_FRAME;
  const columns = (W - M.left - M.right) / 2;
  // the x extent grows in powers of two, so axis and buckets stay put while training
  const lastX = (s: SeriesView | null) => (s?.length ? s.x(s.length - 1) : 0);
  const last = Math.max(lastX(series), lastX(partner)) || 1;
  const xEnd = last <= 10 ? Math.max(1, Math.ceil(last)) : 2 ** Math.ceil(Math.log2(last));
  const points = series.downsample(0, xEnd, columns);
  const testPoints = testSeries.length ? testSeries.downsample(0, xEnd, columns) : [];
  const partnerPoints = partner?.length ? partner.downsample(0, xEnd, columns) : [];
  let lo = Infinity;
  let hi = -Infinity;
  for (const p of [...points, ...testPoints, ...partnerPoints]) {
    if (Number.isFinite(p.y)) {
      lo = Math.min(lo, p.y);
      hi = Math.max(hi, p.y);
    }
  }
  if (!Number.isFinite(lo)) {
    lo = 0;
    hi = 1;
  }
  const x = scaleLinear()
    .domain([0, xEnd])
    .range([M.left, W - M.right])
    .nice();
  const logUsed = logScale && lo > 0;
  const y = logUsed
    ? scaleLog()
        .domain([lo, Math.max(hi, lo * 1.0001)])
        .range([H - M.bottom, M.top])
        .nice()
    : scaleLinear()
        .domain([Math.min(0, lo), hi === lo ? hi + 1 : hi])
        .range([H - M.bottom, M.top])
        .nice();
  const shape = line<{ x: number; y: number }>()
    .defined((p) => Number.isFinite(p.y) && (!logUsed || p.y > 0))
    .x((p) => x(p.x))
    .y((p) => y(p.y));
  return {
    x,
    y,
    path: shape(points),
    testPath: testPoints.length ? shape(testPoints) : null,
    partnerPath: partnerPoints.length ? shape(partnerPoints) : null,
    points,
    logUsed,
    marks: changes.filter((c) => c.epochs <= xEnd).map((c) => ({ x: x(c.epochs), label: c.label })),
  };
}

/** The index of the point of `series` nearest to epoch `x` (null when it is empty). */
export function nearestIndex(series: SeriesView, x: number): number | null {
  if (!series.length) return null;
  // binary search on the increasing x
  let lo = 0;
  let hi = series.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (series.x(mid) < x) lo = mid + 1;
    else hi = mid;
  }
  if (lo > 0 && Math.abs(series.x(lo - 1) - x) < Math.abs(series.x(lo) - x)) lo--;
  return lo;
}

/** Point `k` of the training loss, with the test loss there if there is one (null: no such point). */
export function readout(
  series: SeriesView,
  testSeries: SeriesView,
  k: number | null,
): { x: number; y: number; test: number | null } | null {
  if (k === null || k >= series.length) return null;
  return { x: series.x(k), y: series.y(k), test: k < testSeries.length ? testSeries.y(k) : null };
}
