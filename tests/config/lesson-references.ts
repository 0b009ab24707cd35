/**
 * Float64 references for the lesson captions (tests/config/lesson-captions.test.ts), computed in
 * plain JavaScript arithmetic from the notes' numbers — not by the app's core.
 */
import { buildRun } from '../../src/config/build.ts';
import { findPreset } from '../../src/content/presets.ts';

export const sig = (z: number) => 1 / (1 + Math.exp(-z));

/** The 2-2-2 example of note 003: forward, backward, and training with biases fixed. */
export const TB = { i: [0.05, 0.1], b1: 0.35, b2: 0.6, t: [0.01, 0.99] };
export function textbook(w: readonly number[]) {
  const [i1, i2] = TB.i as [number, number];
  const nh1 = w[0]! * i1 + w[1]! * i2 + TB.b1;
  const nh2 = w[2]! * i1 + w[3]! * i2 + TB.b1;
  const h1 = sig(nh1);
  const h2 = sig(nh2);
  const no1 = w[4]! * h1 + w[5]! * h2 + TB.b2;
  const no2 = w[6]! * h1 + w[7]! * h2 + TB.b2;
  const o1 = sig(no1);
  const o2 = sig(no2);
  const E1 = 0.5 * (TB.t[0]! - o1) ** 2;
  const E2 = 0.5 * (TB.t[1]! - o2) ** 2;
  const d1 = (o1 - TB.t[0]!) * o1 * (1 - o1);
  const d2 = (o2 - TB.t[1]!) * o2 * (1 - o2);
  const dh1 = d1 * w[4]! + d2 * w[6]!;
  const dh2 = d1 * w[5]! + d2 * w[7]!;
  const e1 = dh1 * h1 * (1 - h1);
  const e2 = dh2 * h2 * (1 - h2);
  const grad = [e1 * i1, e1 * i2, e2 * i1, e2 * i2, d1 * h1, d1 * h2, d2 * h1, d2 * h2];
  return { nh1, nh2, h1, h2, no1, no2, o1, o2, E1, E2, E: E1 + E2, d1, d2, dh1, grad };
}
export const W0 = [0.15, 0.2, 0.25, 0.3, 0.4, 0.45, 0.5, 0.55];
export const tb = textbook(W0);
export const W1 = W0.map((w, k) => w - 0.5 * tb.grad[k]!);
let W = W0;
for (let u = 0; u < 10_000; u++) {
  const g = textbook(W).grad;
  W = W.map((w, k) => w - 0.5 * g[k]!);
}
export const E10k = textbook(W).E;

/** A chain of five one-neuron layers (weights 1, x = 1, t = 0.9, ½ squared error): ∂L/∂w per layer. */
export function chain(hidden: 'sigmoid' | 'relu'): number[] {
  const a = [1];
  for (let l = 0; l < 5; l++) a.push(hidden === 'sigmoid' || l === 4 ? sig(a[l]!) : Math.max(a[l]!, 0));
  const y = a[5]!;
  let d = (y - 0.9) * y * (1 - y);
  const g = [0, 0, 0, 0, d * a[4]!];
  for (let l = 3; l >= 0; l--) {
    d *= hidden === 'sigmoid' ? a[l + 1]! * (1 - a[l + 1]!) : a[l + 1]! > 0 ? 1 : 0;
    g[l] = d * a[l]!;
  }
  return g;
}
export const sigChain = chain('sigmoid');
export const reluChain = chain('relu');

/** Note 003's X1 X2 Y table: 2-2-1, sigmoid hidden, linear output, (y − t)², summed over the rows. */
export const X1X2Y = findPreset('table-x1x2y')!.config;
export const P0 = Array.from(buildRun(X1X2Y).params); // the seeded initial weights: an input here
export const ROWS = [
  [90, 40, 10],
  [30, 50, 25],
  [20, 60, 36],
] as const;
export function table(p: readonly number[]) {
  const out = ROWS.map(([x1, x2, t]) => {
    const z1 = p[0]! * x1 + p[1]! * x2 + p[4]!;
    const z2 = p[2]! * x1 + p[3]! * x2 + p[5]!;
    const y = p[6]! * sig(z1) + p[7]! * sig(z2) + p[8]!;
    return { z1, E: (y - t) ** 2, dy: 2 * (y - t) };
  });
  return { rows: out, E: out.reduce((s, r) => s + r.E, 0), dBias: out.reduce((s, r) => s + r.dy, 0) };
}
export const t0 = table(P0);
export const P1 = P0.map((v, k) => (k === 8 ? v - 0.001 * t0.dBias : v));
export const t1 = table(P1);

export const a3 = sig(3);
