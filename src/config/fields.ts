/**
 * The config fields, one entry each: its check (the allowed values or range, hence the value's type
 * and the message naming what is allowed), its link key and how a link writes it, its default, and
 * its doc line. The rest is derived from this table or checked against it:
 * - schema.ts derives the `Config` type (and `DataRows`, `DatasetSpec`) from the checks;
 * - check.ts checks a simple field's value with its entry (`Checker.field`); the structural fields
 *   (layers, activations, weights, biases, data, dataset) keep dedicated code in validate-network.ts
 *   and validate-data.ts, and their entries name them, key them and document them;
 * - config-link.ts takes the link's config keys from here, and writes and reads the simple fields;
 * - tests/config/fields.test.ts checks README.md's "The config file" list against the doc lines.
 *
 * A field inside `data` or `dataset` has a dotted path (`dataset.n`). The order is the link's key
 * order of link version 1 (the order its "allowed:" message lists them): `data.columns` (cols) comes
 * after the data set's keys.
 */
import { ACTIVATION_NAMES } from '../core/model/activations.ts';
import type { ActivationName } from '../core/model/activations.ts';
import { GENERATED_NAMES, TARGET_ENCODINGS } from '../core/model/datasets.ts';
import { INIT_NAMES } from '../core/model/init.ts';
import { LOSS_NAMES, REDUCTIONS } from '../core/model/losses.ts';
import { LIMITS } from '../core/model/network.ts';
import { MAX_SEED } from '../core/model/rng.ts';
import { ADAM_EPSILON, DEFAULT_OPTIMIZER, OPTIMIZER_NAMES } from '../core/train/optimizers.ts';
import type { OptimizerName } from '../core/train/optimizers.ts';
import type { Reduction } from '../core/model/losses.ts';

/** Caps on everything that comes from outside, so no input can hang the tab. */
export const CAPS = {
  maxRows: 5000,
  maxGeneratedPoints: 2000,
  maxLearningRate: 100,
  maxAbsValue: 1e6,
  maxConfigChars: 2_000_000,
  maxColumnName: 40,
  maxTestFraction: 0.5,
} as const;

/** The notes' fixed tables, by the name a config's `dataset` uses. */
export const TABLE_NAMES = ['x1x2y', 'face-car'] as const;
const STANDARDIZE = ['inputs', 'inputs-targets'] as const;

/** One of a list of names; `hint` follows the list in the message. */
export interface Choice<V extends string = string> {
  readonly type: 'choice';
  readonly values: readonly V[];
  readonly hint?: string;
}
/** A whole number; `maxIs` says what a tighter bound given by the data is (batchSize: the rows). */
export interface Int {
  readonly type: 'int';
  readonly min: number;
  readonly max: number;
  readonly maxIs?: string;
}
/** A finite number; `above`: greater than `min`, not equal to it. */
export interface Num {
  readonly type: 'number';
  readonly min: number;
  readonly max: number;
  readonly above?: boolean;
}
export interface Bool {
  readonly type: 'bool';
}
/** Checked by dedicated code; `T` is the value's type (never stored: a type carried by the entry). */
export interface Structure<T> {
  readonly type: 'structure';
  readonly shape?: T;
}
/** An object of the fields under its path (`data`, `dataset`). */
export interface Group {
  readonly type: 'group';
}
export type Check = Choice | Int | Num | Bool | Structure<unknown> | Group;

/** The value a check allows (a group's is built in schema.ts from its fields). */
export type ValueOf<C> =
  C extends Choice<infer V>
    ? V
    : C extends Bool
      ? boolean
      : C extends Int | Num
        ? number
        : C extends Structure<infer T>
          ? T
          : never;

/**
 * How a link writes a field: `text` the name as it is, `number` in its shortest exact form, `flag` a
 * boolean as one of two words (in the order its message lists them), `structure` by dedicated code
 * (config-link.ts). A simple field equal to its default is left out, unless `always`.
 */
export type LinkCoding =
  | { readonly key: string; readonly as: 'text' | 'number' | 'structure'; readonly always?: true }
  | { readonly key: string; readonly as: 'flag'; readonly words: Readonly<Record<string, boolean>> };

export interface Field<C extends Check = Check, O extends boolean = boolean> {
  readonly check: C;
  readonly link: LinkCoding;
  /** Filled in when the field is absent (a choice: also when it is null). */
  readonly default?: ValueOf<C>;
  /** May be absent from a validated config (a default is then left out, as `reduction`'s is). */
  readonly optional?: O;
  readonly doc: string;
}

function field<C extends Check, const O extends boolean = false>(f: Field<C, O>): Field<C, O> {
  return f;
}
const choice = <V extends string>(values: readonly V[], hint?: string): Choice<V> =>
  hint === undefined ? { type: 'choice', values } : { type: 'choice', values, hint };
const int = (min: number, max: number, maxIs?: string): Int =>
  maxIs === undefined ? { type: 'int', min, max } : { type: 'int', min, max, maxIs };
const num = (min: number, max: number, above?: true): Num =>
  above ? { type: 'number', min, max, above } : { type: 'number', min, max };
const bool: Bool = { type: 'bool' };
const structure = <T>(): Structure<T> => ({ type: 'structure' });
const group: Group = { type: 'group' };

/** Names as the doc lines write them: `a`, `b`, `c`. */
const codes = (names: readonly string[]) => names.map((n) => `\`${n}\``).join(', ');
/** 5000 → "5,000" (the doc lines' numbers, as README.md writes them). */
const thousands = (n: number) => String(n).replace(/\B(?=(\d{3})+$)/g, ',');

type Matrix = readonly (readonly number[])[];

/** The settings that change live, without restarting (config/changes.ts). */
export type LivePath =
  'learningRate' | 'batchSize' | 'reduction' | 'optimizer' | 'momentum' | 'beta1' | 'beta2' | 'weightDecay';

/** A change of settings while training, from update `at` on. */
export interface LiveChange {
  readonly at: number;
  readonly learningRate?: number;
  readonly batchSize?: number;
  readonly reduction?: Reduction;
  readonly optimizer?: OptimizerName;
  readonly momentum?: number;
  readonly beta1?: number;
  readonly beta2?: number;
  readonly weightDecay?: number;
}

/** Each layer's activation when a config leaves out `activations`. */
export const DEFAULT_ACTIVATION: ActivationName = 'sigmoid';

export const FIELDS = {
  layers: field({
    check: structure<readonly number[]>(),
    link: { key: 'layers', as: 'structure' },
    doc: `neurons per layer, inputs first: up to ${LIMITS.maxInputs} inputs, 0–${LIMITS.maxHiddenLayers} hidden layers of up to ${LIMITS.maxNeurons} neurons, up to ${LIMITS.maxOutputs} outputs.`,
  }),
  activations: field({
    check: structure<readonly ActivationName[]>(),
    link: { key: 'act', as: 'structure' },
    doc: `one per layer after the input: ${codes(ACTIVATION_NAMES)} (\`leaky-relu\`: slope 0.01; \`softmax\`: output layer only). Default: \`${DEFAULT_ACTIVATION}\`.`,
  }),
  loss: field({
    check: choice(LOSS_NAMES),
    link: { key: 'loss', as: 'text' },
    default: 'half-squared-error',
    doc: 'per sample, over the outputs k: `squared-error` Σ(aₖ − tₖ)², `half-squared-error` Σ½(aₖ − tₖ)², `mean-squared-error` (1/K)Σ(aₖ − tₖ)², `cross-entropy` (−Σ tₖ log aₖ with softmax outputs, −Σ[tₖ log aₖ + (1 − tₖ) log(1 − aₖ)] with sigmoid outputs). Default: `half-squared-error`.',
  }),
  reduction: field({
    check: choice(REDUCTIONS, '(the loss of a batch or data set: the mean or the sum over its samples)'),
    link: { key: 'red', as: 'text' },
    default: 'mean',
    optional: true,
    doc: "how a batch or data set combines its samples. `mean`: the loss of a data set (the curve, the status line, the test loss, `train`'s `loss`) is the mean of the per-sample losses, and an update uses the mean of its batch's per-sample gradients, w ← w − α (1/n) Σₛ ∂Lₛ/∂w. `sum` (the notes' total error E = E1 + E2 + E3): the loss is the sum E = Σₛ Lₛ and an update uses the sum of the per-sample gradients, w ← w − α Σₛ ∂Lₛ/∂w. With batch size 1 the two train the same. Default: `mean`, left out of links and of validated configs.",
  }),
  learningRate: field({
    check: num(0, CAPS.maxLearningRate, true),
    link: { key: 'lr', as: 'number' },
    default: 0.5,
    doc: `the step size α, 0 < α ≤ ${CAPS.maxLearningRate}. Default: 0.5.`,
  }),
  batchSize: field({
    check: int(1, CAPS.maxRows, 'the number of training samples'),
    link: { key: 'batch', as: 'number' },
    default: 1,
    doc: 'samples per update, from 1 (an update after every sample) to the number of training rows (full batch). Default: 1.',
  }),
  trainBiases: field({
    check: bool,
    link: { key: 'biases', as: 'flag', words: { trained: true, fixed: false } },
    default: true,
    doc: 'whether the updates change the biases (false: they keep their initial values). Default: true.',
  }),
  shuffle: field({
    check: bool,
    link: { key: 'shuffle', as: 'flag', words: { '0': false, '1': true } },
    default: false,
    doc: 'a new order of the rows for each epoch, drawn from `seed` (false: the rows in order). Default: false.',
  }),
  seed: field({
    check: int(0, MAX_SEED),
    link: { key: 'seed', as: 'number' },
    default: 1,
    doc: `seeds the initialisation (when no weights are given) and the shuffling (a whole number, 0 to ${MAX_SEED}). Default: 1.`,
  }),
  init: field({
    check: choice(INIT_NAMES),
    link: { key: 'init', as: 'text' },
    default: 'xavier',
    optional: true,
    doc: 'instead of `weights`: `uniform` (±0.5), `xavier` or `he`, drawn from `seed`. Default: `xavier`.',
  }),
  weights: field({
    check: structure<readonly Matrix[]>(),
    link: { key: 'w', as: 'structure' },
    optional: true,
    doc: `\`weights[l][j][i]\` is the weight into neuron j of layer l+1 from neuron i of layer l (each within ±${thousands(CAPS.maxAbsValue)}); or instead \`init\`.`,
  }),
  biases: field({
    check: structure<Matrix>(),
    link: { key: 'b', as: 'structure' },
    optional: true,
    doc: '`biases[l][j]` is the bias of neuron j of layer l+1, given with `weights` (0 when omitted).',
  }),
  data: field({
    check: group,
    link: { key: 'x', as: 'structure' },
    optional: true,
    doc: `the rows to train on, \`{ "inputs": [[…]], "targets": [[…]] }\`, up to ${thousands(CAPS.maxRows)} rows; or instead \`dataset\`.`,
  }),
  'data.inputs': field({
    check: structure<Matrix>(),
    link: { key: 'x', as: 'structure' },
    doc: 'one row per sample, one number per input.',
  }),
  'data.targets': field({
    check: structure<Matrix>(),
    link: { key: 't', as: 'structure' },
    doc: 'one row per input row, one number per output.',
  }),
  dataset: field({
    check: group,
    link: { key: 'data', as: 'structure' },
    optional: true,
    doc: 'a named data set instead of `data`: `{ "name": … }`, with options for the generated sets.',
  }),
  'dataset.name': field({
    check: choice([...GENERATED_NAMES, ...TABLE_NAMES]),
    link: { key: 'data', as: 'text' },
    doc: "the generated 2-D sets `xor`, `circle`, `spiral`, `gaussians`, or the notes' tables `x1x2y` and `face-car` (which take no options).",
  }),
  'dataset.n': field({
    check: int(2, CAPS.maxGeneratedPoints),
    link: { key: 'n', as: 'number', always: true },
    default: 200,
    doc: `the number of points, 2 to ${thousands(CAPS.maxGeneratedPoints)}. Default: 200.`,
  }),
  'dataset.noise': field({
    check: num(0, 1),
    link: { key: 'noise', as: 'number', always: true },
    default: 0,
    doc: 'how far the points stray, 0 to 1. Default: 0.',
  }),
  'dataset.seed': field({
    check: int(0, MAX_SEED),
    link: { key: 'dseed', as: 'number', always: true },
    doc: "seeds the points. Default: the config's `seed`.",
  }),
  'dataset.targets': field({
    check: choice(TARGET_ENCODINGS),
    link: { key: 'targets', as: 'text', always: true },
    default: 'binary',
    doc: '`sign` (±1), `binary` (0/1) or `one-hot`. Default: `binary`.',
  }),
  'dataset.test': field({
    check: num(0, CAPS.maxTestFraction),
    link: { key: 'test', as: 'number' },
    default: 0,
    doc: `the fraction of the points held out as a test set, 0 to ${CAPS.maxTestFraction}. Default: 0.`,
  }),
  'data.columns': field({
    check: structure<readonly string[]>(),
    link: { key: 'cols', as: 'structure' },
    optional: true,
    doc: `names of the input columns, then of the target columns (1–${CAPS.maxColumnName} characters each, distinct).`,
  }),
  standardize: field({
    check: choice(STANDARDIZE, '(or left out for the raw values)'),
    link: { key: 'std', as: 'text' },
    optional: true,
    doc: '`inputs`, or `inputs-targets` (which needs a `linear` output layer): mean 0 and standard deviation 1, with the statistics of the training rows. Left out, the network sees the raw values.',
  }),
  optimizer: field({
    check: choice(OPTIMIZER_NAMES),
    link: { key: 'opt', as: 'text' },
    default: DEFAULT_OPTIMIZER.name,
    optional: true,
    doc: 'the update rule, with g the batch gradient (plus λw with `weightDecay`): `sgd` w ← w − α g, as in the notes; `momentum` v ← μ v + g, w ← w − α v; `adam` m ← β1 m + (1 − β1) g, v ← β2 v + (1 − β2) g², w ← w − α m̂ / (√v̂ + ε) with m̂ = m / (1 − β1ᵗ), v̂ = v / (1 − β2ᵗ), t the update count. Velocity and moments start at 0. Default: `sgd`, left out of links and of validated configs.',
  }),
  momentum: field({
    check: num(0, 0.999),
    link: { key: 'mom', as: 'number' },
    default: DEFAULT_OPTIMIZER.momentum,
    optional: true,
    doc: `μ of \`momentum\`, 0 to 0.999. Default: ${DEFAULT_OPTIMIZER.momentum}.`,
  }),
  beta1: field({
    check: num(0, 0.999),
    link: { key: 'b1', as: 'number' },
    default: DEFAULT_OPTIMIZER.beta1,
    optional: true,
    doc: `β1 of \`adam\` (the gradient's running mean), 0 to 0.999. Default: ${DEFAULT_OPTIMIZER.beta1}.`,
  }),
  beta2: field({
    check: num(0, 0.99999),
    link: { key: 'b2', as: 'number' },
    default: DEFAULT_OPTIMIZER.beta2,
    optional: true,
    doc: `β2 of \`adam\` (the squared gradient's running mean), 0 to 0.99999; ε = ${ADAM_EPSILON}. Default: ${DEFAULT_OPTIMIZER.beta2}.`,
  }),
  weightDecay: field({
    check: num(0, 1),
    link: { key: 'wd', as: 'number' },
    default: DEFAULT_OPTIMIZER.weightDecay,
    optional: true,
    doc: 'λ of L2 weight decay, 0 to 1: each update uses g + λw for a weight (the gradient of λ/2 Σ w², which the loss shown leaves out); biases do not decay. Default: 0.',
  }),
  changes: field({
    check: structure<readonly LiveChange[]>(),
    link: { key: 'chg', as: 'structure' },
    optional: true,
    doc: 'settings changed while training, without restarting: a list of `{ "at": U, … }`, U the update each applies from (increasing, from 1), each with some of `learningRate`, `batchSize`, `reduction`, `optimizer`, `momentum`, `beta1`, `beta2`, `weightDecay`; the fields above are the settings at update 0. Up to 32 changes.',
  }),
};

export type Fields = typeof FIELDS;
export type FieldPath = keyof Fields;
/** The fields checked by their entry alone (`Checker.field`). */
export type SimplePath = {
  [P in FieldPath]: Fields[P]['check'] extends Choice | Int | Num | Bool ? P : never;
}[FieldPath];

/** The table's entries in order, each with its path. */
export const FIELD_LIST: readonly (Field & { readonly path: FieldPath })[] = (
  Object.keys(FIELDS) as FieldPath[]
).map((path) => ({ path, ...(FIELDS[path] as Field) }));

/** The allowed names of a config's top level, of `data` and of `dataset`, in the table's order. */
export function fieldNames(under: '' | 'data' | 'dataset'): string[] {
  const paths = FIELD_LIST.map((f) => f.path as string);
  return under
    ? paths.filter((p) => p.startsWith(`${under}.`)).map((p) => p.slice(under.length + 1))
    : paths.filter((p) => !p.includes('.'));
}
