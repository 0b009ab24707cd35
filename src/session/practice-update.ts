/**
 * Practice questions of the update: the practised parameter (the selected weight or trained bias,
 * else the first weight) and its new value, with the typical mistakes its hint names.
 */
import { paramIndex } from '../core/step/chain.ts';
import type { ParamRef } from '../core/step/chain.ts';
import { fmt } from '../tex/format.ts';
import { updateWorked } from '../tex/practice.ts';
import { makeQuestion } from './practice-check.ts';
import type { MistakeSpec } from './practice-check.ts';
import { paramKey, paramName } from './practice-names.ts';
import type { StepContext } from './practice-names.ts';
import type { PracticeQuestion } from './practice.ts';
import type { RunView } from './snapshot.ts';

/** The parameter practised: the selected weight (or trained bias), else the first weight. */
export function practisedParam(view: RunView): ParamRef {
  const p = view.chain?.rule.param;
  if (p && (p.kind === 'weight' || view.trainBiases)) return p;
  return { kind: 'weight', layer: 1, to: 0, from: 0 };
}

/**
 * The practised parameter's new value after the update (null without an update record, and with
 * momentum, Adam or weight decay: practice asks the notes' rule; the chain panel shows the others').
 */
export function updateQuestion(c: StepContext, p: ParamRef): PracticeQuestion | null {
  const v = c.after;
  const u = v.lastUpdate;
  if (!u || v.optimizer) return null;
  const idx = paramIndex(v.net, p);
  const pn = paramName(c, p);
  const n = u.batchLength;
  const g = u.gradient[idx]!;
  const alpha = v.learningRate;
  const gName =
    n === 1 ? `∂L/∂${pn}` : `${v.reduction === 'sum' ? 'sum' : 'mean'} of ∂L/∂${pn} over ${n} samples`;
  const formula = `new ${pn} = ${pn} − α·${gName}`;
  const step = (x: readonly number[]) => x[0]! - x[1]! * x[2]!;
  const mistakes: MistakeSpec[] = [
    { hint: `Step against the gradient: ${formula}, with a minus.`, compute: (x) => x[0]! + x[1]! * x[2]! },
    {
      hint: `Multiply the gradient by the learning rate α = ${fmt(alpha)}: ${formula}.`,
      compute: (x) => x[0]! - x[2]!,
    },
    {
      hint: `That is the change −α·${gName} alone: add it to ${pn} = ${fmt(u.before[idx]!)}.`,
      compute: (x) => -x[1]! * x[2]!,
    },
  ];
  if (n > 1)
    mistakes.push(
      v.reduction === 'sum'
        ? {
            hint: `This setup sums the ${n} samples’ gradients (reduction: sum); it does not average them.`,
            compute: (x) => x[0]! - (x[1]! * x[2]!) / n,
          }
        : {
            hint: `The update takes the mean of the ${n} samples’ gradients (their sum ÷ ${n}), not their sum.`,
            compute: (x) => x[0]! - x[1]! * x[2]! * n,
          },
    );
  const after = v.params[idx]!;
  return makeQuestion({
    id: c.id('update', paramKey(p)),
    kind: 'update',
    at: paramKey(p),
    name: `new ${pn}`,
    formula,
    worked: updateWorked(p.layer, p.to, p.kind === 'weight' ? p.from : null, u.before[idx]!, alpha, g, after),
    expected: after,
    inputs: [
      { name: pn, value: u.before[idx]! },
      { name: 'α', value: alpha },
      { name: gName, value: g },
    ],
    compute: step,
    mistakes,
  });
}
