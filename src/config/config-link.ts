/**
 * The config part of a link (`layers=2-2-2&act=tanh&lr=0.03&…`), by the field table: each field's link
 * key and coding come from its entry (fields.ts), a simple field equal to its default is left out (so
 * the defaults are part of the link version), and the structural fields are written here:
 *   layers=2-2-2            act=sigmoid | act=relu,relu,sigmoid (one name for every layer, or one each)
 *   w=…,…   b=…,…           all weights (layer by layer, row j then i) and all biases, flat
 *   x=…,…   t=…,…           inputs and targets, flat, row by row (widths from `layers`)
 *   cols=X1,X2,Y            column names of x and t (each %-encoded, so a name may hold a comma)
 *   data=circle  n=…  noise=…  dseed=…  targets=…  test=…   a named data set (instead of x and t)
 * Reading gives the JSON a config file holds, for the same validation; only what validation cannot
 * see (a word that is not a flag, counts that do not fill the network) fails here.
 */
import { CAPS, DEFAULT_ACTIVATION, FIELD_LIST, FIELDS } from './fields.ts';
import type { Field, FieldPath } from './fields.ts';
import { readChanges, writeChanges } from './changes.ts';
import { biasesFrom, fail, num, numbers, numList, rows, weightsFrom } from './link-values.ts';
import type { LinkFailure, LinkParams } from './link-values.ts';
import type { Config, ConfigError } from './schema.ts';

type Entry = Field & { readonly path: FieldPath };
type Json = Record<string, unknown>;

/** The link's keys for a config, in the table's order (each once: `data` and `x` key two entries). */
export const CONFIG_KEYS: readonly string[] = [...new Set(FIELD_LIST.map((f) => f.link.key))];

/** The structural fields' keys. */
const [LAYERS, ACT, W, B, X, T, COLS, DATA] = (
  [
    'layers',
    'activations',
    'weights',
    'biases',
    'data.inputs',
    'data.targets',
    'data.columns',
    'dataset.name',
  ] as const
).map((p) => FIELDS[p].link.key) as [string, string, string, string, string, string, string, string];

const CHG = FIELDS.changes.link.key;

/** The key whose value keeps its %-encoding when the fragment is split (each name is decoded alone). */
export const RAW_KEY = COLS;

const isSimple = (f: Entry) => f.link.as !== 'structure' && !f.path.includes('.');
/** The options of a generated data set (`dataset.n` …), written with `data=…`. */
const DATASET_OPTIONS = FIELD_LIST.filter((f) => f.path.startsWith('dataset.') && f.path !== 'dataset.name');
const option = (f: Entry) => f.path.slice('dataset.'.length);

/** A flag's words as its message lists them: digits bare, words quoted. */
const words = (w: Readonly<Record<string, boolean>>) =>
  Object.keys(w)
    .map((k) => (/^\d+$/.test(k) ? k : `"${k}"`))
    .join(' or ');

/** A simple field's value as the link writes it, or undefined where the link leaves it out. */
function write(f: Entry, v: unknown): string | undefined {
  const link = f.link;
  if (v === undefined || (v === f.default && !('always' in link && link.always))) return undefined;
  if (link.as === 'flag') return `${link.key}=${Object.keys(link.words).find((w) => link.words[w] === v)}`;
  return `${link.key}=${link.as === 'number' ? num(v as number) : String(v)}`;
}

/** A simple field's value from the link's text (numbers: NaN when malformed, for validation to name). */
function read(f: Entry, text: string): unknown {
  if (f.link.as === 'number') {
    const n = numbers(text);
    return n.length === 1 ? n[0] : fail(f.link.key, 'must be one number (it is a list)');
  }
  if (f.link.as !== 'flag') return text;
  if (!Object.prototype.hasOwnProperty.call(f.link.words, text))
    return fail(f.link.key, `must be ${words(f.link.words)}`);
  return f.link.words[text];
}

const isFailure = (v: unknown): v is LinkFailure =>
  typeof v === 'object' && v !== null && (v as { ok?: unknown }).ok === false;

/** The structural fields' parameters (entries inside `data` and `dataset` are written with them). */
const WRITERS: Partial<Record<FieldPath, (c: Config) => string[]>> = {
  layers: (c) => [`${LAYERS}=${c.layers.join('-')}`],
  activations: ({ activations: a }) =>
    a.some((x) => x !== DEFAULT_ACTIVATION)
      ? [`${ACT}=${a.every((x) => x === a[0]) ? a[0]! : a.join(',')}`]
      : [],
  weights: (c) =>
    c.weights && c.biases ? [`${W}=${numList(c.weights.flat(2))}`, `${B}=${numList(c.biases.flat())}`] : [],
  data: ({ data: d }) =>
    d
      ? [
          `${X}=${numList(d.inputs.flat())}`,
          `${T}=${numList(d.targets.flat())}`,
          ...(d.columns ? [`${COLS}=${d.columns.map(encodeURIComponent).join(',')}`] : []),
        ]
      : [],
  changes: writeChanges,
  dataset: ({ data, dataset: d }) =>
    d && !data
      ? [
          `${DATA}=${d.name}`,
          ...DATASET_OPTIONS.map((f) => write(f, (d as Record<string, unknown>)[option(f)])),
        ].filter((p) => p !== undefined)
      : [],
};

/** The config's parameters, in the table's order; values equal to the defaults are left out. */
export function configParts(config: Config): string[] {
  const parts: string[] = [];
  for (const f of FIELD_LIST) {
    const writer = WRITERS[f.path];
    if (writer) parts.push(...writer(config));
    else if (isSimple(f) && !(f.path === 'init' && config.weights && config.biases)) {
      const part = write(f, config[f.path as keyof Config]); // init: only without explicit weights
      if (part) parts.push(part);
    }
  }
  return parts;
}

/** The structural fields from their parameters, into `json` (or what is wrong with them). */
const READERS: Partial<
  Record<FieldPath, (p: LinkParams, layers: number[], json: Json) => LinkFailure | void>
> = {
  activations: (p, layers, json) => {
    const names = p.get(ACT)?.split(',');
    if (names)
      json.activations = names.length === 1 ? new Array<string>(layers.length - 1).fill(names[0]!) : names;
  },
  weights: (p, layers, json) => {
    if (!p.has(W)) return;
    const w = weightsFrom(p.get(W)!, layers);
    if (typeof w === 'string') return fail(W, w);
    json.weights = w;
  },
  biases: (p, layers, json) => {
    if (!p.has(B)) return;
    const b = biasesFrom(p.get(B)!, layers);
    if (typeof b === 'string') return fail(B, b);
    json.biases = b;
  },
  data: (p, layers, json) => {
    if (!p.has(X) && !p.has(T))
      return p.has(COLS) ? fail(COLS, `is needed only with ${X} and ${T}`) : undefined;
    const data = dataJson(p, layers[0]!, layers[layers.length - 1]!);
    if (isFailure(data)) return data;
    json.data = data;
  },
  changes: (p, _layers, json) => {
    if (!p.has(CHG)) return;
    const changes = readChanges(p.get(CHG)!);
    if (!Array.isArray(changes)) return changes;
    json.changes = changes;
  },
  dataset: (p, _layers, json) => {
    const keys = DATASET_OPTIONS.map((f) => f.link.key);
    if (!p.has(DATA)) {
      if (keys.some((k) => p.has(k)))
        return fail(DATA, `is needed with ${keys.slice(0, -1).join(', ')} or ${keys.at(-1)!}`);
      return;
    }
    const d: Json = { name: p.get(DATA) };
    for (const f of DATASET_OPTIONS) {
      const text = p.get(f.link.key);
      if (text !== undefined) d[option(f)] = read(f, text);
    }
    json.dataset = d;
  },
};

/** The config JSON a link's parameters describe (unvalidated), for a network of these layer sizes. */
export function configJson(params: LinkParams, layers: number[]): Json | LinkFailure {
  const json: Json = { layers };
  for (const f of FIELD_LIST) {
    const reader = READERS[f.path];
    const text = params.get(f.link.key);
    if (reader) {
      const failure = reader(params, layers, json);
      if (failure) return failure;
    } else if (isSimple(f) && text !== undefined) {
      const v = read(f, text);
      if (isFailure(v)) return v;
      json[f.path] = v;
    }
  }
  return json;
}

/** `x`, `t` and `cols`: whole rows of the network's inputs and outputs, within the cap on rows. */
function dataJson(params: LinkParams, nIn: number, nOut: number): Json | LinkFailure {
  const x = numbers(params.get(X) ?? '');
  const t = numbers(params.get(T) ?? '');
  if (x.length % nIn !== 0)
    return fail(X, `must hold whole rows of ${nIn} inputs (it holds ${x.length} numbers)`);
  if (t.length % nOut !== 0)
    return fail(T, `must hold whole rows of ${nOut} targets (it holds ${t.length} numbers)`);
  if (x.length / nIn > CAPS.maxRows) return fail(X, `must hold at most ${CAPS.maxRows} rows`);
  const data: Json = { inputs: rows(x, nIn), targets: rows(t, nOut) };
  if (params.has(COLS)) {
    try {
      data.columns = params.get(COLS)!.split(',').map(decodeURIComponent);
    } catch {
      return fail(COLS, 'is not properly %-encoded');
    }
  }
  return data;
}

/** Config field → link key, to name the link's own parameter in messages. */
const KEY_OF = new Map<string, string>(FIELD_LIST.map((f) => [f.path, f.link.key]));

/** A validation error as the link's: `lr (learningRate): …`, `x (data.inputs[0][1]): …`. */
export function asLinkError(e: ConfigError): ConfigError {
  const base = e.field.replace(/\[.*$/, '');
  const key = KEY_OF.get(base);
  return key && key !== base ? { field: `${key} (${e.field})`, message: e.message } : e;
}
