/**
 * The setup changes the editors make, as pure functions from a config to a validated config (or the
 * problems, each naming its field). The store loads what they return.
 */
import { datasetToRows } from '../core/model/datasets.ts';
import { unpackParams } from '../core/model/init.ts';
import type { Network } from '../core/model/network.ts';
import { buildDataset, columnNames } from './build.ts';
import { PRESETS } from '../content/presets.ts';
import { changeAt, LIVE_PATHS, settingsAt } from './changes.ts';
import { FIELDS } from './fields.ts';
import type { LivePath } from './fields.ts';
import { formatError } from './schema.ts';
import type { Config, DataRows, Standardize } from './schema.ts';
import { validateConfig } from './validate.ts';
import { testRowCount } from './validate-data.ts';

export type EditResult =
  { readonly ok: true; readonly config: Config } | { readonly ok: false; readonly errors: string[] };

/** The fields the setup editor changes. */
export type ConfigPatch = Partial<
  Pick<
    Config,
    | 'layers'
    | 'activations'
    | 'loss'
    | 'reduction'
    | 'learningRate'
    | 'batchSize'
    | 'trainBiases'
    | 'shuffle'
    | 'seed'
    | 'init'
    | 'optimizer'
    | 'momentum'
    | 'beta1'
    | 'beta2'
    | 'weightDecay'
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

/**
 * A change of live settings (learning rate, reduction, optimiser, weight decay) at update u: checked
 * as the settings in force there with the patch, then added to the run's changes (config/changes.ts).
 */
export function liveEdit(config: Config, u: number, patch: Partial<Pick<Config, LivePath>>): EditResult {
  const now = settingsAt(config, u);
  const check = validated({ ...now, ...patch });
  if (!check.ok) return check;
  return validated(changeAt(config, u, patch) as unknown as Record<string, unknown>);
}

/** Whether a patch changes live settings only (no restart needed). */
export function isLive(patch: ConfigPatch): patch is Partial<Pick<Config, LivePath>> {
  const keys = Object.keys(patch);
  return keys.length > 0 && keys.every((k) => (LIVE_PATHS as readonly string[]).includes(k));
}

/** A change of settings; a change of shape (or of initialisation) re-initialises from the seed. */
export function editConfig(config: Config, patch: ConfigPatch): EditResult {
  const reshaped = patch.layers !== undefined || patch.activations !== undefined;
  const next: Record<string, unknown> = { ...config, ...patch };
  if (reshaped || patch.init !== undefined || (patch.seed !== undefined && !config.weights)) {
    delete next.weights;
    delete next.biases;
    next.init = patch.init ?? config.init ?? FIELDS.init.default;
  }
  return validated(next);
}

/** The given parameters (with one typed in) as the setup's explicit initial parameters. */
export function withParameters(config: Config, net: Network, params: Float64Array): EditResult {
  const next: Record<string, unknown> = { ...config, ...unpackParams(net, params) };
  delete next.init;
  return validated(next);
}

/**
 * Other rows to train on: inputs and outputs follow them and the hidden layers stay. When the number
 * of inputs or targets changes, the weights are initialised from the seed; otherwise they stay.
 */
export function withData(config: Config, data: DataRows): EditResult {
  const nIn = data.inputs[0]?.length ?? 0;
  const nOut = data.targets[0]?.length ?? 0;
  const reshaped = nIn !== config.layers[0] || nOut !== config.layers[config.layers.length - 1];
  const next: Record<string, unknown> = {
    ...config,
    layers: [nIn, ...config.layers.slice(1, -1), nOut],
    data,
    batchSize: Math.max(1, Math.min(config.batchSize, data.inputs.length)),
  };
  if (reshaped || !config.weights) {
    delete next.weights;
    delete next.biases;
    next.init = config.init ?? FIELDS.init.default;
  }
  delete next.dataset;
  // a softmax output needs two targets: a single target column falls back to a sigmoid output
  const acts = [...config.activations];
  if (nOut < 2 && acts[acts.length - 1] === 'softmax') {
    acts[acts.length - 1] = 'sigmoid';
    next.activations = acts;
  }
  return validated(next);
}

/** The data as an editable table: rows and column names (generated and named sets become rows). */
export function tableOf(config: Config): DataRows & { readonly columns: readonly string[] } {
  const rows = config.data ?? datasetToRows(buildDataset(config.dataset!));
  return { inputs: rows.inputs, targets: rows.targets, columns: columnNames(config) };
}

/** Standardise the inputs (and the targets), or not (null). */
export function withStandardize(config: Config, standardize: Standardize | null): EditResult {
  const next: Record<string, unknown> = { ...config };
  if (standardize) next.standardize = standardize;
  else delete next.standardize;
  return validated(next);
}

/** Changes the options of a generated data set (points, noise, its seed, the test fraction). */
export function withGenerated(
  config: Config,
  patch: { readonly n?: number; readonly noise?: number; readonly seed?: number; readonly test?: number },
): EditResult {
  const d = config.dataset;
  if (!d || !('n' in d))
    return { ok: false, errors: ['dataset: only a generated data set has these options'] };
  const spec = { ...d, ...patch };
  const trainRows = spec.n - testRowCount(spec.n, spec.test);
  const batchSize =
    Number.isFinite(trainRows) && trainRows >= 1 ? Math.min(config.batchSize, trainRows) : config.batchSize;
  return validated({ ...config, dataset: spec, batchSize });
}
