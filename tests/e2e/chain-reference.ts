/**
 * A float64 reference for the chain-reference spec, written from the maths, independent of src/core:
 * a seeded generator of small random configs, the forward and backward pass of one sample, and the
 * per-sample / batch schedule of plain (mini-)batch gradient descent.
 */

export type Act = 'sigmoid' | 'tanh' | 'relu' | 'leaky-relu' | 'linear' | 'softmax';
export type Loss = 'squared-error' | 'half-squared-error' | 'mean-squared-error' | 'cross-entropy';
export type Reduction = 'mean' | 'sum';

export interface RefConfig {
  layers: number[];
  activations: Act[];
  loss: Loss;
  learningRate: number;
  batchSize: number;
  trainBiases: boolean;
  /** Only present when the app's schema knows the field. */
  reduction?: Reduction;
  /** weights[l][j][i]: into neuron j of layer l+1 from neuron i of layer l. */
  weights: number[][][];
  biases: number[][];
  data: { inputs: number[][]; targets: number[][] };
}

/** mulberry32: a small seeded generator (the spec never uses Math.random). */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HIDDEN: Act[] = ['sigmoid', 'tanh', 'relu', 'leaky-relu', 'linear'];
/** Output activation and loss: every loss on sigmoid and softmax outputs, the others in turn. */
const OUTPUTS: [Act, Loss][] = [
  ['sigmoid', 'squared-error'],
  ['sigmoid', 'half-squared-error'],
  ['sigmoid', 'mean-squared-error'],
  ['sigmoid', 'cross-entropy'],
  ['softmax', 'cross-entropy'],
  ['softmax', 'squared-error'],
  ['softmax', 'half-squared-error'],
  ['softmax', 'mean-squared-error'],
  ['tanh', 'half-squared-error'],
  ['relu', 'squared-error'],
  ['leaky-relu', 'mean-squared-error'],
  ['linear', 'half-squared-error'],
  ['tanh', 'squared-error'],
  ['relu', 'mean-squared-error'],
  ['leaky-relu', 'half-squared-error'],
  ['linear', 'squared-error'],
];

/**
 * Case k of the spec: output activation and loss OUTPUTS[k mod 16]; batch size 1 or a mini-batch of
 * 2–3 samples, alternating, and the other way round from k = 16 on (the sigmoid losses get both).
 */
export function randomConfig(k: number, withReduction: boolean): RefConfig {
  const r = rng(1000 + 7919 * k);
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  // Values with three decimals, never exactly 0 (so no weighted sum sits on a ReLU's kink).
  const val = (m: number) => {
    const v = Math.round((2 * r() - 1) * m * 1000) / 1000;
    return v === 0 ? 0.123 : v;
  };
  const [outAct, loss] = OUTPUTS[k % OUTPUTS.length]!;
  const hiddenCount = k % 3;
  const layers = [int(1, 3)];
  const activations: Act[] = [];
  for (let h = 0; h < hiddenCount; h++) {
    layers.push(int(1, 3));
    activations.push(HIDDEN[(k + 2 * h) % HIDDEN.length]!);
  }
  layers.push(outAct === 'softmax' ? int(2, 3) : int(1, 3));
  activations.push(outAct);
  const weights = layers
    .slice(1)
    .map((n, l) => Array.from({ length: n }, () => Array.from({ length: layers[l]! }, () => val(1.5))));
  const biases = layers.slice(1).map((n) => Array.from({ length: n }, () => val(0.5)));
  const rows = int(3, 5);
  const K = layers[layers.length - 1]!;
  const target = (): number[] => {
    if (outAct === 'softmax') {
      const hot = int(0, K - 1);
      // one-hot, and now and then a soft target that does not sum to 1 (the δ line shows Σt)
      if (loss === 'cross-entropy' && r() < 0.3)
        return Array.from({ length: K }, () => Math.round(r() * 100) / 100);
      return Array.from({ length: K }, (_, m) => (m === hot ? 1 : 0));
    }
    if (outAct === 'sigmoid') return Array.from({ length: K }, () => Math.round(r() * 100) / 100);
    if (outAct === 'tanh') return Array.from({ length: K }, () => val(0.9));
    return Array.from({ length: K }, () => val(2));
  };
  const inputs = Array.from({ length: rows }, () => Array.from({ length: layers[0]! }, () => val(2)));
  const targets = Array.from({ length: rows }, target);
  const single = (k + Math.floor(k / OUTPUTS.length)) % 2 === 0;
  const batchSize = single ? 1 : int(2, Math.min(3, rows - 1));
  const config: RefConfig = {
    layers,
    activations,
    loss,
    learningRate: [0.05, 0.1, 0.3, 0.5, 1.2][k % 5]!,
    batchSize,
    trainBiases: k % 5 !== 2,
    weights,
    biases,
    data: { inputs, targets },
  };
  if (withReduction) config.reduction = k % 4 === 1 || k % 4 === 2 ? 'sum' : 'mean';
  return config;
}

/** One sample's forward and backward pass; index [l][j], layer 0 = the inputs. */
export interface Trace {
  row: number;
  t: number[];
  z: number[][];
  a: number[][];
  /** ∂L/∂a and δ = ∂L/∂z per neuron (layer 0 unused). */
  dLda: number[][];
  delta: number[][];
}

function act(f: Act, z: number): number {
  switch (f) {
    case 'sigmoid':
      return 1 / (1 + Math.exp(-z));
    case 'tanh':
      return Math.tanh(z);
    case 'relu':
      return z > 0 ? z : 0;
    case 'leaky-relu':
      return z > 0 ? z : 0.01 * z;
    default:
      return z;
  }
}

/** f'(z), written from the definitions (σ' = σ(1 − σ), tanh' = 1 − tanh², ReLU'(0) = 0). */
export function actDerivative(f: Act, z: number, a: number): number {
  switch (f) {
    case 'sigmoid':
      return a * (1 - a);
    case 'tanh':
      return 1 - a * a;
    case 'relu':
      return z > 0 ? 1 : 0;
    case 'leaky-relu':
      return z > 0 ? 1 : 0.01;
    default:
      return 1;
  }
}

/** ∂L/∂a_k of the per-sample loss. */
function lossDerivative(c: RefConfig, a: number, t: number, K: number): number {
  switch (c.loss) {
    case 'squared-error': // Σ(a − t)²
      return 2 * (a - t);
    case 'half-squared-error': // Σ½(a − t)²
      return a - t;
    case 'mean-squared-error': // (1/K)Σ(a − t)²
      return (2 * (a - t)) / K;
    default: // cross-entropy: −Σ t log a (softmax), −Σ[t log a + (1 − t) log(1 − a)] (sigmoid)
      return c.activations[c.activations.length - 1] === 'softmax' ? -t / a : (a - t) / (a * (1 - a));
  }
}

export function traceSample(c: RefConfig, W: number[][][], B: number[][], row: number): Trace {
  const L = c.layers.length - 1;
  const t = c.data.targets[row]!;
  const z: number[][] = [[]];
  const a: number[][] = [c.data.inputs[row]!.slice()];
  for (let l = 1; l <= L; l++) {
    const zl = W[l - 1]!.map((w, j) => w.reduce((s, wi, i) => s + wi * a[l - 1]![i]!, 0) + B[l - 1]![j]!);
    z.push(zl);
    const f = c.activations[l - 1]!;
    if (f === 'softmax') {
      const m = Math.max(...zl);
      const e = zl.map((v) => Math.exp(v - m));
      const s = e.reduce((x, y) => x + y, 0);
      a.push(e.map((v) => v / s));
    } else {
      a.push(zl.map((v) => act(f, v)));
    }
  }
  const dLda: number[][] = a.map((al) => al.map(() => 0));
  const delta: number[][] = a.map((al) => al.map(() => 0));
  const K = c.layers[L]!;
  const out = c.activations[L - 1]!;
  dLda[L] = a[L]!.map((am, m) => lossDerivative(c, am, t[m]!, K));
  if (out === 'softmax') {
    // δ_j = Σ_m ∂L/∂a_m · ∂a_m/∂z_j, with ∂a_m/∂z_j = a_m([m = j] − a_j)
    const am = a[L]!;
    delta[L] = am.map((aj, j) => dLda[L]!.reduce((s, g, m) => s + g * am[m]! * ((m === j ? 1 : 0) - aj), 0));
  } else {
    delta[L] = dLda[L]!.map((g, j) => g * actDerivative(out, z[L]![j]!, a[L]![j]!));
  }
  for (let l = L - 1; l >= 1; l--) {
    const f = c.activations[l - 1]!;
    dLda[l] = a[l]!.map((_, j) => W[l]!.reduce((s, wk, k) => s + delta[l + 1]![k]! * wk[j]!, 0));
    delta[l] = dLda[l]!.map((g, j) => g * actDerivative(f, z[l]![j]!, a[l]![j]!));
  }
  return { row, t, z, a, dLda, delta };
}

export type Param = { kind: 'w'; l: number; j: number; i: number } | { kind: 'b'; l: number; j: number };

export function paramValue(W: number[][][], B: number[][], p: Param): number {
  return p.kind === 'w' ? W[p.l - 1]![p.j]![p.i]! : B[p.l - 1]![p.j]!;
}

/** This sample's ∂L/∂p = δ_j · ∂z_j/∂p. */
export function sampleGradient(tr: Trace, p: Param): number {
  return tr.delta[p.l]![p.j]! * (p.kind === 'w' ? tr.a[p.l - 1]![p.i]! : 1);
}

/** The rows of update u (no shuffling: the data in order, the last batch of an epoch shorter). */
export function batchRows(c: RefConfig, u: number): number[] {
  const R = c.data.inputs.length;
  const perEpoch = Math.ceil(R / c.batchSize);
  const start = (u % perEpoch) * c.batchSize;
  return Array.from({ length: Math.min(R, start + c.batchSize) - start }, (_, s) => start + s);
}

const clone3 = (W: number[][][]) => W.map((m) => m.map((r) => r.slice()));

/** What one update of training saw: its samples' traces, the parameters before and after. */
export interface RefUpdate {
  rows: number[];
  traces: Trace[];
  W: number[][][];
  B: number[][];
  /** The parameters after the update. */
  after: { W: number[][][]; B: number[][] };
}

/** Runs `updates` updates from the config's parameters. */
export function train(c: RefConfig, updates: number): RefUpdate[] {
  let W = clone3(c.weights);
  let B = c.biases.map((r) => r.slice());
  const out: RefUpdate[] = [];
  for (let u = 0; u < updates; u++) {
    const rows = batchRows(c, u);
    const traces = rows.map((row) => traceSample(c, W, B, row));
    const scale = c.learningRate / (c.reduction === 'sum' ? 1 : rows.length);
    const W2 = W.map((m, l) =>
      m.map((r, j) =>
        r.map(
          (w, i) =>
            w - scale * traces.reduce((s, tr) => s + sampleGradient(tr, { kind: 'w', l: l + 1, j, i }), 0),
        ),
      ),
    );
    const B2 = B.map((r, l) =>
      r.map((b, j) =>
        c.trainBiases ? b - scale * traces.reduce((s, tr) => s + tr.delta[l + 1]![j]!, 0) : b,
      ),
    );
    out.push({ rows, traces, W, B, after: { W: W2, B: B2 } });
    W = W2;
    B = B2;
  }
  return out;
}

/** Σ over the first `n` samples of the update of ∂L/∂p. */
export function accumulated(u: RefUpdate, p: Param, n: number): number {
  let s = 0;
  for (let k = 0; k < n; k++) s += sampleGradient(u.traces[k]!, p);
  return s;
}
