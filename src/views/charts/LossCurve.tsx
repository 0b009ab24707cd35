/**
 * The data-set loss over training: per epoch, and per update while stepping. D3 computes the scales,
 * ticks and the path; React renders them. Downsampled to a few points per pixel column, so a million
 * epochs still draw as one short path.
 */
import { useMemo, useRef, useState } from 'react';
import { scaleLinear, scaleLog } from 'd3-scale';
import { line } from 'd3-shape';
import { fmt } from '../../tex/format.ts';
import { ChartAxes } from './ChartAxes.tsx';
import { ExportButtons } from '../widgets/ExportButtons.tsx';
import { useLab } from '../app/store-context.tsx';

const W = 720;
const H = 210;
const M = { top: 12, right: 14, bottom: 30, left: 52 };

export function LossCurve() {
  // redrawn at display refreshes (every CADENCE.displayMs while training fast)
  const view = useLab((s) => s.display);
  const curves = useLab((s) => s.curves);
  const series = curves.loss;
  const testSeries = curves.test;
  const logScale = useLab((s) => s.logScale);
  const setLogScale = useLab((s) => s.actions.setLogScale);
  const [hover, setHover] = useState<number | null>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const n = series.length;
  // a series is a new object whenever its points changed: recompute then
  const chart = useMemo(() => {
    // the x extent grows in powers of two, so axis and buckets stay put while training
    const last = series.length ? series.x(series.length - 1) : 1;
    const xEnd = last <= 10 ? Math.max(1, Math.ceil(last)) : 2 ** Math.ceil(Math.log2(last));
    const points = series.downsample(0, xEnd, (W - M.left - M.right) / 2);
    const testPoints = testSeries.length ? testSeries.downsample(0, xEnd, (W - M.left - M.right) / 2) : [];
    let lo = Infinity;
    let hi = -Infinity;
    for (const p of [...points, ...testPoints]) {
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
    const positive = lo > 0;
    const y =
      logScale && positive
        ? scaleLog()
            .domain([lo, Math.max(hi, lo * 1.0001)])
            .range([H - M.bottom, M.top])
            .nice()
        : scaleLinear()
            .domain([Math.min(0, lo), hi === lo ? hi + 1 : hi])
            .range([H - M.bottom, M.top])
            .nice();
    const shape = line<{ x: number; y: number }>()
      .defined((p) => Number.isFinite(p.y) && (!logScale || !positive || p.y > 0))
      .x((p) => x(p.x))
      .y((p) => y(p.y));
    return {
      x,
      y,
      path: shape(points),
      testPath: testPoints.length ? shape(testPoints) : null,
      points,
      logUsed: logScale && positive,
    };
  }, [series, testSeries, logScale]);

  const onMove = (e: React.PointerEvent<SVGRectElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    const px = ((e.clientX - rect.left) / rect.width) * (W - M.left - M.right) + M.left;
    const xv = chart.x.invert(px);
    // nearest point of the full series (binary search on the increasing x)
    let lo = 0;
    let hi = series.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (series.x(mid) < xv) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0 && Math.abs(series.x(lo - 1) - xv) < Math.abs(series.x(lo) - xv)) lo--;
    setHover(series.length ? lo : null);
  };
  const h =
    hover !== null && hover < series.length
      ? {
          x: series.x(hover),
          y: series.y(hover),
          test: hover < testSeries.length ? testSeries.y(hover) : null,
        }
      : null;
  const hasTest = testSeries.length > 0;

  return (
    <section className="panel loss-curve" aria-label="Loss curve">
      <header>
        <h2 data-testid="loss-title">
          {view.reduction === 'sum' ? 'Total loss E = Σₛ Lₛ' : 'Mean loss'}
          {hasTest ? ': training set and test set' : ' of the data set'}
        </h2>
        {hasTest && (
          <span className="curve-key" data-testid="test-loss" data-value={view.testLoss}>
            <span className="key-line train" /> training {fmt(view.datasetLoss)}{' '}
            <span className="key-line test" /> test {fmt(view.testLoss)}
          </span>
        )}
        <label className="toggle">
          <input
            type="checkbox"
            data-testid="log-scale"
            checked={logScale}
            onChange={(e) => setLogScale(e.target.checked)}
          />{' '}
          log scale
        </label>
      </header>
      <svg
        ref={svgRef}
        viewBox={`0 0 ${W} ${H}`}
        data-testid="loss-curve"
        data-points={n}
        role="img"
        aria-label={`${view.reduction === 'sum' ? 'Total loss' : 'Mean loss'} over ${fmt(series.length ? series.x(series.length - 1) : 0)} epochs; now ${fmt(view.datasetLoss)}`}
      >
        <ChartAxes
          x={chart.x}
          y={chart.y}
          width={W}
          height={H}
          margin={M}
          yTicks={chart.logUsed ? 3 : 4}
          xTitle="epochs"
          format={fmt}
        />
        {chart.testPath && <path className="line test" d={chart.testPath} data-testid="test-curve" />}
        {chart.path && <path className="line" d={chart.path} />}
        {chart.points.length <= 60 &&
          chart.points.map((p, k) =>
            Number.isFinite(p.y) ? (
              <circle key={k} className="dot" cx={chart.x(p.x)} cy={chart.y(p.y)} r={2.5} />
            ) : null,
          )}
        {h && (
          <g className="readout" transform={`translate(${chart.x(h.x)},${chart.y(h.y)})`}>
            <circle r={4} />
            <text
              x={h.x > chart.x.domain()[1]! / 2 ? -8 : 8}
              y={-8}
              textAnchor={h.x > chart.x.domain()[1]! / 2 ? 'end' : 'start'}
              data-testid="loss-readout"
            >
              {`epoch ${fmt(h.x)}: ${fmt(h.y)}${h.test !== null ? ` (test ${fmt(h.test)})` : ''}`}
            </text>
          </g>
        )}
        <rect
          className="hover-area"
          x={M.left}
          y={M.top}
          width={W - M.left - M.right}
          height={H - M.top - M.bottom}
          onPointerMove={onMove}
          onPointerLeave={() => setHover(null)}
        />
      </svg>
      <ExportButtons target={svgRef} name="loss" label="the loss curve" />
    </section>
  );
}
