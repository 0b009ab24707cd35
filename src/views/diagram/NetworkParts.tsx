/**
 * The parts of the network diagram: memoised edges, neurons and biases with primitive props (so a
 * frame re-renders only what visibly changed), and the hover tooltip.
 */
import { memo } from 'react';
import type { TooltipBox } from './labels.ts';
import type { BiasMark, EdgeMark, NeuronMark } from './marks.ts';

export const Edge = memo(function Edge(p: EdgeMark) {
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

export const Neuron = memo(function Neuron(p: NeuronMark) {
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

export const Bias = memo(function Bias(p: BiasMark) {
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
export function Tooltip({ box }: { box: TooltipBox }) {
  return (
    <g className="tooltip" pointerEvents="none" data-testid="tooltip">
      <rect x={box.left} y={box.top} width={box.width} height={box.height} rx={4} />
      {box.lines.map((l, k) => (
        <text aria-hidden="true" key={k} x={box.left + 6} y={box.top + 16 + k * 15}>
          {l}
        </text>
      ))}
    </g>
  );
}
