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
import { layoutNetwork, viewHeight } from './layout.ts';
import { classes, diagramMarks, edgeWidth, maxAbsParam } from './marks.ts';
import { arrangeLabels, biasPlace, neuronText } from './arrange.ts';
import { measureText, useDrawnScale } from './measure.ts';
import { diagramFonts, neuronScale } from './placement.ts';
import { Bias, Edge, Neuron, Tooltip } from './NetworkParts.tsx';
import { Flow } from './Flow.tsx';
import { NeuronMaps, useMapPlaces } from './NeuronMaps.tsx';
import { useLab, useNaming } from '../app/store-context.tsx';
import { PracticeLayer } from '../practice/PracticeLayer.tsx';

const WIDTH = 820;
const HEIGHT = 470;
/** Presenter mode, beside another run's diagram: the normal view's type, this many times as large. */
const PAIRED = 1.25;

export function NetworkDiagram() {
  // While playing faster than lecture pace, exact values stay out of the DOM (see the header); the
  // store refreshes `display` about ten times a second then.
  const fast = useLab((s) => s.playing && SPEEDS[s.speed]!.kind !== 'steps');
  const view = useLab((s) => s.display);
  const selection = useLab((s) => s.selection);
  const select = useLab((s) => s.actions.select);
  const net = view.net;
  // two runs side by side (views/compare) each have half the width: in presenter mode their diagrams
  // are laid out as the normal view’s, with type PAIRED times as large (≥ 13.75 px as drawn): every
  // weight of note 003’s net keeps its label (tests/e2e/compare.spec.ts)
  const paired = useLab((s) => s.follower || (s.compare !== null && s.partner !== null));
  const presenting = useLab((s) => s.presenter);
  const presenter = presenting && !paired;
  const enlarged = presenting && paired;
  const svgRef = useRef<SVGSVGElement>(null);
  // type is ≥ 24 px as drawn in presenter mode, ≥ 11 px otherwise, whatever width the page gives the
  // diagram; its neurons grow with it, and a narrow (phone) diagram is drawn taller
  const drawn = useDrawnScale(svgRef, WIDTH);
  const fonts = useMemo(
    () => diagramFonts(enlarged ? drawn / PAIRED : drawn, presenter),
    [presenter, enlarged, drawn],
  );
  const height = presenter ? HEIGHT : viewHeight(drawn, HEIGHT);
  const layout = useMemo(() => {
    const l = layoutNetwork(net.sizes, WIDTH, height, neuronScale(fonts, presenter), HEIGHT);
    // a dense net's neurons hold no numbers: in the normal view they keep their size
    return l.labels || presenter ? l : layoutNetwork(net.sizes, WIDTH, height, 1, HEIGHT);
  }, [net, presenter, fonts, height]);
  const step = useMemo(() => stepHighlight(view), [view]);
  const chain = useMemo(() => chainHighlight(net, selection), [net, selection]);
  // quantised to a power of two so the scale (and so every width) changes rarely while training
  const maxAbs = useMemo(() => maxAbsParam(view.params), [view.params]);
  const width = useMemo(() => edgeWidth(maxAbs), [maxAbs]);
  const selKey = selectionKey(selection);
  const naming = useNaming();
  const names = naming.names;
  const [hover, setHover] = useState<Selection | null>(null);
  const r = layout.radius;
  const marks = useMemo(
    () => diagramMarks({ view, layout, width, step, chain, selKey, names, fast }),
    [view, layout, width, step, chain, selKey, names, fast],
  );
  const outs = layout.neurons[net.depth]!;
  const targets = outs.map((_, k) => `${naming.targets[k] ?? 't'} = ${fmt(view.target[k]!)}`);
  const targetKey = targets.join('\n');
  const lossText = view.lossDone ? fmt(view.sampleLoss) : '?';
  // where every label goes so that none collides (arrange.ts), in the fonts the texts are set in
  const maps = useMapPlaces(layout);
  const placed = useMemo(
    () =>
      arrangeLabels({
        marks,
        layout,
        fonts,
        measure: measureText,
        targets: targetKey.split('\n'),
        lossText,
        obstacles: maps.boxes,
      }),
    [marks, layout, fonts, targetKey, lossText, maps],
  );
  const loss = placed.loss;
  // the tooltip in the diagram's type, pointing at the element as drawn
  const tip = hover
    ? tooltipBox(view, hover, layout, names, Math.max(12, fonts.name), (sel) => biasPlace(placed, sel))
    : null;

  const onClick = (e: MouseEvent<SVGSVGElement>) => {
    const target = (e.target as Element).closest('[data-sel]');
    const sel = parseSelection(target?.getAttribute('data-sel') ?? null);
    if (sel) select(sel);
  };

  const lossY = loss.y;
  return (
    <figure className="diagram">
      <svg
        ref={svgRef}
        className="network"
        viewBox={`0 0 ${WIDTH} ${height}`}
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
            <Edge
              key={e.sel}
              {...e}
              tx={placed.edges.get(e.sel)?.x}
              ty={placed.edges.get(e.sel)?.y}
              tg={placed.edges.get(e.sel)?.grad}
              fs={fonts.edge}
            />
          ))}
        </g>
        <Flow view={view} layout={layout} placed={placed} />
        <g className={classes('loss-node', step.loss, chain.loss, false)} data-testid="loss-node">
          {outs.map((o) => (
            <line key={o.k} className="to-loss" x1={o.x + r} y1={o.y} x2={loss.x - loss.hw} y2={lossY} />
          ))}
          <rect x={loss.x - loss.hw} y={lossY - loss.hh} width={2 * loss.hw} height={2 * loss.hh} rx={8} />
          <text
            x={loss.x}
            y={loss.title}
            textAnchor="middle"
            className="loss-title"
            style={{ fontSize: fonts.loss }}
          >
            L
          </text>
          <text
            x={loss.x}
            y={loss.value}
            textAnchor="middle"
            style={{ fontSize: fonts.loss }}
            data-testid="sample-loss"
            data-value={view.lossDone ? view.sampleLoss : undefined}
          >
            {lossText}
          </text>
        </g>
        <g className="biases">
          {marks.biases.map((b) => (
            <Bias key={b.sel} {...b} {...biasPlace(placed, b.sel)!} />
          ))}
        </g>
        <g className="neurons">
          {marks.neurons.map((n) => (
            <Neuron key={n.sel} {...n} {...neuronText(placed, n.sel)} />
          ))}
        </g>
        {tip && <Tooltip box={tip} />}
        {outs.map((_, k) => (
          <text
            key={`t${k}`}
            className="target"
            data-testid={`target-${k}`}
            data-value={view.target[k]}
            x={placed.targets[k]!.x}
            y={placed.targets[k]!.y}
            textAnchor="middle"
            style={{ fontSize: fonts.target }}
          >
            {targets[k]}
          </text>
        ))}
      </svg>
      <NeuronMaps
        places={maps.places}
        svg={svgRef}
        hovered={hover?.kind === 'neuron' ? selectionKey(hover) : ''}
        width={WIDTH}
        height={height}
      />
      <PracticeLayer svg={svgRef} layout={layout} placed={placed} />
      <ExportButtons target={svgRef} name="network" label="the network diagram" />
    </figure>
  );
}
