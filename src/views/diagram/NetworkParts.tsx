/**
 * The parts of the network diagram: memoised edges, neurons and biases with primitive props (so a
 * frame re-renders only what visibly changed), and the hover tooltip.
 */
import { memo } from 'react';
import { biasIndex, weightIndex } from '../../core/model/network.ts';
import { fmt } from '../../tex/format.ts';
import type { RunView, Selection } from '../../session/snapshot.ts';
import type { DiagramLayout } from './layout.ts';

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

export const Edge = memo(function Edge(p: EdgeProps) {
  const highlighted = p.className !== 'edge';
  return (
    <g
      className={p.className}
      data-testid={p.testId}
      data-sel={p.sel}
      data-value={p.value}
      data-grad={p.gradValue}
    >
      <g role="button" tabIndex={0} aria-label={p.ariaLabel} className="focus-target">
        {highlighted && (
          <line className="halo" x1={p.x1} y1={p.y1} x2={p.x2} y2={p.y2} strokeWidth={p.width + 7} />
        )}
        <line
          className={p.positive ? 'stroke positive' : 'stroke negative'}
          x1={p.x1}
          y1={p.y1}
          x2={p.x2}
          y2={p.y2}
          strokeWidth={p.width}
        />
        <line className="hit" x1={p.x1} y1={p.y1} x2={p.x2} y2={p.y2} strokeWidth={p.hitWidth} />
      </g>
      {p.showLabel && (
        <text aria-hidden="true" className="edge-label" x={p.lx} y={p.ly - 4} textAnchor="middle">
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

export const Neuron = memo(function Neuron(p: NeuronProps) {
  return (
    <g
      className={p.className}
      data-testid={p.testId}
      data-sel={p.sel}
      data-z={p.zValue}
      data-a={p.aValue}
      data-delta={p.deltaValue}
    >
      <g role="button" tabIndex={0} aria-label={p.ariaLabel} className="focus-target">
        <circle cx={p.x} cy={p.y} r={p.r} />
      </g>
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
        <text aria-hidden="true" x={p.x} y={p.y + 5} textAnchor="middle" className="value">
          {p.a || `x${p.index}`}
        </text>
      )}
      {p.labels && !p.input && (
        <text aria-hidden="true" x={p.x} y={p.y - p.r * 0.1} textAnchor="middle" className="value">
          <tspan x={p.x} className={p.z ? '' : 'pending'}>
            {p.z ? `z ${p.z}` : 'z'}
          </tspan>
          <tspan x={p.x} dy="1.2em" className={p.a ? '' : 'pending'}>
            {p.a ? `a ${p.a}` : 'a'}
          </tspan>
        </text>
      )}
      {p.labels && p.delta && (
        <text aria-hidden="true" x={p.x} y={p.y - p.r - 8} textAnchor="middle" className="delta">
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

export const Bias = memo(function Bias(p: BiasProps) {
  const w = p.labels ? 26 : p.size;
  return (
    <g className={p.className} data-testid={p.testId} data-sel={p.sel} data-value={p.value}>
      <g role="button" tabIndex={0} aria-label={p.ariaLabel} className="focus-target">
        <line className="bias-link" x1={p.x} y1={p.y} x2={p.nx} y2={p.ny} />
        <rect
          x={p.x - w}
          y={p.y - p.size * 0.8}
          width={w * 2}
          height={p.size * 1.6}
          rx={3}
          className={p.positive ? 'positive' : 'negative'}
        />
      </g>
      {p.labels && (
        <text aria-hidden="true" x={p.x} y={p.y + 4} textAnchor="middle">
          {`b ${p.label}`}
        </text>
      )}
    </g>
  );
});

/** Values of the element under the pointer (the only place they show when labels do not fit). */
export function Tooltip({ view, sel, layout }: { view: RunView; sel: Selection; layout: DiagramLayout }) {
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
        <text aria-hidden="true" key={k} x={left + 6} y={top + 16 + k * 15}>
          {l}
        </text>
      ))}
    </g>
  );
}
