/**
 * Note 003's net by hand, in float64, independent of src/: 2-2-2 sigmoid, x = (0.05, 0.1),
 * t = (0.01, 0.99), biases fixed at 0.35 and 0.6, E = ½Σ(o − t)². Tests build optimisers and
 * schedules on top of this gradient.
 */
export const TEXTBOOK_WEIGHTS: readonly number[] = [0.15, 0.2, 0.25, 0.3, 0.4, 0.45, 0.5, 0.55]; // w1…w8

const sig = (z: number) => 1 / (1 + Math.exp(-z));

/** ∂E/∂w1 … ∂E/∂w8 at weights w1…w8. */
export function textbookGradient(w: readonly number[]): number[] {
  const x = [0.05, 0.1];
  const t = [0.01, 0.99];
  const h1 = sig(w[0]! * x[0]! + w[1]! * x[1]! + 0.35);
  const h2 = sig(w[2]! * x[0]! + w[3]! * x[1]! + 0.35);
  const o1 = sig(w[4]! * h1 + w[5]! * h2 + 0.6);
  const o2 = sig(w[6]! * h1 + w[7]! * h2 + 0.6);
  const d1 = (o1 - t[0]!) * o1 * (1 - o1);
  const d2 = (o2 - t[1]!) * o2 * (1 - o2);
  const e1 = (d1 * w[4]! + d2 * w[6]!) * h1 * (1 - h1);
  const e2 = (d1 * w[5]! + d2 * w[7]!) * h2 * (1 - h2);
  return [e1 * x[0]!, e1 * x[1]!, e2 * x[0]!, e2 * x[1]!, d1 * h1, d1 * h2, d2 * h1, d2 * h2];
}

/** E = ½Σ(o − t)² at weights w1…w8. */
export function textbookLoss(w: readonly number[]): number {
  const h1 = sig(w[0]! * 0.05 + w[1]! * 0.1 + 0.35);
  const h2 = sig(w[2]! * 0.05 + w[3]! * 0.1 + 0.35);
  const o1 = sig(w[4]! * h1 + w[5]! * h2 + 0.6);
  const o2 = sig(w[6]! * h1 + w[7]! * h2 + 0.6);
  return 0.5 * ((o1 - 0.01) ** 2 + (o2 - 0.99) ** 2);
}
