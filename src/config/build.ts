/** From a validated config to what the core trains: the network, the data, the parameters, the options. */
import {
  datasetFromRows,
  generateDataset,
  scaleDataset,
  scalingOf,
  splitDataset,
} from '../core/model/datasets.ts';
import type { Dataset, Scaling } from '../core/model/datasets.ts';
import { initParams, packParams, unpackParams } from '../core/model/init.ts';
import { createNetwork } from '../core/model/network.ts';
import type { Network } from '../core/model/network.ts';
import { segmentsOf } from '../core/train/schedule.ts';
import type { Segment, TrainOptions } from '../core/train/schedule.ts';
import { settingsAt } from './changes.ts';
import { DEFAULT_OPTIMIZER, isPlain } from '../core/train/optimizers.ts';
import type { OptimizerOptions } from '../core/train/optimizers.ts';
import type { Config, DatasetSpec } from './schema.ts';
import { tableRows } from './tables.ts';
import { testRowCount } from './validate-data.ts';

export interface RunSetup {
  readonly net: Network;
  /** The rows trained on, as the network sees them (standardised if the config says so). */
  readonly data: Dataset;
  /** The held-out rows, scaled like the training rows (null: no test set). */
  readonly test: Dataset | null;
  /** All rows as given (before the split and the scaling). */
  readonly raw: Dataset;
  /** The rows of `raw` in the test set, ascending. */
  readonly testIndex: Int32Array;
  /** The standardisation applied (statistics of the training rows), or null. */
  readonly scaling: Scaling | null;
  /** Column names: the inputs, then the targets. */
  readonly columns: readonly string[];
  /** The initial parameters (a fresh copy each call). */
  readonly params: Float64Array;
  /** The settings at update 0, and those changed live later (`changes`). */
  readonly options: TrainOptions;
  readonly segments: readonly Segment[];
}

export function buildDataset(spec: DatasetSpec): Dataset {
  if ('n' in spec) return generateDataset(spec.name, spec);
  const t = tableRows(spec.name);
  return datasetFromRows(t.inputs, t.targets);
}

/** The column names of a config's data: its own, the table's, or x1 … xn, y (y1 … ym). */
export function columnNames(config: Config): string[] {
  const given =
    config.data?.columns ??
    (config.dataset && !('n' in config.dataset) ? tableRows(config.dataset.name).columns : undefined);
  if (given) return [...given];
  const nIn = config.layers[0]!;
  const nOut = config.layers[config.layers.length - 1]!;
  return [
    ...Array.from({ length: nIn }, (_, i) => `x${i + 1}`),
    ...(nOut === 1 ? ['y'] : Array.from({ length: nOut }, (_, k) => `y${k + 1}`)),
  ];
}

export function buildRun(config: Config): RunSetup {
  const net = createNetwork(config.layers, config.activations, config.loss);
  const raw = config.data
    ? datasetFromRows(config.data.inputs, config.data.targets)
    : buildDataset(config.dataset!);
  const spec = config.dataset;
  const testRows = spec && 'n' in spec ? testRowCount(spec.n, spec.test) : 0;
  const split =
    testRows > 0 && spec && 'n' in spec
      ? splitDataset(raw, testRows, spec.seed)
      : { train: raw, test: null, testIndex: new Int32Array(0) };
  const scaling = config.standardize ? scalingOf(split.train, config.standardize === 'inputs-targets') : null;
  const data = scaling ? scaleDataset(split.train, scaling) : split.train;
  const test = split.test && scaling ? scaleDataset(split.test, scaling) : split.test;
  const params =
    config.weights && config.biases
      ? packParams(net, config.weights, config.biases)
      : initParams(net, config.init ?? 'xavier', config.seed);
  return {
    net,
    data,
    test,
    raw,
    testIndex: split.testIndex,
    scaling,
    columns: columnNames(config),
    params,
    options: trainOptions(config),
    segments: segmentsFor(config, data.n),
  };
}

/** The live changes of a config as the trainer's segments, over `n` training rows. */
export function segmentsFor(config: Config, n: number): Segment[] {
  return segmentsOf(
    trainOptions(config),
    (config.changes ?? []).map((c) => ({ from: c.at, options: trainOptions(settingsAt(config, c.at)) })),
    n,
  );
}

/** The training options of a config's own settings (those at update 0). */
export function trainOptions(config: Config): TrainOptions {
  const optimizer = optimizerOf(config);
  return {
    learningRate: config.learningRate,
    batchSize: config.batchSize,
    trainBiases: config.trainBiases,
    shuffle: config.shuffle,
    seed: config.seed,
    ...(config.reduction && config.reduction !== 'mean' ? { reduction: config.reduction } : {}),
    ...(optimizer ? { optimizer } : {}),
  };
}

/** The update rule a config asks for, or undefined for the notes' gradient descent without decay. */
export function optimizerOf(config: Config): OptimizerOptions | undefined {
  const d = DEFAULT_OPTIMIZER;
  const o: OptimizerOptions = {
    name: config.optimizer ?? d.name,
    momentum: config.momentum ?? d.momentum,
    beta1: config.beta1 ?? d.beta1,
    beta2: config.beta2 ?? d.beta2,
    weightDecay: config.weightDecay ?? d.weightDecay,
  };
  return isPlain(o) ? undefined : o;
}

/** The config with explicit parameters (e.g. after training), dropping `init`. */
export function withParams(config: Config, net: Network, params: Float64Array): Config {
  const { weights, biases } = unpackParams(net, params);
  const rest = { ...config };
  delete rest.init;
  return { ...rest, weights, biases };
}
