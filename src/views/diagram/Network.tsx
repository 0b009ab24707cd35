/**
 * The network diagram. D3 computes the layout, the edge widths and colours; React renders the SVG.
 * Numbers appear once the step has computed them; the last computation is highlighted, and the
 * selected weight's chain path to the loss is outlined.
 *
 * Edges, neurons and biases are memoised components with primitive props: widths are quantised and
 * exact values (data-value, for tests and tooltips) are only written when not playing at speed, so a
 * frame re-renders and repaints only what visibly changed.
 */
import { useMemo, useRef, useState } from 'react';
import type { MouseEvent } from 'react';
import { scaleSqrt } from 'd3-scale';
import { biasIndex, weightIndex } from '../../core/model/network.ts';
import { fmt } from '../../tex/format.ts';
import { parseSelection, selectionKey } from '../../session/snapshot.ts';
import type { Selection } from '../../session/snapshot.ts';
import { SPEEDS } from '../../session/speeds.ts';
import { chainHighlight, stepHighlight } from './highlight.ts';
import { ExportButtons } from '../widgets/ExportButtons.tsx';
import { layoutNetwork } from './layout.ts';
import { Bias, Edge, Neuron, Tooltip } from './NetworkParts.tsx';
import { useLab, useNaming } from '../app/store-context.tsx';

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
  const presenter = useLab((s) => s.presenter);
  const layout = useMemo(
    () => layoutNetwork(net.sizes, WIDTH, HEIGHT, presenter ? 1.45 : 1),
    [net, presenter],
  );
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
  const naming = useNaming();
  const names = naming.names;
  const [hover, setHover] = useState<Selection | null>(null);
  const svgRef = useRef<SVGSVGElement>(null);
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
            ariaLabel={`${names[`w ${l} ${j} ${i}`] ? `${names[`w ${l} ${j} ${i}`]}: ` : ''}weight into neuron ${j} of layer ${l} from ${l === 1 ? 'input' : 'neuron'} ${i}${fast ? '' : `, ${fmt(w)}`}`}
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
          ariaLabel={`${names[key] ? `${names[key]}: ` : ''}${l === 0 ? `input ${j}` : `neuron ${j} of layer ${l}`}${
            fast
              ? ''
              : l === 0
                ? actDone
                  ? `, ${fmt(a)}`
                  : ''
                : `${sumDone ? `, z ${fmt(z)}` : ''}${actDone ? `, a ${fmt(a)}` : ''}${backDone ? `, δ ${fmt(d)}` : ''}`
          }`}
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
            ariaLabel={`bias of neuron ${j} in layer ${l}${fast ? '' : `, ${fmt(b)}`}`}
          />,
        );
      }
    }
  }

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
