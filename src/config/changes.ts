/**
 * Live settings: the changes made while training, each with the update it applies from. The
 * learning rate, the batch size (the next batch starts where the last one ended), the reduction, the
 * optimiser (its μ, β1, β2) and weight decay change without restarting; the config's own values are the settings at update 0, and `settingsAt` gives those in
 * force at any update. The list is part of the run, so a link and `train` replay it bit for bit:
 *   chg=3:lr:0.05;10:opt:adam,wd:0.01     (update 3: α = 0.05; update 10: Adam with λ = 0.01)
 * each change `U:key:value,key:value` with the fields' link keys, changes joined by ";".
 */
import { FIELDS } from './fields.ts';
import type { LiveChange, LivePath } from './fields.ts';
import { Checker, isObject, list, own } from './check.ts';
import { fail, num, numbers } from './link-values.ts';
import type { LinkFailure } from './link-values.ts';
import type { Config } from './schema.ts';

/** The settings a change may hold, in the order a link writes them. */
export const LIVE_PATHS: readonly LivePath[] = [
  'learningRate',
  'batchSize',
  'reduction',
  'optimizer',
  'momentum',
  'beta1',
  'beta2',
  'weightDecay',
];

export const MAX_CHANGES = 32;
/** The last update a change may name (beyond any run's work budget). */
export const MAX_CHANGE_AT = 1_000_000_000;

/** The settings in force from update `u` on: the config's, overridden by every change at or before u. */
export function settingsAt(config: Config, u: number): Config {
  const changes = config.changes;
  if (!changes?.length) return config;
  let out: Record<string, unknown> = { ...config };
  for (const ch of changes) if (ch.at <= u) out = { ...out, ...withoutAt(ch) };
  delete out.changes;
  return out as Config;
}

function withoutAt(ch: LiveChange): Partial<Config> {
  const rest: Record<string, unknown> = { ...ch };
  delete rest.at;
  return rest as Partial<Config>;
}

/**
 * The config after changing `patch` live at update `u`: changes after u are dropped (going back and
 * changing a setting rewrites what follows), one at u is merged, and a value equal to what is in
 * force already is left out. At update 0 the config's own settings change instead.
 */
export function changeAt(config: Config, u: number, patch: Partial<Pick<Config, LivePath>>): Config {
  const kept = (config.changes ?? []).filter((c) => c.at < u);
  const before = settingsAt({ ...config, changes: kept }, u);
  const delta: Record<string, unknown> = {};
  const merged = { ...(config.changes ?? []).find((c) => c.at === u), ...patch };
  for (const p of LIVE_PATHS) {
    const v = (merged as Record<string, unknown>)[p];
    if (v !== undefined && v !== (before[p] ?? FIELDS[p].default)) delta[p] = v;
  }
  if (u === 0) {
    const base: Record<string, unknown> = { ...config, ...delta };
    delete base.changes;
    return base as Config;
  }
  const list = Object.keys(delta).length ? [...kept, { at: u, ...delta } as LiveChange] : kept;
  const out: Record<string, unknown> = { ...config, changes: list };
  if (!list.length) delete out.changes;
  return out as Config;
}

/** Checks `changes`: up to MAX_CHANGES objects, `at` increasing from 1, each with live settings only. */
export function checkChanges(c: Checker, v: unknown, rows?: number): LiveChange[] | undefined {
  if (v === undefined) return undefined;
  if (!Array.isArray(v) || v.length < 1 || v.length > MAX_CHANGES)
    return c.fail(
      'changes',
      `must be a list of 1 to ${MAX_CHANGES} changes, each { "at": update, setting: value }`,
    );
  const out: LiveChange[] = [];
  let last = 0;
  for (let i = 0; i < v.length; i++) {
    const where = `changes[${i}]`;
    const item: unknown = v[i];
    if (!isObject(item)) return c.fail(where, 'must be an object { "at": update, setting: value }');
    c.unknownKeys(item, ['at', ...LIVE_PATHS], where);
    const at = c.int(own(item, 'at'), `${where}.at`, last + 1, MAX_CHANGE_AT);
    if (at === undefined) {
      c.errors[c.errors.length - 1] = {
        field: `${where}.at`,
        message: `must be a whole number from ${last + 1} to ${MAX_CHANGE_AT} (later than the change before)`,
      };
      return undefined;
    }
    last = at;
    const change: Record<string, unknown> = { at };
    for (const p of LIVE_PATHS) {
      const value = own(item, p);
      if (value === undefined) continue;
      const sub = new Checker();
      const ok = sub.check(p, value, p === 'batchSize' && rows ? rows : undefined);
      if (sub.errors.length) return c.fail(`${where}.${p}`, sub.errors[0]!.message);
      change[p] = ok;
    }
    if (Object.keys(change).length === 1)
      return c.fail(where, `must change at least one of ${list(LIVE_PATHS)}`);
    out.push(change as unknown as LiveChange);
  }
  return c.errors.length ? undefined : out;
}

const KEY = FIELDS.changes.link.key;
const PATH_OF = new Map(LIVE_PATHS.map((p) => [FIELDS[p].link.key, p]));

/** `chg=…`, or nothing without changes. */
export function writeChanges(config: Config): string[] {
  const changes = config.changes;
  if (!changes?.length) return [];
  const items = changes.map((ch) => {
    const parts = LIVE_PATHS.filter((p) => ch[p] !== undefined).map((p) => {
      const v = ch[p]!;
      return `${FIELDS[p].link.key}:${typeof v === 'number' ? num(v) : v}`;
    });
    return `${ch.at}:${parts.join(',')}`;
  });
  return [`${KEY}=${items.join(';')}`];
}

const FORMAT = 'must be changes "U:key:value,key:value" joined by ";" (U the update each applies from)';

/** The changes of a link's `chg` (unvalidated values, for validation to name), or what is wrong. */
export function readChanges(text: string): Record<string, unknown>[] | LinkFailure {
  const items = text.split(';');
  if (items.length > MAX_CHANGES) return fail(KEY, `must hold at most ${MAX_CHANGES} changes`);
  const out: Record<string, unknown>[] = [];
  for (const item of items) {
    const m = /^(\d{1,10}):(.+)$/.exec(item);
    if (!m) return fail(KEY, FORMAT);
    const change: Record<string, unknown> = { at: Number(m[1]) };
    for (const pair of m[2]!.split(',')) {
      const [key, value, extra] = pair.split(':');
      const path = key === undefined ? undefined : PATH_OF.get(key);
      if (!path || value === undefined || extra !== undefined)
        return fail(KEY, `${FORMAT}; keys: ${[...PATH_OF.keys()].join(', ')}`);
      if (path in change) return fail(KEY, `names ${key} twice in one change`);
      const n = numbers(value);
      change[path] = FIELDS[path].link.as === 'number' ? (n.length === 1 ? n[0] : NaN) : value;
    }
    out.push(change);
  }
  return out;
}

const SHORT: Readonly<Record<LivePath, string>> = {
  learningRate: 'α',
  batchSize: 'batch',
  reduction: '',
  optimizer: '',
  momentum: 'μ',
  beta1: 'β1',
  beta2: 'β2',
  weightDecay: 'λ',
};
const OPTIMIZER_WORD = { sgd: 'SGD', momentum: 'momentum', adam: 'Adam' } as const;

/** A change in a few words, for the mark on the loss curve: "α = 0.05, Adam". */
export function changeLabel(ch: LiveChange): string {
  return LIVE_PATHS.filter((p) => ch[p] !== undefined)
    .map((p) => {
      if (p === 'optimizer') return OPTIMIZER_WORD[ch.optimizer!];
      if (p === 'reduction') return `${ch.reduction} over samples`;
      return `${SHORT[p]} = ${ch[p]}`;
    })
    .join(', ');
}
