/**
 * The losses of one sample over its K outputs, one record each: the value, the derivative ∂L/∂a_k,
 * the compiled kernel's source of the derivative, and the TeX. Adding a loss is one record here;
 * tests/core/losses.test.ts checks each record's pieces against each other.
 *
 * The loss of a set of samples reduces the per-sample losses by `Reduction`: their mean (the default)
 * or their sum (the notes' E = E1 + E2 + E3); a batch's gradient is reduced the same way (`schedule.ts`).
 * Cross-entropy is computed from z (log-sum-exp / softplus) so it stays finite where a saturates; with
 * a sigmoid output it is the binary cross-entropy, with a softmax output the categorical one.
 */
import { ACT } from './activations.ts';
import { exp, log, softplus } from './math.ts';

/** How a batch or a data set combines its per-sample losses and gradients. */
export const REDUCTIONS = ['mean', 'sum'] as const;
export type Reduction = (typeof REDUCTIONS)[number];

/** The loss of n samples from the sum of their losses: the sum itself, or the mean. */
export function reduceLoss(sum: number, n: number, reduction: Reduction = 'mean'): number {
  return reduction === 'sum' ? sum : sum / n;
}

interface LossSpec {
  readonly label: string;
  /**
   * The loss of one sample: outputs a[off…off+K) with their sums z[off…off+K), targets t[tOff…),
   * after the output activation of code `outAct`.
   */
  readonly value: (
    outAct: number,
    z: Float64Array,
    a: Float64Array,
    off: number,
    t: Float64Array,
    tOff: number,
    K: number,
  ) => number;
  /** ∂L/∂a_k of one output a_k with target t_k, after the output activation `outAct`. */
  readonly derivative: (a: number, t: number, K: number, outAct: number) => number;
  readonly kernel: {
    /** The expression of `derivative`, with its operations in the same order. */
    readonly derivative: (a: string, t: string, K: number, outAct: number) => string;
  };
  readonly tex: {
    /** The per-sample loss, with a_k the outputs and t_k the targets. */
    readonly value: string;
    /** ∂L/∂a for the symbols (or numbers) a and t, where the output is element-wise. */
    readonly derivative: (a: string, t: string, K: number) => string;
  };
}

/** Σ_k (a_k − t_k)², the sum the squared errors scale. */
function squares(a: Float64Array, off: number, t: Float64Array, tOff: number, K: number): number {
  let s = 0;
  for (let k = 0; k < K; k++) {
    const d = a[off + k]! - t[tOff + k]!;
    s += d * d;
  }
  return s;
}

/** The records. Their order gives the numeric codes (`LOSS`). */
const RECORDS = {
  'squared-error': {
    label: 'squared error Σ(a − t)²',
    value: (_o, _z, a, off, t, tOff, K) => squares(a, off, t, tOff, K),
    derivative: (a, t) => 2 * (a - t),
    kernel: { derivative: (a, t) => `2 * (${a} - ${t})` },
    tex: {
      value: 'L=\\sum_k (a_k-t_k)^{2}',
      derivative: (a, t) => `2(${a}-${t})`,
    },
  },
  'half-squared-error': {
    label: 'half squared error Σ½(a − t)²',
    value: (_o, _z, a, off, t, tOff, K) => 0.5 * squares(a, off, t, tOff, K),
    derivative: (a, t) => a - t,
    kernel: { derivative: (a, t) => `(${a} - ${t})` },
    tex: {
      value: 'L=\\sum_k \\tfrac12 (a_k-t_k)^{2}',
      derivative: (a, t) => `${a}-${t}`,
    },
  },
  'mean-squared-error': {
    label: 'mean squared error (1/K)Σ(a − t)²',
    value: (_o, _z, a, off, t, tOff, K) => squares(a, off, t, tOff, K) / K,
    derivative: (a, t, K) => (2 * (a - t)) / K,
    kernel: { derivative: (a, t, K) => `(2 * (${a} - ${t})) / ${K}` },
    tex: {
      value: 'L=\\frac1K\\sum_k (a_k-t_k)^{2}',
      derivative: (a, t, K) => `\\tfrac{2}{${K}}(${a}-${t})`,
    },
  },
  'cross-entropy': {
    label: 'cross-entropy',
    value: (outAct, z, _a, off, t, tOff, K) => {
      let s = 0;
      if (outAct === ACT.softmax) {
        // −Σ t_k log a_k with log a_k = z_k − logΣexp(z)
        let max = -Infinity;
        for (let k = 0; k < K; k++) if (z[off + k]! > max) max = z[off + k]!;
        let sum = 0;
        for (let k = 0; k < K; k++) sum += exp(z[off + k]! - max);
        const lse = max + log(sum);
        for (let k = 0; k < K; k++) {
          const tk = t[tOff + k]!;
          if (tk !== 0) s -= tk * (z[off + k]! - lse);
        }
      } else {
        // −Σ [t log σ(z) + (1 − t) log(1 − σ(z))] = Σ softplus(z) − t z
        for (let k = 0; k < K; k++) {
          const zk = z[off + k]!;
          s += softplus(zk) - t[tOff + k]! * zk;
        }
      }
      return s;
    },
    // sigmoid: (a − t)/(a(1 − a)) (whose δ is a − t); softmax: −t/a
    derivative: (a, t, _K, outAct) => (outAct === ACT.sigmoid ? (a - t) / (a * (1 - a)) : -t / a),
    kernel: {
      derivative: (a, t, _K, outAct) =>
        outAct === ACT.sigmoid ? `(${a} - ${t}) / (${a} * (1 - ${a}))` : `-${t} / ${a}`,
    },
    tex: {
      value: 'L=-\\sum_k t_k\\log a_k',
      // an element-wise output of cross-entropy is a sigmoid
      derivative: (a, t) => `\\frac{${a}-${t}}{${a}(1-${a})}`,
    },
  },
} as const satisfies Record<string, LossSpec>;

export type LossName = keyof typeof RECORDS;
export type Loss = LossSpec & { readonly name: LossName; readonly code: number };

export const LOSS_NAMES = Object.keys(RECORDS) as readonly LossName[];

/** The record of each loss, by name (with its name and numeric code). */
export const LOSSES = Object.fromEntries(
  LOSS_NAMES.map((name, code) => [name, { ...RECORDS[name], name, code }]),
) as unknown as Readonly<Record<LossName, Loss>>;

/** The numeric code of each loss (what `Network.lossCode` holds). */
export const LOSS = Object.fromEntries(LOSS_NAMES.map((name, code) => [name, code])) as Readonly<
  Record<LossName, number>
>;

const LIST: readonly Loss[] = LOSS_NAMES.map((name) => LOSSES[name]);

/**
 * The loss of one sample. Outputs a[off..off+K), pre-activations z[off..off+K), targets t[tOff..tOff+K).
 */
export function sampleLoss(
  loss: number,
  outAct: number,
  z: Float64Array,
  a: Float64Array,
  off: number,
  t: Float64Array,
  tOff: number,
  K: number,
): number {
  return LIST[loss]!.value(outAct, z, a, off, t, tOff, K);
}

/** ∂L/∂a_k for one output, after the output activation `outAct`. */
export function lossDerivative(loss: number, ak: number, tk: number, K: number, outAct: number): number {
  return LIST[loss]!.derivative(ak, tk, K, outAct);
}
