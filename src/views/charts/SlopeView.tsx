/**
 * The loss along the selected weight or bias, with its tangent and the gradient-descent step (note
 * 001). The numbers come from `slope.ts`, recomputed only when the weights change (`view.params`).
 */
import { useMemo } from 'react';
import type { DataInfo } from '../../state/store.ts';
import type { RunView, Selection } from '../../session/snapshot.ts';
import { fmt } from '../../tex/format.ts';
import { useLab, useNames } from '../app/store-context.tsx';
import { selectionTitle } from '../chain/lines.ts';
import { ChartAxes } from './ChartAxes.tsx';
import { frameFor, symbolOf } from './insight-frame.ts';
import { InsightLines } from './InsightLines.tsx';
import { slopeChart } from './slope.ts';

type ParamSelection = Exclude<Selection, { kind: 'neuron' }>;

export function SlopeView({ view, data, sel }: { view: RunView; data: DataInfo; sel: ParamSelection }) {
  const symbol = symbolOf(sel);
  const title = selectionTitle(sel, useNames());
  const { net, params, learningRate, reduction, optimizer, state } = view;
  const train = data.train;
  const frame = frameFor(useLab((s) => s.presenter));
  const chart = useMemo(
    () => slopeChart(net, params, train, sel, { learningRate, reduction, symbol, optimizer, state }, frame),
    [net, params, train, sel, learningRate, reduction, symbol, optimizer, state, frame],
  );
  if (!chart) return <p className="note">The loss is not a finite number here: there is no slope to draw.</p>;
  const { width: W, height: H, margin: M, font } = frame;
  const { tangent, arrow, now, next } = chart;
  return (
    <div className="insight-slope">
      <p className="note" data-testid="insight-param">
        {title}
      </p>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        style={{ fontSize: font }}
        data-testid="slope-chart"
        role="img"
        aria-label={chart.label}
      >
        <ChartAxes
          x={chart.x}
          y={chart.y}
          width={W}
          height={H}
          margin={M}
          font={font}
          xTicks={6}
          format={fmt}
        />
        {chart.path && <path className="line" d={chart.path} />}
        <line className="tangent" x1={tangent.x1} y1={tangent.y1} x2={tangent.x2} y2={tangent.y2} />
        <line
          className="step-arrow"
          x1={arrow.x1}
          y1={arrow.y1}
          x2={arrow.x2}
          y2={arrow.y2}
          markerEnd="url(#arrow)"
        />
        <defs>
          <marker
            id="arrow"
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="6"
            markerHeight="6"
            orient="auto-start-reverse"
          >
            <path d="M0,0 L10,5 L0,10 z" className="arrow-head" />
          </marker>
        </defs>
        <circle className="now" cx={now.cx} cy={now.cy} r={5} />
        {next && <circle className="next" cx={next.cx} cy={next.cy} r={5} />}
      </svg>
      <p className="note" data-testid="slope-values" data-slope={chart.slope} data-next={chart.nextValue}>
        {chart.note}
      </p>
      <InsightLines testId="slope-tex" lines={chart.lines} />
    </div>
  );
}
