/**
 * Configs as links: a versioned, readable fragment (`#v=1&layers=2-2-2&act=sigmoid&…`) that decodes
 * to the same JSON a config file holds and then goes through the same validation. Numbers are written
 * in JavaScript's shortest round-trip form, so a link reproduces a config bit for bit. A link is
 * `v=1`, then three parts, each with its own module:
 *   the setup (config-link.ts: one key per config field, from the field table; defaults left out):
 *     layers=2-2-2  act=…  loss=…  red=sum  lr=…  batch=…  biases=trained|fixed  shuffle=0|1  seed=…
 *     init=…  w=…  b=…  x=…  t=…  cols=…  data=circle  n=…  noise=…  dseed=…  targets=…  test=…  std=…
 *   a moment in its training (moment-link.ts): at=U.M, and the parameters there, aw=…  ab=…
 *   how the page shows it (view-link.ts): sel=w2.1.0  insight=check  hide=setup,data  present=1
 *     theme=dark  lesson=…  scene=K (alone, `#v=1&lesson=forward&scene=2` opens the lesson's scene)
 *     embed=1  practice=1  cmp=act:relu (a second run beside it, with those settings: compare-link.ts)
 * Without any setup key (`#v=1&present=1`), a link opens the default example with its view keys.
 */
import { findLesson } from '../content/lessons.ts';
import { DEFAULT_PRESET } from '../content/presets.ts';
import { asLinkError, CONFIG_KEYS, configJson, configParts, RAW_KEY } from './config-link.ts';
import { readComparison } from './compare-link.ts';
import { fail } from './link-values.ts';
import type { LinkFailure } from './link-values.ts';
import { decodeMoment, MOMENT_KEYS, momentParts } from './moment-link.ts';
import type { Moment } from './moment-link.ts';
import { formatError } from './schema.ts';
import type { Config, ConfigError } from './schema.ts';
import { validateConfig } from './validate.ts';
import { decodeFlags, flagParts, VIEW_KEYS, withSelection } from './view-link.ts';
import type { ViewFlags } from './view-link.ts';

export type { Moment } from './moment-link.ts';
export type { ViewFlags } from './view-link.ts';

export const LINK_VERSION = 1;
/** Longest fragment decoded: room for the largest config (16×16×8 weights, a few hundred rows). */
export const MAX_LINK_CHARS = 200_000;

export type LinkResult =
  | {
      readonly ok: true;
      readonly config: Config;
      readonly moment: Moment | null;
      readonly flags: ViewFlags;
    }
  | LinkFailure;

const KEYS: readonly string[] = ['v', ...CONFIG_KEYS, ...MOMENT_KEYS, ...VIEW_KEYS];
/** Keys that say how to show a setup, or when: a link of these alone opens the default example. */
const NOT_SETUP: ReadonlySet<string> = new Set(['v', ...MOMENT_KEYS, ...VIEW_KEYS]);

/**
 * The link fragment (without '#') of a config, and optionally of a moment in its training and of how
 * to show it. Values equal to the defaults of link version 1 are left out (they are part of the version).
 */
export function encodeLink(config: Config, moment: Moment | null = null, flags: ViewFlags = {}): string {
  return [
    `v=${LINK_VERSION}`,
    ...configParts(config),
    ...momentParts(moment),
    ...flagParts(flags, config),
  ].join('&');
}

/** The link of a lesson's scene (1-based in the link, as shown on the page). */
export function lessonLink(name: string, scene: number, flags: ViewFlags = {}): string {
  return [`v=${LINK_VERSION}`, ...flagParts({ ...flags, lesson: { name, scene } })].join('&');
}

const isFailure = (r: object): r is LinkFailure => 'ok' in r && r.ok === false;

/** The fragment's parameters by key: each known, none twice, values %-decoded. */
function parameters(fragment: string): Map<string, string> | LinkFailure {
  const params = new Map<string, string>();
  for (const part of fragment.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const rawKey = eq >= 0 ? part.slice(0, eq) : part;
    let value: string;
    try {
      // `cols` keeps its %-encoding here: each name is decoded after the split on ','.
      value = eq < 0 ? '' : rawKey === RAW_KEY ? part.slice(eq + 1) : decodeURIComponent(part.slice(eq + 1));
    } catch {
      return fail(/^[a-z]{1,8}$/.test(rawKey) ? rawKey : 'link', 'is not properly %-encoded');
    }
    if (!KEYS.includes(rawKey)) {
      const shown = JSON.stringify(rawKey.length > 40 ? `${rawKey.slice(0, 40)}…` : rawKey);
      return fail(`link parameter ${shown}`, `is unknown; allowed: ${KEYS.join(', ')}`);
    }
    if (params.has(rawKey)) return fail(rawKey, 'appears twice');
    params.set(rawKey, value);
  }
  return params;
}

/** Parses a link fragment (with or without '#'), or a whole link, into a validated config. */
export function decodeLink(link: string): LinkResult {
  if (link.length > MAX_LINK_CHARS) {
    return fail('link', `is too long (${link.length} characters; at most ${MAX_LINK_CHARS})`);
  }
  const hash = link.indexOf('#');
  const fragment = hash >= 0 ? link.slice(hash + 1) : link;
  const params = parameters(fragment);
  if (isFailure(params)) return params;
  if (params.get('v') !== String(LINK_VERSION)) {
    return fail(
      'v',
      params.has('v')
        ? `must be ${LINK_VERSION} (a link from another version)`
        : `is missing (v=${LINK_VERSION})`,
    );
  }
  const flags = decodeFlags(params);
  if (isFailure(flags)) return flags;
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
    const shown = withSelection(params, flags, r.config.layers);
    if (isFailure(shown)) return shown;
    const compared = withComparison(shown, r.config);
    if (isFailure(compared)) return compared;
    return {
      ok: true,
      config: r.config,
      moment: { update: scene.at[0], micro: scene.at[1] },
      flags: compared,
    };
  }
  const layersText = params.get('layers') ?? '';
  if (!/^\d{1,3}(-\d{1,3}){1,11}$/.test(layersText)) {
    return fail('layers', 'must be layer sizes joined by "-", e.g. layers=2-2-2');
  }
  const layers = layersText.split('-').map(Number);
  const shape = validateConfig({ layers }); // the caps on layers, with the config file's messages
  if (!shape.ok && shape.errors.some((e) => e.field.startsWith('layers'))) {
    return { ok: false, errors: shape.errors.filter((e) => e.field.startsWith('layers')) };
  }
  const json = configJson(params, layers);
  if (isFailure(json)) return json;
  const moment = decodeMoment(params, layers);
  if (moment && isFailure(moment)) return moment;
  const r = validateConfig(json);
  if (!r.ok) return { ok: false, errors: r.errors.map(asLinkError) };
  const shown = withSelection(params, flags, r.config.layers);
  if (isFailure(shown)) return shown;
  const compared = withComparison(shown, r.config);
  if (isFailure(compared)) return compared;
  return { ok: true, config: r.config, moment, flags: compared };
}

/** The flags with the comparison's canonical text, checked against the setup (`cmp`, compare-link.ts). */
function withComparison(flags: ViewFlags, config: Config): ViewFlags | LinkFailure {
  if (flags.compare === undefined) return flags;
  const c = readComparison(config, flags.compare);
  return 'ok' in c ? c : { ...flags, compare: c.text };
}

/** One line for a user: the first problems of a link. */
export function linkErrorText(errors: readonly ConfigError[]): string {
  return errors.slice(0, 3).map(formatError).join('; ');
}
