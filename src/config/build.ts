/** From a validated config to what the core trains: the network, the data, the parameters, the options. */
import { datasetFromRows, generateDataset } from '../core/datasets.ts';
import type { Dataset } from '../core/datasets.ts';
import { initParams, packParams, unpackParams } from '../core/init.ts';
import { createNetwork } from '../core/network.ts';
import type { Network } from '../core/network.ts';
import type { TrainOptions } from '../core/train.ts';
import type { Config, DatasetSpec } from './schema.ts';
import { tableRows } from './tables.ts';

export interface RunSetup {
  readonly net: Network;
  readonly data: Dataset;
  /** The initial parameters (a fresh copy each call). */
  readonly params: Float64Array;
  readonly options: TrainOptions;
}

export function buildDataset(spec: DatasetSpec): Dataset {
  if ('n' in spec) return generateDataset(spec.name, spec);
  const t = tableRows(spec.name);
  return datasetFromRows(t.inputs, t.targets);
}

export function buildRun(config: Config): RunSetup {
  const net = createNetwork(config.layers, config.activations, config.loss);
  const data = config.data
    ? datasetFromRows(config.data.inputs, config.data.targets)
    : buildDataset(config.dataset!);
  const params =
    config.weights && config.biases
      ? packParams(net, config.weights, config.biases)
      : initParams(net, config.init ?? 'xavier', config.seed);
  return {
    net,
    data,
    params,
    options: {
      learningRate: config.learningRate,
      batchSize: config.batchSize,
      trainBiases: config.trainBiases,
      shuffle: config.shuffle,
      seed: config.seed,
    },
  };
}

/** The config with explicit parameters (e.g. after training), dropping `init`. */
export function withParams(config: Config, net: Network, params: Float64Array): Config {
  const { weights, biases } = unpackParams(net, params);
  const rest = { ...config };
  delete rest.init;
  return { ...rest, weights, biases };
}
