/**
 * Validation of an untrusted config (parsed JSON): every error names the field and what is allowed.
 * Keys are compared against fixed lists, so `__proto__`, `constructor` and friends are just unknown.
 */
import { ACTIVATION_NAMES, isActivationName } from '../core/model/activations.ts';
import type { ActivationName } from '../core/model/activations.ts';
import { GENERATED_NAMES, TARGET_ENCODINGS } from '../core/model/datasets.ts';
import type { GeneratedName, TargetEncoding } from '../core/model/datasets.ts';
import { INIT_NAMES, isInitName } from '../core/model/init.ts';
import { LOSS_NAMES, REDUCTIONS, isLossName, isReduction } from '../core/model/losses.ts';
import { LIMITS } from '../core/model/network.ts';
import { MAX_SEED } from '../core/model/rng.ts';
import { CAPS, DEFAULTS, STANDARDIZE, TABLE_NAMES } from './schema.ts';
import type { Config, ConfigError, ConfigResult, DataRows, DatasetSpec } from './schema.ts';
import { tableRows } from './tables.ts';

const KEYS = [
  'layers',
  'activations',
  'loss',
  'reduction',
  'learningRate',
  'batchSize',
  'trainBiases',
  'shuffle',
  'seed',
  'init',
  'weights',
  'biases',
  'data',
  'dataset',
  'standardize',
] as const;

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function own(o: Json, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(o, key) ? o[key] : undefined;
}

function list(names: readonly string[]): string {
  return names.map((n) => `"${n}"`).join(', ');
}

/** Shows a rejected key safely: quoted, control characters escaped, cut to 40 characters. */
function quoteKey(k: string): string {
  return JSON.stringify(k.length > 40 ? `${k.slice(0, 40)}…` : k);
}

class Checker {
  readonly errors: ConfigError[] = [];
  fail(field: string, message: string): undefined {
    this.errors.push({ field, message });
    return undefined;
  }
  unknownKeys(o: Json, allowed: readonly string[], where: string): void {
    for (const k of Object.keys(o)) {
      if (!allowed.includes(k)) {
        const name = /^[A-Za-z_$][\w$-]{0,39}$/.test(k) ? k : quoteKey(k);
        this.fail(where ? `${where}.${name}` : name, `unknown key ${quoteKey(k)}; allowed: ${list(allowed)}`);
      }
    }
  }
  int(v: unknown, field: string, min: number, max: number): number | undefined {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
      return this.fail(field, `must be a whole number from ${min} to ${max}`);
    }
    return v;
  }
  num(v: unknown, field: string, min: number, max: number, minExclusive = false): number | undefined {
    if (typeof v !== 'number' || !Number.isFinite(v) || v > max || v < min || (minExclusive && v === min)) {
      return this.fail(
        field,
        `must be a number ${minExclusive ? 'greater than' : 'from'} ${min}${minExclusive ? ' and at most' : ' to'} ${max}`,
      );
    }
    return v;
  }
  bool(v: unknown, field: string): boolean | undefined {
    if (typeof v !== 'boolean') return this.fail(field, 'must be true or false');
    return v;
  }
  /** A rows × cols matrix of finite numbers within ±maxAbsValue. */
  matrix(v: unknown, field: string, rows: number, cols: number): number[][] | undefined {
    if (!Array.isArray(v) || v.length !== rows) return this.fail(field, `must be a list of ${rows} rows`);
    const out: number[][] = [];
    for (let r = 0; r < rows; r++) {
      const row = this.vector(v[r], `${field}[${r}]`, cols);
      if (!row) return undefined;
      out.push(row);
    }
    return out;
  }
  vector(v: unknown, field: string, n: number): number[] | undefined {
    if (!Array.isArray(v) || v.length !== n) return this.fail(field, `must be a list of ${n} numbers`);
    for (let i = 0; i < n; i++) {
      const x: unknown = v[i];
      if (typeof x !== 'number' || !Number.isFinite(x) || Math.abs(x) > CAPS.maxAbsValue) {
        return this.fail(
          `${field}[${i}]`,
          `must be a finite number between −${CAPS.maxAbsValue} and ${CAPS.maxAbsValue}`,
        );
      }
    }
    return v as number[];
  }
}

/** What is wrong with a column name, or null: 1 to 40 characters, no control characters. */
export function columnNameProblem(name: unknown): string | null {
  if (typeof name !== 'string' || name.trim() === '' || name.length > CAPS.maxColumnName)
    return `must be a name of 1 to ${CAPS.maxColumnName} characters`;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'must not contain control characters';
  return null;
}

/** The number of test rows of a generated set of n points with a test fraction. */
export function testRowCount(n: number, fraction: number): number {
  return Math.round(n * fraction);
}

function checkLayers(c: Checker, v: unknown): number[] | undefined {
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

function checkActivations(c: Checker, v: unknown, layers: readonly number[]): ActivationName[] | undefined {
  const depth = layers.length - 1;
  if (v === undefined) return Array.from({ length: depth }, () => 'sigmoid' as const);
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

function checkDataset(c: Checker, v: unknown, seed: number): DatasetSpec | undefined {
  if (!isObject(v))
    return c.fail(
      'dataset',
      `must be an object with a "name": one of ${list([...GENERATED_NAMES, ...TABLE_NAMES])}`,
    );
  const name = own(v, 'name');
  if ((TABLE_NAMES as readonly unknown[]).includes(name)) {
    c.unknownKeys(v, ['name'], 'dataset');
    return { name: name as (typeof TABLE_NAMES)[number] };
  }
  if (!(GENERATED_NAMES as readonly unknown[]).includes(name)) {
    return c.fail('dataset.name', `must be one of ${list([...GENERATED_NAMES, ...TABLE_NAMES])}`);
  }
  c.unknownKeys(v, ['name', 'n', 'noise', 'seed', 'targets', 'test'], 'dataset');
  const n =
    own(v, 'n') === undefined
      ? DEFAULTS.generated.n
      : c.int(own(v, 'n'), 'dataset.n', 2, CAPS.maxGeneratedPoints);
  const noise =
    own(v, 'noise') === undefined ? DEFAULTS.generated.noise : c.num(own(v, 'noise'), 'dataset.noise', 0, 1);
  const dseed = own(v, 'seed') === undefined ? seed : c.int(own(v, 'seed'), 'dataset.seed', 0, MAX_SEED);
  const t = own(v, 'targets') ?? DEFAULTS.generated.targets;
  if (!(TARGET_ENCODINGS as readonly unknown[]).includes(t))
    c.fail('dataset.targets', `must be one of ${list(TARGET_ENCODINGS)}`);
  const test =
    own(v, 'test') === undefined
      ? DEFAULTS.generated.test
      : c.num(own(v, 'test'), 'dataset.test', 0, CAPS.maxTestFraction);
  if (n === undefined || noise === undefined || dseed === undefined || test === undefined || c.errors.length)
    return undefined;
  return { name: name as GeneratedName, n, noise, seed: dseed, targets: t as TargetEncoding, test };
}

function checkData(c: Checker, v: unknown, nIn: number, nOut: number): DataRows | undefined {
  if (!isObject(v)) return c.fail('data', 'must be an object with "inputs" and "targets"');
  c.unknownKeys(v, ['inputs', 'targets', 'columns'], 'data');
  const inputs = own(v, 'inputs');
  const targets = own(v, 'targets');
  if (!Array.isArray(inputs) || inputs.length < 1 || inputs.length > CAPS.maxRows) {
    return c.fail('data.inputs', `must be a list of 1 to ${CAPS.maxRows} rows of ${nIn} numbers`);
  }
  if (!Array.isArray(targets) || targets.length !== inputs.length) {
    return c.fail(
      'data.targets',
      `must be a list of ${inputs.length} rows (one per input row) of ${nOut} numbers`,
    );
  }
  const X = c.matrix(inputs, 'data.inputs', inputs.length, nIn);
  const T = X && c.matrix(targets, 'data.targets', targets.length, nOut);
  const columns = own(v, 'columns');
  if (columns === undefined) return X && T ? { inputs: X, targets: T } : undefined;
  if (!Array.isArray(columns) || columns.length !== nIn + nOut) {
    return c.fail(
      'data.columns',
      `must be a list of ${nIn + nOut} names (${nIn} inputs, then ${nOut} targets)`,
    );
  }
  for (let k = 0; k < columns.length; k++) {
    const problem = columnNameProblem(columns[k]);
    if (problem) return c.fail(`data.columns[${k}]`, problem);
    if (columns.indexOf(columns[k]) !== k)
      return c.fail(`data.columns[${k}]`, `repeats the name ${quoteKey(columns[k] as string)}`);
  }
  return X && T ? { inputs: X, targets: T, columns: columns as string[] } : undefined;
}

/** Training rows of the data a config describes (generated sets need the core to generate them). */
function rowCount(data: DataRows | undefined, dataset: DatasetSpec | undefined): number {
  if (data) return data.inputs.length;
  if (!dataset) return 0;
  return 'n' in dataset
    ? dataset.n - testRowCount(dataset.n, dataset.test)
    : tableRows(dataset.name).inputs.length;
}

function datasetShape(d: DatasetSpec): { nIn: number; nOut: number } {
  if ('n' in d) return { nIn: 2, nOut: d.targets === 'one-hot' ? 2 : 1 };
  const t = tableRows(d.name);
  return { nIn: t.inputs[0]!.length, nOut: t.targets[0]!.length };
}

export function validateConfig(input: unknown): ConfigResult {
  const c = new Checker();
  if (!isObject(input)) return { ok: false, errors: [{ field: 'config', message: 'must be a JSON object' }] };
  c.unknownKeys(input, KEYS, '');
  const get = (k: (typeof KEYS)[number]) => own(input, k);

  const layers = checkLayers(c, get('layers'));
  if (!layers) return { ok: false, errors: c.errors };
  const depth = layers.length - 1;
  const activations = checkActivations(c, get('activations'), layers);
  const lossV = get('loss') ?? DEFAULTS.loss;
  const loss = isLossName(lossV) ? lossV : c.fail('loss', `must be one of ${list(LOSS_NAMES)}`);
  if (loss === 'cross-entropy' && activations) {
    const out = activations[depth - 1];
    if (out !== 'sigmoid' && out !== 'softmax') {
      c.fail(
        'loss',
        `"cross-entropy" needs a "sigmoid" or "softmax" output layer (activations[${depth - 1}] is "${out}")`,
      );
    }
  }
  const redV = get('reduction') ?? DEFAULTS.reduction;
  const reduction = isReduction(redV)
    ? redV
    : c.fail(
        'reduction',
        `must be one of ${list(REDUCTIONS)} (the loss of a batch or data set: the mean or the sum over its samples)`,
      );
  const lr =
    get('learningRate') === undefined
      ? DEFAULTS.learningRate
      : c.num(get('learningRate'), 'learningRate', 0, CAPS.maxLearningRate, true);
  const trainBiases =
    get('trainBiases') === undefined ? DEFAULTS.trainBiases : c.bool(get('trainBiases'), 'trainBiases');
  const shuffle = get('shuffle') === undefined ? DEFAULTS.shuffle : c.bool(get('shuffle'), 'shuffle');
  const seed = get('seed') === undefined ? DEFAULTS.seed : c.int(get('seed'), 'seed', 0, MAX_SEED);

  // Parameters: explicit weights (and optional biases, default 0), or a seeded scheme.
  let weights: number[][][] | undefined;
  let biases: number[][] | undefined;
  let init: (typeof INIT_NAMES)[number] | undefined;
  if (get('weights') !== undefined) {
    if (get('init') !== undefined)
      c.fail('init', 'cannot be given together with "weights"; remove one of them');
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
  } else {
    if (get('biases') !== undefined) c.fail('biases', 'needs "weights" too (or use "seed" and "init")');
    const iv = get('init') ?? DEFAULTS.init;
    init = isInitName(iv) ? iv : c.fail('init', `must be one of ${list(INIT_NAMES)}`);
  }

  // Data: rows, or a named data set.
  let data: DataRows | undefined;
  let dataset: DatasetSpec | undefined;
  const nIn = layers[0]!;
  const nOut = layers[depth]!;
  if (get('data') !== undefined && get('dataset') !== undefined) {
    c.fail('dataset', 'cannot be given together with "data"; remove one of them');
  } else if (get('data') !== undefined) {
    data = checkData(c, get('data'), nIn, nOut);
  } else if (get('dataset') !== undefined) {
    dataset = checkDataset(c, get('dataset'), seed ?? DEFAULTS.seed);
    if (dataset) {
      const s = datasetShape(dataset);
      if (s.nIn !== nIn)
        c.fail('layers[0]', `must be ${s.nIn}: the data set "${dataset.name}" has ${s.nIn} inputs`);
      if (s.nOut !== nOut)
        c.fail(`layers[${depth}]`, `must be ${s.nOut}: the data set "${dataset.name}" has ${s.nOut} targets`);
    }
  } else {
    c.fail(
      'data',
      'is required: give "data" ({"inputs": [[…]], "targets": [[…]]}) or "dataset" ({"name": …})',
    );
  }

  const sv = get('standardize');
  const standardize =
    sv === undefined || (STANDARDIZE as readonly unknown[]).includes(sv)
      ? (sv as Config['standardize'])
      : c.fail('standardize', `must be one of ${list(STANDARDIZE)} (or left out for the raw values)`);
  if (standardize === 'inputs-targets' && activations && activations[depth - 1] !== 'linear') {
    c.fail(
      'standardize',
      `"inputs-targets" is for regression: it needs a "linear" output layer (activations[${depth - 1}] is "${activations[depth - 1]}"); use "inputs"`,
    );
  }

  const n = rowCount(data, dataset);
  const bv = get('batchSize');
  const batchSize =
    bv === undefined ? DEFAULTS.batchSize : c.int(bv, 'batchSize', 1, Math.max(1, n || CAPS.maxRows));
  if (bv !== undefined && batchSize === undefined && n > 0) {
    c.errors[c.errors.length - 1] = {
      field: 'batchSize',
      message: `must be a whole number from 1 to ${n} (the number of training samples)`,
    };
  }

  if (
    c.errors.length ||
    !activations ||
    !loss ||
    !reduction ||
    lr === undefined ||
    trainBiases === undefined ||
    shuffle === undefined ||
    seed === undefined ||
    batchSize === undefined
  ) {
    return { ok: false, errors: c.errors };
  }
  const config: Config = {
    layers,
    activations,
    loss,
    ...(reduction !== DEFAULTS.reduction ? { reduction } : {}),
    learningRate: lr,
    batchSize,
    trainBiases,
    shuffle,
    seed,
    ...(init ? { init } : {}),
    ...(weights && biases ? { weights, biases } : {}),
    ...(data ? { data } : {}),
    ...(dataset ? { dataset } : {}),
    ...(standardize ? { standardize } : {}),
  };
  return { ok: true, config };
}

/** Parses JSON text (size-capped) and validates it. */
export function parseConfigText(text: string): ConfigResult {
  if (text.length > CAPS.maxConfigChars) {
    return {
      ok: false,
      errors: [
        {
          field: 'config',
          message: `is too large (${text.length} characters; at most ${CAPS.maxConfigChars})`,
        },
      ],
    };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    const why = e instanceof Error ? e.message : 'syntax error';
    return { ok: false, errors: [{ field: 'config', message: `is not valid JSON (${why.slice(0, 120)})` }] };
  }
  return validateConfig(json);
}
