/**
 * Validation of the network's fields: the layer sizes (within the core's limits), one activation per
 * layer (softmax only on an output of two or more), and the parameters — explicit weights and biases
 * of exactly the network's shape, or a seeded initialisation scheme.
 */
import { ACTIVATION_NAMES, isActivationName } from '../core/model/activations.ts';
import type { ActivationName } from '../core/model/activations.ts';
import type { InitName } from '../core/model/init.ts';
import { LIMITS } from '../core/model/network.ts';
import { list } from './check.ts';
import { DEFAULT_ACTIVATION } from './fields.ts';
import type { Checker } from './check.ts';

export function checkLayers(c: Checker, v: unknown): number[] | undefined {
  const maxLen = LIMITS.maxHiddenLayers + 2;
  if (!Array.isArray(v) || v.length < 2 || v.length > maxLen) {
    return c.fail(
      'layers',
      `must be a list of 2 to ${maxLen} layer sizes (inputs, up to ${LIMITS.maxHiddenLayers} hidden layers, outputs)`,
    );
  }
  const out: number[] = [];
  for (let l = 0; l < v.length; l++) {
    const max = l === 0 ? LIMITS.maxInputs : l === v.length - 1 ? LIMITS.maxOutputs : LIMITS.maxNeurons;
    const what = l === 0 ? 'inputs' : l === v.length - 1 ? 'outputs' : 'neurons';
    const n = c.int(v[l], `layers[${l}]`, 1, max);
    if (n === undefined) {
      c.errors[c.errors.length - 1] = {
        field: `layers[${l}]`,
        message: `must be a whole number of ${what} from 1 to ${max}`,
      };
      return undefined;
    }
    out.push(n);
  }
  return out;
}

export function checkActivations(
  c: Checker,
  v: unknown,
  layers: readonly number[],
): ActivationName[] | undefined {
  const depth = layers.length - 1;
  if (v === undefined) return Array.from({ length: depth }, () => DEFAULT_ACTIVATION);
  if (!Array.isArray(v) || v.length !== depth) {
    return c.fail(
      'activations',
      `must be a list of ${depth} activation names, one per layer after the input`,
    );
  }
  const out: ActivationName[] = [];
  for (let l = 0; l < depth; l++) {
    const a: unknown = v[l];
    if (!isActivationName(a)) return c.fail(`activations[${l}]`, `must be one of ${list(ACTIVATION_NAMES)}`);
    if (a === 'softmax' && l !== depth - 1)
      return c.fail(`activations[${l}]`, '"softmax" is allowed only on the output layer');
    if (a === 'softmax' && layers[depth]! < 2)
      return c.fail(`activations[${l}]`, '"softmax" needs at least 2 outputs');
    out.push(a);
  }
  return out;
}

export interface Parameters {
  readonly weights?: number[][][];
  readonly biases?: number[][];
  readonly init?: InitName;
}

/** Explicit weights (and optional biases, default 0), or a seeded scheme (`init`). */
export function checkParameters(
  c: Checker,
  get: (key: 'weights' | 'biases' | 'init') => unknown,
  layers: readonly number[],
): Parameters {
  const depth = layers.length - 1;
  if (get('weights') === undefined) {
    if (get('biases') !== undefined) c.fail('biases', 'needs "weights" too (or use "seed" and "init")');
    const init = c.field('init', get('init'));
    return init ? { init } : {};
  }
  if (get('init') !== undefined)
    c.fail('init', 'cannot be given together with "weights"; remove one of them');
  let weights: number[][][] | undefined;
  let biases: number[][] | undefined;
  const w = get('weights');
  if (!Array.isArray(w) || w.length !== depth) {
    c.fail('weights', `must be a list of ${depth} weight matrices, one per layer after the input`);
  } else {
    const ws: number[][][] = [];
    for (let l = 0; l < depth && ws.length === l; l++) {
      const m = c.matrix(w[l], `weights[${l}]`, layers[l + 1]!, layers[l]!);
      if (m) ws.push(m);
    }
    if (ws.length === depth) weights = ws;
  }
  const b = get('biases');
  if (b === undefined) {
    biases = layers.slice(1).map((n) => new Array<number>(n).fill(0));
  } else if (!Array.isArray(b) || b.length !== depth) {
    c.fail('biases', `must be a list of ${depth} bias lists, one per layer after the input`);
  } else {
    const bs: number[][] = [];
    for (let l = 0; l < depth && bs.length === l; l++) {
      const v = c.vector(b[l], `biases[${l}]`, layers[l + 1]!);
      if (v) bs.push(v);
    }
    if (bs.length === depth) biases = bs;
  }
  return weights && biases ? { weights, biases } : {};
}
