/**
 * The setup changes the editors make, as pure functions from a config to a validated config (or the
 * problems, each naming its field). The store loads what they return.
 */
import { unpackParams } from '../core/init.ts';
import type { Network } from '../core/network.ts';
import { PRESETS } from './presets.ts';
import { formatError } from './schema.ts';
import type { Config, DataRows } from './schema.ts';
import { validateConfig } from './validate.ts';

export type EditResult =
  { readonly ok: true; readonly config: Config } | { readonly ok: false; readonly errors: string[] };

/** The fields the setup editor changes. */
export type ConfigPatch = Partial<
  Pick<
    Config,
    | 'layers'
    | 'activations'
    | 'loss'
    | 'learningRate'
    | 'batchSize'
    | 'trainBiases'
    | 'shuffle'
    | 'seed'
    | 'init'
  >
>;

function validated(candidate: Record<string, unknown>): EditResult {
  const r = validateConfig(JSON.parse(JSON.stringify(candidate)));
  return r.ok ? { ok: true, config: r.config } : { ok: false, errors: r.errors.map(formatError) };
}

/** A config as validation writes it (fixed key order, defaults filled in), for comparisons. */
export function normalized(config: Config): string {
  const r = validateConfig(JSON.parse(JSON.stringify(config)));
  return JSON.stringify(r.ok ? r.config : config);
}

/** The preset a config is, if it is one. */
export function presetOf(config: Config): string | null {
  const json = normalized(config);
  return PRESETS.find((p) => normalized(p.config) === json)?.name ?? null;
}

/** A change of settings; a change of shape (or of initialisation) re-initialises from the seed. */
export function editConfig(config: Config, patch: ConfigPatch): EditResult {
  const reshaped = patch.layers !== undefined || patch.activations !== undefined;
  const next: Record<string, unknown> = { ...config, ...patch };
  if (reshaped || patch.init !== undefined || (patch.seed !== undefined && !config.weights)) {
    delete next.weights;
    delete next.biases;
    next.init = patch.init ?? config.init ?? 'xavier';
  }
  return validated(next);
}

/** The given parameters (with one typed in) as the setup's explicit initial parameters. */
export function withParameters(config: Config, net: Network, params: Float64Array): EditResult {
  const next: Record<string, unknown> = { ...config, ...unpackParams(net, params) };
  delete next.init;
  return validated(next);
}

/** Other rows to train on: inputs and outputs follow them, hidden layers stay, weights from the seed. */
export function withData(config: Config, data: DataRows): EditResult {
  const next: Record<string, unknown> = {
    ...config,
    layers: [data.inputs[0]?.length ?? 0, ...config.layers.slice(1, -1), data.targets[0]?.length ?? 0],
    data,
    batchSize: Math.min(config.batchSize, data.inputs.length),
    init: config.init ?? 'xavier',
  };
  delete next.weights;
  delete next.biases;
  delete next.dataset;
  return validated(next);
}
