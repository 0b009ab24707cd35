/**
 * Comparing two runs of the same data: run B is run A's setup with a few settings changed, written in
 * a link as `cmp=act:relu;lr:5` — setup link keys and their values (as the setup part writes them),
 * joined by ";". Only settings that keep the network's shape and the data may differ, so both runs
 * train on the same rows and name the same weights. Run B follows run A's live changes, except of the
 * settings it overrides. Pure: the codec, the store and the tests use it.
 */
import { ACTIVATIONS, isActivationName } from '../core/model/activations.ts';
import { asLinkError, configJson, configParts } from './config-link.ts';
import { DEFAULT_ACTIVATION, FIELD_LIST } from './fields.ts';
import { fail, num } from './link-values.ts';
import type { LinkFailure } from './link-values.ts';
import type { Config } from './schema.ts';
import { formatError } from './schema.ts';
import { validateConfig } from './validate.ts';

export const COMPARE_KEY = 'cmp';

/** The settings run B may change, in the order a link writes them, with how each is named on the page. */
const SETTINGS: Readonly<Record<string, (v: string) => string>> = {
  act: (v) => `${v.split(',').join(', ')} activation${v.includes(',') ? 's' : ''}`,
  loss: (v) => v,
  red: (v) => `${v} over samples`,
  lr: (v) => `α = ${v}`,
  batch: (v) => `batch ${v}`,
  biases: (v) => `biases ${v}`,
  shuffle: (v) => (v === '1' ? 'shuffled' : 'in order'),
  seed: (v) => `seed ${v}`,
  init: (v) => `${v} init`,
  opt: (v) => ({ sgd: 'SGD', momentum: 'momentum', adam: 'Adam' })[v] ?? v,
  mom: (v) => `μ = ${v}`,
  b1: (v) => `β1 = ${v}`,
  b2: (v) => `β2 = ${v}`,
  wd: (v) => `λ = ${v}`,
};
export const COMPARE_KEYS: readonly string[] = Object.keys(SETTINGS);

/** The optimisers a setting is used by (a run's label leaves out what its optimiser ignores). */
const USED_BY: Readonly<Record<string, readonly string[]>> = {
  mom: ['momentum'],
  b1: ['adam'],
  b2: ['adam'],
};

const FORMAT = 'must be settings of run B as "key:value" joined by ";" (e.g. cmp=act:relu;lr:5)';
const MAX_CHARS = 2000;

/** A setting's value in a config, as its link writes it (the default's text where the link leaves it out). */
function valueText(params: ReadonlyMap<string, string>, key: string): string {
  const given = params.get(key);
  if (given !== undefined) return given;
  if (key === 'act') return DEFAULT_ACTIVATION;
  const f = FIELD_LIST.find((x) => x.link.key === key)!;
  const link = f.link;
  if (link.as === 'flag') return Object.keys(link.words).find((w) => link.words[w] === f.default)!;
  return typeof f.default === 'number' ? num(f.default) : String(f.default);
}

/** A config's setup parameters, by key. */
function paramsOf(config: Config): Map<string, string> {
  return new Map(
    configParts(config).map((p) => {
      const eq = p.indexOf('=');
      return [p.slice(0, eq), p.slice(eq + 1)];
    }),
  );
}

/** The settings of `text`, by key, or what is wrong with it. */
function readSettings(text: string): Map<string, string> | LinkFailure {
  if (text.length > MAX_CHARS) return fail(COMPARE_KEY, `is too long (at most ${MAX_CHARS} characters)`);
  const settings = new Map<string, string>();
  for (const item of text.split(';')) {
    const colon = item.indexOf(':');
    const key = colon > 0 ? item.slice(0, colon) : '';
    const value = item.slice(colon + 1);
    if (colon <= 0 || value === '') return fail(COMPARE_KEY, FORMAT);
    if (!COMPARE_KEYS.includes(key))
      return fail(
        COMPARE_KEY,
        `${JSON.stringify(key.slice(0, 20))} cannot differ between the runs (they share the network's shape and the data); allowed: ${COMPARE_KEYS.join(', ')}`,
      );
    if (settings.has(key)) return fail(COMPARE_KEY, `names ${key} twice`);
    settings.set(key, value);
  }
  return settings;
}

/** The problems of run B's setup, each named as `cmp: lr (learningRate): …`. */
function asCompareFailure(errors: LinkFailure['errors']): LinkFailure {
  return {
    ok: false,
    errors: errors.map((e) => ({ field: `${COMPARE_KEY}: ${e.field}`, message: e.message })),
  };
}

/**
 * Run B's setup: run A's with the settings of `text` (a `cmp` value), and run A's live changes of the
 * other settings. Or what is wrong, naming `cmp` and the setting.
 */
export function comparedConfig(a: Config, text: string): Config | LinkFailure {
  const settings = readSettings(text);
  if (!(settings instanceof Map)) return settings;
  const params = paramsOf(a);
  for (const [k, v] of settings) params.set(k, v);
  const read = configJson(params, [...a.layers]);
  if (read.ok === false) return asCompareFailure((read as LinkFailure).errors);
  const json = read as Record<string, unknown>;
  const paths = new Set(FIELD_LIST.filter((f) => settings.has(f.link.key)).map((f) => f.path as string));
  if (Array.isArray(json.changes)) {
    // run B keeps its own value of what it overrides: A's live changes of those settings are not B's
    const kept = (json.changes as Record<string, unknown>[])
      .map((ch) => Object.fromEntries(Object.entries(ch).filter(([k]) => !paths.has(k))))
      .filter((ch) => Object.keys(ch).length > 1);
    if (kept.length) json.changes = kept;
    else delete json.changes;
  }
  const r = validateConfig(json);
  return r.ok ? r.config : asCompareFailure(r.errors.map(asLinkError));
}

/** The `cmp` value that turns run A's setup into run B's (its differing settings), or '' when none differ. */
export function comparisonText(a: Config, b: Config): string {
  const pa = paramsOf(a);
  const pb = paramsOf(b);
  return COMPARE_KEYS.filter((k) => valueText(pa, k) !== valueText(pb, k))
    .map((k) => `${k}:${valueText(pb, k)}`)
    .join(';');
}

/**
 * A `cmp` value from outside, checked against run A's setup: its canonical text (the settings that
 * differ, in the table's order) and run B's setup; or what is wrong.
 */
export function readComparison(a: Config, text: string): { text: string; config: Config } | LinkFailure {
  const b = comparedConfig(a, text);
  if ('ok' in b) return b;
  const canonical = comparisonText(a, b);
  if (!canonical)
    return fail(
      COMPARE_KEY,
      'changes nothing: give run B a setting that differs from run A’s (e.g. cmp=lr:5)',
    );
  return { text: canonical, config: b };
}

/** How each run is named on the page: the settings in which they differ ("sigmoid activation" / "relu activation"). */
export function comparisonLabels(a: Config, b: Config): { a: string; b: string } {
  const pa = paramsOf(a);
  const pb = paramsOf(b);
  const differ = COMPARE_KEYS.filter((k) => valueText(pa, k) !== valueText(pb, k));
  // a run with momentum names its μ when the optimisers differ ("momentum μ = 0.9")
  const keys = COMPARE_KEYS.filter((k) => differ.includes(k) || (k === 'mom' && differ.includes('opt')));
  const label = (p: Map<string, string>, run: Config) =>
    keys
      .filter((k) => USED_BY[k]?.includes(run.optimizer ?? 'sgd') ?? true)
      .map((k) =>
        k === 'act'
          ? activationLabel(run.activations, a.activations, b.activations)
          : SETTINGS[k]!(valueText(p, k)),
      )
      .join(' · ');
  return { a: label(pa, a), b: label(pb, b) };
}

/**
 * A run's activations where the two runs' differ, layer by layer: "ReLU hidden" (every hidden layer
 * alike), "sigmoid hidden 1, tanh output" (each differing layer).
 */
function activationLabel(own: readonly string[], a: readonly string[], b: readonly string[]): string {
  const name = (f: string) => (isActivationName(f) ? ACTIVATIONS[f].label : f);
  const last = own.length - 1;
  const hidden = own.slice(0, last);
  const differ = own.map((_, l) => a[l] !== b[l]);
  const parts: string[] = [];
  if (differ.every(Boolean) && own.every((f) => f === own[0])) return `${name(own[0]!)} in every layer`;
  if (last > 0 && differ.slice(0, last).every(Boolean) && hidden.every((f) => f === hidden[0]))
    parts.push(`${name(hidden[0]!)} hidden`);
  else
    hidden.forEach((f, l) => {
      if (differ[l]) parts.push(`${name(f)} hidden ${last > 1 ? l + 1 : ''}`.trim());
    });
  if (differ[last]) parts.push(`${name(own[last]!)} output`);
  return parts.join(', ');
}

/** One line for a user: the first problems of a comparison. */
export function comparisonError(f: LinkFailure): string {
  return f.errors.slice(0, 2).map(formatError).join('; ');
}
