/**
 * The diagram's marks as plain values (pure; tested in Node): for each edge, neuron and bias, where
 * it goes, its width and sign, its class (the last step, the selected parameter's chain path, the
 * selection), its labels and its exact values. The components only draw them.
 *
 * Widths are quantised and exact values (data-value, for tests and tooltips) are left out while
 * playing at speed (`fast`), so a frame changes only what visibly changed.
 */
import { scaleSqrt } from 'd3-scale';
import { biasIndex, weightIndex } from '../../core/model/network.ts';
import { fmt } from '../../tex/format.ts';
import type { RunView } from '../../session/snapshot.ts';
import type { Highlight } from './highlight.ts';
import { biasAria, edgeAria, neuronAria } from './labels.ts';
import type { DiagramLayout } from './layout.ts';

export interface EdgeMark {
  /** The selection key (`w l j i`), also the React key. */
  readonly sel: string;
  readonly testId: string;
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  /** Where along the edge (fraction t) the value label is tried first; arrange.ts places it. */
  readonly t: number;
  readonly hitWidth: number;
  readonly width: number;
  readonly positive: boolean;
  readonly className: string;
  readonly label: string;
  readonly showLabel: boolean;
  /** ∂L/∂w once the backward pass has reached the edge's neuron, formatted ('' before). */
  readonly grad: string;
  readonly value: number | undefined;
  readonly gradValue: number | undefined;
  readonly ariaLabel: string;
}

export interface NeuronMark {
  readonly sel: string;
  readonly testId: string;
  readonly x: number;
  readonly y: number;
  readonly r: number;
  readonly input: boolean;
  readonly index: number;
  readonly className: string;
  readonly labels: boolean;
  /** z, a and δ formatted once computed for the current sample ('' before). */
  readonly z: string;
  readonly a: string;
  readonly delta: string;
  readonly zValue: number | undefined;
  readonly aValue: number | undefined;
  readonly deltaValue: number | undefined;
  readonly ariaLabel: string;
  /** The notes' name for this neuron (h1, o2, …), if the example has one. */
  readonly name: string;
}

export interface BiasMark {
  readonly sel: string;
  readonly testId: string;
  readonly x: number;
  readonly y: number;
  /** The neuron it feeds. */
  readonly nx: number;
  readonly ny: number;
  readonly size: number;
  readonly labels: boolean;
  readonly positive: boolean;
  readonly className: string;
  readonly label: string;
  readonly value: number | undefined;
  readonly ariaLabel: string;
}

export interface DiagramMarks {
  readonly edges: readonly EdgeMark[];
  readonly neurons: readonly NeuronMark[];
  readonly biases: readonly BiasMark[];
}

/** The largest |parameter| (at least 10⁻⁹). */
export function maxAbsParam(params: Float64Array): number {
  let m = 1e-9;
  for (let p = 0; p < params.length; p++) m = Math.max(m, Math.abs(params[p]!));
  return m;
}

/**
 * An edge's width for |w|: √-scaled from 0.6 to 7 over [0, the power of two at or above `maxAbs`]
 * (so the scale, and every width, changes rarely while training), clamped.
 */
export function edgeWidth(maxAbs: number): (v: number) => number {
  return scaleSqrt()
    .domain([0, 2 ** Math.ceil(Math.log2(maxAbs))])
    .range([0.6, 7])
    .clamp(true);
}

export function classes(base: string, step: boolean, chain: boolean, selected: boolean): string {
  return `${base}${step ? ' step' : ''}${chain ? ' chain' : ''}${selected ? ' selected' : ''}`;
}

export interface MarkInput {
  readonly view: RunView;
  readonly layout: DiagramLayout;
  readonly width: (v: number) => number;
  /** The last step's computation and the selection's chain path (`highlight.ts`). */
  readonly step: Highlight;
  readonly chain: Highlight;
  /** The selection's key (`selectionKey`), '' for none. */
  readonly selKey: string;
  readonly names: Readonly<Record<string, string>>;
  readonly fast: boolean;
}

function edgeMarks(m: MarkInput): EdgeMark[] {
  const { view, layout, fast } = m;
  const net = view.net;
  const nv = view.neurons;
  const labels = layout.labels;
  const hitWidth = Math.max(4, Math.min(14, layout.radius * 0.6));
  const edges: EdgeMark[] = [];
  for (let l = 1; l <= net.depth; l++) {
    const nl = net.sizes[l]!;
    for (let j = 0; j < nl; j++) {
      const to = layout.neurons[l]![j]!;
      const backDone = nv.backDone[to.k] === 1;
      const delta = nv.delta[to.k]!;
      const t = 0.22 + (nl > 1 ? (0.36 * j) / (nl - 1) : 0.18);
      for (let i = 0; i < net.sizes[l - 1]!; i++) {
        const from = layout.neurons[l - 1]![i]!;
        const p = weightIndex(net, l, j, i);
        const w = view.params[p]!;
        const grad = backDone ? delta * nv.a[from.k]! : NaN;
        const key = `w ${l} ${j} ${i}`;
        edges.push({
          sel: key,
          testId: `w-${l}-${j}-${i}`,
          x1: from.x,
          y1: from.y,
          x2: to.x,
          y2: to.y,
          hitWidth,
          t,
          width: Math.round(m.width(Math.abs(w)) * 4) / 4,
          positive: w >= 0,
          className: classes('edge', m.step.params.has(p), m.chain.params.has(p), m.selKey === key),
          label: labels ? fmt(w) : '',
          showLabel: labels,
          grad: backDone ? fmt(grad) : '',
          value: fast ? undefined : w,
          gradValue: fast || !backDone ? undefined : grad,
          ariaLabel: edgeAria(m.names, l, j, i, w, fast),
        });
      }
    }
  }
  return edges;
}

/** Every mark of the diagram at the displayed moment. */
export function diagramMarks(m: MarkInput): DiagramMarks {
  const { view, layout, fast } = m;
  const net = view.net;
  const nv = view.neurons;
  const r = layout.radius;
  const labels = layout.labels;
  const neurons: NeuronMark[] = [];
  const biases: BiasMark[] = [];
  for (let l = 0; l <= net.depth; l++) {
    for (const n of layout.neurons[l]!) {
      const j = n.index;
      const sumDone = nv.sumDone[n.k] === 1 && l > 0;
      const actDone = nv.actDone[n.k] === 1;
      const backDone = nv.backDone[n.k] === 1;
      const z = nv.z[n.k]!;
      const a = nv.a[n.k]!;
      const d = nv.delta[n.k]!;
      const key = `n ${l} ${j}`;
      neurons.push({
        sel: key,
        testId: `n-${l}-${j}`,
        x: n.x,
        y: n.y,
        r,
        input: l === 0,
        index: j,
        className: classes(
          l === 0 ? 'neuron input' : 'neuron',
          m.step.neurons.has(n.k),
          m.chain.neurons.has(n.k),
          m.selKey === key,
        ),
        labels,
        z: sumDone ? fmt(z) : '',
        a: actDone ? fmt(a) : '',
        delta: backDone ? fmt(d) : '',
        zValue: sumDone && !fast ? z : undefined,
        aValue: actDone && !fast ? a : undefined,
        deltaValue: backDone && !fast ? d : undefined,
        ariaLabel: neuronAria(m.names, view, l, j, fast),
        name: m.names[key] ?? '',
      });
      if (l === 0) continue;
      const p = biasIndex(net, l, j);
      const b = view.params[p]!;
      const pos = layout.bias(l, j);
      const bkey = `b ${l} ${j}`;
      biases.push({
        sel: bkey,
        testId: `b-${l}-${j}`,
        x: pos.x,
        y: pos.y,
        nx: n.x,
        ny: n.y,
        size: Math.max(8, r * 0.42),
        labels,
        positive: b >= 0,
        className: classes('bias', m.step.params.has(p), m.chain.params.has(p), m.selKey === bkey),
        label: labels ? fmt(b) : '',
        value: fast ? undefined : b,
        ariaLabel: biasAria(l, j, b, fast),
      });
    }
  }
  return { edges: edgeMarks(m), neurons, biases };
}
