/** Where practice mode's answer card goes (src/views/practice/place.ts): beside the value's place. */
import { describe, expect, it } from 'vitest';
import type { Arranged } from '../../src/views/diagram/arrange.ts';
import { layoutNetwork } from '../../src/views/diagram/layout.ts';
import { cardPlace, practiceAnchor } from '../../src/views/practice/place.ts';

const layout = layoutNetwork([2, 2, 2], 820, 470);
const placed = {
  fonts: { edge: 12 },
  edges: new Map([['w 2 0 0', { x: 400, y: 100, grad: true }]]),
  neurons: new Map(),
  biases: new Map([['b 1 0', { x: 300, y: 200, hw: 20, hh: 9, text: null }]]),
  targets: [],
  loss: { x: 760, y: 235, hw: 30, hh: 24, title: 0, value: 0 },
} as unknown as Arranged;

describe('the place of a practice question', () => {
  it('is the neuron, the loss box, the weight label or the bias node', () => {
    const n = layout.neurons[1]![0]!;
    expect(practiceAnchor('n 1 0', layout, placed)).toEqual({ x: n.x, y: n.y, r: layout.radius });
    expect(practiceAnchor('loss', layout, placed)).toEqual({ x: 760, y: 235, r: 30 });
    expect(practiceAnchor('w 2 0 0', layout, placed)).toEqual({ x: 400, y: 96, r: 12 });
    expect(practiceAnchor('b 1 0', layout, placed)).toEqual({ x: 300, y: 200, r: 20 });
    // a weight whose label found no room: the middle of its edge
    const [a, b] = [layout.neurons[1]![1]!, layout.neurons[2]![0]!];
    expect(practiceAnchor('w 2 0 1', layout, placed)).toEqual({
      x: (a.x + b.x) / 2,
      y: (a.y + b.y) / 2,
      r: 10,
    });
    expect(practiceAnchor('n 5 0', layout, placed)).toBeNull();
  });

  it('puts the card to the right, else the left, else below, inside the figure', () => {
    const card = { width: 300, height: 120, fieldY: 80 };
    const fig = { width: 800, height: 400 };
    // right: left edge 100 + 30 + 12; the field row level with the anchor
    expect(cardPlace({ x: 100, y: 200, r: 30 }, card, fig)).toEqual({ left: 142, top: 120, side: 'right' });
    expect(cardPlace({ x: 700, y: 200, r: 30 }, card, fig)).toEqual({ left: 358, top: 120, side: 'left' });
    // near the top: not above the figure; near the bottom: not below it
    expect(cardPlace({ x: 100, y: 10, r: 30 }, card, fig).top).toBe(0);
    expect(cardPlace({ x: 100, y: 390, r: 30 }, card, fig).top).toBe(280);
    // a narrow figure: below, within its width
    const narrow = { width: 360, height: 400 };
    expect(cardPlace({ x: 180, y: 100, r: 30 }, card, narrow)).toEqual({ left: 30, top: 142, side: 'below' });
    expect(cardPlace({ x: 20, y: 100, r: 30 }, card, narrow).left).toBe(0);
    expect(cardPlace({ x: 330, y: 100, r: 30 }, card, narrow).left).toBe(60);
  });
});
