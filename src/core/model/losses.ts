/**
 * Per-sample losses over the K outputs, and their derivative ∂L/∂a_k.
 *
 * The loss of a set of samples reduces the per-sample losses by `Reduction`: their mean (the default)
 * or their sum (the notes' E = E1 + E2 + E3); a batch's gradient is reduced the same way (`train.ts`).
 * Cross-entropy is computed from z (log-sum-exp / softplus) so it stays finite where a saturates.
 */
import { ACT } from './activations.ts';
import { exp, log, softplus } from './math.ts';

export const LOSS_NAMES = [
  'squared-error',
  'half-squared-error',
  'mean-squared-error',
  'cross-entropy',
] as const;
export type LossName = (typeof LOSS_NAMES)[number];

/** How a batch or a data set combines its per-sample losses and gradients. */
export const REDUCTIONS = ['mean', 'sum'] as const;
export type Reduction = (typeof REDUCTIONS)[number];

export function isReduction(v: unknown): v is Reduction {
  return (REDUCTIONS as readonly unknown[]).includes(v);
}

/** The loss of n samples from the sum of their losses: the sum itself, or the mean. */
export function reduceLoss(sum: number, n: number, reduction: Reduction = 'mean'): number {
  return reduction === 'sum' ? sum : sum / n;
}

export const LOSS = {
  'squared-error': 0,
  'half-squared-error': 1,
  'mean-squared-error': 2,
  'cross-entropy': 3,
} as const satisfies Record<LossName, number>;

export interface LossInfo {
  readonly name: LossName;
  readonly code: number;
  readonly label: string;
  /** TeX of the per-sample loss, with y_k the outputs and t_k the targets. */
  readonly tex: string;
  /** TeX of ∂L/∂a_k for the element-wise case. */
  readonly texDerivative: string;
}

export const LOSSES: Readonly<Record<LossName, LossInfo>> = {
  'squared-error': {
    name: 'squared-error',
    code: LOSS['squared-error'],
    label: 'squared error Σ(y − t)²',
    tex: 'L=\\sum_k (a_k-t_k)^{2}',
    texDerivative: '2(a_k-t_k)',
  },
  'half-squared-error': {
    name: 'half-squared-error',
    code: LOSS['half-squared-error'],
    label: 'half squared error Σ½(y − t)²',
    tex: 'L=\\sum_k \\tfrac12 (a_k-t_k)^{2}',
    texDerivative: 'a_k-t_k',
  },
  'mean-squared-error': {
    name: 'mean-squared-error',
    code: LOSS['mean-squared-error'],
    label: 'mean squared error (1/K)Σ(y − t)²',
    tex: 'L=\\frac1K\\sum_k (a_k-t_k)^{2}',
    texDerivative: '\\tfrac{2}{K}(a_k-t_k)',
  },
  'cross-entropy': {
    name: 'cross-entropy',
    code: LOSS['cross-entropy'],
    label: 'cross-entropy',
    tex: 'L=-\\sum_k t_k\\log a_k',
    texDerivative: '-\\frac{t_k}{a_k}',
  },
};

export function isLossName(s: unknown): s is LossName {
  return typeof s === 'string' && (LOSS_NAMES as readonly string[]).includes(s);
}

/** Output activations cross-entropy accepts. */
export function crossEntropyAccepts(outputActivation: number): boolean {
  return outputActivation === ACT.sigmoid || outputActivation === ACT.softmax;
}

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
  let s = 0;
  if (loss === LOSS['cross-entropy']) {
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
  }
  for (let k = 0; k < K; k++) {
    const d = a[off + k]! - t[tOff + k]!;
    s += d * d;
  }
  if (loss === LOSS['half-squared-error']) return 0.5 * s;
  if (loss === LOSS['mean-squared-error']) return s / K;
  return s;
}

/** ∂L/∂a_k for one output. */
export function lossDerivative(loss: number, ak: number, tk: number, K: number): number {
  switch (loss) {
    case LOSS['squared-error']:
      return 2 * (ak - tk);
    case LOSS['half-squared-error']:
      return ak - tk;
    case LOSS['mean-squared-error']:
      return (2 * (ak - tk)) / K;
    default:
      // cross-entropy: softmax −t/a; sigmoid (a − t)/(a(1 − a)). Only the softmax form is used here;
      // the sigmoid form goes through `network.ts`, which takes δ = a − t directly.
      return -tk / ak;
  }
}

/** ∂L/∂a_k for binary cross-entropy with a sigmoid output. */
export function bceDerivative(ak: number, tk: number): number {
  return (ak - tk) / (ak * (1 - ak));
}
