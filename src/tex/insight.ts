/**
 * TeX for the insight views, from numbers only: a neuron's weight vector against its input (dot
 * product, lengths, cosine, angle — note 000), the slope and the step of gradient descent (note 001),
 * and the gradient check (central differences beside the chain rule).
 */
import type { Reduction } from '../core/model/losses.ts';
import { tex, timesTenTo } from './format.ts';
import type { TexLine } from './chain.ts';

export interface Similarity {
  readonly layer: number;
  readonly index: number;
  readonly weights: readonly number[];
  readonly inputs: readonly number[];
}

/** The numbers of a similarity: dot product, both lengths, cosine and angle in degrees (NaN if a length is 0). */
export function similarity(s: Similarity): {
  dot: number;
  wNorm: number;
  aNorm: number;
  cos: number;
  deg: number;
} {
  let dot = 0;
  let ww = 0;
  let aa = 0;
  s.weights.forEach((w, i) => {
    const a = s.inputs[i]!;
    dot += w * a;
    ww += w * w;
    aa += a * a;
  });
  const wNorm = Math.sqrt(ww);
  const aNorm = Math.sqrt(aa);
  const cos = wNorm > 0 && aNorm > 0 ? Math.max(-1, Math.min(1, dot / (wNorm * aNorm))) : NaN;
  return { dot, wNorm, aNorm, cos, deg: (Math.acos(cos) * 180) / Math.PI };
}

const MAX_TERMS = 6;

export function similarityTex(s: Similarity): TexLine[] {
  const { dot, wNorm, aNorm, cos, deg } = similarity(s);
  const l = s.layer;
  const j = s.index;
  const w = `\\vec w^{(${l})}_{${j + 1}}`; // neuron j counted from 1, as every symbol
  const a = l === 1 ? '\\vec x' : `\\vec a^{(${l - 1})}`;
  const terms = s.weights.map((wi, i) => `${tex(wi, true)}\\cdot ${tex(s.inputs[i]!, true)}`);
  const shown = terms.length > MAX_TERMS ? [...terms.slice(0, MAX_TERMS), '\\dots'] : terms;
  return [
    {
      id: 'vectors',
      label: 'the two vectors',
      tex: `${w} = (${s.weights.map((v) => tex(v)).join(',\\ ')}),\\quad ${a} = (${s.inputs.map((v) => tex(v)).join(',\\ ')})`,
      note: `the weights into the neuron, and what it receives (weight k meets ${l === 1 ? 'input' : 'activation'} k, for k = 1…${s.weights.length})`,
    },
    {
      id: 'dot',
      label: 'dot product',
      tex: `${w}\\cdot ${a} = ${shown.join(' + ')} = ${tex(dot)}`,
    },
    {
      id: 'norms',
      label: 'lengths',
      tex: `\\lVert ${w}\\rVert = ${tex(wNorm)},\\quad \\lVert ${a}\\rVert = ${tex(aNorm)}`,
    },
    {
      id: 'cos',
      label: 'cosine similarity',
      tex: Number.isNaN(cos)
        ? `\\cos\\theta = \\frac{${w}\\cdot ${a}}{\\lVert ${w}\\rVert\\,\\lVert ${a}\\rVert}\\ \\text{is undefined: a vector has length 0}`
        : `\\cos\\theta = \\frac{${w}\\cdot ${a}}{\\lVert ${w}\\rVert\\,\\lVert ${a}\\rVert} = \\frac{${tex(dot)}}{${tex(wNorm)}\\cdot ${tex(aNorm)}} = ${tex(cos)},\\quad \\theta = {${tex(deg)}}^\\circ`,
      note: 'the dot product is large when the lengths are large and the angle small: a·b = ‖a‖‖b‖cos θ',
    },
  ];
}

export interface SlopeData {
  readonly symbol: string;
  readonly value: number;
  readonly loss: number;
  readonly slope: number;
  readonly rate: number;
  /** The loss drawn: the training set's mean (absent: the default) or its sum E = Σ_s L_s. */
  readonly reduction?: Reduction;
  /** The optimiser's step instead of gradient descent's: its name and the value it steps to. */
  readonly optimizer?: { readonly name: string; readonly next: number };
}

/** The symbol of the training set's loss: E for the notes' sum, L for the mean. */
function lossSym(reduction: Reduction | undefined): string {
  return reduction === 'sum' ? 'E' : 'L';
}

export function slopeTex(d: SlopeData): TexLine[] {
  const next = d.optimizer ? d.optimizer.next : d.value - d.rate * d.slope;
  const L = lossSym(d.reduction);
  return [
    {
      id: 'slope',
      label: 'slope',
      tex: `\\frac{\\partial ${L}}{\\partial ${d.symbol}} = ${tex(d.slope)}\\quad (${d.slope > 0 ? `${L}\\ \\text{grows to the right: step left}` : d.slope < 0 ? `${L}\\ \\text{falls to the right: step right}` : '\\text{flat}'})`,
    },
    d.optimizer
      ? {
          id: 'step',
          label: `${d.optimizer.name} step`,
          tex: `{${d.symbol}}_{\\text{new}} = ${d.symbol} - \\Delta = ${tex(d.value)} - ${tex(d.value - next, true)} = ${tex(next)}\\quad\\text{(${d.optimizer.name}, from its state now)}`,
        }
      : {
          id: 'step',
          label: 'gradient descent step',
          tex: `{${d.symbol}}_{\\text{new}} = ${d.symbol} - \\alpha\\cdot\\text{slope} = ${tex(d.value)} - ${tex(d.rate)}\\cdot ${tex(d.slope, true)} = ${tex(next)}`,
        },
  ];
}

export interface CheckData {
  readonly symbol: string;
  readonly analytic: number;
  readonly numeric: number;
  readonly h: number;
  readonly up: number;
  readonly down: number;
  /** The training set's loss: the mean (absent: the default) or the sum E = Σ_s L_s. */
  readonly reduction?: Reduction;
}

/** |a − n| / max(|a|, |n|), 0 when both are 0. */
export function relativeError(a: number, n: number): number {
  const scale = Math.max(Math.abs(a), Math.abs(n));
  return scale === 0 ? 0 : Math.abs(a - n) / scale;
}

/** Ten significant digits: the two losses of a central difference differ far past the fourth. */
function precise(v: number): string {
  if (!Number.isFinite(v)) return tex(v);
  const [m, e] = v.toExponential(9).split('e') as [string, string];
  const exp = Number(e);
  return exp >= -4 && exp < 5 ? String(Number(v.toPrecision(10))) : timesTenTo(m, exp);
}

export function checkTex(d: CheckData): TexLine[] {
  const L = lossSym(d.reduction);
  const over = d.reduction === 'sum' ? 'sum' : 'mean';
  return [
    {
      id: 'numeric',
      label: 'central difference',
      tex: `\\frac{${L}(${d.symbol}+h) - ${L}(${d.symbol}-h)}{2h} = \\frac{${precise(d.up)} - ${precise(d.down)}}{2\\cdot ${tex(d.h)}} = ${tex(d.numeric)}`,
      note: `the ${d.reduction === 'sum' ? 'total loss E = Σₛ Lₛ' : 'mean loss'} of the whole training set, with only this parameter moved by ±h`,
    },
    {
      id: 'analytic',
      label: 'chain rule',
      tex: `\\frac{\\partial ${L}}{\\partial ${d.symbol}} = ${tex(d.analytic)}\\quad\\text{(backpropagation, ${over} over the training set)}`,
    },
    {
      id: 'error',
      label: 'relative difference',
      tex: `\\frac{|\\text{chain rule} - \\text{difference}|}{\\max(|\\cdot|)} = ${tex(relativeError(d.analytic, d.numeric))}`,
      note: 'below 10⁻⁶: the two agree',
    },
  ];
}
