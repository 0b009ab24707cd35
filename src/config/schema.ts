/**
 * The config file: one JSON object describing a network, its training and its data. The app imports
 * and exports the same JSON, and the `train` command reads it.
 *
 * `weights[l][j][i]` is the weight into neuron j of layer l+1 from neuron i of layer l;
 * `biases[l][j]` that neuron's bias. Instead of weights/biases: `seed` and `init`. Instead of `data`:
 * `dataset` with a preset name and its options.
 */
import type { ActivationName } from '../core/model/activations.ts';
import type { GeneratedName, TargetEncoding } from '../core/model/datasets.ts';
import type { InitName } from '../core/model/init.ts';
import type { LossName, Reduction } from '../core/model/losses.ts';

export const TABLE_NAMES = ['x1x2y', 'face-car'] as const;
export type TableName = (typeof TABLE_NAMES)[number];

export type DatasetSpec =
  | {
      readonly name: GeneratedName;
      readonly n: number;
      readonly noise: number;
      readonly seed: number;
      readonly targets: TargetEncoding;
      /** The fraction of the points held out as a test set (0 … 0.5; 0: none). */
      readonly test: number;
    }
  | { readonly name: TableName };

export interface DataRows {
  readonly inputs: readonly (readonly number[])[];
  readonly targets: readonly (readonly number[])[];
  /** Names of the input columns, then of the target columns (optional). */
  readonly columns?: readonly string[];
}

export const STANDARDIZE = ['inputs', 'inputs-targets'] as const;
export type Standardize = (typeof STANDARDIZE)[number];

export interface Config {
  /** Neurons per layer, input first. */
  readonly layers: readonly number[];
  /** One per layer after the input. */
  readonly activations: readonly ActivationName[];
  readonly loss: LossName;
  /**
   * The loss of a batch or data set, and the gradient an update uses: the mean over the samples (the
   * default, left out of validated configs) or their sum (the notes' E = E1 + E2 + E3).
   */
  readonly reduction?: Reduction;
  readonly learningRate: number;
  readonly batchSize: number;
  readonly trainBiases: boolean;
  readonly shuffle: boolean;
  /** Seeds the initialisation (when no weights are given) and the shuffling. */
  readonly seed: number;
  /** Present exactly when `weights` is absent. */
  readonly init?: InitName;
  readonly weights?: readonly (readonly (readonly number[])[])[];
  readonly biases?: readonly (readonly number[])[];
  /** Exactly one of `data` and `dataset` is present. */
  readonly data?: DataRows;
  readonly dataset?: DatasetSpec;
  /**
   * Standardise the inputs (and the targets too, for regression with a linear output) to mean 0 and
   * standard deviation 1, with the statistics of the training rows. Absent: the raw values.
   */
  readonly standardize?: Standardize;
}

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

export const DEFAULTS = {
  loss: 'half-squared-error',
  reduction: 'mean',
  learningRate: 0.5,
  batchSize: 1,
  trainBiases: true,
  shuffle: false,
  seed: 1,
  init: 'xavier',
  generated: { n: 200, noise: 0, targets: 'binary', test: 0 },
} as const;

export interface ConfigError {
  /** The field, as a path: `layers`, `weights[1][0][2]`, `dataset.n`. */
  readonly field: string;
  /** What is wrong and what is allowed. */
  readonly message: string;
}

export type ConfigResult =
  | { readonly ok: true; readonly config: Config }
  | { readonly ok: false; readonly errors: readonly ConfigError[] };

export function formatError(e: ConfigError): string {
  return `${e.field}: ${e.message}`;
}
