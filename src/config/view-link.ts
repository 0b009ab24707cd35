/**
 * The parts of a moment link that say how the page shows the moment, beyond the setup: the selected
 * weight, bias or neuron (`sel=w2.1.0`), the open insight view (`insight=check`) and the hidden
 * panels (`hide=setup,data`). Each is left out when it is what the page would show anyway (the
 * default selection, or the lesson scene's; the slope view; no panel hidden, or setup and data in
 * presenter mode). Pure: the codec and the store both use it.
 */
import type { Config } from './schema.ts';
import { findLesson, INSIGHTS } from '../content/lessons.ts';
import type { InsightName } from '../content/lessons.ts';

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
