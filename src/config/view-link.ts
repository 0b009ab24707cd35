/**
 * The parts of a link that say how the page shows its setup, beyond the setup: the selected weight,
 * bias or neuron (`sel=w2.1.0`), the open insight view (`insight=check`), the hidden panels
 * (`hide=setup,data`), presenter mode (`present=1`), the theme (`theme=dark`), a guided lesson's
 * scene (`lesson=…&scene=K`), practice mode (`practice=1`, or what it asks: `practice=update`) and
 * the embedded page (`embed=1`: the diagram, the chain panel and the step controls alone, for an
 * iframe in slides or a course page). Each is left out when it is what the page would show anyway (the
 * default selection, or the lesson scene's; the slope view; no panel hidden, or setup and data in
 * presenter mode), and each is checked: a bad one is refused with a message naming its key. Pure:
 * the codec and the store both use it.
 */
import type { Config } from './schema.ts';
import { findLesson, LESSONS } from '../content/lessons.ts';
import { INSIGHTS } from '../content/insights.ts';
import type { InsightName } from '../content/insights.ts';
import { fail } from './link-values.ts';
import type { LinkFailure, LinkParams } from './link-values.ts';

export const PANELS = ['chain', 'loss', 'insight', 'setup', 'data'] as const;
export type PanelName = (typeof PANELS)[number];

/** A selected weight (into neuron `to` of layer `layer` from neuron `from`), bias or neuron. */
export type LinkSelection =
  | { readonly kind: 'weight'; readonly layer: number; readonly to: number; readonly from: number }
  | { readonly kind: 'bias'; readonly layer: number; readonly to: number }
  | { readonly kind: 'neuron'; readonly layer: number; readonly index: number };

/** What the page shows without being told: the first weight into the first output, or the scene's. */
export function impliedSelection(
  config: Config,
  lesson: { readonly name: string; readonly scene: number } | null | undefined,
): LinkSelection {
  const scene = lesson ? findLesson(lesson.name)?.scenes[lesson.scene] : undefined;
  const s = scene?.select?.split(' ');
  if (s && s[0] === 'w') return { kind: 'weight', layer: +s[1]!, to: +s[2]!, from: +s[3]! };
  if (s && s[0] === 'b') return { kind: 'bias', layer: +s[1]!, to: +s[2]! };
  if (s && s[0] === 'n') return { kind: 'neuron', layer: +s[1]!, index: +s[2]! };
  return { kind: 'weight', layer: config.layers.length - 1, to: 0, from: 0 };
}

/** The insight view the page opens without being told: the scene's, or the slope view. */
export function impliedInsight(
  lesson: { readonly name: string; readonly scene: number } | null | undefined,
): InsightName {
  const scene = lesson ? findLesson(lesson.name)?.scenes[lesson.scene] : undefined;
  return scene?.insight ?? 'slope';
}

/** Panels hidden without being told: setup and data in presenter mode, none otherwise. */
export function impliedHidden(presenter: boolean): PanelName[] {
  return presenter ? ['setup', 'data'] : [];
}

/** `w2.1.0`, `b2.1`, `n1.0` or `none`. */
export function selectionText(sel: LinkSelection | null): string {
  if (!sel) return 'none';
  if (sel.kind === 'weight') return `w${sel.layer}.${sel.to}.${sel.from}`;
  if (sel.kind === 'bias') return `b${sel.layer}.${sel.to}`;
  return `n${sel.layer}.${sel.index}`;
}

export function sameSelection(a: LinkSelection | null, b: LinkSelection | null): boolean {
  return selectionText(a) === selectionText(b);
}

/** The hidden panels in the fixed order (so equal sets write equal links). */
export function hiddenText(hidden: readonly PanelName[]): string {
  const list = PANELS.filter((p) => hidden.includes(p));
  return list.length ? list.join(',') : 'none';
}

const SEL_HELP =
  'must name a weight (w2.0.1: into neuron 0 of layer 2 from neuron 1 of layer 1), a bias (b2.0), a neuron (n1.0) or none';

/** Parses `sel` against the network's layer sizes; a string is the problem. */
export function parseSelectionText(text: string, layers: readonly number[]): LinkSelection | null | string {
  if (text === 'none') return null;
  const m = /^([wbn])(\d{1,2})\.(\d{1,2})(?:\.(\d{1,2}))?$/.exec(text);
  if (!m || (m[1] === 'w') !== (m[4] !== undefined)) return SEL_HELP;
  const layer = Number(m[2]);
  const j = Number(m[3]);
  const depth = layers.length - 1;
  const first = m[1] === 'n' ? 0 : 1;
  if (layer < first || layer > depth)
    return `names layer ${layer}; this network's ${m[1] === 'n' ? 'layers are 0' : 'weights and biases are in layers 1'} to ${depth}`;
  const size = layers[layer]!;
  if (j >= size) return `names neuron ${j} of layer ${layer}, which has ${size} (0 to ${size - 1})`;
  if (m[1] === 'n') return { kind: 'neuron', layer, index: j };
  if (m[1] === 'b') return { kind: 'bias', layer, to: j };
  const from = Number(m[4]);
  const below = layers[layer - 1]!;
  if (from >= below)
    return `names neuron ${from} of layer ${layer - 1}, which has ${below} (0 to ${below - 1})`;
  return { kind: 'weight', layer, to: j, from };
}

export const INSIGHT_HELP = `must be one of ${INSIGHTS.join(', ')}`;

export function parseInsight(text: string): InsightName | null {
  return (INSIGHTS as readonly string[]).includes(text) ? (text as InsightName) : null;
}

export function parseHidden(text: string): PanelName[] | string {
  if (text === 'none') return [];
  const names = text.split(',');
  const out: PanelName[] = [];
  for (const n of names) {
    if (!(PANELS as readonly string[]).includes(n))
      return `must be "none" or panels from ${PANELS.join(', ')} joined by ","`;
    if (out.includes(n as PanelName)) return `names "${n}" twice`;
    out.push(n as PanelName);
  }
  return out;
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
  /** Practice mode and what it asks (`practice=1`: everything; `practice=forward` &c.). */
  readonly practice?: PracticeScopeName;
  /** The embedded page: the diagram, the chain panel and the step controls, sized to the frame. */
  readonly embed?: boolean;
  /** A second run beside the first: its settings that differ (`cmp=lr:5`, compare-link.ts). */
  readonly compare?: string;
}

/** What practice mode asks: the forward pass (with the loss), the backward pass, everything, the update. */
export const PRACTICE_SCOPES = ['forward', 'backward', 'all', 'update'] as const;
export type PracticeScopeName = (typeof PRACTICE_SCOPES)[number];
const PRACTICE_HELP = `must be 0, 1 (practise everything) or what to practise: ${PRACTICE_SCOPES.join(', ')}`;

export const VIEW_KEYS = [
  'present',
  'theme',
  'lesson',
  'scene',
  'sel',
  'insight',
  'hide',
  'practice',
  'embed',
  'cmp',
] as const;

/** The flags' parameters, each left out when it is what the page shows anyway. */
export function flagParts(flags: ViewFlags, config?: Config): string[] {
  const parts: string[] = [];
  if (config && flags.selection !== undefined)
    if (!sameSelection(flags.selection, impliedSelection(config, flags.lesson)))
      parts.push(`sel=${selectionText(flags.selection)}`);
  if (flags.insight && flags.insight !== impliedInsight(flags.lesson)) parts.push(`insight=${flags.insight}`);
  if (flags.hidden) {
    const text = hiddenText(flags.hidden);
    if (text !== hiddenText(impliedHidden(flags.presenter ?? false))) parts.push(`hide=${text}`);
  }
  if (flags.presenter) parts.push('present=1');
  if (flags.theme === 'dark') parts.push('theme=dark');
  if (flags.lesson) parts.push(`lesson=${flags.lesson.name}`, `scene=${flags.lesson.scene + 1}`);
  if (flags.practice) parts.push(`practice=${flags.practice === 'all' ? '1' : flags.practice}`);
  if (flags.embed) parts.push('embed=1');
  if (flags.compare) parts.push(`cmp=${flags.compare}`);
  return parts;
}

/** The flags of a link, but the selection (`sel` needs the network: `withSelection`). */
export function decodeFlags(params: LinkParams): ViewFlags | LinkFailure {
  const flags: {
    presenter?: boolean;
    theme?: 'light' | 'dark';
    lesson?: { name: string; scene: number };
    insight?: InsightName;
    hidden?: PanelName[];
    practice?: PracticeScopeName;
    embed?: boolean;
    compare?: string;
  } = {};
  if (params.has('insight')) {
    const v = parseInsight(params.get('insight')!);
    if (!v) return fail('insight', INSIGHT_HELP);
    flags.insight = v;
  }
  if (params.has('hide')) {
    const v = parseHidden(params.get('hide')!);
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
  if (params.has('practice')) {
    const v = params.get('practice')!;
    if (v !== '0' && v !== '1' && !(PRACTICE_SCOPES as readonly string[]).includes(v))
      return fail('practice', PRACTICE_HELP);
    if (v !== '0') flags.practice = v === '1' ? 'all' : (v as PracticeScopeName);
  }
  if (params.has('embed')) {
    const v = params.get('embed');
    if (v !== '0' && v !== '1')
      return fail('embed', 'must be 0 or 1 (1: the diagram, chain panel and step controls alone)');
    if (v === '1') flags.embed = true;
  }
  // checked against the setup by the codec (compare-link.ts)
  if (params.has('cmp')) flags.compare = params.get('cmp')!;
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

/** The flags with the link's selection, checked against the network. */
export function withSelection(
  params: LinkParams,
  flags: ViewFlags,
  layers: readonly number[],
): ViewFlags | LinkFailure {
  if (!params.has('sel')) return flags;
  const sel = parseSelectionText(params.get('sel')!, layers);
  if (typeof sel === 'string') return fail('sel', sel);
  return { ...flags, selection: sel };
}
