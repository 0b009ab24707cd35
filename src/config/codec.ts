/**
 * Configs as links: a versioned, readable fragment (`#v=1&layers=2-2-2&act=sigmoid&…`) that decodes
 * to the same JSON a config file holds and then goes through the same validation. Numbers are written
 * in JavaScript's shortest round-trip form, so a link reproduces a config bit for bit.
 *
 * Keys (all optional but `v` and `layers`; defaults as in the config file, and left out):
 *   layers=2-2-2            act=sigmoid | act=relu,relu,sigmoid (one name for every layer, or one each)
 *   loss=…  lr=…  batch=…   biases=trained|fixed   shuffle=0|1   seed=…   init=uniform|xavier|he
 *   red=sum                 the loss of a batch / data set is the sum over its samples (default: mean)
 *   w=…,…   b=…,…           all weights (layer by layer, row j then i) and all biases, flat
 *   x=…,…   t=…,…           inputs and targets, flat, row by row (widths from `layers`)
 *   data=circle  n=…  noise=…  dseed=…  targets=sign|binary|one-hot   (instead of x and t)
 *   test=0.2               the fraction of a generated set held out as a test set
 *   data=x1x2y | data=face-car
 *   cols=X1,X2,Y            column names of x and t (each %-encoded, so a name may hold a comma)
 *   std=inputs | std=inputs-targets   standardise the inputs (and the targets)
 *   at=U.M                  a moment in training: U updates done, M micro-steps into the next batch
 *   aw=…,…  ab=…,…          the weights and biases at that moment, flat like w and b
 *   sel=w2.1.0  insight=check  hide=setup,data   the selection, insight view and hidden panels
 *   present=1  theme=dark   how to show it: presenter mode, the dark theme
 *   lesson=…  scene=K       a guided lesson's scene (alone, `#v=1&lesson=forward&scene=2` opens it)
 * Without any setup key (`#v=1&present=1`), a link opens the default example with its view keys.
 */
import { findLesson, LESSONS } from '../content/lessons.ts';
import type { InsightName } from '../content/lessons.ts';
import { DEFAULT_PRESET } from '../content/presets.ts';
import { CAPS, DEFAULTS, formatError } from './schema.ts';
import type { Config, ConfigError } from './schema.ts';
import { validateConfig } from './validate.ts';
import * as view from './view-link.ts';
import type { LinkSelection, PanelName } from './view-link.ts';

export const LINK_VERSION = 1;
/** Longest fragment decoded: room for the largest config (16×16×8 weights, a few hundred rows). */
export const MAX_LINK_CHARS = 200_000;

export interface Moment {
  readonly update: number;
  readonly micro: number;
  /** The parameters at that update (so the page need not replay the training to get there). */
  readonly weights?: readonly (readonly (readonly number[])[])[];
  readonly biases?: readonly (readonly number[])[];
}

/** How a link asks the page to show its setup (not part of the setup). */
export interface ViewFlags {
  readonly presenter?: boolean;
  readonly theme?: 'light' | 'dark';
  /** A guided lesson and its scene (0-based). */
  readonly lesson?: { readonly name: string; readonly scene: number };
  /** The selection (null: none), the insight view, the hidden panels; absent: what the page implies. */
  readonly selection?: LinkSelection | null;
  readonly insight?: InsightName;
  readonly hidden?: readonly PanelName[];
}

export type LinkResult =
  | {
      readonly ok: true;
      readonly config: Config;
      readonly moment: Moment | null;
      readonly flags: ViewFlags;
    }
  | { readonly ok: false; readonly errors: readonly ConfigError[] };

const KEYS = [
  'v',
  'layers',
  'act',
  'loss',
  'red',
  'lr',
  'batch',
  'biases',
  'shuffle',
  'seed',
  'init',
  'w',
  'b',
  'x',
  't',
  'data',
  'n',
  'noise',
  'dseed',
  'targets',
  'test',
  'cols',
  'std',
  'at',
  'aw',
  'ab',
  'present',
  'theme',
  'lesson',
  'scene',
  'sel',
  'insight',
  'hide',
] as const;
type Key = (typeof KEYS)[number];

/** Config field → link key, to name the link's own parameter in messages. */
const FIELD_KEY: Readonly<Record<string, Key>> = {
  layers: 'layers',
  activations: 'act',
  loss: 'loss',
  reduction: 'red',
  learningRate: 'lr',
  batchSize: 'batch',
  trainBiases: 'biases',
  shuffle: 'shuffle',
  seed: 'seed',
  init: 'init',
  weights: 'w',
  biases: 'b',
  'data.inputs': 'x',
  'data.targets': 't',
  data: 'x',
  dataset: 'data',
  'dataset.name': 'data',
  'dataset.n': 'n',
  'dataset.noise': 'noise',
  'dataset.seed': 'dseed',
  'dataset.targets': 'targets',
  'dataset.test': 'test',
  'data.columns': 'cols',
  standardize: 'std',
};

/** A number as the link writes it: shortest round trip, no '+' (it would read as a space). */
function num(v: number): string {
  return Object.is(v, -0) ? '-0' : String(v).replace('e+', 'e');
}

function list(values: readonly number[]): string {
  return values.map(num).join(',');
}

/**
 * The link fragment (without '#') of a config, and optionally of a moment in its training. Values
 * equal to the defaults of link version 1 are left out (they are part of the version).
 */
export function encodeLink(config: Config, moment: Moment | null = null, flags: ViewFlags = {}): string {
  const parts: string[] = [`v=${LINK_VERSION}`, `layers=${config.layers.join('-')}`];
  const acts = config.activations;
  if (acts.some((a) => a !== 'sigmoid'))
    parts.push(`act=${acts.every((a) => a === acts[0]) ? acts[0]! : acts.join(',')}`);
  if (config.loss !== DEFAULTS.loss) parts.push(`loss=${config.loss}`);
  if (config.reduction && config.reduction !== DEFAULTS.reduction) parts.push(`red=${config.reduction}`);
  if (config.learningRate !== DEFAULTS.learningRate) parts.push(`lr=${num(config.learningRate)}`);
  if (config.batchSize !== DEFAULTS.batchSize) parts.push(`batch=${config.batchSize}`);
  if (config.trainBiases !== DEFAULTS.trainBiases)
    parts.push(`biases=${config.trainBiases ? 'trained' : 'fixed'}`);
  if (config.shuffle) parts.push('shuffle=1');
  if (config.seed !== DEFAULTS.seed) parts.push(`seed=${config.seed}`);
  if (config.weights && config.biases) {
    parts.push(`w=${list(config.weights.flat(2))}`, `b=${list(config.biases.flat())}`);
  } else if (config.init && config.init !== DEFAULTS.init) {
    parts.push(`init=${config.init}`);
  }
  if (config.data) {
    parts.push(`x=${list(config.data.inputs.flat())}`, `t=${list(config.data.targets.flat())}`);
    if (config.data.columns) parts.push(`cols=${config.data.columns.map(encodeURIComponent).join(',')}`);
  } else if (config.dataset) {
    const d = config.dataset;
    parts.push(`data=${d.name}`);
    if ('n' in d) parts.push(`n=${d.n}`, `noise=${num(d.noise)}`, `dseed=${d.seed}`, `targets=${d.targets}`);
    if ('n' in d && d.test !== DEFAULTS.generated.test) parts.push(`test=${num(d.test)}`);
  }
  if (config.standardize) parts.push(`std=${config.standardize}`);
  if (moment && (moment.update > 0 || moment.micro > 0)) {
    parts.push(`at=${moment.update}.${moment.micro}`);
    if (moment.update > 0 && moment.weights && moment.biases) {
      parts.push(`aw=${list(moment.weights.flat(2))}`, `ab=${list(moment.biases.flat())}`);
    }
  }
  return parts.concat(flagParts(flags, config)).join('&');
}

/** Keys that say how to show a setup, or when: a link of these alone opens the default example. */
const NOT_SETUP: ReadonlySet<string> = new Set([
  'v',
  'at',
  'aw',
  'ab',
  'present',
  'theme',
  'sel',
  'insight',
  'hide',
]);

function flagParts(flags: ViewFlags, config?: Config): string[] {
  const parts: string[] = [];
  // each left out when it is what the page shows anyway
  if (config && flags.selection !== undefined)
    if (!view.sameSelection(flags.selection, view.impliedSelection(config, flags.lesson)))
      parts.push(`sel=${view.selectionText(flags.selection)}`);
  if (flags.insight && flags.insight !== view.impliedInsight(flags.lesson))
    parts.push(`insight=${flags.insight}`);
  if (flags.hidden) {
    const text = view.hiddenText(flags.hidden);
    if (text !== view.hiddenText(view.impliedHidden(flags.presenter ?? false))) parts.push(`hide=${text}`);
  }
  if (flags.presenter) parts.push('present=1');
  if (flags.theme === 'dark') parts.push('theme=dark');
  if (flags.lesson) parts.push(`lesson=${flags.lesson.name}`, `scene=${flags.lesson.scene + 1}`);
  return parts;
}

/** The link of a lesson's scene (1-based in the link, as shown on the page). */
export function lessonLink(name: string, scene: number, flags: ViewFlags = {}): string {
  return [`v=${LINK_VERSION}`, ...flagParts({ ...flags, lesson: { name, scene } })].join('&');
}

function decodeFlags(params: Map<Key, string>): ViewFlags | LinkResult {
  const flags: {
    presenter?: boolean;
    theme?: 'light' | 'dark';
    lesson?: { name: string; scene: number };
    insight?: InsightName;
    hidden?: PanelName[];
  } = {};
  if (params.has('insight')) {
    const v = view.parseInsight(params.get('insight')!);
    if (!v) return fail('insight', view.INSIGHT_HELP);
    flags.insight = v;
  }
  if (params.has('hide')) {
    const v = view.parseHidden(params.get('hide')!);
    if (typeof v === 'string') return fail('hide', v);
    flags.hidden = v;
  }
  if (params.has('present')) {
    const v = params.get('present');
    if (v !== '0' && v !== '1') return fail('present', 'must be 0 or 1');
    flags.presenter = v === '1';
  }
  if (params.has('theme')) {
    const v = params.get('theme');
    if (v !== 'light' && v !== 'dark') return fail('theme', 'must be "light" or "dark"');
    flags.theme = v;
  }
  if (params.has('scene') && !params.has('lesson')) return fail('lesson', 'is needed with scene');
  if (params.has('lesson')) {
    const lesson = findLesson(params.get('lesson')!);
    if (!lesson) return fail('lesson', `must be one of ${LESSONS.map((l) => l.name).join(', ')}`);
    const text = params.get('scene') ?? '1';
    const k = /^\d{1,3}$/.test(text) ? Number(text) : NaN;
    if (!(k >= 1 && k <= lesson.scenes.length))
      return fail('scene', `must be a scene of "${lesson.name}": 1 to ${lesson.scenes.length}`);
    flags.lesson = { name: lesson.name, scene: k - 1 };
  }
  return flags;
}

/** The decoded link, with its selection checked against the network (`sel` needs the layers). */
function finish(
  params: Map<Key, string>,
  config: Config,
  moment: Moment | null,
  flags: ViewFlags,
): LinkResult {
  if (!params.has('sel')) return { ok: true, config, moment, flags };
  const sel = view.parseSelectionText(params.get('sel')!, config.layers);
  if (typeof sel === 'string') return fail('sel', sel);
  return { ok: true, config, moment, flags: { ...flags, selection: sel } };
}

function fail(field: string, message: string): LinkResult {
  return { ok: false, errors: [{ field, message }] };
}

/** Splits a flat list of numbers; a bad entry becomes NaN (validation then names it). */
function numbers(s: string): number[] {
  if (s === '') return [];
  return s.split(',').map((p) => (/^-?(\d+\.?\d*|\.\d+)(e-?\d+)?$/i.test(p) ? Number(p) : NaN));
}

/** Rows of `width` numbers from a flat list (the last row short if the count does not divide). */
function rows(flat: number[], width: number): number[][] {
  const out: number[][] = [];
  for (let k = 0; k < flat.length; k += width) out.push(flat.slice(k, k + width));
  return out;
}

/** Parses a link fragment (with or without '#'), or a whole link, into a validated config. */
export function decodeLink(link: string): LinkResult {
  if (link.length > MAX_LINK_CHARS) {
    return fail('link', `is too long (${link.length} characters; at most ${MAX_LINK_CHARS})`);
  }
  const hash = link.indexOf('#');
  const fragment = hash >= 0 ? link.slice(hash + 1) : link;
  const params = new Map<Key, string>();
  for (const part of fragment.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const rawKey = eq >= 0 ? part.slice(0, eq) : part;
    let value: string;
    try {
      // `cols` keeps its %-encoding here: each name is decoded after the split on ','.
      value = eq < 0 ? '' : rawKey === 'cols' ? part.slice(eq + 1) : decodeURIComponent(part.slice(eq + 1));
    } catch {
      return fail(/^[a-z]{1,8}$/.test(rawKey) ? rawKey : 'link', 'is not properly %-encoded');
    }
    const key = (KEYS as readonly string[]).includes(rawKey) ? (rawKey as Key) : null;
    if (!key) {
      const shown = JSON.stringify(rawKey.length > 40 ? `${rawKey.slice(0, 40)}…` : rawKey);
      return fail(`link parameter ${shown}`, `is unknown; allowed: ${KEYS.join(', ')}`);
    }
    if (params.has(key)) return fail(key, 'appears twice');
    params.set(key, value);
  }
  if (params.get('v') !== String(LINK_VERSION)) {
    return fail(
      'v',
      params.has('v')
        ? `must be ${LINK_VERSION} (a link from another version)`
        : `is missing (v=${LINK_VERSION})`,
    );
  }
  const flags = decodeFlags(params);
  if ('ok' in flags) return flags;
  if (!flags.lesson && [...params.keys()].every((k) => NOT_SETUP.has(k))) {
    // view keys alone (`#v=1&present=1`): the default example, shown that way
    const rest = fragment.split('&').filter((p) => p !== '' && !p.startsWith('v='));
    return decodeLink([encodeLink(DEFAULT_PRESET.config), ...rest].join('&'));
  }
  if (flags.lesson && !params.has('layers')) {
    // a lesson's scene alone: its setup and its moment
    const scene = findLesson(flags.lesson.name)!.scenes[flags.lesson.scene]!;
    const r = validateConfig(JSON.parse(JSON.stringify(scene.config)));
    if (!r.ok) return r;
    return finish(params, r.config, { update: scene.at[0], micro: scene.at[1] }, flags);
  }
  const layersText = params.get('layers') ?? '';
  if (!/^\d{1,3}(-\d{1,3}){1,11}$/.test(layersText)) {
    return fail('layers', 'must be layer sizes joined by "-", e.g. layers=2-2-2');
  }
  const layers = layersText.split('-').map(Number);
  const depth = layers.length - 1;
  const shape = validateConfig({ layers }); // the caps on layers, with the config file's messages
  if (!shape.ok && shape.errors.some((e) => e.field.startsWith('layers'))) {
    return { ok: false, errors: shape.errors.filter((e) => e.field.startsWith('layers')) };
  }
  const json: Record<string, unknown> = { layers };
  const act = params.get('act');
  if (act !== undefined) {
    const names = act.split(',');
    json.activations = names.length === 1 ? new Array<string>(depth).fill(names[0]!) : names;
  }
  if (params.has('loss')) json.loss = params.get('loss');
  if (params.has('red')) json.reduction = params.get('red');
  if (params.has('lr')) json.learningRate = numbers(params.get('lr')!)[0] ?? NaN;
  if (params.has('batch')) json.batchSize = numbers(params.get('batch')!)[0] ?? NaN;
  if (params.has('biases')) {
    const b = params.get('biases');
    if (b !== 'trained' && b !== 'fixed') return fail('biases', 'must be "trained" or "fixed"');
    json.trainBiases = b === 'trained';
  }
  if (params.has('shuffle')) {
    const s = params.get('shuffle');
    if (s !== '0' && s !== '1') return fail('shuffle', 'must be 0 or 1');
    json.shuffle = s === '1';
  }
  if (params.has('seed')) json.seed = numbers(params.get('seed')!)[0] ?? NaN;
  if (params.has('init')) json.init = params.get('init');
  const weightsOf = (key: 'w' | 'aw'): number[][][] | string => {
    const flat = numbers(params.get(key)!);
    const weights: number[][][] = [];
    let k = 0;
    for (let l = 1; l <= depth; l++) {
      const size = layers[l]! * layers[l - 1]!;
      weights.push(rows(flat.slice(k, k + size), layers[l - 1]!));
      k += size;
    }
    return k === flat.length ? weights : `must hold ${k} weights (it holds ${flat.length})`;
  };
  const biasesOf = (key: 'b' | 'ab'): number[][] | string => {
    const flat = numbers(params.get(key)!);
    const biases: number[][] = [];
    let k = 0;
    for (let l = 1; l <= depth; l++) {
      biases.push(flat.slice(k, k + layers[l]!));
      k += layers[l]!;
    }
    return k === flat.length ? biases : `must hold ${k} biases (it holds ${flat.length})`;
  };
  if (params.has('w')) {
    const w = weightsOf('w');
    if (typeof w === 'string') return fail('w', w);
    json.weights = w;
  }
  if (params.has('b')) {
    const b = biasesOf('b');
    if (typeof b === 'string') return fail('b', b);
    json.biases = b;
  }
  if (params.has('x') || params.has('t')) {
    const x = numbers(params.get('x') ?? '');
    const t = numbers(params.get('t') ?? '');
    const nIn = layers[0]!;
    const nOut = layers[depth]!;
    if (x.length % nIn !== 0)
      return fail('x', `must hold whole rows of ${nIn} inputs (it holds ${x.length} numbers)`);
    if (t.length % nOut !== 0)
      return fail('t', `must hold whole rows of ${nOut} targets (it holds ${t.length} numbers)`);
    if (x.length / nIn > CAPS.maxRows) return fail('x', `must hold at most ${CAPS.maxRows} rows`);
    json.data = { inputs: rows(x, nIn), targets: rows(t, nOut) };
    if (params.has('cols')) {
      try {
        (json.data as Record<string, unknown>).columns = params
          .get('cols')!
          .split(',')
          .map(decodeURIComponent);
      } catch {
        return fail('cols', 'is not properly %-encoded');
      }
    }
  } else if (params.has('cols')) {
    return fail('cols', 'is needed only with x and t');
  }
  if (params.has('std')) json.standardize = params.get('std');
  if (params.has('data')) {
    const d: Record<string, unknown> = { name: params.get('data') };
    if (params.has('n')) d.n = numbers(params.get('n')!)[0] ?? NaN;
    if (params.has('noise')) d.noise = numbers(params.get('noise')!)[0] ?? NaN;
    if (params.has('dseed')) d.seed = numbers(params.get('dseed')!)[0] ?? NaN;
    if (params.has('targets')) d.targets = params.get('targets');
    if (params.has('test')) d.test = numbers(params.get('test')!)[0] ?? NaN;
    json.dataset = d;
  } else if (['n', 'noise', 'dseed', 'targets', 'test'].some((k) => params.has(k as Key))) {
    return fail('data', 'is needed with n, noise, dseed, targets or test');
  }
  let moment: Moment | null = null;
  if (params.has('at')) {
    const m = /^(\d{1,12})\.(\d{1,9})$/.exec(params.get('at')!);
    if (!m)
      return fail('at', 'must be U.M: updates done, then micro-steps into the next batch (e.g. at=12.3)');
    moment = { update: Number(m[1]), micro: Number(m[2]) };
  }
  if (params.has('aw') !== params.has('ab')) {
    return fail(params.has('aw') ? 'ab' : 'aw', 'is needed with the other');
  }
  if (params.has('aw')) {
    if (!moment) return fail('at', 'is needed with aw and ab');
    const weights = weightsOf('aw');
    if (typeof weights === 'string') return fail('aw', weights);
    const biases = biasesOf('ab');
    if (typeof biases === 'string') return fail('ab', biases);
    // the checks of explicit weights (finite, within the caps), on a one-row stand-in config
    const row = (n: number) => [new Array<number>(n).fill(0)];
    const check = validateConfig({
      layers,
      weights,
      biases,
      data: { inputs: row(layers[0]!), targets: row(layers[depth]!) },
    });
    if (!check.ok) {
      const e = check.errors[0]!;
      return fail(`${e.field.startsWith('weights') ? 'aw' : 'ab'} (${e.field})`, e.message);
    }
    moment = { ...moment, weights, biases };
  }
  const r = validateConfig(json);
  if (!r.ok) {
    return {
      ok: false,
      errors: r.errors.map((e) => {
        const base = e.field.replace(/\[.*$/, '');
        const key = FIELD_KEY[base];
        return key && key !== base ? { field: `${key} (${e.field})`, message: e.message } : e;
      }),
    };
  }
  return finish(params, r.config, moment, flags);
}

/** One line for a user: the first problems of a link. */
export function linkErrorText(errors: readonly ConfigError[]): string {
  return errors.slice(0, 3).map(formatError).join('; ');
}
