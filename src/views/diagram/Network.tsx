/**
 * The network diagram. D3 computes the layout, the edge widths and colours; React renders the SVG.
 * Numbers appear once the step has computed them; the last computation is highlighted, and the
 * selected weight's chain path to the loss is outlined.
 *
 * Edges, neurons and biases are memoised components with primitive props, computed in `marks.ts`
 * (widths quantised, exact values left out while playing at speed), so a frame re-renders and repaints
 * only what visibly changed.
 */
import { useMemo, useRef, useState } from 'react';
import type { MouseEvent } from 'react';
import { fmt } from '../../tex/format.ts';
import { parseSelection, selectionKey } from '../../session/snapshot.ts';
import type { Selection } from '../../session/snapshot.ts';
import { SPEEDS } from '../../session/speeds.ts';
import { chainHighlight, stepHighlight } from './highlight.ts';
import { ExportButtons } from '../widgets/ExportButtons.tsx';
import { tooltipBox } from './labels.ts';
import { layoutNetwork } from './layout.ts';
import { classes, diagramMarks, edgeWidth, maxAbsParam } from './marks.ts';
import { Bias, Edge, Neuron, Tooltip } from './NetworkParts.tsx';
import { useLab, useNaming } from '../app/store-context.tsx';

const WIDTH = 820;
const HEIGHT = 470;

export function NetworkDiagram() {
  // While playing faster than lecture pace, exact values stay out of the DOM (see the header); the
  // store refreshes `display` about ten times a second then.
  const fast = useLab((s) => s.playing && SPEEDS[s.speed]!.kind !== 'steps');
  const view = useLab((s) => s.display);
  const selection = useLab((s) => s.selection);
  const select = useLab((s) => s.actions.select);
  const net = view.net;
  const presenter = useLab((s) => s.presenter);
  const layout = useMemo(
    () => layoutNetwork(net.sizes, WIDTH, HEIGHT, presenter ? 1.45 : 1),
    [net, presenter],
  );
  const step = useMemo(() => stepHighlight(view), [view]);
  const chain = useMemo(() => chainHighlight(net, selection), [net, selection]);
  // quantised to a power of two so the scale (and so every width) changes rarely while training
  const maxAbs = useMemo(() => maxAbsParam(view.params), [view.params]);
  const width = useMemo(() => edgeWidth(maxAbs), [maxAbs]);
  const selKey = selectionKey(selection);
  const naming = useNaming();
  const names = naming.names;
  const [hover, setHover] = useState<Selection | null>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const r = layout.radius;
  const marks = useMemo(
    () => diagramMarks({ view, layout, width, step, chain, selKey, names, fast }),
    [view, layout, width, step, chain, selKey, names, fast],
  );
  const tip = hover ? tooltipBox(view, hover, layout) : null;

  const onClick = (e: MouseEvent<SVGSVGElement>) => {
    const target = (e.target as Element).closest('[data-sel]');
    const sel = parseSelection(target?.getAttribute('data-sel') ?? null);
    if (sel) select(sel);
  };

  const outs = layout.neurons[net.depth]!;
  const lossY = HEIGHT / 2;
  return (
    <figure className="diagram">
      <svg
        ref={svgRef}
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
        onKeyDown={(e) => {
          if (e.key !== 'Enter' && e.key !== ' ') return;
          const sel = parseSelection(
            (e.target as Element).closest('[data-sel]')?.getAttribute('data-sel') ?? null,
          );
          if (sel) {
            e.preventDefault();
            select(sel);
          }
        }}
      >
        <g className="edges">
          {marks.edges.map((e) => (
            <Edge key={e.sel} {...e} />
          ))}
        </g>
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
        <g className="biases">
          {marks.biases.map((b) => (
            <Bias key={b.sel} {...b} />
          ))}
        </g>
        <g className="neurons">
          {marks.neurons.map((n) => (
            <Neuron key={n.sel} {...n} />
          ))}
        </g>
        {tip && <Tooltip box={tip} />}
        {outs.map((o, k) => (
          <text
            key={`t${k}`}
            className="target"
            data-testid={`target-${k}`}
            data-value={view.target[k]}
            x={o.x + r + 8}
            y={o.y - r * 0.6}
          >
            {`${naming.targets[k] ?? 't'} = ${fmt(view.target[k]!)}`}
          </text>
        ))}
      </svg>
      <ExportButtons target={svgRef} name="network" label="the network diagram" />
    </figure>
  );
}
