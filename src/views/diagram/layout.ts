/**
 * Where everything of the network diagram goes, as plain numbers (D3 scales, no DOM): layers left to
 * right, neurons spread vertically, a bias node under each neuron, the loss on the right.
 */
import { scalePoint } from 'd3-scale';

export interface NeuronPos {
  readonly layer: number;
  readonly index: number;
  /** Index in the network's neuron arrays. */
  readonly k: number;
  readonly x: number;
  readonly y: number;
}

export interface DiagramLayout {
  readonly width: number;
  readonly height: number;
  readonly radius: number;
  /** Whether numbers fit inside neurons and along edges (else they show on hover). */
  readonly labels: boolean;
  readonly neurons: readonly NeuronPos[][];
  readonly bias: (l: number, j: number) => { x: number; y: number };
  readonly lossX: number;
}

/**
 * The normal view's viewBox height for a drawn scale (px per unit): `base` from 0.6 px per unit up;
 * taller in a narrower box, (0.6 / drawn)² times, 1.75 times at most (a phone's 375 px wide diagram
 * is about as tall as wide), so that its larger type still finds room between the layers. Rounded to
 * 10 units.
 */
export function viewHeight(drawn: number, base: number): number {
  const k = Math.min(1.75, Math.max(1, (0.6 / Math.max(drawn, 0.1)) ** 2));
  return Math.round((base * k) / 10) * 10;
}

/**
 * `scale` enlarges the neurons (larger type sets larger numbers in them); whether numbers are drawn is
 * decided at `labelHeight` (a phone's taller diagram draws the same nets' numbers as the laptop's).
 */
export function layoutNetwork(
  sizes: readonly number[],
  width: number,
  height: number,
  scale = 1,
  labelHeight = height,
): DiagramLayout {
  const layers = sizes.length;
  const maxN = Math.max(...sizes);
  const lossGap = 110;
  const x = scalePoint<number>()
    .domain(sizes.map((_, l) => l))
    .range([70, width - lossGap - 40])
    .padding(0);
  const rowGap = (height - 80) / Math.max(1, maxN);
  const colGap = layers > 1 ? (width - lossGap - 110) / (layers - 1) : width;
  const radius = Math.max(7, Math.min(34 * scale, rowGap * 0.32 * scale, colGap * 0.22 * scale));
  const labelGap = (Math.min(height, labelHeight) - 80) / Math.max(1, maxN);
  const labels = Math.min(34, labelGap * 0.32, colGap * 0.22) >= 24;
  let k = 0;
  const neurons = sizes.map((n, l) => {
    // every layer is centred vertically, neurons one row apart
    const top = height / 2 - ((n - 1) * rowGap) / 2;
    return Array.from({ length: n }, (_, j) => ({
      layer: l,
      index: j,
      k: k++,
      x: x(l)!,
      y: top + j * rowGap,
    }));
  });
  return {
    width,
    height,
    radius,
    labels,
    neurons,
    bias: (l, j) => {
      const p = neurons[l]![j]!;
      return { x: p.x - radius * 0.9, y: p.y + radius + Math.max(10, radius * 0.55) };
    },
    lossX: width - lossGap / 2 - 20,
  };
}
