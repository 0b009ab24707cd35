/**
 * What the neuron maps draw (pure; tested in Node): whether a network gets maps, where each map goes
 * (next to its neuron, clear of every neuron and of the other maps; the labels are then placed around
 * them, `arrangeLabels` `obstacles`), how large it grows when hovered or selected, and its pixels,
 * coloured on the decision boundary's diverging scale. The numbers: core/inspect/neuron-maps.ts.
 */
import { interpolatePuOr } from 'd3-scale-chromatic';
import type { ActivationName } from '../../core/model/activations.ts';
import type { Network } from '../../core/model/network.ts';
import { boundaryExtent, targetRange } from '../../core/inspect/insights.ts';
import { mapCount, neuronMaps } from '../../core/inspect/neuron-maps.ts';
import type { DataInfo } from '../../session/shapes.ts';
import type { DiagramLayout } from './layout.ts';
import { boxAt, placeBoxes } from './placement.ts';
import type { Box, Circle, Request } from './placement.ts';

/** Grid cells per side of a map (24 × 24 forward passes per map refresh). */
export const MAP_CELLS = 24;

/**
 * Cells per side for these maps: MAP_CELLS, or 16 when they fill a dense net's small discs (up to
 * 8 × 16 maps, each drawn about 30 px wide: the coarser grid costs less than half as much).
 */
export function mapCells(places: readonly MapPlace[]): number {
  return places.some((p) => p.inside) ? 16 : MAP_CELLS;
}

/**
 * Maps are drawn for two inputs and at least two rows: a single row (the notes' 2-2-2 example) has
 * no plane of data to map, only a box drawn around one point.
 */
export function showsMaps(sizes: readonly number[], rows: number): boolean {
  return sizes[0] === 2 && rows >= 2;
}

/** A map's place: the centre and side of its square; `inside` when it fills its neuron's disc. */
export interface MapPlace {
  /** The neuron's selection key (`n l j`) and the map's test id `neuron-map-l-j`. */
  readonly sel: string;
  readonly testId: string;
  readonly layer: number;
  readonly index: number;
  readonly x: number;
  readonly y: number;
  readonly side: number;
  readonly inside: boolean;
  /** Its neuron's centre. */
  readonly nx: number;
  readonly ny: number;
}

/** Candidate centres for a map of side s next to a neuron at (x, y) of radius r, best first. */
function around(x: number, y: number, r: number, s: number, output: boolean): { x: number; y: number }[] {
  const g = 3;
  const right = x + r + g + s / 2;
  const left = x - r - g - s / 2;
  const up = y - r * 0.35 - s / 2;
  const down = y + r * 0.35 + s / 2;
  const above = { x, y: y - r - g - s / 2 };
  const below = { x, y: y + r + g + s / 2 };
  const diag = r * 0.75 + s / 2;
  const side = [
    { x: right, y: up },
    { x: right, y: down },
    { x: x + diag, y: y - diag },
    { x: x + diag, y: y + diag },
    { x: right, y },
  ];
  const other = [
    above,
    below,
    { x: left, y: up },
    { x: left, y: down },
    { x: x - diag, y: y - diag },
    { x: x - diag, y: y + diag },
  ];
  // an output's right-hand side is its target's and the loss's
  return output ? [above, below, ...other.slice(2), ...side] : [...side, ...other];
}

/**
 * Every hidden and output neuron's map. Where the neurons hold no numbers (a dense net's small
 * circles), the map fills the neuron's disc; otherwise it goes beside its neuron, at the first of its
 * candidate places (right of a hidden neuron, above or below an output) that meets no neuron, no map
 * placed before it and stays in the picture, as large as fits (1.3 r down to 0.75 r); failing that,
 * it fills the disc too. The right of the outputs (their targets, the loss box) is kept free.
 */
export function placeMaps(layout: DiagramLayout): MapPlace[] {
  const r = layout.radius;
  const last = layout.neurons.length - 1;
  const circles: Circle[] = layout.neurons.flat().map((n) => ({ x: n.x, y: n.y, r }));
  const { width, height } = layout;
  const bounds: Box = { x0: 2, y0: 2, x1: width - 2, y1: height - 2 };
  const outs = layout.neurons[last]!;
  const right = Math.max(...outs.map((o) => o.x)) + r + 1;
  const placed: Box[] = [
    ...outs.map((o) => ({ x0: right, y0: o.y - r, x1: width, y1: o.y + r })),
    { x0: right, y0: height / 2 - 45, x1: width, y1: height / 2 + 45 },
  ];
  const out: MapPlace[] = [];
  for (const layer of layout.neurons.slice(1)) {
    for (const n of layer) {
      const base = { sel: `n ${n.layer} ${n.index}`, testId: `neuron-map-${n.layer}-${n.index}` };
      const at = { ...base, layer: n.layer, index: n.index, nx: n.x, ny: n.y };
      let box: Box | null = null;
      if (layout.labels) {
        for (const k of [1.3, 1.1, 0.9, 0.75]) {
          const s = Math.max(16, Math.min(64, r * k));
          const q: Request = { w: s, h: s, at: around(n.x, n.y, r, s, n.layer === last) };
          box = placeBoxes(bounds, circles, placed, [q])[0] ?? null;
          if (box) break;
        }
      }
      out.push(
        box
          ? {
              ...at,
              x: (box.x0 + box.x1) / 2,
              y: (box.y0 + box.y1) / 2,
              side: box.x1 - box.x0,
              inside: false,
            }
          : { ...at, x: n.x, y: n.y, side: 2 * r, inside: true },
      );
    }
  }
  return out;
}

/** The boxes of the maps drawn beside their neurons: the labels' obstacles. */
export function mapBoxes(places: readonly MapPlace[]): Box[] {
  return places.filter((p) => !p.inside).map((p) => boxAt(p.x, p.y, p.side, p.side));
}

/**
 * A hovered or selected map, enlarged: 2.6 times its side (at least 96 units), growing away from its
 * neuron (the corner nearest the neuron stays put) and moved into the picture.
 */
export function enlarged(p: MapPlace, width: number, height: number): { x: number; y: number; side: number } {
  const side = Math.min(Math.max(96, p.side * 2.6), width - 4, height - 4);
  const h = side / 2;
  const grow = (side - p.side) / 2;
  const x = p.x + Math.sign(Math.round(p.x - p.nx)) * grow;
  const y = p.y + Math.sign(Math.round(p.y - p.ny)) * grow;
  return {
    x: Math.min(Math.max(x, 2 + h), width - 2 - h),
    y: Math.min(Math.max(y, 2 + h), height - 2 - h),
    side,
  };
}

/**
 * The values a map's colours span: a bounded activation's range (tanh [−1, 1]; sigmoid and softmax
 * [0, 1]); else the output's targets' range for an output, and the map's own smallest and largest
 * value for a hidden neuron (widened by 1 each way when flat).
 */
export function mapRange(
  act: ActivationName,
  output: boolean,
  targets: readonly [number, number],
  values: Float64Array,
  from: number,
  to: number,
): [number, number] {
  if (act === 'tanh') return [-1, 1];
  if (act === 'sigmoid' || act === 'softmax') return [0, 1];
  if (output) return [targets[0], targets[1]];
  let lo = Infinity;
  let hi = -Infinity;
  for (let k = from; k < to; k++) {
    lo = Math.min(lo, values[k]!);
    hi = Math.max(hi, values[k]!);
  }
  return hi > lo ? [lo, hi] : [lo - 1, hi + 1];
}

/** 256 colours of the decision boundary's scale (boundary.ts): purple high, orange low. */
let lut: Uint8ClampedArray | null = null;
function colours(): Uint8ClampedArray {
  if (lut) return lut;
  lut = new Uint8ClampedArray(256 * 3);
  for (let i = 0; i < 256; i++) {
    const m = /(\d+)\D+(\d+)\D+(\d+)/.exec(interpolatePuOr(0.15 + 0.7 * (1 - i / 255)))!;
    lut.set([Number(m[1]), Number(m[2]), Number(m[3])], 3 * i);
  }
  return lut;
}

/**
 * One map's RGBA pixels (cells × cells, row by row from the top): values[from + k] placed in
 * `range` and coloured as the decision boundary colours the output.
 */
export function mapPixels(
  values: Float64Array,
  from: number,
  cells: number,
  range: readonly [number, number],
): Uint8ClampedArray {
  const c = colours();
  const px = new Uint8ClampedArray(cells * cells * 4);
  const [lo, hi] = range;
  for (let k = 0; k < cells * cells; k++) {
    const t = (values[from + k]! - lo) / (hi - lo);
    const i = 3 * Math.round(255 * (t < 0 ? 0 : t > 1 ? 1 : t));
    px[4 * k] = c[i]!;
    px[4 * k + 1] = c[i + 1]!;
    px[4 * k + 2] = c[i + 2]!;
    px[4 * k + 3] = 255;
  }
  return px;
}

/**
 * Every hidden and output neuron's map as RGBA pixels (`cells` per side), in the order of the
 * neurons (layer 1 first; `mapIndex`): the network over the decision boundary's box, fed as it is
 * trained (standardised inputs when the data is).
 */
export function mapImages(
  net: Network,
  params: Float64Array,
  data: Pick<DataInfo, 'raw' | 'scaling'>,
  cells: number = MAP_CELLS,
): Uint8ClampedArray[] {
  const values = neuronMaps(net, params, { extent: boundaryExtent(data.raw), cells, scaling: data.scaling });
  const targets = targetRange(data.raw);
  const area = cells * cells;
  const first = net.sizes[0]!;
  return Array.from({ length: mapCount(net) }, (_, m) => {
    let l = 1;
    while (net.nOff[l]! + net.sizes[l]! <= first + m) l++;
    const range = mapRange(
      net.activations[l - 1]!,
      l === net.depth,
      targets,
      values,
      m * area,
      (m + 1) * area,
    );
    return mapPixels(values, m * area, cells, range);
  });
}
