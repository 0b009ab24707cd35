/** Config validation: good configs pass with defaults filled in; bad ones name the field and the rule. */
import { describe, expect, it } from 'vitest';
import { buildRun } from '../../src/config/build.ts';
import { PRESETS } from '../../src/content/presets.ts';
import { formatError } from '../../src/config/schema.ts';
import { parseConfigText, validateConfig } from '../../src/config/validate.ts';

const ISSUE_EXAMPLE = `{ "layers": [2, 2, 2], "activations": ["sigmoid", "sigmoid"], "loss": "half-squared-error",
  "learningRate": 0.5, "batchSize": 1, "trainBiases": false,
  "weights": [[[0.15, 0.20], [0.25, 0.30]], [[0.40, 0.45], [0.50, 0.55]]],
  "biases": [[0.35, 0.35], [0.60, 0.60]],
  "data": { "inputs": [[0.05, 0.10]], "targets": [[0.01, 0.99]] } }`;

const base = JSON.parse(ISSUE_EXAMPLE) as Record<string, unknown>;

function errorsOf(patch: Record<string, unknown>, drop: string[] = []): string[] {
  const cfg: Record<string, unknown> = { ...base, ...patch };
  for (const k of drop) delete cfg[k];
  const r = validateConfig(cfg);
  if (r.ok) return [];
  return r.errors.map(formatError);
}

describe('valid configs', () => {
  it('accepts the example of the config format and fills in the defaults', () => {
    const r = parseConfigText(ISSUE_EXAMPLE);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.config.shuffle).toBe(false);
    expect(r.config.seed).toBe(1);
    expect(r.config.init).toBeUndefined();
  });

  it('accepts every preset, and builds it', () => {
    for (const p of PRESETS) {
      const r = validateConfig(JSON.parse(JSON.stringify(p.config)));
      expect(r.ok ? 'ok' : r.errors.map(formatError)).toBe('ok');
      const run = buildRun(p.config);
      expect(run.data.nIn).toBe(p.config.layers[0]);
    }
  });

  it('takes reduction "sum" (kept) or "mean" (the default, left out), and builds it into the options', () => {
    const sum = validateConfig({ ...base, reduction: 'sum' });
    expect(sum.ok && sum.config.reduction).toBe('sum');
    expect(sum.ok && buildRun(sum.config).options.reduction).toBe('sum');
    const mean = validateConfig({ ...base, reduction: 'mean' });
    expect(mean.ok && 'reduction' in mean.config).toBe(false);
    const none = validateConfig(base);
    expect(none.ok && buildRun(none.config).options.reduction).toBeUndefined();
  });

  it('takes seed and init instead of weights, and a named data set instead of data', () => {
    const r = validateConfig({
      layers: [2, 4, 1],
      activations: ['tanh', 'tanh'],
      seed: 7,
      init: 'he',
      dataset: { name: 'circle', n: 100, targets: 'sign' },
      batchSize: 100,
    });
    expect(r.ok).toBe(true);
  });

  it('defaults biases to 0 when only weights are given (the notes of 001 and 004 have none)', () => {
    const r = validateConfig({ ...base, biases: undefined });
    expect(r.ok && r.config.biases).toEqual([
      [0, 0],
      [0, 0],
    ]);
  });
});

describe('rejections name the field and what is allowed', () => {
  const cases: [string, Record<string, unknown>, string, string[]?][] = [
    ['unknown key', { colour: 'red' }, 'colour: unknown key "colour"; allowed: "layers"'],
    [
      'prototype key',
      JSON.parse('{"__proto__": {"x": 1}}') as Record<string, unknown>,
      '__proto__: unknown key',
    ],
    ['constructor key', { constructor: 1 }, 'constructor: unknown key'],
    [
      'too many hidden layers',
      { layers: [2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2] },
      'layers: must be a list of 2 to 10 layer sizes',
    ],
    ['too many inputs', { layers: [17, 2, 2] }, 'layers[0]: must be a whole number of inputs from 1 to 16'],
    ['too many neurons', { layers: [2, 17, 2] }, 'layers[1]: must be a whole number of neurons from 1 to 16'],
    ['too many outputs', { layers: [2, 2, 11] }, 'layers[2]: must be a whole number of outputs from 1 to 10'],
    ['fractional layer', { layers: [2, 1.5, 2] }, 'layers[1]: must be a whole number'],
    [
      'bad activation',
      { activations: ['sigmoid', 'swish'] },
      'activations[1]: must be one of "sigmoid", "tanh", "relu", "leaky-relu", "linear", "softmax"',
    ],
    [
      'hidden softmax',
      { activations: ['softmax', 'sigmoid'] },
      'activations[0]: "softmax" is allowed only on the output layer',
    ],
    [
      'wrong activation count',
      { activations: ['sigmoid'] },
      'activations: must be a list of 2 activation names',
    ],
    [
      'bad loss',
      { loss: 'hinge' },
      'loss: must be one of "squared-error", "half-squared-error", "mean-squared-error", "cross-entropy"',
    ],
    [
      'cross-entropy on tanh',
      { loss: 'cross-entropy', activations: ['sigmoid', 'tanh'] },
      'loss: "cross-entropy" needs a "sigmoid" or "softmax" output layer',
    ],
    [
      'zero learning rate',
      { learningRate: 0 },
      'learningRate: must be a number greater than 0 and at most 100',
    ],
    ['negative learning rate', { learningRate: -1 }, 'learningRate: must be a number greater than 0'],
    ['string learning rate', { learningRate: '0.5' }, 'learningRate: must be a number'],
    [
      'zero batch',
      { batchSize: 0 },
      'batchSize: must be a whole number from 1 to 1 (the number of training samples)',
    ],
    ['huge batch', { batchSize: 1e9 }, 'batchSize: must be a whole number from 1 to 1'],
    ['non-boolean', { trainBiases: 'yes' }, 'trainBiases: must be true or false'],
    [
      'a reduction that does not exist',
      { reduction: 'median' },
      'reduction: must be one of "mean", "sum" (the loss of a batch or data set: the mean or the sum over its samples)',
    ],
    ['a reduction in capitals', { reduction: 'SUM' }, 'reduction: must be one of "mean", "sum"'],
    ['bad seed', { seed: -3 }, 'seed: must be a whole number from 0 to 4294967295'],
    ['init with weights', { init: 'he' }, 'init: cannot be given together with "weights"'],
    ['bad init', { init: 'zeros' }, 'init: must be one of "uniform", "xavier", "he"', ['weights', 'biases']],
    [
      'weights shape',
      {
        weights: [
          [[0.15, 0.2]],
          [
            [0.4, 0.45],
            [0.5, 0.55],
          ],
        ],
      },
      'weights[0]: must be a list of 2 rows',
    ],
    [
      'weight not a number',
      {
        weights: [
          [
            [0.15, null],
            [0.25, 0.3],
          ],
          [
            [0.4, 0.45],
            [0.5, 0.55],
          ],
        ],
      },
      'weights[0][0][1]: must be a finite number',
    ],
    ['bias shape', { biases: [[0.35], [0.6, 0.6]] }, 'biases[0]: must be a list of 2 numbers'],
    ['data missing', {}, 'data: is required', ['data']],
    [
      'input width',
      { data: { inputs: [[1, 2, 3]], targets: [[0, 1]] } },
      'data.inputs[0]: must be a list of 2 numbers',
    ],
    ['target rows', { data: { inputs: [[1, 2]], targets: [] } }, 'data.targets: must be a list of 1 rows'],
    ['data and dataset', { dataset: { name: 'xor' } }, 'dataset: cannot be given together with "data"'],
    [
      'unknown data set',
      { dataset: { name: 'mnist' } },
      'dataset.name: must be one of "xor", "circle", "spiral", "gaussians", "x1x2y", "face-car"',
      ['data'],
    ],
    [
      'data set too big',
      { layers: [2, 2, 1], activations: ['tanh', 'tanh'], dataset: { name: 'xor', n: 1e6 } },
      'dataset.n: must be a whole number from 2 to 2000',
      ['data', 'weights', 'biases'],
    ],
    [
      'data set shape',
      { dataset: { name: 'xor' } },
      'layers[2]: must be 1: the data set "xor" has 1 targets',
      ['data', 'weights', 'biases'],
    ],
  ];
  for (const [what, patch, message, drop] of cases) {
    it(what, () => {
      const errors = errorsOf(patch, drop);
      expect(
        errors.some((e) => e.startsWith(message)),
        `${JSON.stringify(errors)} should include "${message}"`,
      ).toBe(true);
    });
  }

  it('rejects text that is not JSON, or not an object', () => {
    const r = parseConfigText('{ layers: [2, 2] ');
    expect(!r.ok && formatError(r.errors[0]!)).toMatch(/^config: is not valid JSON/);
    const a = parseConfigText('[1, 2]');
    expect(!a.ok && formatError(a.errors[0]!)).toBe('config: must be a JSON object');
  });

  it('rejects oversized text without parsing it', () => {
    const r = parseConfigText(' '.repeat(2_000_001));
    expect(!r.ok && formatError(r.errors[0]!)).toMatch(/^config: is too large/);
  });

  it('quotes hostile keys instead of echoing them raw', () => {
    const errors = errorsOf({ '<img src=x onerror=alert(1)>\n': 1 });
    expect(errors[0]).toBe(
      '"<img src=x onerror=alert(1)>\\n": unknown key "<img src=x onerror=alert(1)>\\n"; allowed: "layers", "activations", "loss", "reduction", "learningRate", "batchSize", "trainBiases", "shuffle", "seed", "init", "weights", "biases", "data", "dataset", "standardize", "optimizer", "momentum", "beta1", "beta2", "weightDecay", "changes"',
    );
    expect(errors[0]).not.toContain('\n');
  });
});
