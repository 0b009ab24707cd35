/**
 * The moment part of a link: `at=U.M` (U updates done, M micro-steps into the next batch) and, from
 * the first update on, `aw=…&ab=…`, the weights and biases at that moment, flat like `w` and `b` —
 * so the page need not replay the training to get there. The parameters get the checks of explicit
 * weights (finite, within the caps).
 */
import { biasesFrom, fail, numList, weightsFrom } from './link-values.ts';
import type { LinkFailure, LinkParams } from './link-values.ts';
import { validateConfig } from './validate.ts';

export interface Moment {
  readonly update: number;
  readonly micro: number;
  /** The parameters at that update (so the page need not replay the training to get there). */
  readonly weights?: readonly (readonly (readonly number[])[])[];
  readonly biases?: readonly (readonly number[])[];
}

export const MOMENT_KEYS = ['at', 'aw', 'ab'] as const;

/** The moment's parameters; none at the start of training. */
export function momentParts(moment: Moment | null): string[] {
  if (!moment || !(moment.update > 0 || moment.micro > 0)) return [];
  const parts = [`at=${moment.update}.${moment.micro}`];
  if (moment.update > 0 && moment.weights && moment.biases)
    parts.push(`aw=${numList(moment.weights.flat(2))}`, `ab=${numList(moment.biases.flat())}`);
  return parts;
}

/** The moment a link names (null: none), for a network of these layer sizes. */
export function decodeMoment(params: LinkParams, layers: number[]): Moment | null | LinkFailure {
  let moment: Moment | null = null;
  if (params.has('at')) {
    const m = /^(\d{1,12})\.(\d{1,9})$/.exec(params.get('at')!);
    if (!m)
      return fail('at', 'must be U.M: updates done, then micro-steps into the next batch (e.g. at=12.3)');
    moment = { update: Number(m[1]), micro: Number(m[2]) };
  }
  if (params.has('aw') !== params.has('ab')) {
    return fail(params.has('aw') ? 'ab' : 'aw', 'is needed with the other');
  }
  if (!params.has('aw')) return moment;
  if (!moment) return fail('at', 'is needed with aw and ab');
  const weights = weightsFrom(params.get('aw')!, layers);
  if (typeof weights === 'string') return fail('aw', weights);
  const biases = biasesFrom(params.get('ab')!, layers);
  if (typeof biases === 'string') return fail('ab', biases);
  // the checks of explicit weights (finite, within the caps), on a one-row stand-in config
  const row = (n: number) => [new Array<number>(n).fill(0)];
  const check = validateConfig({
    layers,
    weights,
    biases,
    data: { inputs: row(layers[0]!), targets: row(layers[layers.length - 1]!) },
  });
  if (!check.ok) {
    const e = check.errors[0]!;
    return fail(`${e.field.startsWith('weights') ? 'aw' : 'ab'} (${e.field})`, e.message);
  }
  return { ...moment, weights, biases };
}
