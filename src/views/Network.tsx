/**
 * The network diagram. D3 computes the layout, the edge widths and colours; React renders the SVG.
 * Numbers appear once the step has computed them; the last computation is highlighted, and the
 * selected weight's chain path to the loss is outlined.
 */
import { memo, useMemo } from 'react';
import { scaleSqrt } from 'd3-scale';
import { biasIndex, weightIndex } from '../core/network.ts';
import type { Network as Net } from '../core/network.ts';
import { fmt } from '../tex/format.ts';
import type { RunView, Selection } from '../state/snapshot.ts';
import { chainHighlight, stepHighlight } from './highlight.ts';
import type { Highlight } from './highlight.ts';
import { layoutNetwork } from './layout.ts';
import type { DiagramLayout } from './layout.ts';
import { useLab } from './store-context.tsx';

export const POSITIVE = '#2166ac';
export const NEGATIVE = '#d95f02';
const WIDTH = 820;
const HEIGHT = 470;

function sameSelection(a: Selection | null, b: Selection): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function NetworkDiagram() {
  const view = useLab((s) => s.view);
  const selection = useLab((s) => s.selection);
  const select = useLab((s) => s.actions.select);
  const net = view.net;
  const layout = useMemo(() => layoutNetwork(net.sizes, WIDTH, HEIGHT), [net]);
  const step = useMemo(() => stepHighlight(view), [view]);
  const chain = useMemo(() => chainHighlight(net, selection), [net, selection]);
  const maxAbs = useMemo(() => {
    let m = 1e-9;
    for (let p = 0; p < net.paramCount; p++) m = Math.max(m, Math.abs(view.params[p]!));
    return m;
  }, [net, view.params]);
  const width = useMemo(() => scaleSqrt().domain([0, maxAbs]).range([0.6, 7]).clamp(true), [maxAbs]);

  return (
    <svg
      className="network"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="group"
      aria-label={`Network ${net.sizes.join('-')}`}
      data-testid="network"
    >
      <Edges
        net={net}
        layout={layout}
        view={view}
        step={step}
        chain={chain}
        width={width}
        select={select}
        selection={selection}
      />
      <LossNode layout={layout} view={view} step={step} chain={chain} />
      <Neurons
        net={net}
        layout={layout}
        view={view}
        step={step}
        chain={chain}
        select={select}
        selection={selection}
      />
    </svg>
  );
}

interface PartProps {
  net: Net;
  layout: DiagramLayout;
  view: RunView;
  step: Highlight;
  chain: Highlight;
  select: (s: Selection | null) => void;
  selection: Selection | null;
}

const Edges = memo(function Edges(props: PartProps & { width: (v: number) => number }) {
  const { net, layout, view, step, chain, width, select, selection } = props;
  const out = [];
  for (let l = 1; l <= net.depth; l++) {
    const nl = net.sizes[l]!;
    for (let j = 0; j < nl; j++) {
      const to = layout.neurons[l]![j]!;
      const backDone = view.neurons.backDone[to.k] === 1;
      const delta = view.neurons.delta[to.k]!;
      for (let i = 0; i < net.sizes[l - 1]!; i++) {
        const from = layout.neurons[l - 1]![i]!;
        const p = weightIndex(net, l, j, i);
        const w = view.params[p]!;
        // widths in steps of 0.25 px: fewer attribute changes (and repaints) while playing
        const sw = Math.round(width(Math.abs(w)) * 4) / 4;
        const grad = delta * view.neurons.a[from.k]!;
        const sel: Selection = { kind: 'weight', layer: l, to: j, from: i };
        const t = 0.22 + (nl > 1 ? (0.36 * j) / (nl - 1) : 0.18);
        const lx = from.x + (to.x - from.x) * t;
        const ly = from.y + (to.y - from.y) * t;
        const classes = [
          'edge',
          step.params.has(p) ? 'step' : '',
          chain.params.has(p) ? 'chain' : '',
          sameSelection(selection, sel) ? 'selected' : '',
        ]
          .filter(Boolean)
          .join(' ');
        out.push(
          <g
            key={p}
            className={classes}
            data-testid={`w-${l}-${j}-${i}`}
            data-value={w}
            data-grad={backDone ? grad : undefined}
            onClick={() => select(sel)}
            aria-label={`weight into neuron ${j} of layer ${l} from neuron ${i}: ${fmt(w)}`}
          >
            {classes !== 'edge' && (
              <line className="halo" x1={from.x} y1={from.y} x2={to.x} y2={to.y} strokeWidth={sw + 7} />
            )}
            <line
              className="stroke"
              x1={from.x}
              y1={from.y}
              x2={to.x}
              y2={to.y}
              stroke={w >= 0 ? POSITIVE : NEGATIVE}
              strokeWidth={sw}
            />
            <line className="hit" x1={from.x} y1={from.y} x2={to.x} y2={to.y} strokeWidth={14} />
            {layout.labels && (
              <text className="edge-label" x={lx} y={ly - 4} textAnchor="middle">
                <tspan>{fmt(w)}</tspan>
                {backDone && (
                  <tspan className="grad" x={lx} dy="1.15em">
                    {`∂ ${fmt(grad)}`}
                  </tspan>
                )}
              </text>
            )}
          </g>,
        );
      }
    }
  }
  return <g className="edges">{out}</g>;
});

function LossNode({ layout, view, step, chain }: Pick<PartProps, 'layout' | 'view' | 'step' | 'chain'>) {
  const outs = layout.neurons[layout.neurons.length - 1]!;
  const y = layout.height / 2;
  return (
    <g
      className={`loss-node${step.loss ? ' step' : ''}${chain.loss ? ' chain' : ''}`}
      data-testid="loss-node"
    >
      {outs.map((o) => (
        <line key={o.k} className="to-loss" x1={o.x + layout.radius} y1={o.y} x2={layout.lossX - 34} y2={y} />
      ))}
      <rect x={layout.lossX - 34} y={y - 26} width={68} height={52} rx={8} />
      <text x={layout.lossX} y={y - 6} textAnchor="middle" className="loss-title">
        L
      </text>
      <text
        x={layout.lossX}
        y={y + 14}
        textAnchor="middle"
        data-testid="sample-loss"
        data-value={view.lossDone ? view.sampleLoss : undefined}
      >
        {view.lossDone ? fmt(view.sampleLoss) : '·'}
      </text>
    </g>
  );
}

const Neurons = memo(function Neurons(props: PartProps) {
  const { net, layout, view, step, chain, select, selection } = props;
  const r = layout.radius;
  const out = [];
  for (let l = 0; l <= net.depth; l++) {
    for (const n of layout.neurons[l]!) {
      const j = n.index;
      const sumDone = view.neurons.sumDone[n.k] === 1;
      const actDone = view.neurons.actDone[n.k] === 1;
      const backDone = view.neurons.backDone[n.k] === 1;
      const z = view.neurons.z[n.k]!;
      const a = view.neurons.a[n.k]!;
      const d = view.neurons.delta[n.k]!;
      const sel: Selection = { kind: 'neuron', layer: l, index: j };
      const classes = [
        'neuron',
        l === 0 ? 'input' : '',
        step.neurons.has(n.k) ? 'step' : '',
        chain.neurons.has(n.k) ? 'chain' : '',
        sameSelection(selection, sel) ? 'selected' : '',
      ]
        .filter(Boolean)
        .join(' ');
      const label = l === 0 ? `input x${j}` : `neuron ${j} of layer ${l}`;
      out.push(
        <g
          key={`n${n.k}`}
          className={classes}
          data-testid={`n-${l}-${j}`}
          data-z={sumDone && l > 0 ? z : undefined}
          data-a={actDone ? a : undefined}
          data-delta={backDone ? d : undefined}
          onClick={() => select(sel)}
          aria-label={`${label}${actDone ? `: a = ${fmt(a)}` : ''}`}
        >
          <circle cx={n.x} cy={n.y} r={r} />
          {layout.labels && l === 0 && (
            <text x={n.x} y={n.y + 5} textAnchor="middle" className="value">
              {actDone ? fmt(a) : `x${j}`}
            </text>
          )}
          {layout.labels && l > 0 && (
            <text x={n.x} y={n.y - 3} textAnchor="middle" className="value">
              <tspan x={n.x} className={sumDone ? '' : 'pending'}>
                {sumDone ? `z ${fmt(z)}` : 'z'}
              </tspan>
              <tspan x={n.x} dy="1.2em" className={actDone ? '' : 'pending'}>
                {actDone ? `a ${fmt(a)}` : 'a'}
              </tspan>
            </text>
          )}
          {layout.labels && backDone && (
            <text x={n.x} y={n.y - r - 8} textAnchor="middle" className="delta">
              {`δ ${fmt(d)}`}
            </text>
          )}
        </g>,
      );
      if (l > 0) out.push(<Bias key={`b${n.k}`} {...props} l={l} j={j} />);
    }
  }
  // targets next to the outputs
  const outs = layout.neurons[net.depth]!;
  outs.forEach((o, k) =>
    out.push(
      <text key={`t${k}`} className="target" x={o.x + r + 8} y={o.y - r * 0.6}>
        {`t ${fmt(view.target[k]!)}`}
      </text>,
    ),
  );
  return <g className="neurons">{out}</g>;
});

function Bias(props: PartProps & { l: number; j: number }) {
  const { net, layout, view, step, chain, select, selection, l, j } = props;
  const p = biasIndex(net, l, j);
  const b = view.params[p]!;
  const pos = layout.bias(l, j);
  const sel: Selection = { kind: 'bias', layer: l, to: j };
  const s = Math.max(8, layout.radius * 0.42);
  const classes = [
    'bias',
    step.params.has(p) ? 'step' : '',
    chain.params.has(p) ? 'chain' : '',
    sameSelection(selection, sel) ? 'selected' : '',
  ]
    .filter(Boolean)
    .join(' ');
  const n = layout.neurons[l]![j]!;
  return (
    <g
      className={classes}
      data-testid={`b-${l}-${j}`}
      data-value={b}
      onClick={() => select(sel)}
      aria-label={`bias of neuron ${j} in layer ${l}: ${fmt(b)}`}
    >
      <line className="bias-link" x1={pos.x} y1={pos.y} x2={n.x} y2={n.y} />
      <rect
        x={pos.x - s}
        y={pos.y - s * 0.8}
        width={s * 2}
        height={s * 1.6}
        rx={3}
        stroke={b >= 0 ? POSITIVE : NEGATIVE}
      />
      {layout.labels && (
        <text x={pos.x} y={pos.y + 4} textAnchor="middle">
          {`b ${fmt(b)}`}
        </text>
      )}
    </g>
  );
}
