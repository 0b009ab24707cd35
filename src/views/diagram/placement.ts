/**
 * The geometry of the label placement (pure; tested in Node): text widths from the font size (the
 * presenter's larger type makes larger boxes), boxes against circles and boxes, numbers given fewer
 * digits until they fit a width, candidate places along an edge, and greedy placement: each label
 * takes its first candidate that meets no circle, no fixed box and no label placed before it; weight
 * labels are also tried most constrained first, and the way that draws the most is kept. A label with
 * no free place is left out of the picture (its value stays in the tooltip and the aria label), as
 * dense networks do with every number. What goes where in the diagram: `arrange.ts`.
 */
import { format } from 'd3-format';
import { fmt } from '../../tex/format.ts';

/** Font sizes (viewBox units) of the diagram's texts; the components set them, the boxes use them. */
export interface FontSizes {
  readonly edge: number;
  readonly value: number;
  readonly bias: number;
  readonly target: number;
  readonly name: number;
  readonly delta: number;
  readonly loss: number;
}

/** The normal view's sizes. */
export const NORMAL_FONTS: FontSizes = {
  edge: 12.5,
  value: 12,
  bias: 11,
  target: 12,
  name: 12,
  delta: 12.5,
  loss: 12.5,
};

/**
 * Presenter sizes: every text at least 24.5 px as drawn (`drawn`: px per viewBox unit, so whatever
 * width the layout gives the diagram; tests/e2e/presenter.spec.ts measures ≥ 24 px), 17 units at
 * least, 34 at most.
 */
export function presenterFonts(drawn: number): FontSizes {
  const s = Math.min(34, Math.max(17, Math.ceil((24.5 / Math.max(drawn, 0.1)) * 2) / 2));
  return { edge: s, value: s, bias: s, target: s, name: s, delta: s, loss: s };
}

/** The smallest diagram text of the normal view, px as drawn (tests/e2e/diagram-sizes.spec.ts: ≥ 11). */
export const NORMAL_MIN_PX = 11;

/**
 * Normal sizes at a drawn scale (px per viewBox unit): NORMAL_FONTS, each raised to the half unit so
 * that it is at least NORMAL_MIN_PX as drawn (a tablet's or a phone's narrow diagram sets larger
 * units), 40 units at most.
 */
export function normalFonts(drawn: number): FontSizes {
  const least = Math.min(40, Math.ceil((NORMAL_MIN_PX / Math.max(drawn, 0.1)) * 2) / 2);
  const up = (v: number) => Math.max(v, least);
  const f = NORMAL_FONTS;
  return {
    edge: up(f.edge),
    value: up(f.value),
    bias: up(f.bias),
    target: up(f.target),
    name: up(f.name),
    delta: up(f.delta),
    loss: up(f.loss),
  };
}

/** The diagram's sizes at a drawn scale, presenter (≥ 24 px) or normal (≥ 11 px). */
export function diagramFonts(drawn: number, presenter: boolean): FontSizes {
  return presenter ? presenterFonts(drawn) : normalFonts(drawn);
}

/**
 * How much larger than at the normal sizes neurons are drawn, so that they hold their larger numbers:
 * presenter neurons 1.45 × √(size / 17); normal ones as much larger as their numbers (1 at 12 units).
 */
export function neuronScale(fonts: FontSizes, presenter = true): number {
  return presenter ? 1.45 * Math.sqrt(fonts.value / 17) : Math.max(1, fonts.value / NORMAL_FONTS.value);
}

/** A line's height and a text's ascent, in em (DejaVu Sans / Arial-like metrics, rounded up). */
export const LINE = 1.17;
export const ASCENT = 0.93;

/** A text's width in viewBox units at a font size. */
export type Measure = (text: string, size: number) => number;

const NARROW = new Set([' ', '.', ',', ':', '(', ')']);
const SUPER = /[⁰¹²³⁴⁵⁶⁷⁸⁹⁻]/;

/** A width estimate from the characters (digits 0.64 em, as wide as DejaVu Sans's; no DOM needed). */
export function estimateWidth(text: string, size: number): number {
  let em = 0;
  for (const c of text)
    em += NARROW.has(c) ? 0.33 : SUPER.test(c) ? 0.42 : c === '−' || c === '×' ? 0.84 : 0.64;
  return em * size;
}

export interface Box {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

export interface Circle {
  readonly x: number;
  readonly y: number;
  readonly r: number;
}

/** A label to place: its size and its candidate centres, best first. */
export interface Request {
  readonly w: number;
  readonly h: number;
  readonly at: readonly { readonly x: number; readonly y: number }[];
}

/** Gap kept between a label and anything else. */
const PAD = 1.5;

export const boxAt = (x: number, y: number, w: number, h: number): Box => ({
  x0: x - w / 2,
  y0: y - h / 2,
  x1: x + w / 2,
  y1: y + h / 2,
});

export const boxesMeet = (a: Box, b: Box, pad = 0): boolean =>
  Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > -pad && Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) > -pad;

export function boxMeetsCircle(b: Box, c: { x: number; y: number; r: number }, pad = 0): boolean {
  const nx = Math.max(b.x0, Math.min(c.x, b.x1));
  const ny = Math.max(b.y0, Math.min(c.y, b.y1));
  return Math.hypot(nx - c.x, ny - c.y) < c.r + pad;
}

/**
 * Places the requests in order; each takes its first candidate inside `bounds` that meets no circle,
 * no fixed box and no box placed before it (null: no candidate is free). `placed` grows.
 */
export function placeBoxes(
  bounds: Box,
  circles: readonly Circle[],
  placed: Box[],
  requests: readonly Request[],
): (Box | null)[] {
  return requests.map((q) => {
    for (const p of q.at) {
      const b = boxAt(p.x, p.y, q.w, q.h);
      if (b.x0 < bounds.x0 || b.y0 < bounds.y0 || b.x1 > bounds.x1 || b.y1 > bounds.y1) continue;
      if (circles.some((c) => boxMeetsCircle(b, c, PAD))) continue;
      if (placed.some((o) => boxesMeet(b, o, PAD))) continue;
      placed.push(b);
      return b;
    }
    return null;
  });
}

const MINUS = (s: string) => s.replace('-', '−');
const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const sup = (e: number) =>
  [...String(e)].map((c) => (c === '-' ? '⁻' : (SUPERSCRIPT[Number(c)] ?? c))).join('');

/** v with `digits` significant digits, in `fmt`'s forms (scientific outside [10⁻⁴, 10⁵)). */
export function fmtDigits(v: number, digits: number): string {
  if (!Number.isFinite(v) || v === 0) return fmt(v);
  const a = Math.abs(v);
  if (a >= 1e-4 && a < 1e5) return MINUS(format(`.${digits}~r`)(v));
  const [m, e] = format(`.${Math.max(0, digits - 1)}~e`)(v).split('e') as [string, string];
  return `${MINUS(m)}×10${sup(Number(e.replace('−', '-')))}`;
}

/**
 * `prefix` + v with as many digits (4 at most, as `fmt`) as fit in `width`; the shortest form when
 * none does. Whole numbers keep every digit when they fit.
 */
export function fitNumber(v: number, prefix: string, width: number, size: number, measure: Measure): string {
  let s = `${prefix}${fmt(v)}`;
  if (measure(s, size) <= width) return s;
  for (let d = 3; d >= 1; d--) {
    s = `${prefix}${fmtDigits(v, d)}`;
    if (measure(s, size) <= width) return s;
  }
  return s;
}

/** The width of a chord of a circle of radius r at distance dy from its centre (0 past the edge). */
export function chord(r: number, dy: number): number {
  return dy >= r ? 0 : 2 * Math.sqrt(r * r - dy * dy);
}

/** Candidate centres along a segment: t from `first` outwards in steps, within [lo, hi]. */
export function alongEdge(
  x1: number,
  y1: number,
  x2: number,
  y2: number,
  first: number,
  lo = 0.2,
  hi = 0.8,
  step = 0.03,
): { x: number; y: number }[] {
  const ts: number[] = [Math.min(hi, Math.max(lo, first))];
  for (let k = 1; k * step <= hi - lo; k++) {
    for (const t of [ts[0]! + k * step, ts[0]! - k * step]) if (t >= lo - 1e-9 && t <= hi + 1e-9) ts.push(t);
  }
  return ts.map((t) => ({ x: x1 + (x2 - x1) * t, y: y1 + (y2 - y1) * t }));
}

/**
 * The same places moved off the line, just beside it on either side (a w × h box touching the edge
 * at its centre): the fallback when every place on the line is taken.
 */
export function besideEdge(
  x1: number,
  y1: number,
  x2: number,
  y2: number,
  on: readonly { x: number; y: number }[],
  w: number,
  h: number,
): { x: number; y: number }[] {
  const len = Math.hypot(x2 - x1, y2 - y1) || 1;
  // unit normal; the box's half extent along it
  const nx = -(y2 - y1) / len;
  const ny = (x2 - x1) / len;
  const d = (Math.abs(nx) * w + Math.abs(ny) * h) / 2 + 1;
  return on.flatMap((p) => [
    { x: p.x + nx * d, y: p.y + ny * d },
    { x: p.x - nx * d, y: p.y - ny * d },
  ]);
}

/**
 * Weight labels, most constrained first: at each turn the label with the fewest free places left
 * takes its first free one (ties in edge order); a label with none left is not drawn. `placed` grows.
 */
function constrainedFirst(bounds: Box, circles: Circle[], placed: Box[], reqs: Request[]): (Box | null)[] {
  const out: (Box | null)[] = reqs.map(() => null);
  // each label's candidates clear of circles, bounds and the labels placed before
  let free = reqs.map((q) =>
    q.at
      .map((p) => boxAt(p.x, p.y, q.w, q.h))
      .filter(
        (b) =>
          placeBoxes(
            bounds,
            circles,
            [...placed],
            [{ w: b.x1 - b.x0, h: b.y1 - b.y0, at: [{ x: (b.x0 + b.x1) / 2, y: (b.y0 + b.y1) / 2 }] }],
          )[0],
      ),
  );
  const left = new Set(reqs.map((_, k) => k));
  while (left.size > 0) {
    let pick = -1;
    for (const k of left) if (pick < 0 || free[k]!.length < free[pick]!.length) pick = k;
    left.delete(pick);
    const b = free[pick]![0];
    if (!b) continue;
    out[pick] = b;
    placed.push(b);
    free = free.map((f, k) => (left.has(k) ? f.filter((c) => !boxesMeet(c, b, PAD)) : f));
  }
  return out;
}

/**
 * Weight labels placed three ways — in edge order, again with the labels that found no place first,
 * and most constrained first — the way that draws the most kept (the first on a tie). `placed` grows.
 */
export function placeEdges(bounds: Box, circles: Circle[], placed: Box[], reqs: Request[]): (Box | null)[] {
  const count = (r: (Box | null)[]) => r.filter(Boolean).length;
  let best = placeBoxes(bounds, circles, [...placed], reqs);
  if (count(best) < reqs.length) {
    const first = best;
    const order = [...reqs.keys()].sort((i, j) => Number(!!first[i]) - Number(!!first[j]));
    const again = placeBoxes(
      bounds,
      circles,
      [...placed],
      order.map((k) => reqs[k]!),
    );
    const second: (Box | null)[] = reqs.map(() => null);
    order.forEach((k, i) => (second[k] = again[i]!));
    if (count(second) > count(best)) best = second;
    const third = constrainedFirst(bounds, circles, [...placed], reqs);
    if (count(third) > count(best)) best = third;
  }
  for (const b of best) if (b) placed.push(b);
  return best;
}
