/**
 * Practice mode (issue 12 §1), the pure part: the questions a step asks before its values are
 * revealed. Given the moment before a step and the moment after it, a forward step of a neuron asks
 * its z, then its a; the loss step asks the sample's L; a backward step asks the neuron's ∂L/∂a, its δ
 * and, when the practised parameter feeds it, ∂L/∂p; the update asks the parameter's new value. The
 * practised parameter is the selected weight or bias (`after.chain`), else the first weight. Each
 * question carries what the view shows beside the answer field and the typical mistakes its hint
 * recognises (`practice-check.ts` checks answers and runs the practice state machine).
 */
import { backwardQuestions } from './practice-backward.ts';
import { activationQuestion, lossQuestion, sumQuestion } from './practice-forward.ts';
import type { StepContext } from './practice-names.ts';
import { practisedParam, updateQuestion } from './practice-update.ts';
import type { RunView } from './snapshot.ts';

export type PracticeKind = 'z' | 'a' | 'loss' | 'dLda' | 'delta' | 'gradient' | 'update';

/** What is asked: the forward pass (with the loss), the backward pass, everything, or the update. */
export type PracticeScope = 'forward' | 'backward' | 'all' | 'update';

export interface PracticeQuestion {
  /** Stable: the moment (update.micro before the step), the kind and the place. */
  readonly id: string;
  readonly kind: PracticeKind;
  /** Where the value appears: a selection key (`n 1 0`, `w 2 0 0`, `b 2 0`), or `loss`. */
  readonly at: string;
  /** In the notes' names: "z of h1", "δ of o1", "∂L/∂w5", "new w5", "L". */
  readonly name: string;
  /** How it is computed, in words and names: "z of h1 = w1·x1 + w2·x2 + b1". */
  readonly formula: string;
  readonly expected: number;
  /** The expected value in the app's digits (fmt). */
  readonly shown: string;
  /** The value the formula gives from the inputs as shown (also counted right). */
  readonly fromShown: number;
  /** The inputs to it, as the app shows them. */
  readonly inputs: readonly { readonly name: string; readonly shown: string }[];
  /** The worked line, TeX with numbers (the chain panel's formula). */
  readonly worked: string;
  /** Typical mistakes: the hint, and the values (exact, from shown inputs) that give it away. */
  readonly mistakes: readonly { readonly hint: string; readonly values: readonly number[] }[];
}

const SCOPES: Readonly<Record<PracticeScope, readonly PracticeKind[]>> = {
  forward: ['z', 'a', 'loss'],
  backward: ['dLda', 'delta', 'gradient'],
  update: ['update'],
  all: ['z', 'a', 'loss', 'dLda', 'delta', 'gradient', 'update'],
};

/** Whether `after` is the moment one computation after `before`. */
function oneStepApart(before: RunView, after: RunView): boolean {
  const b = before.position;
  const a = after.position;
  const last = a.last;
  if (after.net !== before.net || !last || JSON.stringify(b.next) !== JSON.stringify(last)) return false;
  if (last.phase === 'update') return a.update === b.update + 1 && a.micro === 0;
  return a.update === b.update && a.micro === b.micro + 1;
}

/**
 * The questions of the step from `before` to `after` (none when they are not one step apart, or the
 * step diverged), in the order they are asked, filtered by `scope`. `names`: the diagram's names by
 * selection key (`networkNames(…).names`).
 */
export function practiceQuestions(
  before: RunView,
  after: RunView,
  scope: PracticeScope,
  names: Readonly<Record<string, string>>,
): PracticeQuestion[] {
  if (!oneStepApart(before, after) || after.divergence) return [];
  const pos = before.position;
  const c: StepContext = {
    before,
    after,
    names,
    id: (kind, at) => `${pos.update}.${pos.micro}:${kind}:${at}`,
  };
  const last = after.position.last!;
  const net = after.net;
  const out: PracticeQuestion[] = [];
  if (last.phase === 'forward') {
    const l = last.layer;
    out.push(sumQuestion(c, l, last.neuron));
    const softmax = net.activations[l - 1] === 'softmax';
    if (!softmax) out.push(activationQuestion(c, l, last.neuron));
    else if (last.neuron === net.sizes[l]! - 1)
      for (let j = 0; j < net.sizes[l]!; j++) out.push(activationQuestion(c, l, j));
  } else if (last.phase === 'loss') {
    out.push(lossQuestion(c));
  } else if (last.phase === 'backward') {
    out.push(...backwardQuestions(c, last.layer, last.neuron, practisedParam(after)));
  } else {
    const q = updateQuestion(c, practisedParam(after));
    if (q) out.push(q);
  }
  const kinds = SCOPES[scope];
  return out.filter((q) => kinds.includes(q.kind));
}
