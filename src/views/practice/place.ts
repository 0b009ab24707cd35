/**
 * Where practice mode's answer card goes (issue 12 §1): beside the place its value will appear — the
 * neuron (z, a, ∂L/∂a, δ), the loss box (L), the weight's or bias's label (∂L/∂w, the new weight) —
 * in the diagram's viewBox units, then in the figure's pixels: to the right of that place when the
 * card fits there, else to its left, else below it, always inside the figure's width. Pure.
 */
import type { Arranged } from '../diagram/arrange.ts';
import type { DiagramLayout } from '../diagram/layout.ts';

/** A place in the diagram: its centre and half size (viewBox units). */
export interface Anchor {
  readonly x: number;
  readonly y: number;
  readonly r: number;
}

/** Where question `at` (`n l j`, `w l j i`, `b l j`, `loss`) shows its value, or null. */
export function practiceAnchor(at: string, layout: DiagramLayout, placed: Arranged): Anchor | null {
  if (at === 'loss') {
    const l = placed.loss;
    return { x: l.x, y: l.y, r: Math.max(l.hw, l.hh) };
  }
  const [kind, ...rest] = at.split(' ');
  const [l, j, i] = rest.map(Number) as [number, number, number | undefined];
  const neuron = (layer: number, k: number) => layout.neurons[layer]?.[k];
  if (kind === 'n') {
    const p = neuron(l, j);
    return p ? { x: p.x, y: p.y, r: layout.radius } : null;
  }
  if (kind === 'b') {
    const b = placed.biases.get(at);
    if (b) return { x: b.x, y: b.y, r: Math.max(b.hw, b.hh) };
    const p = neuron(l, j) ? layout.bias(l, j) : null;
    return p ? { x: p.x, y: p.y, r: 10 } : null;
  }
  if (kind === 'w' && i !== undefined) {
    const label = placed.edges.get(at);
    if (label) return { x: label.x, y: label.y - placed.fonts.edge / 3, r: placed.fonts.edge };
    const a = neuron(l - 1, i);
    const b = neuron(l, j);
    return a && b ? { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2, r: 10 } : null;
  }
  return null;
}

export interface CardPlace {
  readonly left: number;
  readonly top: number;
  readonly side: 'right' | 'left' | 'below';
}

/**
 * The card's top-left corner (px, in the figure) for an anchor at (x, y) px of half size r: the
 * card's field row (`fieldY` px from its top) level with the anchor beside it, or the card under it.
 */
export function cardPlace(
  anchor: Anchor,
  card: { readonly width: number; readonly height: number; readonly fieldY: number },
  figure: { readonly width: number; readonly height: number },
  gap = 12,
): CardPlace {
  const maxTop = Math.max(0, figure.height - card.height);
  const besideTop = Math.min(maxTop, Math.max(0, anchor.y - card.fieldY));
  if (anchor.x + anchor.r + gap + card.width <= figure.width)
    return { left: anchor.x + anchor.r + gap, top: besideTop, side: 'right' };
  if (anchor.x - anchor.r - gap - card.width >= 0)
    return { left: anchor.x - anchor.r - gap - card.width, top: besideTop, side: 'left' };
  const left = Math.min(Math.max(0, figure.width - card.width), Math.max(0, anchor.x - card.width / 2));
  return { left, top: anchor.y + anchor.r + gap, side: 'below' };
}
