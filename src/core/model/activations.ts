/**
 * Activation functions: value, derivative and the symbols the TeX builders need.
 *
 * The hot loops in `network.ts` switch on the numeric `code`; `value`/`derivative` here are the same
 * formulas, for tests and for display. The derivative is written in terms of z and a = f(z) so that the
 * cached activation can be reused (σ' = a(1 − a), tanh' = 1 − a²).
 */

import { exp, sigmoid, tanh } from './math.ts';

export const ACTIVATION_NAMES = ['sigmoid', 'tanh', 'relu', 'leaky-relu', 'linear', 'softmax'] as const;
export type ActivationName = (typeof ACTIVATION_NAMES)[number];

/** Slope of leaky ReLU for negative inputs. */
export const LEAKY_SLOPE = 0.01;

export const ACT = {
  sigmoid: 0,
  tanh: 1,
  relu: 2,
  'leaky-relu': 3,
  linear: 4,
  softmax: 5,
} as const satisfies Record<ActivationName, number>;

export interface ActivationInfo {
  readonly name: ActivationName;
  readonly code: number;
  /** Human-readable name. */
  readonly label: string;
  /** TeX for the function symbol applied to z, e.g. `\sigma`. */
  readonly texFn: string;
  /** TeX for f'(z) written with the cached activation a where possible. */
  readonly texDerivative: string;
  /** Whether f'(z) is computed from a (true) or from z (false). */
  readonly derivativeFromA: boolean;
}

export const ACTIVATIONS: Readonly<Record<ActivationName, ActivationInfo>> = {
  sigmoid: {
    name: 'sigmoid',
    code: ACT.sigmoid,
    label: 'sigmoid',
    texFn: '\\sigma',
    texDerivative: 'a(1-a)',
    derivativeFromA: true,
  },
  tanh: {
    name: 'tanh',
    code: ACT.tanh,
    label: 'tanh',
    texFn: '\\tanh',
    texDerivative: '1-a^{2}',
    derivativeFromA: true,
  },
  relu: {
    name: 'relu',
    code: ACT.relu,
    label: 'ReLU',
    texFn: '\\operatorname{ReLU}',
    texDerivative: '\\begin{cases}1 & z>0\\\\0 & z\\le 0\\end{cases}',
    derivativeFromA: false,
  },
  'leaky-relu': {
    name: 'leaky-relu',
    code: ACT['leaky-relu'],
    label: 'leaky ReLU',
    texFn: '\\operatorname{LReLU}',
    texDerivative: '\\begin{cases}1 & z>0\\\\0.01 & z\\le 0\\end{cases}',
    derivativeFromA: false,
  },
  linear: {
    name: 'linear',
    code: ACT.linear,
    label: 'linear',
    texFn: '\\operatorname{id}',
    texDerivative: '1',
    derivativeFromA: false,
  },
  softmax: {
    name: 'softmax',
    code: ACT.softmax,
    label: 'softmax',
    texFn: '\\operatorname{softmax}',
    texDerivative: 'a_k(\\mathbb{1}_{k=j}-a_j)',
    derivativeFromA: true,
  },
};

export function isActivationName(s: unknown): s is ActivationName {
  return typeof s === 'string' && (ACTIVATION_NAMES as readonly string[]).includes(s);
}

/** f(z) for an element-wise activation (softmax is a layer function: see `softmaxInPlace`). */
export function activate(code: number, z: number): number {
  switch (code) {
    case ACT.sigmoid:
      return sigmoid(z);
    case ACT.tanh:
      return tanh(z);
    case ACT.relu:
      return z > 0 ? z : 0;
    case ACT['leaky-relu']:
      return z > 0 ? z : LEAKY_SLOPE * z;
    default:
      return z;
  }
}

/** f'(z) for an element-wise activation, given z and the cached a = f(z). */
export function activationDerivative(code: number, z: number, a: number): number {
  switch (code) {
    case ACT.sigmoid:
      return a * (1 - a);
    case ACT.tanh:
      return 1 - a * a;
    case ACT.relu:
      return z > 0 ? 1 : 0;
    case ACT['leaky-relu']:
      return z > 0 ? 1 : LEAKY_SLOPE;
    default:
      return 1;
  }
}

/** Softmax of z[off .. off+n) into a[off .. off+n), shifted by the maximum for stability. */
export function softmaxInPlace(z: Float64Array, a: Float64Array, off: number, n: number): void {
  let max = -Infinity;
  for (let k = 0; k < n; k++) {
    const v = z[off + k]!;
    if (v > max) max = v;
  }
  let sum = 0;
  for (let k = 0; k < n; k++) {
    const e = exp(z[off + k]! - max);
    a[off + k] = e;
    sum += e;
  }
  for (let k = 0; k < n; k++) a[off + k] = a[off + k]! / sum;
}
