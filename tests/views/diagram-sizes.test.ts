/**
 * The diagram's type at any width, in Node: the normal sizes raised so that every text is ≥ 11 px as
 * drawn (hand-derived sizes at the laptop's, tablet's and phone's drawn scales), neurons grown as much
 * as their numbers, a taller viewBox in a narrow box, the numbers drawn or not as at full width, and
 * the hover tooltip set in the diagram's type, pointing at the element as drawn.
 */
import { describe, expect, it } from 'vitest';
import { parseSelection } from '../../src/session/snapshot.ts';
import { tooltipBox } from '../../src/views/diagram/labels.ts';
import { layoutNetwork, viewHeight } from '../../src/views/diagram/layout.ts';
import {
  NORMAL_FONTS,
  diagramFonts,
  neuronScale,
  normalFonts,
  presenterFonts,
} from '../../src/views/diagram/placement.ts';
import { TEXTBOOK, viewAfter } from './helpers.ts';

describe('normal type', () => {
  it('is at least 11 px as drawn at any drawn scale from 0.3 px per unit up', () => {
    for (const drawn of [0.3, 0.44, 0.45, 0.5, 0.6, 0.66, 0.7, 0.88, 0.9, 1, 1.2, 2]) {
      for (const [k, size] of Object.entries(normalFonts(drawn)))
        expect(size * drawn, `${k} at ${drawn}`).toBeGreaterThanOrEqual(11);
    }
  });

  it('keeps the normal sizes from 1 px per unit up', () => {
    expect(normalFonts(1)).toEqual(NORMAL_FONTS);
    expect(normalFonts(1.5)).toEqual(NORMAL_FONTS);
    expect(diagramFonts(1, false)).toEqual(NORMAL_FONTS);
  });

  it('raises every size to the half unit above 11 px / drawn', () => {
    // laptop 0.88: 11 / 0.88 = 12.5 (bias 11 → 12.5, value 12 → 12.5, edge 12.5 kept)
    expect(normalFonts(0.88)).toEqual({
      edge: 12.5,
      value: 12.5,
      bias: 12.5,
      target: 12.5,
      name: 12.5,
      delta: 12.5,
      loss: 12.5,
    });
    // tablet 0.66: 16.67 → 17; phone 0.44: 25 exactly
    expect(normalFonts(0.66).bias).toBe(17);
    expect(normalFonts(0.44).edge).toBe(25);
    expect(normalFonts(0.05).value).toBe(40);
  });

  it('leaves presenter type to its own rule', () => {
    expect(diagramFonts(0.946, true)).toEqual(presenterFonts(0.946));
    expect(diagramFonts(0.946, true).value).toBe(26);
  });
});

describe('neurons hold their numbers', () => {
  it('grow as much as the value type in the normal view, never shrink', () => {
    expect(neuronScale(NORMAL_FONTS, false)).toBe(1);
    expect(neuronScale(normalFonts(0.44), false)).toBeCloseTo(25 / 12, 12);
    expect(neuronScale({ ...NORMAL_FONTS, value: 10 }, false)).toBe(1);
  });

  it('keep the presenter scale 1.45 √(size / 17)', () => {
    expect(neuronScale(presenterFonts(1.5), true)).toBeCloseTo(1.45, 12);
    expect(neuronScale(presenterFonts(0.3))).toBeCloseTo(1.45 * Math.sqrt(2), 12);
  });

  it('a phone’s 2-2-2 neuron is drawn with radius 34 × 25/12 units', () => {
    const l = layoutNetwork([2, 2, 2], 820, 820, 25 / 12, 470);
    // rows 370 apart (0.32 × 370 × s = 246.7), columns 300 (0.16 × 300 × s = 100): 34 × s = 70.8
    expect(l.radius).toBeCloseTo((34 * 25) / 12, 9);
  });
});

describe('a narrow diagram is drawn taller', () => {
  it('470 units tall from 0.6 px per unit up, (0.6 / drawn)² times below, 1.75 times at most', () => {
    expect(viewHeight(1, 470)).toBe(470);
    expect(viewHeight(0.66, 470)).toBe(470);
    expect(viewHeight(0.6, 470)).toBe(470);
    expect(viewHeight(0.5, 470)).toBe(680); // 470 × 1.44 = 676.8
    expect(viewHeight(0.44, 470)).toBe(820); // 1.86 → 1.75: 822.5
    expect(viewHeight(0.2, 470)).toBe(820);
  });

  it('draws numbers for the same nets as at 470 units', () => {
    for (const sizes of [
      [2, 2, 2],
      [3, 3, 2],
      [2, 4, 1],
      [2, 8, 8, 8, 1],
      [2, 6, 6, 1],
    ]) {
      const tall = layoutNetwork(sizes, 820, 820, 2, 470);
      expect(tall.labels, sizes.join('-')).toBe(layoutNetwork(sizes, 820, 470).labels);
    }
    expect(layoutNetwork([2, 8, 8, 8, 1], 820, 820, 2, 470).labels).toBe(false);
    expect(layoutNetwork([2, 2, 2], 820, 820, 2, 470).labels).toBe(true);
  });
});

describe('the tooltip', () => {
  const view = viewAfter(TEXTBOOK, 9);
  const layout = layoutNetwork(view.net.sizes, 820, 470);
  const sel = parseSelection('b 1 0')!;

  it('points at a bias node where it is drawn, just above it', () => {
    // drawn at (300, 200), 20 units tall: the box ends 2 units above its top edge, centred on it
    const at = (s: string) => (s === 'b 1 0' ? { x: 300, y: 200, hh: 10 } : undefined);
    const t = tooltipBox(view, sel, layout, {}, 12, at)!;
    expect(t.top + t.height).toBeCloseTo(200 - 10 - 2, 9);
    expect(t.left + t.width / 2).toBeCloseTo(300, 9);
  });

  it('goes under an element with no room above it', () => {
    const at = () => ({ x: 300, y: 20, hh: 10 });
    const t = tooltipBox(view, sel, layout, {}, 12, at)!;
    expect(t.top).toBeCloseTo(20 + 10 + 2, 9);
  });

  it('is set in the size it is given, its box growing with it', () => {
    const t = tooltipBox(view, sel, layout, {}, 24)!;
    expect(t.size).toBe(24);
    // one line of 'bias b⁽¹⁾₁ = 0.35' (17 characters): 17 × 14 + 24 wide, 15 × 2 + 16 tall
    expect(t.lines).toEqual(['bias b⁽¹⁾₁ = 0.35']);
    expect([t.width, t.height]).toEqual([17 * 14 + 24, 46]);
  });
});
