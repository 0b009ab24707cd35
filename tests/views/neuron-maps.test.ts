/**
 * The neuron maps' drawing module (src/views/diagram/maps.ts) in Node: which networks get maps, one
 * map per hidden and output neuron with the diagram's ids, placed beside its neuron clear of every
 * circle, of the other maps and of the picture's edge (checked here with its own geometry), or
 * filling a dense net's discs; the labels arranged around them; the colours on the decision
 * boundary's scale; the enlarged map inside the picture.
 */
import { interpolatePuOr } from 'd3-scale-chromatic';
import { describe, expect, it } from 'vitest';
import { findPreset } from '../../src/content/presets.ts';
import { createNetwork } from '../../src/core/model/network.ts';
import { datasetFromRows } from '../../src/core/model/datasets.ts';
import { arrangeLabels } from '../../src/views/diagram/arrange.ts';
import { chainHighlight, stepHighlight } from '../../src/views/diagram/highlight.ts';
import { layoutNetwork } from '../../src/views/diagram/layout.ts';
import {
  enlarged,
  mapBoxes,
  mapCells,
  mapImages,
  mapPixels,
  mapRange,
  placeMaps,
  showsMaps,
} from '../../src/views/diagram/maps.ts';
import { diagramMarks, edgeWidth, maxAbsParam } from '../../src/views/diagram/marks.ts';
import {
  ASCENT,
  LINE,
  NORMAL_FONTS,
  estimateWidth,
  neuronScale,
  normalFonts,
  presenterFonts,
} from '../../src/views/diagram/placement.ts';
import type { FontSizes } from '../../src/views/diagram/placement.ts';
import { viewAfter } from './helpers.ts';

type B = { x0: number; y0: number; x1: number; y1: number };
const meet = (a: B, b: B) =>
  Math.min(a.x1, b.x1) > Math.max(a.x0, b.x0) && Math.min(a.y1, b.y1) > Math.max(a.y0, b.y0);
/** Whether a box reaches into a circle: its nearest point to the centre is closer than r. */
const intoCircle = (b: B, x: number, y: number, r: number) =>
  Math.hypot(Math.max(b.x0, Math.min(x, b.x1)) - x, Math.max(b.y0, Math.min(y, b.y1)) - y) < r;

const FONTS: [string, FontSizes, number, boolean][] = [
  ['normal', NORMAL_FONTS, 470, false],
  ['presenter 17', presenterFonts(1.5), 470, true],
  ['presenter 26', presenterFonts(0.95), 470, true],
  ['tablet 17', normalFonts(0.66), 470, false],
  ['phone 25', normalFonts(0.44), 820, false],
];

/** The diagram's layout as Network.tsx makes it. */
function layoutOf(sizes: readonly number[], fonts: FontSizes, height: number, presenter: boolean) {
  const l = layoutNetwork(sizes, 820, height, neuronScale(fonts, presenter), 470);
  return l.labels || presenter ? l : layoutNetwork(sizes, 820, height, 1, 470);
}

describe('which networks get maps', () => {
  it('two inputs and at least two rows; not the notes’ one-sample 2-2-2, not three inputs', () => {
    expect(showsMaps([2, 4, 1], 200)).toBe(true);
    expect(showsMaps([2, 2, 1], 3)).toBe(true);
    expect(showsMaps([2, 2, 2], 1)).toBe(false);
    expect(showsMaps([3, 3, 2], 4)).toBe(false);
  });
});

describe('map places', () => {
  for (const name of ['xor', 'circle', 'gaussians', 'table-x1x2y', 'spiral']) {
    const sizes = findPreset(name)!.config.layers;
    for (const [mode, fonts, height, presenter] of FONTS) {
      it(`${name}, ${mode}: one per hidden and output neuron, clear of neurons, maps and the edge`, () => {
        const layout = layoutOf(sizes, fonts, height, presenter);
        const places = placeMaps(layout);
        const ids = sizes
          .slice(1)
          .flatMap((n, l) => Array.from({ length: n }, (_, j) => `neuron-map-${l + 1}-${j}`));
        expect(places.map((p) => p.testId)).toEqual(ids);
        const r = layout.radius;
        const boxes = mapBoxes(places);
        for (const b of boxes) {
          expect(b.x0 >= 0 && b.y0 >= 0 && b.x1 <= 820 && b.y1 <= height).toBe(true);
          for (const n of layout.neurons.flat()) expect(intoCircle(b, n.x, n.y, r)).toBe(false);
        }
        for (let i = 0; i < boxes.length; i++)
          for (let k = i + 1; k < boxes.length; k++) expect(meet(boxes[i]!, boxes[k]!)).toBe(false);
        if (layout.labels) {
          // beside each neuron: within three radii of its centre
          expect(boxes.length).toBe(places.length);
          for (const p of places) {
            const n = layout.neurons[p.layer]![p.index]!;
            expect(Math.hypot(p.x - n.x, p.y - n.y)).toBeLessThan(3 * r);
            expect(p.side).toBeGreaterThanOrEqual(0.75 * r - 1e-9);
          }
        } else {
          // a dense net's numbers are hidden: each map fills its neuron's disc
          for (const p of places) {
            const n = layout.neurons[p.layer]![p.index]!;
            expect([p.inside, p.x, p.y, p.side]).toEqual([true, n.x, n.y, 2 * r]);
          }
        }
      });
    }
  }

  for (const name of ['xor', 'circle', 'table-x1x2y']) {
    for (const [mode, fonts, height, presenter] of FONTS) {
      it(`${name}, ${mode}: after a sample, no label meets a map`, () => {
        const config = findPreset(name)!.config;
        const view = viewAfter(config, 2 * config.layers.reduce((a, b) => a + b, 0));
        const layout = layoutOf(view.net.sizes, fonts, height, presenter);
        const places = placeMaps(layout);
        const marks = diagramMarks({
          view,
          layout,
          width: edgeWidth(maxAbsParam(view.params)),
          step: stepHighlight(view),
          chain: chainHighlight(view.net, null),
          selKey: '',
          names: {},
          fast: false,
        });
        const targets = Array.from(view.target, (t) => `y = ${t}`);
        const obstacles = mapBoxes(places);
        const a = arrangeLabels({
          marks,
          layout,
          fonts,
          measure: estimateWidth,
          targets,
          lossText: '0.5',
          obstacles,
        });
        const text = (x: number, y: number, w: number, lines: number, size: number): B => ({
          x0: x - w / 2,
          x1: x + w / 2,
          y0: y - ASCENT * size,
          y1: y - ASCENT * size + lines * LINE * size,
        });
        const labels: B[] = [];
        for (const e of marks.edges) {
          const at = a.edges.get(e.sel);
          if (at)
            labels.push(text(at.x, at.y, estimateWidth(e.label, fonts.edge), at.grad ? 2 : 1, fonts.edge));
        }
        for (const b of a.biases.values())
          labels.push({ x0: b.x - b.hw, x1: b.x + b.hw, y0: b.y - b.hh, y1: b.y + b.hh });
        for (const n of marks.neurons) {
          const t = a.neurons.get(n.sel)!;
          if (t.delta)
            labels.push(
              text(t.delta.x, t.delta.y, estimateWidth(`δ ${n.delta}`, fonts.delta), 1, fonts.delta),
            );
        }
        a.targets.forEach((t, k) =>
          labels.push(text(t.x, t.y, estimateWidth(targets[k]!, fonts.target), 1, fonts.target)),
        );
        labels.push({
          x0: a.loss.x - a.loss.hw,
          x1: a.loss.x + a.loss.hw,
          y0: a.loss.y - a.loss.hh,
          y1: a.loss.y + a.loss.hh,
        });
        const hits = labels.filter((l) => obstacles.some((m) => meet(l, m)));
        expect(hits).toEqual([]);
      });
    }
  }

  it('draws 24 × 24 cells beside the neurons, 16 × 16 in a dense net’s discs', () => {
    const at = (name: string) =>
      placeMaps(layoutOf(findPreset(name)!.config.layers, NORMAL_FONTS, 470, false));
    expect(mapCells(at('xor'))).toBe(24);
    expect(mapCells(at('spiral'))).toBe(16);
  });

  it('enlarges a map 2.6 times (at least 96 units), away from its neuron, kept inside the picture', () => {
    const p = { sel: 'n 1 0', testId: 'neuron-map-1-0', layer: 1, index: 0, side: 40, inside: false };
    // up and right of its neuron: grows up and right by (104 − 40)/2 = 32, then pulled into the picture
    expect(enlarged({ ...p, x: 300, y: 200, nx: 260, ny: 230 }, 820, 470)).toEqual({
      x: 332,
      y: 168,
      side: 104,
    });
    expect(enlarged({ ...p, x: 800, y: 10, nx: 760, ny: 40 }, 820, 470)).toEqual({
      x: 820 - 2 - 52,
      y: 2 + 52,
      side: 104,
    });
    // filling its neuron's disc: grows around it
    const inside = { ...p, x: 300, y: 200, nx: 300, ny: 200, side: 20, inside: true };
    expect(enlarged(inside, 820, 470)).toEqual({ x: 300, y: 200, side: 96 });
  });
});

/** The decision boundary's colour for a share s in [0, 1] (charts/boundary.ts), as r, g, b. */
function boundaryColour(s: number): number[] {
  return /(\d+)\D+(\d+)\D+(\d+)/
    .exec(interpolatePuOr(0.15 + 0.7 * (1 - s)))!
    .slice(1)
    .map(Number);
}

describe('map colours', () => {
  it('places a value in its activation’s range, else the targets’ (output) or its own (hidden)', () => {
    const v = Float64Array.from([5, -2, 3, 0.5]);
    expect(mapRange('tanh', false, [0, 1], v, 0, 4)).toEqual([-1, 1]);
    expect(mapRange('sigmoid', true, [-3, 3], v, 0, 4)).toEqual([0, 1]);
    expect(mapRange('linear', true, [-3, 3], v, 0, 4)).toEqual([-3, 3]);
    expect(mapRange('relu', false, [-3, 3], v, 1, 3)).toEqual([-2, 3]);
    expect(mapRange('relu', false, [-3, 3], Float64Array.from([0, 0]), 0, 2)).toEqual([-1, 1]);
  });

  it('colours as the decision boundary does: purple high, orange low, clamped', () => {
    const px = mapPixels(Float64Array.from([9, 1, -1, 0, -7]), 1, 2, [-1, 1]);
    const at = (k: number) => [px[4 * k]!, px[4 * k + 1]!, px[4 * k + 2]!];
    const close = (a: number[], b: number[]) => a.every((c, i) => Math.abs(c - b[i]!) <= 2);
    expect(close(at(0), boundaryColour(1))).toBe(true);
    expect(close(at(1), boundaryColour(0))).toBe(true);
    expect(close(at(2), boundaryColour(0.5))).toBe(true);
    expect(close(at(3), boundaryColour(0))).toBe(true);
    expect([...px].filter((_, i) => i % 4 === 3)).toEqual([255, 255, 255, 255]);
  });

  it('draws a tanh neuron that reads x1 alone orange on the left, purple on the right', () => {
    const net = createNetwork([2, 1, 1], ['tanh', 'tanh'], 'half-squared-error');
    // hidden: a = tanh(3 x1); output: tanh(−2 a)
    const params = Float64Array.from([3, 0, 0, -2, 0]);
    const raw = datasetFromRows(
      [
        [-1, -1],
        [1, 1],
      ],
      [[-1], [1]],
    );
    const [hidden, out] = mapImages(net, params, { raw, scaling: null }, 4);
    expect(hidden!.length).toBe(4 * 4 * 4);
    const rgb = (px: Uint8ClampedArray, k: number) => [px[4 * k]!, px[4 * k + 1]!, px[4 * k + 2]!];
    // leftmost cell of the top row: x1 = −1.16 + 2.32/8 = −0.87, a = tanh(−2.61) ≈ −0.99: orange; rightmost purple
    expect(rgb(hidden!, 0)[0]!).toBeGreaterThan(rgb(hidden!, 0)[2]!);
    expect(rgb(hidden!, 3)[2]!).toBeGreaterThan(rgb(hidden!, 3)[0]!);
    // the output reverses it
    expect(rgb(out!, 0)[2]!).toBeGreaterThan(rgb(out!, 0)[0]!);
  });
});
