/**
 * The diagram's labels arranged so that none collides (pure; tested in Node): the marks of `marks.ts`
 * and the layout in, every text's position and every fitted string out (`placement.ts` does the
 * geometry). Order, most constrained first: the texts inside neurons and the loss box (fixed), bias
 * nodes, δ, targets, names, then each weight label slid along its edge.
 */
import type { DiagramLayout } from './layout.ts';
import type { DiagramMarks, EdgeMark } from './marks.ts';
import {
  ASCENT,
  LINE,
  alongEdge,
  besideEdge,
  boxAt,
  chord,
  fitNumber,
  placeBoxes,
  placeEdges,
} from './placement.ts';
import type { Box, Circle, FontSizes, Measure, Request } from './placement.ts';

/** A text's position: the centre x and the first baseline (text-anchor middle). */
export interface TextAt {
  readonly x: number;
  readonly y: number;
}

/** A weight label's place; `grad` false when only the weight fits (its ∂ is in the tooltip). */
export interface EdgeText extends TextAt {
  readonly grad: boolean;
}

export interface NeuronText {
  /** One line for an input, z and a for a neuron (fitted to the circle). */
  readonly lines: readonly string[];
  readonly at: readonly TextAt[];
  readonly delta: TextAt | null;
  readonly name: TextAt | null;
}

export interface Arranged {
  readonly fonts: FontSizes;
  /** By the edge's selection key; null: no free place (the value is in the tooltip). */
  readonly edges: ReadonlyMap<string, EdgeText | null>;
  readonly neurons: ReadonlyMap<string, NeuronText>;
  /** Bias nodes: where the node is and its half width and height (it grows to hold its label). */
  readonly biases: ReadonlyMap<string, { x: number; y: number; hw: number; hh: number; text: TextAt | null }>;
  readonly targets: readonly TextAt[];
  /** The loss box (centre, half size) and its two baselines, the title's and the value's. */
  readonly loss: {
    readonly x: number;
    readonly y: number;
    readonly hw: number;
    readonly hh: number;
    readonly title: number;
    readonly value: number;
  };
}

export interface ArrangeInput {
  readonly marks: DiagramMarks;
  readonly layout: DiagramLayout;
  readonly fonts: FontSizes;
  readonly measure: Measure;
  /** The target texts, one per output. */
  readonly targets: readonly string[];
  /** The loss box's value text. */
  readonly lossText: string;
  /** Boxes no label may meet (the neuron maps beside their neurons, `maps.ts`). */
  readonly obstacles?: readonly Box[];
}

/** The room kept for a ∂ not computed yet, so labels mostly keep their place when it appears. */
export const TYPICAL = '∂ 0.0000';

const textBox = (cx: number, top: number, w: number, lines: number, size: number): Box => ({
  x0: cx - w / 2,
  y0: top,
  x1: cx + w / 2,
  y1: top + lines * LINE * size,
});

/** The texts inside neurons, fitted to the circle (digits dropped as needed), and their boxes. */
function inside(a: ArrangeInput, fixed: Box[]): Map<string, { lines: string[]; at: TextAt[] }> {
  const { marks, fonts, measure } = a;
  const fs = fonts.value;
  const out = new Map<string, { lines: string[]; at: TextAt[] }>();
  for (const n of marks.neurons) {
    if (!n.labels) continue;
    if (n.input) {
      const width = chord(n.r, 0.6 * fs) - 4;
      // '' before the value is computed: the component writes the input's name
      const text = n.aValue !== undefined ? fitNumber(n.aValue, '', width, fs, measure) : n.a;
      const y = n.y + 0.37 * fs;
      out.set(n.sel, { lines: [text], at: [{ x: n.x, y }] });
      fixed.push(textBox(n.x, y - ASCENT * fs, measure(text || 'x00', fs), 1, fs));
      continue;
    }
    const width = chord(n.r, 0.95 * fs) - 4;
    const z = n.z
      ? n.zValue !== undefined
        ? fitNumber(n.zValue, 'z ', width, fs, measure)
        : `z ${n.z}`
      : 'z';
    const av = n.a
      ? n.aValue !== undefined
        ? fitNumber(n.aValue, 'a ', width, fs, measure)
        : `a ${n.a}`
      : 'a';
    const y1 = n.y - 0.185 * fs;
    out.set(n.sel, {
      lines: [z, av],
      at: [
        { x: n.x, y: y1 },
        { x: n.x, y: y1 + 1.1 * fs },
      ],
    });
    const w = Math.max(measure(z, fs), measure(av, fs));
    fixed.push(textBox(n.x, y1 - ASCENT * fs, w, 2, fs));
  }
  return out;
}

/** A w × h label's places for an edge: on the line (20–80 %), then beside it, then nearer its ends. */
function edgeRequest(e: EdgeMark, w: number, h: number): Request {
  const on = alongEdge(e.x1, e.y1, e.x2, e.y2, e.t);
  const ends = alongEdge(e.x1, e.y1, e.x2, e.y2, e.t, 0.12, 0.88);
  return { w, h, at: [...on, ...besideEdge(e.x1, e.y1, e.x2, e.y2, on, w, h), ...ends] };
}

const baseline = (b: Box | null, size: number): TextAt | null =>
  b && { x: (b.x0 + b.x1) / 2, y: b.y0 + ASCENT * size };

/** Every label's place at the displayed moment. */
export function arrangeLabels(a: ArrangeInput): Arranged {
  const { marks, layout, fonts, measure } = a;
  const bounds: Box = { x0: 2, y0: 2, x1: layout.width - 2, y1: layout.height - 2 };
  const circles: Circle[] = marks.neurons.map((n) => ({ x: n.x, y: n.y, r: n.r }));
  const placed: Box[] = [...(a.obstacles ?? [])];
  const inner = inside(a, placed);
  // the loss box, wide and tall enough for its two lines, right of the outputs (else above or
  // below them, in the right-hand corner)
  const fl = fonts.loss;
  const lossHw = Math.max(34, (measure(a.lossText, fl) + 14) / 2);
  const lossHh = Math.max(26, LINE * fl + 4);
  const outX = Math.max(...layout.neurons[layout.neurons.length - 1]!.map((o) => o.x));
  const lx = Math.min(layout.width - 2 - lossHw, Math.max(layout.lossX, outX + layout.radius + 10 + lossHw));
  const mid = layout.height / 2;
  const lossAt = [{ x: lx, y: mid }];
  for (let d = 10; d < mid; d += 10) lossAt.push({ x: lx, y: mid - d }, { x: lx, y: mid + d });
  const lossReq = { w: 2 * lossHw, h: 2 * lossHh, at: lossAt };
  const lossBox = placeBoxes(bounds, circles, placed, [lossReq])[0] ?? boxAt(lx, mid, lossReq.w, lossReq.h);
  const ly = (lossBox.y0 + lossBox.y1) / 2;
  if (!placed.includes(lossBox)) placed.push(lossBox);
  const loss = {
    x: lx,
    y: ly,
    hw: lossHw,
    hh: lossHh,
    title: ly - LINE * fl + ASCENT * fl,
    value: ly + ASCENT * fl,
  };

  // bias nodes: under the neuron to the left, else beside or above it
  const biases = new Map<string, { x: number; y: number; hw: number; hh: number; text: TextAt | null }>();
  const fb = fonts.bias;
  const biasReq: Request[] = marks.biases.map((b) => {
    const hw = b.labels ? Math.max(26, measure(`b ${b.label}`, fb) / 2 + 5) : b.size;
    const hh = b.labels ? Math.max(b.size * 0.8, (LINE * fb) / 2 + 1) : b.size * 0.8;
    const r = layout.radius;
    const gap = Math.max(10, r * 0.55);
    return {
      w: 2 * hw,
      h: 2 * hh,
      at: [
        { x: b.nx - r * 0.9, y: b.ny + r + gap },
        { x: b.nx - r - hw - 4, y: b.ny + r * 0.6 },
        { x: b.nx - r - hw - 4, y: b.ny + r + gap },
        { x: b.nx + r * 0.9, y: b.ny + r + gap },
        { x: b.nx - r - hw - 4, y: b.ny - r * 0.6 },
        { x: b.nx - r * 0.9, y: b.ny - r - gap },
        { x: b.nx + r + hw + 4, y: b.ny + r * 0.6 },
        { x: b.nx - r - hw - 4, y: b.ny },
        { x: b.nx - r - hw * 2 - 8, y: b.ny + r * 0.6 },
        { x: b.nx + r + hw + 4, y: b.ny - r * 0.6 },
      ],
    };
  });
  // one by one; a node with no room for its label is drawn small, its value in the tooltip
  marks.biases.forEach((b, k) => {
    const q = biasReq[k]!;
    const small = { ...q, w: 2 * b.size, h: 1.6 * b.size };
    let box = placeBoxes(bounds, circles, placed, [q])[0];
    const text = !!box && b.labels;
    box ??= placeBoxes(bounds, circles, placed, [small])[0];
    if (!box) placed.push((box = boxAt(q.at[0]!.x, q.at[0]!.y, small.w, small.h)));
    const x = (box.x0 + box.x1) / 2;
    const y = (box.y0 + box.y1) / 2;
    const hw = (box.x1 - box.x0) / 2;
    const hh = (box.y1 - box.y0) / 2;
    biases.set(b.sel, { x, y, hw, hh, text: text ? { x, y: y - (LINE * fb) / 2 + ASCENT * fb } : null });
  });

  // the targets beside their output (else above or below it), then δ above its neuron (else beside or below)
  const ft = fonts.target;
  const outs = layout.neurons[layout.neurons.length - 1]!;
  const targetReq: Request[] = outs.map((o, k) => {
    const r = layout.radius;
    const w = measure(a.targets[k] ?? '', ft);
    const h = LINE * ft;
    const x = o.x + r + 6 + w / 2;
    return {
      w,
      h,
      at: [
        { x, y: o.y - r * 0.6 - h / 4 },
        { x, y: o.y - r - h / 2 },
        { x, y: o.y + r * 0.6 + h / 4 },
        { x, y: o.y + r + h / 2 },
        { x: o.x, y: o.y - r - h * 1.6 },
        { x: o.x, y: o.y + r + h * 1.6 },
        { x, y: o.y },
        { x: o.x, y: o.y - r - h * 2.8 },
        { x: o.x, y: o.y + r + h * 2.8 },
        { x: o.x - r - w / 2 - 4, y: o.y - r - h / 2 },
        { x: o.x - r - w / 2 - 4, y: o.y + r + h / 2 },
        { x: bounds.x1 - w / 2 - 1, y: o.y - r - h / 2 },
        { x: bounds.x1 - w / 2 - 1, y: o.y + r + h / 2 },
        { x: bounds.x1 - w / 2 - 1, y: o.y - r - h * 1.6 },
        { x: bounds.x1 - w / 2 - 1, y: o.y + r + h * 1.6 },
      ],
    };
  });
  const targets = placeBoxes(bounds, circles, placed, targetReq).map((b, k) => {
    const q = targetReq[k]!;
    // no free place: the first, kept inside the picture
    const x = Math.min(Math.max(q.at[0]!.x, bounds.x0 + q.w / 2), bounds.x1 - q.w / 2);
    return baseline(b ?? boxAt(x, q.at[0]!.y, q.w, q.h), ft)!;
  });
  const fd = fonts.delta;
  const withDelta = marks.neurons.filter((n) => n.labels && n.delta);
  const deltaReq: Request[] = withDelta.map((n) => {
    const w = measure(`δ ${n.delta}`, fd);
    const h = LINE * fd;
    const up = n.y - n.r - h / 2 - 2;
    const down = n.y + n.r + h / 2 + 2;
    return {
      w,
      h,
      at: [
        { x: n.x, y: up },
        { x: n.x + n.r * 0.6, y: up },
        { x: n.x - n.r * 0.6, y: up },
        { x: n.x + n.r + w / 2 + 2, y: n.y - n.r * 0.7 },
        { x: n.x, y: down },
        { x: n.x + n.r * 0.6, y: down },
        { x: n.x + n.r + w / 2 + 2, y: n.y + n.r * 0.7 },
      ],
    };
  });
  const deltas = placeBoxes(bounds, circles, placed, deltaReq);

  // the notes' names: above-left of a neuron, under an input
  const fn = fonts.name;
  const named = marks.neurons.filter((n) => n.labels && n.name);
  const nameReq: Request[] = named.map((n) => {
    const w = measure(n.name, fn);
    const h = LINE * fn;
    const below = { x: n.x, y: n.y + n.r + h / 2 + 2 };
    const upLeft = { x: n.x - n.r * 0.75 - w / 2, y: n.y - n.r * 0.75 - h / 2 };
    const left = { x: n.x - n.r - w / 2 - 3, y: n.y - n.r * 0.3 };
    const upRight = { x: n.x + n.r * 0.75 + w / 2, y: n.y - n.r * 0.75 - h / 2 };
    return { w, h, at: n.input ? [below, left, upLeft] : [upLeft, upRight, left, below] };
  });
  const names = placeBoxes(bounds, circles, placed, nameReq);

  // weight labels (∂ stacked under), slid along their edge
  const fe = fonts.edge;
  const shown = marks.edges.filter((e) => e.showLabel);
  const edgeReq: Request[] = shown.map((e) =>
    edgeRequest(
      e,
      Math.max(measure(e.label, fe), measure(e.grad ? `∂ ${e.grad}` : TYPICAL, fe)),
      2 * LINE * fe,
    ),
  );
  const edgeBoxes = placeEdges(bounds, circles, placed, edgeReq);
  // a label with no room for two lines keeps its weight on one, its ∂ left to the tooltip
  const missed = shown.map((_, k) => k).filter((k) => !edgeBoxes[k]);
  const oneLine = placeEdges(
    bounds,
    circles,
    placed,
    missed.map((k) => edgeRequest(shown[k]!, measure(shown[k]!.label, fe), LINE * fe)),
  );
  const edgeText = (k: number): EdgeText | null => {
    const two = baseline(edgeBoxes[k]!, fe);
    if (two) return { ...two, grad: true };
    const one = baseline(oneLine[missed.indexOf(k)]!, fe);
    return one && { ...one, grad: false };
  };

  const neurons = new Map<string, NeuronText>();
  for (const n of marks.neurons) {
    const t = inner.get(n.sel);
    const d = withDelta.indexOf(n);
    const m = named.indexOf(n);
    neurons.set(n.sel, {
      lines: t?.lines ?? [],
      at: t?.at ?? [],
      delta: d >= 0 ? baseline(deltas[d]!, fd) : null,
      name: m >= 0 ? baseline(names[m]!, fn) : null,
    });
  }
  return {
    fonts,
    edges: new Map(shown.map((e, k) => [e.sel, edgeText(k)])),
    neurons,
    biases,
    targets,
    loss,
  };
}

/** A neuron's placed texts as the primitive props its memoised component takes. */
export function neuronText(a: Arranged, sel: string) {
  const t = a.neurons.get(sel);
  return {
    v1: t?.lines[0] ?? '',
    v2: t?.lines[1] ?? '',
    v1y: t?.at[0]?.y ?? 0,
    v2y: t?.at[1]?.y ?? 0,
    dx: t?.delta?.x,
    dy: t?.delta?.y,
    nameX: t?.name?.x,
    nameY: t?.name?.y,
    fv: a.fonts.value,
    fd: a.fonts.delta,
    fn: a.fonts.name,
  };
}

/** A bias node's placed box and label baseline, as primitive props. */
export function biasPlace(a: Arranged, sel: string) {
  const b = a.biases.get(sel);
  return b
    ? { x: b.x, y: b.y, hw: b.hw, hh: b.hh, ty: b.text?.y ?? b.y, fs: a.fonts.bias, labels: !!b.text }
    : undefined;
}
