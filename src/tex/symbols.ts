/** The notes' symbols: layer in a superscript, neuron in a subscript; inputs are x. */

export function aSym(l: number, j: number): string {
  return l === 0 ? `x_{${j}}` : `a^{(${l})}_{${j}}`;
}

export function zSym(l: number, j: number): string {
  return `z^{(${l})}_{${j}}`;
}

export function wSym(l: number, j: number, i: number): string {
  return `w^{(${l})}_{${j}${i}}`;
}

export function bSym(l: number, j: number): string {
  return `b^{(${l})}_{${j}}`;
}

export function deltaSym(l: number, j: number): string {
  return `\\delta^{(${l})}_{${j}}`;
}

export function tSym(j: number): string {
  return `t_{${j}}`;
}

export function partial(of: string, wrt: string): string {
  return `\\frac{\\partial ${of}}{\\partial ${wrt}}`;
}

/** A value not computed yet at the current step. */
export const PENDING = '\\color{gray}{?}';
