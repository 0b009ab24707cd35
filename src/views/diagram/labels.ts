/**
 * The diagram's words (pure; tested in Node): what a screen reader hears for each edge, neuron and
 * bias, and the hover tooltip's lines and box. While playing at speed (`fast`) the labels leave the
 * values out, as the marks do.
 */
import { biasIndex, weightIndex } from '../../core/model/network.ts';
import { fmt } from '../../tex/format.ts';
import type { RunView, Selection } from '../../session/snapshot.ts';
import type { DiagramLayout } from './layout.ts';
import { biasText, weightText } from '../../session/names.ts';

type Names = Readonly<Record<string, string>>;

const named = (names: Names, key: string) => (names[key] ? `${names[key]}: ` : '');

export function edgeAria(names: Names, l: number, j: number, i: number, w: number, fast: boolean): string {
  return `${named(names, `w ${l} ${j} ${i}`)}weight into neuron ${j + 1} of layer ${l} from ${l === 1 ? 'input' : 'neuron'} ${i + 1}${fast ? '' : `, ${fmt(w)}`}`;
}

export function biasAria(l: number, j: number, b: number, fast: boolean): string {
  return `bias of neuron ${j + 1} in layer ${l}${fast ? '' : `, ${fmt(b)}`}`;
}

/** A neuron's label: its name, what it is, and (not while fast) the values computed so far. */
export function neuronAria(names: Names, view: RunView, l: number, j: number, fast: boolean): string {
  const key = `n ${l} ${j}`;
  const k = view.net.nOff[l]! + j;
  const nv = view.neurons;
  const what = l === 0 ? `input ${j + 1}` : `neuron ${j + 1} of layer ${l}`;
  let values = '';
  if (!fast && l === 0) values = nv.actDone[k] === 1 ? `, ${fmt(nv.a[k]!)}` : '';
  else if (!fast) {
    if (nv.sumDone[k] === 1) values += `, z ${fmt(nv.z[k]!)}`;
    if (nv.actDone[k] === 1) values += `, a ${fmt(nv.a[k]!)}`;
    if (nv.backDone[k] === 1) values += `, δ ${fmt(nv.delta[k]!)}`;
  }
  return `${named(names, key)}${what}${values}`;
}

/** Where a bias node is drawn (arrange.ts `biasPlace`): centre and half height. */
export type BiasAt = (sel: string) => { x: number; y: number; hh: number } | undefined;

/**
 * The values of one element, as the tooltip lists them, and where it points: x, the element's top y
 * and bottom `below` (null: no such element).
 */
function tooltipLines(
  view: RunView,
  sel: Selection,
  layout: DiagramLayout,
  names: Names,
  biasAt: BiasAt | undefined,
): { lines: string[]; x: number; y: number; below: number } | null {
  const net = view.net;
  const nv = view.neurons;
  if (sel.kind === 'neuron') {
    const n = layout.neurons[sel.layer]?.[sel.index];
    if (!n) return null;
    const name = names[`n ${sel.layer} ${sel.index}`];
    const lines = [
      sel.layer === 0
        ? `input ${name ?? `x${sel.index + 1}`}`
        : `${name ? `${name}: ` : ''}neuron ${sel.index + 1} of layer ${sel.layer}`,
    ];
    if (sel.layer === 0) {
      if (nv.actDone[n.k]) lines.push(`x = ${fmt(nv.a[n.k]!)}`);
    } else {
      if (nv.sumDone[n.k]) lines.push(`z = ${fmt(nv.z[n.k]!)}`);
      if (nv.actDone[n.k]) lines.push(`a = ${fmt(nv.a[n.k]!)}`);
      if (nv.backDone[n.k]) lines.push(`δ = ${fmt(nv.delta[n.k]!)}`);
    }
    return { lines, x: n.x, y: n.y - layout.radius, below: n.y + layout.radius };
  }
  if (sel.kind === 'bias') {
    // the node as drawn (arrange.ts may have moved it beside its neuron), else its first place
    const key = `b ${sel.layer} ${sel.to}`;
    const pos = biasAt?.(key) ?? { ...layout.bias(sel.layer, sel.to), hh: 10 };
    const b = view.params[biasIndex(net, sel.layer, sel.to)]!;
    const name = names[key];
    const bias = `${name ? `${name} = ` : ''}${biasText(sel.layer, sel.to)}`;
    return { lines: [`bias ${bias} = ${fmt(b)}`], x: pos.x, y: pos.y - pos.hh, below: pos.y + pos.hh };
  }
  const from = layout.neurons[sel.layer - 1]?.[sel.from];
  const to = layout.neurons[sel.layer]?.[sel.to];
  if (!from || !to) return null;
  const w = view.params[weightIndex(net, sel.layer, sel.to, sel.from)]!;
  const name = names[`w ${sel.layer} ${sel.to} ${sel.from}`];
  const lines = [`${name ? `${name} = ` : ''}${weightText(sel.layer, sel.to, sel.from)} = ${fmt(w)}`];
  if (nv.backDone[to.k]) lines.push(`∂L/∂w = ${fmt(nv.delta[to.k]! * nv.a[from.k]!)}`);
  const my = (from.y + to.y) / 2;
  return { lines, x: (from.x + to.x) / 2, y: my - 6, below: my + 6 };
}

export interface TooltipBox {
  readonly lines: readonly string[];
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
  /** The font size of its lines (viewBox units). */
  readonly size: number;
}

/**
 * The tooltip of the element under the pointer: its lines set in `size` (12 units unless the diagram's
 * type is larger), in a box just above the element as drawn (`biasAt`: where bias nodes are), or just
 * under it when there is no room above, kept inside the diagram.
 */
export function tooltipBox(
  view: RunView,
  sel: Selection,
  layout: DiagramLayout,
  names: Names = {},
  size = 12,
  biasAt?: BiasAt,
): TooltipBox | null {
  const t = tooltipLines(view, sel, layout, names, biasAt);
  if (!t) return null;
  // 7/12 em a character plus 1 em; lines 1.25 em apart plus 2/3 em (7 and 15 px at 12 px)
  const width = (Math.max(...t.lines.map((l) => l.length)) * 7 * size) / 12 + size;
  const height = (t.lines.length * 15 * size + 8 * size) / 12;
  // 2 units clear of the element: the box touches it as drawn
  const above = t.y - height - 2;
  return {
    lines: t.lines,
    left: Math.min(Math.max(4, t.x - width / 2), layout.width - width - 4),
    top: above >= 4 ? above : Math.min(t.below + 2, layout.height - height - 4),
    width,
    height,
    size,
  };
}
