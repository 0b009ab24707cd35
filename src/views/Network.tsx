/**
 * The network diagram. D3 computes the layout, the edge widths and colours; React renders the SVG.
 * Numbers appear once the step has computed them; the last computation is highlighted, and the
 * selected weight's chain path to the loss is outlined.
 *
 * Edges, neurons and biases are memoised components with primitive props: widths are quantised and
 * exact values (data-value, for tests and tooltips) are only written when not playing at speed, so a
 * frame re-renders and repaints only what visibly changed.
 */
import { memo, useMemo, useState } from 'react';
import type { MouseEvent } from 'react';
import { scaleSqrt } from 'd3-scale';
import { biasIndex, weightIndex } from '../core/network.ts';
import type { RunView } from '../state/snapshot.ts';
import type { DiagramLayout } from './layout.ts';
import { fmt } from '../tex/format.ts';
import { parseSelection, selectionKey } from '../state/snapshot.ts';
import type { Selection } from '../state/snapshot.ts';
import { SPEEDS } from '../state/speeds.ts';
import { chainHighlight, stepHighlight } from './highlight.ts';
import { layoutNetwork } from './layout.ts';
import { useLab, useNames } from './store-context.tsx';

export const POSITIVE = '#2166ac';
export const NEGATIVE = '#d95f02';
const WIDTH = 820;
const HEIGHT = 470;

function classes(base: string, step: boolean, chain: boolean, selected: boolean): string {
  return `${base}${step ? ' step' : ''}${chain ? ' chain' : ''}${selected ? ' selected' : ''}`;
}

export function NetworkDiagram() {
  // While playing faster than lecture pace, exact values stay out of the DOM (see the header); the
  // store refreshes `display` about ten times a second then.
  const fast = useLab((s) => s.playing && SPEEDS[s.speed]!.kind !== 'steps');
  const view = useLab((s) => s.display);
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
  // quantised to a power of two so the scale (and so every width) changes rarely while training
  const width = useMemo(
    () =>
      scaleSqrt()
        .domain([0, 2 ** Math.ceil(Math.log2(maxAbs))])
        .range([0.6, 7])
        .clamp(true),
    [maxAbs],
  );
  const selKey = selectionKey(selection);
  const names = useNames();
  const [hover, setHover] = useState<Selection | null>(null);
  const r = layout.radius;
  const labels = layout.labels;
  const hitWidth = Math.max(4, Math.min(14, r * 0.6));

  const onClick = (e: MouseEvent<SVGSVGElement>) => {
    const target = (e.target as Element).closest('[data-sel]');
    const sel = parseSelection(target?.getAttribute('data-sel') ?? null);
    if (sel) select(sel);
  };

  const edges = [];
  for (let l = 1; l <= net.depth; l++) {
    const nl = net.sizes[l]!;
    for (let j = 0; j < nl; j++) {
      const to = layout.neurons[l]![j]!;
      const backDone = view.neurons.backDone[to.k] === 1;
      const delta = view.neurons.delta[to.k]!;
      const t = 0.22 + (nl > 1 ? (0.36 * j) / (nl - 1) : 0.18);
      for (let i = 0; i < net.sizes[l - 1]!; i++) {
        const from = layout.neurons[l - 1]![i]!;
        const p = weightIndex(net, l, j, i);
        const w = view.params[p]!;
        const grad = backDone ? delta * view.neurons.a[from.k]! : NaN;
        const key = `w ${l} ${j} ${i}`;
        edges.push(
          <Edge
            key={key}
            sel={key}
            testId={`w-${l}-${j}-${i}`}
            x1={from.x}
            y1={from.y}
            x2={to.x}
            y2={to.y}
            hitWidth={hitWidth}
            lx={from.x + (to.x - from.x) * t}
            ly={from.y + (to.y - from.y) * t}
            width={Math.round(width(Math.abs(w)) * 4) / 4}
            positive={w >= 0}
            className={classes('edge', step.params.has(p), chain.params.has(p), selKey === key)}
            label={labels ? fmt(w) : ''}
            showLabel={labels}
            grad={backDone ? fmt(grad) : ''}
            value={fast ? undefined : w}
            gradValue={fast || !backDone ? undefined : grad}
            ariaLabel={`weight into neuron ${j} of layer ${l} from ${l === 1 ? 'input' : 'neuron'} ${i}`}
          />,
        );
      }
    }
  }

  const neurons = [];
  const biases = [];
  for (let l = 0; l <= net.depth; l++) {
    for (const n of layout.neurons[l]!) {
      const j = n.index;
      const sumDone = view.neurons.sumDone[n.k] === 1 && l > 0;
      const actDone = view.neurons.actDone[n.k] === 1;
      const backDone = view.neurons.backDone[n.k] === 1;
      const z = view.neurons.z[n.k]!;
      const a = view.neurons.a[n.k]!;
      const d = view.neurons.delta[n.k]!;
      const key = `n ${l} ${j}`;
      neurons.push(
        <Neuron
          key={key}
          sel={key}
          testId={`n-${l}-${j}`}
          x={n.x}
          y={n.y}
          r={r}
          input={l === 0}
          index={j}
          className={classes(
            l === 0 ? 'neuron input' : 'neuron',
            step.neurons.has(n.k),
            chain.neurons.has(n.k),
            selKey === key,
          )}
          labels={labels}
          z={sumDone ? fmt(z) : ''}
          a={actDone ? fmt(a) : ''}
          delta={backDone ? fmt(d) : ''}
          zValue={sumDone && !fast ? z : undefined}
          aValue={actDone && !fast ? a : undefined}
          deltaValue={backDone && !fast ? d : undefined}
          ariaLabel={l === 0 ? `input x${j}` : `neuron ${j} of layer ${l}`}
          name={names[key] ?? ''}
        />,
      );
      if (l > 0) {
        const p = biasIndex(net, l, j);
        const b = view.params[p]!;
        const pos = layout.bias(l, j);
        const bkey = `b ${l} ${j}`;
        biases.push(
          <Bias
            key={bkey}
            sel={bkey}
            testId={`b-${l}-${j}`}
            x={pos.x}
            y={pos.y}
            nx={n.x}
            ny={n.y}
            size={Math.max(8, r * 0.42)}
            labels={labels}
            positive={b >= 0}
            className={classes('bias', step.params.has(p), chain.params.has(p), selKey === bkey)}
            label={labels ? fmt(b) : ''}
            value={fast ? undefined : b}
            ariaLabel={`bias of neuron ${j} in layer ${l}`}
          />,
        );
      }
    }
  }

  const outs = layout.neurons[net.depth]!;
  const lossY = HEIGHT / 2;
  return (
    <svg
      className="network"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="group"
      aria-label={`Network ${net.sizes.join('-')}`}
      data-testid="network"
      onClick={onClick}
      onPointerOver={(e) =>
        setHover(
          parseSelection((e.target as Element).closest('[data-sel]')?.getAttribute('data-sel') ?? null),
        )
      }
      onPointerLeave={() => setHover(null)}
    >
      <g className="edges">{edges}</g>
      <g className={classes('loss-node', step.loss, chain.loss, false)} data-testid="loss-node">
        {outs.map((o) => (
          <line key={o.k} className="to-loss" x1={o.x + r} y1={o.y} x2={layout.lossX - 34} y2={lossY} />
        ))}
        <rect x={layout.lossX - 34} y={lossY - 26} width={68} height={52} rx={8} />
        <text x={layout.lossX} y={lossY - 6} textAnchor="middle" className="loss-title">
          L
        </text>
        <text
          x={layout.lossX}
          y={lossY + 14}
          textAnchor="middle"
          data-testid="sample-loss"
          data-value={view.lossDone ? view.sampleLoss : undefined}
        >
          {view.lossDone ? fmt(view.sampleLoss) : '·'}
        </text>
      </g>
      <g className="biases">{biases}</g>
      <g className="neurons">{neurons}</g>
      {hover && <Tooltip view={view} sel={hover} layout={layout} />}
      {outs.map((o, k) => (
        <text key={`t${k}`} className="target" x={o.x + r + 8} y={o.y - r * 0.6}>
          {`t ${fmt(view.target[k]!)}`}
        </text>
      ))}
    </svg>
  );
}

interface EdgeProps {
  sel: string;
  testId: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  lx: number;
  ly: number;
  hitWidth: number;
  width: number;
  positive: boolean;
  className: string;
  label: string;
  showLabel: boolean;
  grad: string;
  value: number | undefined;
  gradValue: number | undefined;
  ariaLabel: string;
}

const Edge = memo(function Edge(p: EdgeProps) {
  const highlighted = p.className !== 'edge';
  return (
    <g
      className={p.className}
      data-testid={p.testId}
      data-sel={p.sel}
      data-value={p.value}
      data-grad={p.gradValue}
      aria-label={p.ariaLabel}
    >
      {highlighted && (
        <line className="halo" x1={p.x1} y1={p.y1} x2={p.x2} y2={p.y2} strokeWidth={p.width + 7} />
      )}
      <line
        className="stroke"
        x1={p.x1}
        y1={p.y1}
        x2={p.x2}
        y2={p.y2}
        stroke={p.positive ? POSITIVE : NEGATIVE}
        strokeWidth={p.width}
      />
      <line className="hit" x1={p.x1} y1={p.y1} x2={p.x2} y2={p.y2} strokeWidth={p.hitWidth} />
      {p.showLabel && (
        <text className="edge-label" x={p.lx} y={p.ly - 4} textAnchor="middle">
          <tspan>{p.label}</tspan>
          {p.grad && (
            <tspan className="grad" x={p.lx} dy="1.15em">
              {`∂ ${p.grad}`}
            </tspan>
          )}
        </text>
      )}
    </g>
  );
});

interface NeuronProps {
  sel: string;
  testId: string;
  x: number;
  y: number;
  r: number;
  input: boolean;
  index: number;
  className: string;
  labels: boolean;
  z: string;
  a: string;
  delta: string;
  zValue: number | undefined;
  aValue: number | undefined;
  deltaValue: number | undefined;
  ariaLabel: string;
  /** The notes' name for this neuron (h1, o2, …), if the example has one. */
  name: string;
}

const Neuron = memo(function Neuron(p: NeuronProps) {
  return (
    <g
      className={p.className}
      data-testid={p.testId}
      data-sel={p.sel}
      data-z={p.zValue}
      data-a={p.aValue}
      data-delta={p.deltaValue}
      aria-label={p.ariaLabel}
    >
      <circle cx={p.x} cy={p.y} r={p.r} />
      {p.labels && p.name && (
        <text
          x={p.input ? p.x : p.x - p.r * 0.75}
          y={p.input ? p.y + p.r + 16 : p.y - p.r * 0.75}
          textAnchor={p.input ? 'middle' : 'end'}
          className="name"
        >
          {p.name}
        </text>
      )}
      {p.labels && p.input && (
        <text x={p.x} y={p.y + 5} textAnchor="middle" className="value">
          {p.a || `x${p.index}`}
        </text>
      )}
      {p.labels && !p.input && (
        <text x={p.x} y={p.y - 3} textAnchor="middle" className="value">
          <tspan x={p.x} className={p.z ? '' : 'pending'}>
            {p.z ? `z ${p.z}` : 'z'}
          </tspan>
          <tspan x={p.x} dy="1.2em" className={p.a ? '' : 'pending'}>
            {p.a ? `a ${p.a}` : 'a'}
          </tspan>
        </text>
      )}
      {p.labels && p.delta && (
        <text x={p.x} y={p.y - p.r - 8} textAnchor="middle" className="delta">
          {`δ ${p.delta}`}
        </text>
      )}
    </g>
  );
});

interface BiasProps {
  sel: string;
  testId: string;
  x: number;
  y: number;
  nx: number;
  ny: number;
  size: number;
  labels: boolean;
  positive: boolean;
  className: string;
  label: string;
  value: number | undefined;
  ariaLabel: string;
}

const Bias = memo(function Bias(p: BiasProps) {
  const w = p.labels ? 26 : p.size;
  return (
    <g
      className={p.className}
      data-testid={p.testId}
      data-sel={p.sel}
      data-value={p.value}
      aria-label={p.ariaLabel}
    >
      <line className="bias-link" x1={p.x} y1={p.y} x2={p.nx} y2={p.ny} />
      <rect
        x={p.x - w}
        y={p.y - p.size * 0.8}
        width={w * 2}
        height={p.size * 1.6}
        rx={3}
        stroke={p.positive ? POSITIVE : NEGATIVE}
      />
      {p.labels && (
        <text x={p.x} y={p.y + 4} textAnchor="middle">
          {`b ${p.label}`}
        </text>
      )}
    </g>
  );
});

/** Values of the element under the pointer (the only place they show when labels do not fit). */
function Tooltip({ view, sel, layout }: { view: RunView; sel: Selection; layout: DiagramLayout }) {
  const net = view.net;
  const lines: string[] = [];
  let x: number;
  let y: number;
  if (sel.kind === 'neuron') {
    const n = layout.neurons[sel.layer]?.[sel.index];
    if (!n) return null;
    x = n.x;
    y = n.y - layout.radius;
    const nv = view.neurons;
    lines.push(sel.layer === 0 ? `input x${sel.index}` : `neuron ${sel.index} of layer ${sel.layer}`);
    if (sel.layer === 0) {
      if (nv.actDone[n.k]) lines.push(`x = ${fmt(nv.a[n.k]!)}`);
    } else {
      if (nv.sumDone[n.k]) lines.push(`z = ${fmt(nv.z[n.k]!)}`);
      if (nv.actDone[n.k]) lines.push(`a = ${fmt(nv.a[n.k]!)}`);
      if (nv.backDone[n.k]) lines.push(`δ = ${fmt(nv.delta[n.k]!)}`);
    }
  } else if (sel.kind === 'bias') {
    const pos = layout.bias(sel.layer, sel.to);
    x = pos.x;
    y = pos.y - 10;
    lines.push(`bias b(${sel.layer})${sel.to} = ${fmt(view.params[biasIndex(net, sel.layer, sel.to)]!)}`);
  } else {
    const from = layout.neurons[sel.layer - 1]?.[sel.from];
    const to = layout.neurons[sel.layer]?.[sel.to];
    if (!from || !to) return null;
    x = (from.x + to.x) / 2;
    y = (from.y + to.y) / 2 - 6;
    lines.push(
      `w(${sel.layer})${sel.to}${sel.from} = ${fmt(view.params[weightIndex(net, sel.layer, sel.to, sel.from)]!)}`,
    );
    if (view.neurons.backDone[to.k])
      lines.push(`∂L/∂w = ${fmt(view.neurons.delta[to.k]! * view.neurons.a[from.k]!)}`);
  }
  const w = Math.max(...lines.map((l) => l.length)) * 7 + 12;
  const h = lines.length * 15 + 8;
  const left = Math.min(Math.max(4, x - w / 2), layout.width - w - 4);
  const top = Math.max(4, y - h - 4);
  return (
    <g className="tooltip" pointerEvents="none" data-testid="tooltip">
      <rect x={left} y={top} width={w} height={h} rx={4} />
      {lines.map((l, k) => (
        <text key={k} x={left + 6} y={top + 16 + k * 15}>
          {l}
        </text>
      ))}
    </g>
  );
}
