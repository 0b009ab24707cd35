/**
 * The config file: one JSON object describing a network, its training and its data. The app imports
 * and exports the same JSON, and the `train` command reads it. The types are derived from the field
 * table (fields.ts: each field's check, default and doc line), so a field is declared once.
 *
 * `weights[l][j][i]` is the weight into neuron j of layer l+1 from neuron i of layer l;
 * `biases[l][j]` that neuron's bias. Instead of weights/biases: `seed` and `init`. Instead of `data`:
 * `dataset` with a preset name and its options. `reduction` (mean or sum over the samples) is left
 * out of validated configs when it is the mean.
 */
import type { GeneratedName } from '../core/model/datasets.ts';
import type { FieldPath, Fields, TABLE_NAMES, ValueOf } from './fields.ts';

export type TableName = (typeof TABLE_NAMES)[number];

/** Spells out an intersection of object types as one (for readable hovers and messages). */
type Flat<T> = { [K in keyof T]: T[K] };

/** The value of a field: its check's, or for a group (`data`, `dataset`) the object of its fields. */
type Value<P extends FieldPath> = P extends 'data'
  ? DataRows
  : P extends 'dataset'
    ? DatasetSpec
    : ValueOf<Fields[P]['check']>;

/** The fields `paths` as an object type (a field marked `optional` may be absent). */
type Values<Paths extends FieldPath, Prefix extends string> = Flat<
  {
    readonly [P in Paths as Fields[P] extends { optional?: true } ? never : Strip<P, Prefix>]: Value<P>;
  } & {
    readonly [P in Paths as Fields[P] extends { optional?: true } ? Strip<P, Prefix> : never]?: Value<P>;
  }
>;
type Strip<P extends string, Prefix extends string> = P extends `${Prefix}${infer Rest}` ? Rest : P;
type Under<Group extends string> = Extract<FieldPath, `${Group}.${string}`>;

/** A config; exactly one of `data` and `dataset`; `init` exactly when `weights` is absent. */
export type Config = Values<Exclude<FieldPath, `${string}.${string}`>, ''>;

/** Rows to train on; `columns` names the input columns, then the target columns. */
export type DataRows = Values<Under<'data'>, 'data.'>;

/** A generated set with its options, or one of the notes' tables (no options). */
export type DatasetSpec =
  | Flat<{ readonly name: GeneratedName } & Values<Exclude<Under<'dataset'>, 'dataset.name'>, 'dataset.'>>
  | { readonly name: TableName };

export type Standardize = NonNullable<Config['standardize']>;

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
