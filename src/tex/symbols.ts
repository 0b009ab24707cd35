/**
 * The notes' symbols: layer in a superscript, neuron in a subscript; inputs are x. The data counts
 * neurons from 0; every symbol counts them from 1, as the notes do (neuron j = 0 is written 1).
 */

/** Neuron j (0-based) as written: 1, 2, …. */
const n1 = (j: number): number => j + 1;

export function aSym(l: number, j: number): string {
  return l === 0 ? `x_{${n1(j)}}` : `a^{(${l})}_{${n1(j)}}`;
}

export function zSym(l: number, j: number): string {
  return `z^{(${l})}_{${n1(j)}}`;
}

/** w^{(l)}_{jk}: into neuron j of layer l from neuron k of layer l − 1 (a comma once either passes 9). */
export function wSym(l: number, j: number, i: number): string {
  return `w^{(${l})}_{${jk(n1(j), n1(i))}}`;
}

export function bSym(l: number, j: number): string {
  return `b^{(${l})}_{${n1(j)}}`;
}

export function deltaSym(l: number, j: number): string {
  return `\\delta^{(${l})}_{${n1(j)}}`;
}

export function tSym(j: number): string {
  return `t_{${n1(j)}}`;
}

/** Two subscripts side by side (jk), or with a comma when either has two digits. */
export function jk(j: number | string, k: number | string): string {
  return String(j).length > 1 || String(k).length > 1 ? `${j},${k}` : `${j}${k}`;
}

export function partial(of: string, wrt: string): string {
  return `\\frac{\\partial ${of}}{\\partial ${wrt}}`;
}

/** A value not computed yet at the current step. */
export const PENDING = '\\color{gray}{?}';

/** A set of symbols to write the worked lines in (src/tex/practice.ts, worked.ts). */
export interface Symbols {
  readonly a: (l: number, j: number) => string;
  readonly z: (l: number, j: number) => string;
  readonly w: (l: number, j: number, i: number) => string;
  readonly b: (l: number, j: number) => string;
  readonly delta: (l: number, j: number) => string;
  /** Named symbols (w5, h1): sums over a layer are written term by term, not as Σ_k. */
  readonly named: boolean;
}

/** The layered symbols above: a⁽ˡ⁾ⱼ, w⁽ˡ⁾ⱼₖ, …. */
export const LAYERED: Symbols = { a: aSym, z: zSym, w: wSym, b: bSym, delta: deltaSym, named: false };
