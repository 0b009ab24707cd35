/**
 * The label placement in Node: the geometry by hand (a 3-4-5 chord, boxes against a circle), numbers
 * fitted to a width, and on real networks (the notes' 2-2-2, face/car 3-3-2, a 2-4-2) in the normal
 * and the presenter fonts, an independent check that no placed text box meets another or a circle.
 */
import { describe, expect, it } from 'vitest';
import { findPreset } from '../../src/content/presets.ts';
import type { RunView } from '../../src/session/snapshot.ts';
import { arrangeLabels } from '../../src/views/diagram/arrange.ts';
import { chainHighlight, stepHighlight } from '../../src/views/diagram/highlight.ts';
import { layoutNetwork } from '../../src/views/diagram/layout.ts';
import { diagramMarks, edgeWidth, maxAbsParam } from '../../src/views/diagram/marks.ts';
import {
  alongEdge,
  boxMeetsCircle,
  boxesMeet,
  chord,
  estimateWidth,
  fitNumber,
  fmtDigits,
  NORMAL_FONTS,
  neuronScale,
  normalFonts,
  presenterFonts,
  LINE,
  ASCENT,
  placeBoxes,
} from '../../src/views/diagram/placement.ts';
import type { Box, FontSizes } from '../../src/views/diagram/placement.ts';
import { TEXTBOOK, viewAfter } from './helpers.ts';

describe('placement geometry', () => {
  it('measures chords and meets boxes and circles as drawn by hand', () => {
    expect(chord(5, 3)).toBe(8);
    expect(chord(5, 5)).toBe(0);
    const c = { x: 0, y: 0, r: 5 };
    // the box's nearest point to the centre is (3, 4): distance 5, on the circle
    expect(boxMeetsCircle({ x0: 3, y0: 4, x1: 10, y1: 10 }, c)).toBe(false);
    expect(boxMeetsCircle({ x0: 2.9, y0: 4, x1: 10, y1: 10 }, c)).toBe(true);
    // a box's corner near, but outside, the circle (nearest point (4, 4): distance 5.66)
    expect(boxMeetsCircle({ x0: 4, y0: 4, x1: 9, y1: 9 }, c)).toBe(false);
    expect(boxesMeet({ x0: 0, y0: 0, x1: 2, y1: 2 }, { x0: 2, y0: 0, x1: 4, y1: 2 })).toBe(false);
    expect(boxesMeet({ x0: 0, y0: 0, x1: 2, y1: 2 }, { x0: 1.5, y0: 1.5, x1: 4, y1: 4 })).toBe(true);
  });

  it('slides along an edge from the preferred place, between 20 % and 80 %', () => {
    const at = alongEdge(0, 0, 100, 0, 0.5, 0.2, 0.8, 0.1);
    expect(at.map((p) => Math.round(p.x))).toEqual([50, 60, 40, 70, 30, 80, 20]);
    expect(at.every((p) => p.y === 0)).toBe(true);
    expect(alongEdge(0, 0, 100, 0, 0.05)[0]!.x).toBeCloseTo(20, 12);
  });

  it('takes the first free candidate, and none when every one is taken', () => {
    const bounds = { x0: 0, y0: 0, x1: 200, y1: 200 };
    const circles = [{ x: 50, y: 50, r: 20 }];
    const placed: Box[] = [];
    const got = placeBoxes(bounds, circles, placed, [
      // on the circle, then free at (120, 50)
      {
        w: 20,
        h: 10,
        at: [
          { x: 50, y: 50 },
          { x: 120, y: 50 },
        ],
      },
      // on the first label, then outside the bounds
      {
        w: 20,
        h: 10,
        at: [
          { x: 125, y: 52 },
          { x: 195, y: 100 },
        ],
      },
    ]);
    expect(got[0]).toEqual({ x0: 110, y0: 45, x1: 130, y1: 55 });
    expect(got[1]).toBeNull();
    expect(placed).toHaveLength(1);
  });
});

describe('presenter type', () => {
  it('is at least 24 px as drawn, whatever the drawn scale from 0.75 px per unit up (17 to 34 units)', () => {
    for (const drawn of [0.75, 0.8, 0.946, 1, 1.2, 1.44, 1.5, 2]) {
      const f = presenterFonts(drawn);
      for (const size of Object.values(f)) expect(size * drawn).toBeGreaterThanOrEqual(24);
    }
    expect(presenterFonts(1.5).edge).toBe(17);
    expect(presenterFonts(0.946).value).toBe(26); // 24.5 / 0.946 = 25.9, up to the half unit
    expect(presenterFonts(0.3).value).toBe(34);
  });
});

describe('numbers fitted to a neuron', () => {
  it('keeps fmt’s four digits when they fit, fewer when not', () => {
    expect(fitNumber(0.377541, 'z ', 1000, 12, estimateWidth)).toBe('z 0.3775');
    expect(fitNumber(-67.2, 'z ', 1000, 12, estimateWidth)).toBe('z −67.2');
    const w = estimateWidth('z 0.38', 12);
    expect(fitNumber(0.377541, 'z ', w, 12, estimateWidth)).toBe('z 0.38');
    expect(fitNumber(6.51349e-30, 'a ', 1000, 12, estimateWidth)).toBe('a 6.513×10⁻³⁰');
    expect(fitNumber(6.51349e-30, 'a ', estimateWidth('a 6.5×10⁻³⁰', 12), 12, estimateWidth)).toBe(
      'a 6.5×10⁻³⁰',
    );
  });

  it('writes fewer significant digits in fmt’s forms', () => {
    expect(fmtDigits(-0.377541, 2)).toBe('−0.38');
    expect(fmtDigits(6.51349e-30, 1)).toBe('7×10⁻³⁰');
    expect(fmtDigits(-123456, 3)).toBe('−1.23×10⁵');
    expect(fmtDigits(0, 2)).toBe('0');
  });
});

function arranged(view: RunView, fonts: FontSizes, presenter: boolean, height = 470) {
  const layout = layoutNetwork(view.net.sizes, 820, height, neuronScale(fonts, presenter), 470);
  const marks = diagramMarks({
    view,
    layout,
    width: edgeWidth(maxAbsParam(view.params)),
    step: stepHighlight(view),
    chain: chainHighlight(view.net, null),
    selKey: '',
    names: { 'n 1 0': 'h1', 'n 0 0': 'x1' },
    fast: false,
  });
  const targets = Array.from(view.target, (t) => `t = ${t}`);
  const a = arrangeLabels({ marks, layout, fonts, measure: estimateWidth, targets, lossText: '0.2984' });
  return { marks, a };
}

/** Every text's box from the returned positions, rebuilt in the test (centre x, first baseline). */
function textBoxes(view: RunView, fonts: FontSizes, presenter: boolean, height = 470) {
  const { marks, a } = arranged(view, fonts, presenter, height);
  const box = (x: number, y: number, w: number, lines: number, size: number, what: string) => ({
    what,
    b: { x0: x - w / 2, x1: x + w / 2, y0: y - ASCENT * size, y1: y - ASCENT * size + lines * LINE * size },
  });
  const out: { what: string; b: Box }[] = [];
  for (const e of marks.edges) {
    const at = a.edges.get(e.sel);
    if (!at) continue;
    // the weight, and its ∂ under it when there was room for two lines
    const lines = at.grad ? [e.label, `∂ ${e.grad}`] : [e.label];
    const w = Math.max(...lines.map((l) => estimateWidth(l, fonts.edge)));
    out.push(box(at.x, at.y, w, lines.length, fonts.edge, e.sel));
  }
  for (const n of marks.neurons) {
    const t = a.neurons.get(n.sel)!;
    if (t.delta)
      out.push(
        box(t.delta.x, t.delta.y, estimateWidth(`δ ${n.delta}`, fonts.delta), 1, fonts.delta, `δ ${n.sel}`),
      );
    if (t.name)
      out.push(box(t.name.x, t.name.y, estimateWidth(n.name, fonts.name), 1, fonts.name, `name ${n.sel}`));
  }
  a.targets.forEach((t, k) =>
    out.push(box(t.x, t.y, estimateWidth(`t = ${view.target[k]}`, fonts.target), 1, fonts.target, `t${k}`)),
  );
  for (const [sel, b] of a.biases)
    out.push({ what: sel, b: { x0: b.x - b.hw, x1: b.x + b.hw, y0: b.y - b.hh, y1: b.y + b.hh } });
  const fl = fonts.loss;
  out.push(box(a.loss.x, a.loss.title, estimateWidth('L', fl), 1, fl, 'L'));
  out.push(box(a.loss.x, a.loss.value, estimateWidth('0.2984', fl), 1, fl, 'loss'));
  return { marks, a, out };
}

// presenter type drawn at 1.5 px per unit (17 units) and at 0.95 (beside the chain rule: 26 units);
// normal type on a tablet (0.66 px per unit: 17 units) and a phone (0.44: 25 units, 820 units tall)
const FONTS: [string, FontSizes, number][] = [
  ['normal', NORMAL_FONTS, 470],
  ['presenter 17', presenterFonts(1.5), 470],
  ['presenter 26', presenterFonts(0.95), 470],
  ['tablet 17', normalFonts(0.66), 470],
  ['phone 25', normalFonts(0.44), 820],
];

/** At most this many weight labels find no place, even on one line without their ∂ (of 8, 15, 12). */
const HIDDEN: Record<string, Record<string, number>> = {
  'textbook 2-2-2': { normal: 0, 'presenter 17': 0, 'presenter 26': 2, 'tablet 17': 0, 'phone 25': 0 },
  'face/car 3-3-2': { normal: 0, 'presenter 17': 0, 'presenter 26': 1, 'tablet 17': 0, 'phone 25': 1 },
  'xor 2-4-1': { normal: 0, 'presenter 17': 0, 'presenter 26': 4, 'tablet 17': 0, 'phone 25': 1 },
};

const CASES: [string, RunView][] = [
  ['textbook 2-2-2', viewAfter(TEXTBOOK, 9)],
  ['face/car 3-3-2', viewAfter(findPreset('face-car')!.config, 11)],
  ['xor 2-4-1', viewAfter(findPreset('xor')!.config, 11)],
];

describe('labels that never collide', () => {
  for (const [name, view] of CASES) {
    for (const [mode, fonts, height] of FONTS) {
      const presenter = mode.startsWith('presenter');
      it(`${name}, ${mode}: no text meets another text or a circle`, () => {
        const { marks, a, out } = textBoxes(view, fonts, presenter, height);
        // weight labels left to the tooltip: none at normal size or in a presenter diagram drawn
        // full width; 24 px type in a diagram 776 px wide (beside the chain rule) has less room
        const hidden = marks.edges.filter((e) => !a.edges.get(e.sel)).length;
        expect(hidden).toBeLessThanOrEqual(HIDDEN[name]![mode]!);
        expect(out.length).toBeGreaterThan(marks.edges.length);
        const bad: string[] = [];
        for (let i = 0; i < out.length; i++) {
          for (let j = i + 1; j < out.length; j++)
            if (boxesMeet(out[i]!.b, out[j]!.b, -0.5)) bad.push(`${out[i]!.what} × ${out[j]!.what}`);
          for (const n of marks.neurons)
            if (boxMeetsCircle(out[i]!.b, n, -0.5)) bad.push(`${out[i]!.what} × ${n.sel}`);
        }
        expect(bad).toEqual([]);
      });

      it(`${name}, ${mode}: the numbers inside a neuron fit its circle`, () => {
        const { marks, a } = arranged(view, fonts, presenter, height);
        for (const n of marks.neurons) {
          const t = a.neurons.get(n.sel)!;
          t.lines.forEach((line, k) => {
            // the line's digits reach from its baseline up 0.73 em: the chord there bounds its width
            const y = t.at[k]!.y;
            const dy = Math.max(Math.abs(y - n.y), Math.abs(y - 0.73 * fonts.value - n.y));
            expect(estimateWidth(line, fonts.value), `${n.sel} ${line}`).toBeLessThanOrEqual(chord(n.r, dy));
          });
        }
      });
    }
  }

  it('keeps a weight on one line, its ∂ in the tooltip, when two lines find no room', () => {
    const { marks, a } = arranged(viewAfter(TEXTBOOK, 9), presenterFonts(0.95), true);
    const places = marks.edges.map((e) => a.edges.get(e.sel));
    expect(places.some((p) => p && !p.grad)).toBe(true);
    expect(places.some((p) => p?.grad)).toBe(true);
  });

  it('stacks ∂ under the weight and keeps the weight’s digits whole in presenter mode', () => {
    const { marks, a } = arranged(viewAfter(TEXTBOOK, 9), presenterFonts(1.5), true);
    const w5 = marks.edges.find((e) => e.testId === 'w-2-0-0')!;
    expect(w5.label).toBe('0.4');
    expect(w5.grad).toBe('0.08217');
    expect(a.edges.get(w5.sel)).not.toBeNull();
  });
});
