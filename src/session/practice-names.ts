/**
 * What practice mode's question builders share: the step's two moments and the notes' names of the
 * neurons and parameters (the diagram's names by selection key; the data counts from 0, the names
 * from 1).
 */
import type { ParamRef } from '../core/step/chain.ts';
import type { RunView } from './snapshot.ts';

export interface StepContext {
  readonly before: RunView;
  readonly after: RunView;
  readonly names: Readonly<Record<string, string>>;
  /** A stable id of a question of this step: its moment, kind and place. */
  readonly id: (kind: string, at: string) => string;
}

const SUB = '₀₁₂₃₄₅₆₇₈₉';
const SUP = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const digits = (n: number, set: string) => [...String(n)].map((c) => set[Number(c)]).join('');

/** Neuron j of layer l: h1, o1, x1, …; else "neuron 2 of layer 3". */
export function neuronName(c: StepContext, l: number, j: number): string {
  return c.names[`n ${l} ${j}`] ?? (l === 0 ? `x${j + 1}` : `neuron ${j + 1} of layer ${l}`);
}

/** Its value: an input by its name, a neuron's activation as "a of h1". */
export function valueName(c: StepContext, l: number, j: number): string {
  return l === 0 ? neuronName(c, 0, j) : `a of ${neuronName(c, l, j)}`;
}

export function paramKey(p: ParamRef): string {
  return p.kind === 'weight' ? `w ${p.layer} ${p.to} ${p.from}` : `b ${p.layer} ${p.to}`;
}

/** w5, b1; else w⁽ˡ⁾ⱼₖ and b⁽ˡ⁾ⱼ counted from 1, as the diagram writes them. */
export function paramName(c: StepContext, p: ParamRef): string {
  const name = c.names[paramKey(p)];
  if (name) return name;
  const l = `⁽${digits(p.layer, SUP)}⁾`;
  if (p.kind === 'bias') return `b${l}${digits(p.to + 1, SUB)}`;
  const comma = p.to >= 9 || p.from >= 9 ? ',' : '';
  return `w${l}${digits(p.to + 1, SUB)}${comma}${digits(p.from + 1, SUB)}`;
}

/** "positive" or "negative" (for "a − t is negative here"). */
export function signWord(v: number): string {
  return v < 0 ? 'negative' : 'positive';
}

/** Each element-wise activation in plain text: a = f(z), and its slope f′. */
export const ACT_TEXT: Readonly<Record<string, { readonly f: string; readonly slope: string }>> = {
  sigmoid: { f: 'σ(z) = 1/(1 + e^(−z))', slope: 'σ′(z) = a(1 − a)' },
  tanh: { f: 'tanh(z)', slope: 'tanh′(z) = 1 − a²' },
  relu: { f: 'ReLU(z) = max(0, z)', slope: 'ReLU′(z) (1 for z > 0, else 0)' },
  'leaky-relu': { f: 'LReLU(z) = max(0.01·z, z)', slope: 'LReLU′(z) (1 for z > 0, else 0.01)' },
  linear: { f: 'z', slope: '1' },
};
