/**
 * The parts of the network diagram: memoised edges, neurons and biases with primitive props (so a
 * frame re-renders only what visibly changed), and the hover tooltip.
 */
import { memo } from 'react';
import type { TooltipBox } from './labels.ts';
import type { BiasMark, EdgeMark, NeuronMark } from './marks.ts';
import { LINE } from './placement.ts';

/**
 * An edge; its label at (tx, ty) (centre, first baseline), none when undefined (no free place), its ∂
 * stacked under the weight when `tg` (room for two lines).
 */
export const Edge = memo(function Edge(
  p: EdgeMark & { tx?: number | undefined; ty?: number | undefined; tg?: boolean | undefined; fs: number },
) {
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
      {p.showLabel && p.tx !== undefined && (
        <text
          aria-hidden="true"
          className="edge-label"
          x={p.tx}
          y={p.ty}
          textAnchor="middle"
          style={{ fontSize: p.fs }}
        >
          <tspan>{p.label}</tspan>
          {p.grad && p.tg && (
            <tspan className="grad" x={p.tx} dy={`${LINE}em`}>
              {`∂ ${p.grad}`}
            </tspan>
          )}
        </text>
      )}
    </g>
  );
});

/** The placed texts of a neuron (arrange.ts `neuronText`): fitted values, δ and name positions. */
interface NeuronPlaced {
  v1: string;
  v2: string;
  v1y: number;
  v2y: number;
  dx?: number | undefined;
  dy?: number | undefined;
  nameX?: number | undefined;
  nameY?: number | undefined;
  fv: number;
  fd: number;
  fn: number;
}

export const Neuron = memo(function Neuron(p: NeuronMark & NeuronPlaced) {
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
      {p.labels && p.name && p.nameX !== undefined && (
        <text x={p.nameX} y={p.nameY} textAnchor="middle" className="name" style={{ fontSize: p.fn }}>
          {p.name}
        </text>
      )}
      {p.labels && p.input && (
        <text
          aria-hidden="true"
          x={p.x}
          y={p.v1y}
          textAnchor="middle"
          className="value"
          style={{ fontSize: p.fv }}
        >
          {p.v1 || `x${p.index + 1}`}
        </text>
      )}
      {p.labels && !p.input && (
        <text
          aria-hidden="true"
          x={p.x}
          y={p.v1y}
          textAnchor="middle"
          className="value"
          style={{ fontSize: p.fv }}
        >
          <tspan x={p.x} className={p.z ? '' : 'pending'}>
            {p.v1}
          </tspan>
          <tspan x={p.x} y={p.v2y} className={p.a ? '' : 'pending'}>
            {p.v2}
          </tspan>
        </text>
      )}
      {p.labels && p.delta && p.dx !== undefined && (
        <text
          aria-hidden="true"
          x={p.dx}
          y={p.dy}
          textAnchor="middle"
          className="delta"
          style={{ fontSize: p.fd }}
        >
          {`δ ${p.delta}`}
        </text>
      )}
    </g>
  );
});

/** A bias node at (x, y) as placed (arrange.ts `biasPlace`), hw × hh its half size, ty its label's baseline. */
export const Bias = memo(function Bias(p: BiasMark & { hw: number; hh: number; ty: number; fs: number }) {
  const w = p.hw;
  return (
    <g className={p.className} data-testid={p.testId} data-sel={p.sel} data-value={p.value}>
      <g role="button" tabIndex={0} aria-label={p.ariaLabel} className="focus-target">
        <line className="bias-link" x1={p.x} y1={p.y} x2={p.nx} y2={p.ny} />
        <rect
          x={p.x - w}
          y={p.y - p.hh}
          width={w * 2}
          height={p.hh * 2}
          rx={3}
          className={p.positive ? 'positive' : 'negative'}
        />
      </g>
      {p.labels && (
        <text aria-hidden="true" x={p.x} y={p.ty} textAnchor="middle" style={{ fontSize: p.fs }}>
          {`b ${p.label}`}
        </text>
      )}
    </g>
  );
});

/** Values of the element under the pointer (the only place they show when labels do not fit). */
export function Tooltip({ box }: { box: TooltipBox }) {
  return (
    <g className="tooltip" pointerEvents="none" data-testid="tooltip">
      <rect x={box.left} y={box.top} width={box.width} height={box.height} rx={4} />
      {box.lines.map((l, k) => (
        <text
          aria-hidden="true"
          key={k}
          x={box.left + box.size / 2}
          y={box.top + ((16 + 15 * k) * box.size) / 12}
          style={{ fontSize: box.size }}
        >
          {l}
        </text>
      ))}
    </g>
  );
}
