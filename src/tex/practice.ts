/**
 * The worked lines of practice mode (issue 12 §1): one computation written in the notes' symbols and
 * then with the numbers the app shows, the same formulas as the chain panel and the just-computed
 * line. Pure: numbers in, TeX out (a δ's line is `backwardNowTex` of neuron.ts).
 */
import { ACTIVATIONS } from '../core/model/activations.ts';
import type { ActivationName } from '../core/model/activations.ts';
import { LOSSES } from '../core/model/losses.ts';
import type { LossName } from '../core/model/losses.ts';
import { tex } from './format.ts';
import { LAYERED, aSym, deltaSym, jk, partial, tSym, zSym } from './symbols.ts';
import type { Symbols } from './symbols.ts';

/** Terms joined by +, at most `max` of them written out (the last one kept after \dots). */
function terms(parts: readonly string[], max = 6): string {
  const shown = parts.length > max ? [...parts.slice(0, max - 1), '\\dots', parts[parts.length - 1]!] : parts;
  return shown.join(' + ');
}

/** z = Σ w·a + b with its numbers: weights and inputs of neuron j of layer l. */
export function sumWorked(
  l: number,
  j: number,
  weights: readonly number[],
  inputs: readonly number[],
  bias: number,
  z: number,
  s: Symbols = LAYERED,
): string {
  const symbolic = weights.map((_, i) => `${s.w(l, j, i)}\\,${s.a(l - 1, i)}`);
  const numbers = weights.map((w, i) => `${tex(w, true)}\\cdot ${tex(inputs[i]!, true)}`);
  return `${s.z(l, j)} = ${terms(symbolic)} + ${s.b(l, j)} = ${terms(numbers)} + ${tex(bias, true)} = ${tex(z)}`;
}

/** a = f(z) with its number; softmax: exp(z_j) over the sum of its layer's exp(z_m). */
export function activationWorked(
  act: ActivationName,
  l: number,
  j: number,
  zs: readonly number[],
  a: number,
  s: Symbols = LAYERED,
): string {
  const as = s.a(l, j);
  if (act === 'softmax') {
    const sum = terms(zs.map((z) => `e^{${tex(z)}}`));
    return `${as} = \\frac{e^{${zSym(l, j)}}}{\\sum_m e^{z^{(${l})}_m}} = \\frac{e^{${tex(zs[j]!)}}}{${sum}} = ${tex(a)}`;
  }
  const f = ACTIVATIONS[act].tex.symbol;
  const z = zs[j]!;
  if (!f) return `${as} = ${s.z(l, j)} = ${tex(z)}`;
  return `${as} = ${f}(${s.z(l, j)}) = ${f}(${tex(z)}) = ${tex(a)}`;
}

/** One output's term of the loss with numbers. */
function lossTerm(loss: LossName, softmax: boolean, a: number, t: number, K: number): string {
  const d = `(${tex(a)}-${tex(t, true)})^2`;
  if (loss === 'half-squared-error') return `\\tfrac12${d}`;
  if (loss === 'mean-squared-error') return `\\tfrac1{${K}}${d}`;
  if (loss === 'squared-error') return d;
  if (softmax) return `-${tex(t, true)}\\log ${tex(a)}`;
  return `-\\big(${tex(t, true)}\\log ${tex(a)} + (1-${tex(t, true)})\\log(1-${tex(a)})\\big)`;
}

/** The sample's loss over its outputs a and targets t, with numbers. */
export function lossWorked(
  loss: LossName,
  softmax: boolean,
  a: readonly number[],
  t: readonly number[],
  value: number,
): string {
  const parts = a.map((ak, k) => lossTerm(loss, softmax, ak, t[k]!, a.length));
  return `${LOSSES[loss].tex.value} = ${terms(parts)} = ${tex(value)}`;
}

/** ∂L/∂a of output j (layer l) from the loss's derivative, with numbers. */
export function outputGradientWorked(
  loss: LossName,
  l: number,
  j: number,
  a: number,
  t: number,
  K: number,
  value: number,
  s: Symbols = LAYERED,
): string {
  const d = LOSSES[loss].tex.derivative;
  return `${partial('L', s.a(l, j))} = ${d(s.a(l, j), tSym(j), K)} = ${d(tex(a), tex(t, true), K)} = ${tex(value)}`;
}

/** ∂L/∂a of hidden neuron j (layer l) summed over the next layer's δ_k w_kj, with numbers. */
export function hiddenGradientWorked(
  l: number,
  j: number,
  deltas: readonly number[],
  weights: readonly number[],
  value: number,
  s: Symbols = LAYERED,
): string {
  const symbolic = s.named
    ? deltas.map((_, k) => `${s.delta(l + 1, k)}\\,${s.w(l + 1, k, j)}`).join(' + ')
    : `\\textstyle\\sum_k \\delta^{(${l + 1})}_{k}\\, w^{(${l + 1})}_{${jk('k', j + 1)}}`;
  const numbers = deltas.map((d, k) => `${tex(d, true)}\\cdot ${tex(weights[k]!, true)}`);
  return `${partial('L', s.a(l, j))} = ${symbolic} = ${terms(numbers)} = ${tex(value)}`;
}

/**
 * δ of softmax output j: with cross-entropy a_j Σ t − t_j (`other`: the targets), else
 * a_j (∂L/∂a_j − Σ_m a_m ∂L/∂a_m) (`other`: each ∂L/∂a_m).
 */
export function softmaxDeltaWorked(
  l: number,
  j: number,
  a: readonly number[],
  other: readonly number[],
  crossEntropy: boolean,
  delta: number,
): string {
  const d = deltaSym(l, j);
  if (crossEntropy) {
    const st = other.reduce((s, t) => s + t, 0);
    return String.raw`${d} = ${aSym(l, j)}\textstyle\sum_m t_m - ${tSym(j)} = ${tex(a[j]!)}\cdot ${tex(st, true)} - ${tex(other[j]!, true)} = ${tex(delta)}`;
  }
  const sum = terms(a.map((am, m) => String.raw`${tex(am, true)}\cdot ${tex(other[m]!, true)}`));
  const am = `a^{(${l})}_m`;
  return String.raw`${d} = ${aSym(l, j)}\big(${partial('L', aSym(l, j))} - \textstyle\sum_m ${am} ${partial('L', am)}\big) = ${tex(a[j]!)}\,\big(${tex(other[j]!, true)} - (${sum})\big) = ${tex(delta)}`;
}

/** This sample's ∂L/∂p = δ_j · a_i (a weight from neuron i of layer l − 1) or δ_j · 1 (a bias). */
export function parameterGradientWorked(
  l: number,
  j: number,
  from: number | null,
  delta: number,
  input: number,
  value: number,
  s: Symbols = LAYERED,
): string {
  const p = from === null ? s.b(l, j) : s.w(l, j, from);
  const by = from === null ? '1' : s.a(l - 1, from);
  return `${partial('L', p)} = ${s.delta(l, j)}\\,${by} = ${tex(delta, true)}\\cdot ${tex(input, true)} = ${tex(value)}`;
}

/** The update of one parameter: p ← p − α ∂L/∂p (the batch's mean or sum), with numbers. */
export function updateWorked(
  l: number,
  j: number,
  from: number | null,
  before: number,
  alpha: number,
  gradient: number,
  after: number,
  s: Symbols = LAYERED,
): string {
  const p = from === null ? s.b(l, j) : s.w(l, j, from);
  return `${p} \\leftarrow ${p} - \\alpha\\,${partial('L', p)} = ${tex(before)} - ${tex(alpha)}\\cdot ${tex(gradient, true)} = ${tex(after)}`;
}
