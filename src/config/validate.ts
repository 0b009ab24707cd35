/**
 * Validation of an untrusted config (parsed JSON): every error names the field and what is allowed,
 * and a valid config comes back with its defaults filled in, in a fixed key order. The simple fields
 * are checked with their entries in the field table (fields.ts); the network's structure in
 * validate-network.ts, the data in validate-data.ts; here the order of the checks and the rules
 * between fields (a loss and its output layer, standardised targets and a linear output, a batch
 * and the training rows).
 */
import { checkChanges } from './changes.ts';
import { Checker, isObject, own } from './check.ts';
import { CAPS, FIELDS, fieldNames } from './fields.ts';
import type { Config, ConfigResult } from './schema.ts';
import { checkDataPart, rowCount } from './validate-data.ts';
import { checkActivations, checkLayers, checkParameters } from './validate-network.ts';

export function validateConfig(input: unknown): ConfigResult {
  const c = new Checker();
  if (!isObject(input)) return { ok: false, errors: [{ field: 'config', message: 'must be a JSON object' }] };
  c.unknownKeys(input, fieldNames(''), '');
  const get = (k: keyof Config) => own(input, k);

  const layers = checkLayers(c, get('layers'));
  if (!layers) return { ok: false, errors: c.errors };
  const depth = layers.length - 1;
  const activations = checkActivations(c, get('activations'), layers);
  const loss = c.field('loss', get('loss'));
  if (loss === 'cross-entropy' && activations) {
    const out = activations[depth - 1];
    if (out !== 'sigmoid' && out !== 'softmax') {
      c.fail(
        'loss',
        `"cross-entropy" needs a "sigmoid" or "softmax" output layer (activations[${depth - 1}] is "${out}")`,
      );
    }
  }
  const reduction = c.field('reduction', get('reduction'));
  const learningRate = c.field('learningRate', get('learningRate'));
  const trainBiases = c.field('trainBiases', get('trainBiases'));
  const shuffle = c.field('shuffle', get('shuffle'));
  const seed = c.field('seed', get('seed'));
  const { weights, biases, init } = checkParameters(c, get, layers);
  const { data, dataset } = checkDataPart(c, input, layers, seed ?? FIELDS.seed.default!);

  const optimizer = c.field('optimizer', get('optimizer'));
  const tuning = (['momentum', 'beta1', 'beta2', 'weightDecay'] as const).map(
    (k) => [k, c.field(k, get(k))] as const,
  );
  const changes = checkChanges(c, get('changes'), rowCount(data, dataset));
  const standardize = c.field('standardize', get('standardize'));
  if (standardize === 'inputs-targets' && activations && activations[depth - 1] !== 'linear') {
    c.fail(
      'standardize',
      `"inputs-targets" is for regression: it needs a "linear" output layer (activations[${depth - 1}] is "${activations[depth - 1]}"); use "inputs"`,
    );
  }
  // at most the training rows (when the data is valid; otherwise the cap on rows)
  const n = rowCount(data, dataset);
  const batchSize = c.field('batchSize', get('batchSize'), { max: n > 0 ? n : undefined });

  if (
    c.errors.length ||
    !activations ||
    !loss ||
    !reduction ||
    learningRate === undefined ||
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
    ...(reduction !== FIELDS.reduction.default ? { reduction } : {}),
    learningRate,
    batchSize,
    trainBiases,
    shuffle,
    seed,
    ...(init ? { init } : {}),
    ...(weights && biases ? { weights, biases } : {}),
    ...(data ? { data } : {}),
    ...(dataset ? { dataset } : {}),
    ...(standardize ? { standardize } : {}),
    ...(optimizer && optimizer !== FIELDS.optimizer.default ? { optimizer } : {}),
    ...Object.fromEntries(tuning.filter(([k, v]) => v !== undefined && v !== FIELDS[k].default)),
    ...(changes ? { changes } : {}),
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
