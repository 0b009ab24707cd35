/**
 * The activation functions, one record each (micrograd's one local rule per op): the value, the
 * derivative, the compiled kernel's source for both, and the TeX the panels write. Adding an
 * activation is one record here; tests/core/activations.test.ts checks each record's pieces against
 * each other (the derivative against central differences of the value, the kernel's source against
 * the value, the TeX in KaTeX).
 *
 * The derivative is written in terms of z and a = f(z) so that the cached activation can be reused
 * (σ′ = a(1 − a), tanh′ = 1 − a²). Softmax is the one layer function: each a_k depends on every z of
 * its layer, and its δ (with the loss) is written out in `network.ts` and the kernel.
 */
import { exp, sigmoid, tanh, tanhSource } from './math.ts';

/** What f′ is computed from: the cached a, the sum z, or nothing (a constant). */
export type SlopeFrom = 'a' | 'z' | 'none';

/** The numbers of ∂a/∂z for the TeX: a (as TeX, or a placeholder), and z (its value, TeX and symbol). */
export interface SlopeNumbers {
  readonly a: string;
  readonly z: number;
  readonly zTex: string;
  readonly zSym: string;
}

interface Common {
  readonly label: string;
  readonly slopeFrom: SlopeFrom;
  readonly tex: {
    /** The function's symbol, as in a = σ(z) ('' for the identity). */
    readonly symbol: string;
    /** a = f(z) written out, for the sum's symbol z (zm: the layer's sums z_m, for softmax). */
    readonly value: (z: string, zm: string) => string;
  };
}

/** f applied to each neuron's own sum. */
interface ElementWiseSpec extends Common {
  readonly kind: 'element-wise';
  /** f(z). */
  readonly value: (z: number) => number;
  /** f′(z), from z and the cached a = f(z). */
  readonly derivative: (z: number, a: number) => number;
  readonly kernel: {
    /** Statements declaring the local `a` = f(z), with the operations of `value` in the same order. */
    readonly value: (z: string, a: string) => string;
    /** The expression of f′, with the operations of `derivative` in the same order. */
    readonly derivative: (z: string, a: string) => string;
  };
  readonly tex: Common['tex'] & {
    /** ∂a/∂z in symbols (z, a: the symbols). */
    readonly slope: (z: string, a: string) => string;
    /** ∂a/∂z with the numbers (when `slopeFrom` is 'z', only called once z exists). */
    readonly slopeNumbers: (n: SlopeNumbers) => string;
  };
}

/** f of a whole layer's sums (softmax). */
interface LayerSpec extends Common {
  readonly kind: 'layer';
  /** a[off…off+n) = f(z[off…off+n)). */
  readonly value: (z: Float64Array, a: Float64Array, off: number, n: number) => void;
  /** ∂a_k/∂z_j, from the layer's activations a[0…n). */
  readonly derivative: (a: ArrayLike<number>, k: number, j: number) => number;
  readonly kernel: {
    /** Statements computing the layer from the locals z[k] into the places a[k], as `value` does. */
    readonly value: (z: readonly string[], a: readonly string[]) => string;
  };
  readonly tex: Common['tex'] & {
    /** ∂a_k/∂z_j in symbols. */
    readonly jacobian: string;
  };
}

/** Slope of leaky ReLU for negative inputs. */
const LEAKY_SLOPE = 0.01;

/** A number as JavaScript source. */
function lit(v: number): string {
  return Object.is(v, -0) ? '-0' : String(v);
}

/** "1 (z = 0.3 > 0)": a piecewise slope with the side of 0 that chose it. */
function piecewise(n: SlopeNumbers, below: number): string {
  return `${n.z > 0 ? 1 : below}\\quad(${n.zSym} = ${n.zTex} ${n.z > 0 ? '>' : '\\le'} 0)`;
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

/** The records. Their order gives the numeric codes the hot loops switch on (`ACT`). */
const RECORDS = {
  sigmoid: {
    kind: 'element-wise',
    label: 'sigmoid',
    value: sigmoid,
    derivative: (_z, a) => a * (1 - a),
    slopeFrom: 'a',
    kernel: {
      value: (z, a) => `const ${a} = sigmoid(${z});`,
      derivative: (_z, a) => `${a} * (1 - ${a})`,
    },
    tex: {
      symbol: '\\sigma',
      value: (z) => `\\sigma(${z}) = \\frac{1}{1+\\exp(-${z.startsWith('-') ? `(${z})` : z})}`,
      slope: (z, a) => `\\sigma'(${z}) = ${a}(1-${a})`,
      slopeNumbers: (n) => `${n.a}(1-${n.a})`,
    },
  },
  tanh: {
    kind: 'element-wise',
    label: 'tanh',
    value: tanh,
    derivative: (_z, a) => 1 - a * a,
    slopeFrom: 'a',
    kernel: {
      // inlined: a call per neuron that TurboFan does not inline boxes its result
      value: tanhSource,
      derivative: (_z, a) => `1 - ${a} * ${a}`,
    },
    tex: {
      symbol: '\\tanh',
      value: (z) => `\\tanh(${z})`,
      slope: (z, a) => `1-\\tanh^2(${z}) = 1-(${a})^2`,
      slopeNumbers: (n) => `1-(${n.a})^2`,
    },
  },
  relu: {
    kind: 'element-wise',
    label: 'ReLU',
    value: (z) => (z > 0 ? z : 0),
    derivative: (z) => (z > 0 ? 1 : 0),
    slopeFrom: 'z',
    kernel: {
      value: (z, a) => `const ${a} = (${z} > 0 ? ${z} : 0);`,
      derivative: (z) => `(${z} > 0 ? 1 : 0)`,
    },
    tex: {
      symbol: '\\operatorname{ReLU}',
      value: (z) => `\\max(0, ${z})`,
      slope: (z) => `\\operatorname{ReLU}'(${z})`,
      slopeNumbers: (n) => piecewise(n, 0),
    },
  },
  'leaky-relu': {
    kind: 'element-wise',
    label: 'leaky ReLU',
    value: (z) => (z > 0 ? z : LEAKY_SLOPE * z),
    derivative: (z) => (z > 0 ? 1 : LEAKY_SLOPE),
    slopeFrom: 'z',
    kernel: {
      value: (z, a) => `const ${a} = (${z} > 0 ? ${z} : ${lit(LEAKY_SLOPE)} * ${z});`,
      derivative: (z) => `(${z} > 0 ? 1 : ${lit(LEAKY_SLOPE)})`,
    },
    tex: {
      symbol: '\\operatorname{LReLU}',
      value: (z) => `\\max(${LEAKY_SLOPE}\\,${z}, ${z})`,
      slope: (z) => `\\operatorname{LReLU}'(${z})`,
      slopeNumbers: (n) => piecewise(n, LEAKY_SLOPE),
    },
  },
  linear: {
    kind: 'element-wise',
    label: 'linear',
    value: (z) => z,
    derivative: () => 1,
    slopeFrom: 'none',
    kernel: {
      value: (z, a) => `const ${a} = ${z};`,
      derivative: () => '1',
    },
    tex: {
      symbol: '',
      value: (z) => z,
      slope: () => '1',
      slopeNumbers: () => '1',
    },
  },
  softmax: {
    kind: 'layer',
    label: 'softmax',
    value: softmaxInPlace,
    derivative: (a, k, j) => a[k]! * ((k === j ? 1 : 0) - a[j]!),
    slopeFrom: 'a',
    kernel: {
      value: (z, a) =>
        [
          'let mx = -Infinity;',
          ...z.map((zk) => `if (${zk} > mx) mx = ${zk};`),
          'let sm = 0;',
          ...z.map((zk, k) => `const e${k} = exp(${zk} - mx); sm += e${k};`),
          ...a.map((ak, k) => `${ak} = e${k} / sm;`),
        ].join('\n'),
    },
    tex: {
      symbol: '\\operatorname{softmax}',
      value: (z, zm) => `\\frac{\\exp(${z})}{\\sum_m \\exp(${zm})}`,
      jacobian: '\\frac{\\partial a_k}{\\partial z_j} = a_k(\\mathbb{1}_{k=j}-a_j)',
    },
  },
} as const satisfies Record<string, ElementWiseSpec | LayerSpec>;

export type ActivationName = keyof typeof RECORDS;
export type Activation = (ElementWiseSpec | LayerSpec) & {
  readonly name: ActivationName;
  readonly code: number;
};
export type ElementWise = Extract<Activation, { kind: 'element-wise' }>;

export const ACTIVATION_NAMES = Object.keys(RECORDS) as readonly ActivationName[];

/** The record of each activation, by name (with its name and numeric code). */
export const ACTIVATIONS = Object.fromEntries(
  ACTIVATION_NAMES.map((name, code) => [name, { ...RECORDS[name], name, code }]),
) as unknown as Readonly<Record<ActivationName, Activation>>;

/** The numeric code of each activation (what `Network.actCodes` holds). */
export const ACT = Object.fromEntries(ACTIVATION_NAMES.map((name, code) => [name, code])) as Readonly<
  Record<ActivationName, number>
>;

/** The records by code. */
export const ACTIVATION_LIST: readonly Activation[] = ACTIVATION_NAMES.map((name) => ACTIVATIONS[name]);

export function isActivationName(s: unknown): s is ActivationName {
  return typeof s === 'string' && (ACTIVATION_NAMES as readonly string[]).includes(s);
}

// By code, for the hot loops; a layer function (softmax) is the identity with slope 1 here.
const VALUES = ACTIVATION_LIST.map((r) => (r.kind === 'element-wise' ? r.value : (z: number) => z));
const SLOPES = ACTIVATION_LIST.map((r) => (r.kind === 'element-wise' ? r.derivative : () => 1));

/** f(z) for an element-wise activation (softmax is a layer function: see `softmaxInPlace`). */
export function activate(code: number, z: number): number {
  return VALUES[code]!(z);
}

/** f'(z) for an element-wise activation, given z and the cached a = f(z). */
export function activationDerivative(code: number, z: number, a: number): number {
  return SLOPES[code]!(z, a);
}
