/**
 * A neuron's forward computation as TeX: its weighted sum written out — the dot product of its
 * weights with the previous layer's activations (note 000), plus the bias — and its activation.
 * Backward: its δ once computed. The activation's formula and symbol come from its record.
 */
import { ACTIVATIONS } from '../core/model/activations.ts';
import type { ActivationName } from '../core/model/activations.ts';
import { tex } from './format.ts';
import type { TexLine } from './chain.ts';
import { PENDING, aSym, bSym, deltaSym, jk, partial, wSym, zSym } from './symbols.ts';

export interface NeuronData {
  readonly layer: number;
  readonly index: number;
  readonly activation: ActivationName | null;
  readonly weights: readonly number[];
  readonly inputs: readonly number[];
  readonly bias: number;
  readonly z: number;
  readonly a: number;
  readonly delta: number;
  readonly sumDone: boolean;
  readonly actDone: boolean;
  readonly backDone: boolean;
  readonly inputsReady: boolean;
}

/** a = f(z) written out, from the activation's record. */
function activationTex(act: ActivationName, l: number, z: string): string {
  return ACTIVATIONS[act].tex.value(z, `z^{(${l})}_m`);
}

function chunks(terms: string[], per: number): string {
  const out: string[] = [];
  for (let k = 0; k < terms.length; k += per) out.push(terms.slice(k, k + per).join(' + '));
  return out.join(' \\\\ &\\quad + ');
}

export function neuronTex(n: NeuronData): TexLine[] {
  const l = n.layer;
  const j = n.index;
  if (l === 0) {
    return [
      {
        id: 'input',
        label: 'input',
        tex: `${aSym(0, j)} = ${n.inputsReady ? tex(n.a) : PENDING}`,
        note: 'an input of the current sample',
      },
    ];
  }
  const symbolic = n.weights.map((_, i) => `${wSym(l, j, i)}\\,${aSym(l - 1, i)}`);
  const numbers = n.weights.map(
    (w, i) => `${tex(w, true)}\\cdot ${n.inputsReady ? tex(n.inputs[i]!, true) : PENDING}`,
  );
  const lines: TexLine[] = [
    {
      id: 'sum',
      label: 'weighted sum',
      tex: `\\begin{aligned} ${zSym(l, j)} &= \\textstyle\\sum_i w^{(${l})}_{${jk(j + 1, 'i')}}\\,${l === 1 ? 'x_{i}' : `a^{(${l - 1})}_{i}`} + ${bSym(l, j)} \\\\ &= ${chunks(symbolic, 4)} + ${bSym(l, j)} \\\\ &= ${chunks(numbers, 3)} + ${tex(n.bias, true)} \\\\ &= ${n.sumDone ? tex(n.z) : PENDING} \\end{aligned}`,
      note: 'the dot product of the weights with the previous layer’s activations, plus the bias',
    },
  ];
  const act = n.activation!;
  lines.push({
    id: 'activation',
    label: 'activation',
    tex: `${aSym(l, j)} = ${activationTex(act, l, zSym(l, j))} = ${n.actDone ? tex(n.a) : PENDING}`,
    note: n.actDone ? 'cached for the backward pass' : 'not computed yet at this step',
  });
  lines.push({
    id: 'delta',
    label: 'δ',
    tex: `${deltaSym(l, j)} = ${partial('L', zSym(l, j))} = ${n.backDone ? tex(n.delta) : PENDING}`,
    note: n.backDone ? 'from the backward pass' : 'computed in the backward pass',
  });
  return lines;
}

/** One line for the computation a forward step just did: the weighted sum with numbers, then the activation. */
export function forwardNowTex(n: NeuronData): string {
  const terms = n.weights.map((w, i) => `${tex(w, true)}\\cdot ${tex(n.inputs[i]!, true)}`);
  const shown = terms.length > 4 ? [...terms.slice(0, 3), '\\dots'] : terms;
  const f = ACTIVATIONS[n.activation!].tex.symbol;
  return `${zSym(n.layer, n.index)} = ${shown.join(' + ')} + ${tex(n.bias, true)} = ${tex(n.z)},\\quad ${aSym(n.layer, n.index)} = ${f ? `${f}(${tex(n.z)})` : tex(n.z)} = ${tex(n.a)}`;
}

/** One line for a backward step: δ = ∂L/∂a · f′(z) (softmax outputs: δ as computed). */
export function backwardNowTex(
  l: number,
  j: number,
  dLda: number,
  slope: number,
  delta: number,
  softmax: boolean,
): string {
  return softmax
    ? `${deltaSym(l, j)} = ${partial('L', zSym(l, j))} = ${tex(delta)}`
    : `${deltaSym(l, j)} = ${partial('L', aSym(l, j))}\\,f'(${zSym(l, j)}) = ${tex(dLda, true)}\\cdot ${tex(slope, true)} = ${tex(delta)}`;
}
