/**
 * The data-set loss over training: per epoch, and per update while stepping. The scales, paths and
 * the point under the pointer come from `loss-chart.ts`; React renders them.
 */
import { useMemo, useRef, useState } from 'react';
import { changeLabel } from '../../config/changes.ts';
import { fmt } from '../../tex/format.ts';
import { LossSeries } from '../../session/series.ts';
import { ChartAxes } from './ChartAxes.tsx';
import { LOSS_FRAME, lossChart, nearestIndex, readout } from './loss-chart.ts';
import { ExportButtons } from '../widgets/ExportButtons.tsx';
import { useLab, usePartnerCurves, usePartnerState } from '../app/store-context.tsx';
import type { LabStore } from '../../state/store.ts';
import { comparisonLabels } from '../../config/compare-link.ts';

const { width: W, height: H, margin: M } = LOSS_FRAME;
const NONE = new LossSeries().view();

/** Comparing: which line is which run, with each run's loss now. */
function CompareKey({ partner }: { partner: LabStore }) {
  const a = useLab((s) => s.config);
  const lossA = useLab((s) => s.display.datasetLoss);
  const b = usePartnerState(partner, (s) => s.config);
  const lossB = usePartnerState(partner, (s) => s.display.datasetLoss);
  const labels = useMemo(() => comparisonLabels(a, b), [a, b]);
  return (
    <span className="curve-key" data-testid="compare-key" data-a={lossA} data-b={lossB}>
      <span className="key-line train" /> A ({labels.a}) {fmt(lossA)} <span className="key-line partner" /> B
      ({labels.b}) {fmt(lossB)}
    </span>
  );
}

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
  // a series is a new object (a higher version) whenever its points changed: recompute then
  const changes = useLab((s) => s.config.changes);
  const at = view.changeEpochs;
  // comparing: run B's loss on the same axes (dashed), its test loss left out
  const partner = useLab((s) => (s.compare ? s.partner : null)) as LabStore | null;
  const partnerSeries = usePartnerCurves(partner)?.loss ?? null;
  const chart = useMemo(
    () =>
      lossChart(
        series,
        partnerSeries ? NONE : testSeries,
        logScale,
        (changes ?? []).map((c, k) => ({ epochs: at[k] ?? NaN, label: changeLabel(c) })),
        partnerSeries,
      ),
    [series, testSeries, logScale, changes, at, partnerSeries],
  );

  const onMove = (e: React.PointerEvent<SVGRectElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    const px = ((e.clientX - rect.left) / rect.width) * (W - M.left - M.right) + M.left;
    setHover(nearestIndex(series, chart.x.invert(px)));
  };
  const h = readout(series, testSeries, hover);
  const hb = h && partnerSeries ? readout(partnerSeries, NONE, nearestIndex(partnerSeries, h.x)) : null;
  const hasTest = testSeries.length > 0;

  return (
    <section className="panel loss-curve" aria-label="Loss curve">
      <header>
        <h2 data-testid="loss-title">
          {view.reduction === 'sum' ? 'Total loss E = Σₛ Lₛ' : 'Mean loss'}
          {hasTest ? ': training set and test set' : ' of the data set'}
        </h2>
        {partner && <CompareKey partner={partner} />}
        {hasTest && !partner && (
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
        {chart.marks.map((m, k) => (
          <g key={k} className="change-mark" data-testid={`change-mark-${k + 1}`}>
            <line x1={m.x} x2={m.x} y1={M.top} y2={H - M.bottom} />
            <text x={m.x + 3} y={M.top + 10 + 12 * (k % 3)}>
              {m.label}
            </text>
          </g>
        ))}
        {chart.testPath && <path className="line test" d={chart.testPath} data-testid="test-curve" />}
        {chart.partnerPath && (
          <path className="line partner" d={chart.partnerPath} data-testid="partner-curve" />
        )}
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
              {hb
                ? `epoch ${fmt(h.x)}: A ${fmt(h.y)}, B ${fmt(hb.y)}`
                : `epoch ${fmt(h.x)}: ${fmt(h.y)}${h.test !== null ? ` (test ${fmt(h.test)})` : ''}`}
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
