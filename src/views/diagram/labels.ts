/**
 * The diagram's words (pure; tested in Node): what a screen reader hears for each edge, neuron and
 * bias, and the hover tooltip's lines and box. While playing at speed (`fast`) the labels leave the
 * values out, as the marks do.
 */
import { biasIndex, weightIndex } from '../../core/model/network.ts';
import { fmt } from '../../tex/format.ts';
import type { RunView, Selection } from '../../session/snapshot.ts';
import type { DiagramLayout } from './layout.ts';
import { biasText, weightText } from './names.ts';

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

/** The values of one element, as the tooltip lists them, and where it points (null: no such element). */
function tooltipLines(
  view: RunView,
  sel: Selection,
  layout: DiagramLayout,
  names: Names,
): { lines: string[]; x: number; y: number } | null {
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
    return { lines, x: n.x, y: n.y - layout.radius };
  }
  if (sel.kind === 'bias') {
    const pos = layout.bias(sel.layer, sel.to);
    const b = view.params[biasIndex(net, sel.layer, sel.to)]!;
    const name = names[`b ${sel.layer} ${sel.to}`];
    const bias = `${name ? `${name} = ` : ''}${biasText(sel.layer, sel.to)}`;
    return { lines: [`bias ${bias} = ${fmt(b)}`], x: pos.x, y: pos.y - 10 };
  }
  const from = layout.neurons[sel.layer - 1]?.[sel.from];
  const to = layout.neurons[sel.layer]?.[sel.to];
  if (!from || !to) return null;
  const w = view.params[weightIndex(net, sel.layer, sel.to, sel.from)]!;
  const name = names[`w ${sel.layer} ${sel.to} ${sel.from}`];
  const lines = [`${name ? `${name} = ` : ''}${weightText(sel.layer, sel.to, sel.from)} = ${fmt(w)}`];
  if (nv.backDone[to.k]) lines.push(`∂L/∂w = ${fmt(nv.delta[to.k]! * nv.a[from.k]!)}`);
  return { lines, x: (from.x + to.x) / 2, y: (from.y + to.y) / 2 - 6 };
}

export interface TooltipBox {
  readonly lines: readonly string[];
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/** The tooltip of the element under the pointer: its lines, in a box kept inside the diagram. */
export function tooltipBox(
  view: RunView,
  sel: Selection,
  layout: DiagramLayout,
  names: Names = {},
): TooltipBox | null {
  const t = tooltipLines(view, sel, layout, names);
  if (!t) return null;
  const width = Math.max(...t.lines.map((l) => l.length)) * 7 + 12;
  const height = t.lines.length * 15 + 8;
  return {
    lines: t.lines,
    left: Math.min(Math.max(4, t.x - width / 2), layout.width - width - 4),
    top: Math.max(4, t.y - height - 4),
    width,
    height,
  };
}
