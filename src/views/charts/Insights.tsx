/**
 * The insight views, one at a time: the loss along the selected parameter with its tangent and the
 * step (seed 001); the gradient check; a neuron's weights against its input (seed 000); the gradient
 * size per layer over training (vanishing gradients, seed 003); the decision boundary of a 2-D
 * classifier. Computed from the displayed parameters (refreshed ~10×/s while training fast).
 */
import { useEffect, useMemo, useRef } from 'react';
import { scaleLinear, scaleLog } from 'd3-scale';
import { interpolatePuOr, schemeTableau10 } from 'd3-scale-chromatic';
import { line } from 'd3-shape';
import { INSIGHTS } from '../../content/insights.ts';
import type { InsightName } from '../../content/insights.ts';
import { paramIndex } from '../../core/step/chain.ts';
import {
  boundaryExtent,
  boundaryGrid,
  gradientCheck,
  lossAlong,
  neuronInputs,
  targetRange,
} from '../../core/inspect/insights.ts';
import { fmt } from '../../tex/format.ts';
import { checkTex, relativeError, similarity, similarityTex, slopeTex } from '../../tex/insight.ts';
import { bSym, wSym } from '../../tex/symbols.ts';
import { paramOf } from '../../session/snapshot.ts';
import type { RunView, Selection } from '../../session/snapshot.ts';
import type { DataInfo } from '../../state/store.ts';
import { ChartAxes } from './ChartAxes.tsx';
import { Tex } from '../widgets/Tex.tsx';
import { CADENCE } from '../../session/cadence.ts';
import { SPEEDS } from '../../session/speeds.ts';
import { useLab, useNames, useSlowDisplay } from '../app/store-context.tsx';

const TAB_LABELS: Record<InsightName, string> = {
  slope: 'Loss along a weight',
  check: 'Gradient check',
  neuron: 'Neuron: dot product',
  layers: 'Gradients by layer',
  boundary: 'Decision boundary',
};

function symbolOf(sel: Selection, names: Readonly<Record<string, string>>): string {
  if (sel.kind === 'weight') {
    const n = names[`w ${sel.layer} ${sel.to} ${sel.from}`];
    return n && /^[a-z]\d*$/i.test(n) ? `${n[0]}_{${n.slice(1)}}` : wSym(sel.layer, sel.to, sel.from);
  }
  if (sel.kind === 'bias') return bSym(sel.layer, sel.to);
  return 'z';
}

function Lines({
  lines,
  testId,
}: {
  lines: { id: string; label: string; tex: string; note?: string }[];
  testId: string;
}) {
  return (
    <div className="insight-lines" data-testid={testId}>
      {lines.map((l) => (
        <div key={l.id} className="line" role="group" aria-label={l.label}>
          <Tex tex={l.tex} display className={`tex-${l.id}`} />
          {l.note && <p className="note">{l.note}</p>}
        </div>
      ))}
    </div>
  );
}

const W = 520;
const H = 220;
const M = { top: 12, right: 14, bottom: 30, left: 56 };

function SlopeView({ view, data, sel }: { view: RunView; data: DataInfo; sel: Selection }) {
  const names = useNames();
  const p = paramOf(sel)!;
  const chart = useMemo(() => {
    const k = paramIndex(view.net, p);
    const c = lossAlong(view.net, view.params, data.train, k, view.learningRate, view.reduction);
    const { w, R, lo, hi } = c;
    const x = scaleLinear()
      .domain([w - R, w + R])
      .range([M.left, W - M.right]);
    const y = scaleLinear()
      .domain([lo, hi === lo ? lo + 1 : hi])
      .range([H - M.bottom, M.top])
      .nice();
    const path = line<{ x: number; y: number }>()
      .defined((q) => Number.isFinite(q.y))
      .x((q) => x(q.x))
      .y((q) => y(q.y))(c.points);
    return { ...c, x, y, path };
    // the parameters change only at an update or with a new setup (a new network)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [view.net, view.position.update, view.learningRate, view.reduction, data, p]);
  const sym = symbolOf(sel, names);
  const E = view.reduction === 'sum' ? 'E' : 'L';
  const { x, y } = chart;
  if (!Number.isFinite(chart.loss) || !Number.isFinite(chart.slope) || !Number.isFinite(chart.w)) {
    return <p className="note">The loss is not a finite number here: there is no slope to draw.</p>;
  }
  const clampY = (v: number) => Math.max(M.top, Math.min(H - M.bottom, y(v)));
  return (
    <div className="insight-slope">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        data-testid="slope-chart"
        role="img"
        aria-label={`The loss as a function of the selected parameter, with the tangent at ${fmt(chart.w)} and the step to ${fmt(chart.next)}`}
      >
        <ChartAxes x={x} y={y} width={W} height={H} margin={M} xTicks={6} format={fmt} />
        {chart.path && <path className="line" d={chart.path} />}
        <line
          className="tangent"
          x1={x(chart.tangent[0]!.x)}
          y1={clampY(chart.tangent[0]!.y)}
          x2={x(chart.tangent[1]!.x)}
          y2={clampY(chart.tangent[1]!.y)}
        />
        <line
          className="step-arrow"
          x1={x(chart.w)}
          y1={H - M.bottom - 8}
          x2={x(chart.next)}
          y2={H - M.bottom - 8}
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
        <circle className="now" cx={x(chart.w)} cy={y(chart.loss)} r={5} />
        {Number.isFinite(chart.nextLoss) && (
          <circle className="next" cx={x(chart.next)} cy={clampY(chart.nextLoss)} r={5} />
        )}
      </svg>
      <p className="note" data-testid="slope-values" data-slope={chart.slope} data-next={chart.next}>
        {E} = {fmt(chart.loss)} at {fmt(chart.w)}; after the step {E} = {fmt(chart.nextLoss)} at{' '}
        {fmt(chart.next)} (the other parameters fixed; the{' '}
        {view.reduction === 'sum' ? 'total loss E = Σₛ Lₛ' : 'mean loss'} of{' '}
        {chart.rows === data.train.n ? 'the training set' : `its first ${chart.rows} rows`}).
      </p>
      <Lines
        testId="slope-tex"
        lines={slopeTex({
          symbol: sym,
          value: chart.w,
          loss: chart.loss,
          slope: chart.slope,
          rate: view.learningRate,
          reduction: view.reduction,
        })}
      />
    </div>
  );
}

function CheckView({ view, data, sel }: { view: RunView; data: DataInfo; sel: Selection }) {
  const names = useNames();
  const p = paramOf(sel)!;
  const d = useMemo(() => {
    const k = paramIndex(view.net, p);
    return gradientCheck(view.net, view.params, data.train, k, view.reduction);
    // the parameters change only at an update or with a new setup (a new network)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [view.net, view.position.update, view.learningRate, view.reduction, data, p]);
  return (
    <div
      data-testid="check-values"
      data-analytic={d.analytic}
      data-numeric={d.numeric}
      data-error={relativeError(d.analytic, d.numeric)}
    >
      <Lines
        testId="check-tex"
        lines={checkTex({ symbol: symbolOf(sel, names), reduction: view.reduction, ...d })}
      />
    </div>
  );
}

function NeuronView({ view, data, sel }: { view: RunView; data: DataInfo; sel: Selection }) {
  const layer = sel.layer;
  const index = sel.kind === 'neuron' ? sel.index : sel.to;
  const s = useMemo(() => {
    if (layer < 1) return null;
    return neuronInputs(view.net, view.params, data.train, view.position.row, layer, index);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [view.net, view.position.update, view.position.row, data, layer, index]);
  if (!s) return <p className="note">Select a neuron after the input layer (or one of its weights).</p>;
  const n = similarity(s);
  return (
    <div data-testid="neuron-values" data-dot={n.dot} data-cos={n.cos}>
      <p className="note">
        Neuron {index + 1} of layer {layer} on the current sample (row {s.row + 1}), with the current weights.
      </p>
      <Lines testId="neuron-tex" lines={similarityTex(s)} />
    </div>
  );
}

function LayersView({ view }: { view: RunView }) {
  const layerSeries = useLab((s) => s.layerSeries);
  const net = view.net;
  const chart = useMemo(() => {
    const lines = layerSeries.map((s) =>
      s
        .downsample(0, Math.max(1, s.length ? s.x(s.length - 1) : 1), 200)
        .filter((q) => q.y > 0 && Number.isFinite(q.y)),
    );
    const all = lines.flat();
    const lo = all.length ? Math.min(...all.map((q) => q.y)) : 1e-6;
    const hi = all.length ? Math.max(...all.map((q) => q.y)) : 1;
    const xEnd = Math.max(1, ...all.map((q) => q.x));
    const x = scaleLinear()
      .domain([0, xEnd])
      .range([M.left, W - M.right]);
    const y = scaleLog()
      .domain([lo / 2, hi * 2])
      .range([H - M.bottom, M.top]);
    const shape = line<{ x: number; y: number }>()
      .x((q) => x(q.x))
      .y((q) => y(q.y));
    return {
      x,
      y,
      paths: lines.map((pts) => (pts.length > 1 ? shape(pts) : null)),
      last: lines.map((pts) => pts[pts.length - 1] ?? null),
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [view, layerSeries]);
  const sigmoidLayers = net.activations.slice(0, -1).filter((a) => a === 'sigmoid').length;
  return (
    <div className="insight-layers">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        data-testid="layers-chart"
        role="img"
        aria-label="Mean size of the weight gradients of each layer over training, log scale"
      >
        <ChartAxes x={chart.x} y={chart.y} width={W} height={H} margin={M} xTitle="epochs" format={fmt} />
        {chart.paths.map((d, l) =>
          d ? <path key={l} className="layer-line" d={d} stroke={schemeTableau10[l % 10]} /> : null,
        )}
        {chart.last.map((q, l) =>
          q ? (
            <circle key={l} cx={chart.x(q.x)} cy={chart.y(q.y)} r={3.5} fill={schemeTableau10[l % 10]} />
          ) : null,
        )}
      </svg>
      <ul className="layer-key" data-testid="layer-gradients">
        {chart.last.map((q, l) => (
          <li key={l} data-layer={l + 1} data-value={q?.y ?? 0}>
            <span className="swatch" style={{ background: schemeTableau10[l % 10] }} /> layer {l + 1} (
            {net.activations[l]}): mean |∂L/∂w| = {q ? fmt(q.y) : '0'}
            {q && chart.last[l + 1] ? ` = ${fmt(q.y / chart.last[l + 1]!.y)} × layer ${l + 2}’s` : ''}
          </li>
        ))}
      </ul>
      <p className="note" data-testid="sigma-bound">
        Going back one layer multiplies the signal by w · f′(z). For the sigmoid f′(z) = σ(z)(1 − σ(z)) ≤ 0.25
        (at z = 0), so through {Math.max(sigmoidLayers, 1)} sigmoid layer{sigmoidLayers === 1 ? '' : 's'} it
        shrinks by up to 0.25{sigmoidLayers > 1 ? <sup>{sigmoidLayers}</sup> : ''} ={' '}
        {fmt(0.25 ** Math.max(sigmoidLayers, 1))} unless the weights are large. ReLU passes 1 where z &gt; 0.
      </p>
    </div>
  );
}

/** Cells per side of the boundary's grid: finer when paused, coarser (cheaper) while training fast. */
const GRID_FINE = 72;
const GRID_FAST = 36;

function BoundaryView({ view, data, fast }: { view: RunView; data: DataInfo; fast: boolean }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const net = view.net;
  const size = 260;
  const extent = useMemo(() => boundaryExtent(data.raw), [data]);
  const tRange = useMemo(() => targetRange(data.raw), [data]);
  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const nOut = net.sizes[net.depth]!;
    const GRID = fast ? GRID_FAST : GRID_FINE;
    // one output: its value between the two target values; several: the share of the first class
    const shares = boundaryGrid(net, view.params, {
      extent,
      cells: GRID,
      scaling: data.scaling,
      range: tRange,
    });
    const cell = size / GRID;
    const color = scaleLinear<number>().domain(tRange).range([0, 1]).clamp(true);
    for (let k = 0; k < GRID * GRID; k++) {
      ctx.fillStyle = interpolatePuOr(0.15 + 0.7 * (1 - shares[k]!));
      ctx.fillRect((k % GRID) * cell, Math.floor(k / GRID) * cell, cell + 0.5, cell + 0.5);
    }
    const test = new Set(data.testIndex);
    for (let r = 0; r < data.raw.n; r++) {
      const px = ((data.raw.X[2 * r]! - extent.x0) / (extent.x1 - extent.x0)) * size;
      const py = ((extent.y1 - data.raw.X[2 * r + 1]!) / (extent.y1 - extent.y0)) * size;
      const t = nOut === 1 ? color(data.raw.T[r]!) : data.raw.T[r * nOut]!;
      ctx.beginPath();
      ctx.arc(px, py, 3.2, 0, 2 * Math.PI);
      ctx.fillStyle = t > 0.5 ? '#2d004b' : '#7f3b08';
      ctx.strokeStyle = '#ffffff';
      ctx.lineWidth = 1.2;
      if (test.has(r)) {
        ctx.stroke();
      } else {
        ctx.fill();
        ctx.stroke();
      }
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [view.net, view.position.update, data, net, extent, tRange, fast]);
  if (net.sizes[0] !== 2)
    return (
      <p className="note">The decision boundary is drawn for two inputs; this network has {net.sizes[0]}.</p>
    );
  return (
    <div className="insight-boundary">
      <canvas
        ref={ref}
        width={size}
        height={size}
        data-testid="boundary"
        role="img"
        aria-label="The network's output over the input plane, with the data points"
      />
      <p className="note">
        Colour: the network&rsquo;s output over the plane of {data.columns[0]} and {data.columns[1]} (purple:{' '}
        {fmt(tRange[1]!)}, orange: {fmt(tRange[0]!)}); dots are the training points, rings the test points.
      </p>
    </div>
  );
}

export function Insights() {
  const insight = useLab((s) => s.insight);
  const setInsight = useLab((s) => s.actions.setInsight);
  // views of one moment (slope, check, neuron) hold still while training runs fast; the boundary and
  // the gradients by layer follow once a second
  const fast = useLab((s) => s.playing && SPEEDS[s.speed]!.kind !== 'steps');
  const moment = insight === 'slope' || insight === 'check' || insight === 'neuron';
  const view = useSlowDisplay(CADENCE.slowViewMs, moment);
  const data = useLab((s) => s.data);
  const selection = useLab((s) => s.selection);
  const param = selection && selection.kind !== 'neuron' ? selection : null;
  return (
    <section className="panel insights" aria-label="Insight views" data-testid="insights">
      <div className="tabs" role="tablist" aria-label="Insight views">
        {INSIGHTS.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={`tab-${name}`}
            aria-selected={insight === name}
            aria-controls="insight-panel"
            data-testid={`insight-${name}`}
            onClick={() => setInsight(name)}
          >
            {TAB_LABELS[name]}
          </button>
        ))}
      </div>
      <div id="insight-panel" role="tabpanel" aria-labelledby={`tab-${insight}`}>
        {fast && moment && (
          <p className="note" data-testid="insight-frozen">
            Shown for update {view.position.update}: this view follows again when training pauses or steps.
          </p>
        )}
        {(insight === 'slope' || insight === 'check') && !param && (
          <p className="note">Select a weight or a bias in the diagram.</p>
        )}
        {insight === 'slope' && param && <SlopeView view={view} data={data} sel={param} />}
        {insight === 'check' && param && <CheckView view={view} data={data} sel={param} />}
        {insight === 'neuron' && selection && <NeuronView view={view} data={data} sel={selection} />}
        {insight === 'neuron' && !selection && <p className="note">Select a neuron.</p>}
        {insight === 'layers' && <LayersView view={view} />}
        {insight === 'boundary' && <BoundaryView view={view} data={data} fast={fast} />}
      </div>
    </section>
  );
}
