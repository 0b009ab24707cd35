/**
 * The motion of one computation in the diagram (issue 12 §2; pure, tested in Node): which values
 * travel along which edges, in which direction and in what order, and for how long. A forward step
 * carries the previous layer's outputs (and the bias) along the edges into the neuron, whose value
 * then lights up; the loss step carries the outputs into the loss; a backward step brings the δs it
 * reads back into the neuron (from the loss, or from the next layer), then sends its δ back along its
 * edges towards the earlier layer; the update flashes every changed weight (and trained bias) and
 * writes its old value, struck through, under the new one, in the line the labels keep free for the
 * ∂ (so no label is covered).
 *
 * The motion never delays anything: the step's numbers are drawn at once, the motion ends within
 * INTERVAL_SHARE of the step's interval, and it runs only at lecture pace (≤ LECTURE_PER_SECOND steps
 * a second, or a single step while paused); faster, there is none.
 */
import { fmt } from '../../tex/format.ts';
import type { Position } from '../../core/step/cursor.ts';
import { biasIndex, weightIndex } from '../../core/model/network.ts';
import type { RunView } from '../../session/snapshot.ts';
import type { Speed } from '../../session/speeds.ts';
import type { EdgeText } from './arrange.ts';
import { TYPICAL } from './arrange.ts';
import type { DiagramLayout } from './layout.ts';
import { LINE } from './placement.ts';

export type FlowPhase = 'forward' | 'loss' | 'backward' | 'update';

/** The fastest play speed that still moves: 5 steps a second. */
export const LECTURE_PER_SECOND = 5;

/** How long each phase moves after a single step while paused (ms). */
export const PAUSED_MS: Readonly<Record<FlowPhase, number>> = {
  forward: 900,
  loss: 900,
  backward: 1100,
  update: 1600,
};

/** The share of a step's interval the motion may take while playing (it ends before the next step). */
export const INTERVAL_SHARE = 0.85;

/**
 * A dot travelling from (x1, y1) to (x2, y2): it starts at `delay` and takes `span`, both fractions
 * of the whole motion; `delta` for a δ (backward), else a value (forward, loss).
 */
export interface Travel {
  readonly key: string;
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  readonly delay: number;
  readonly span: number;
  readonly delta: boolean;
}

/** Where the result appears, lit at `delay` (a fraction): a box (w × h, corner radius rx; a circle when rx = w/2). */
export interface Glow {
  readonly key: string;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly rx: number;
  readonly delay: number;
}

/** A weight's old value, struck through at (x, y) (centre, baseline) under its new value during the update. */
export interface OldValue {
  readonly key: string;
  readonly x: number;
  readonly y: number;
  readonly text: string;
}

/** An edge or a bias link that changed at the update (drawn flashing). */
export interface Flash {
  readonly key: string;
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

export interface FlowPlan {
  readonly phase: FlowPhase;
  readonly ms: number;
  readonly dot: number;
  readonly travels: readonly Travel[];
  readonly glows: readonly Glow[];
  readonly flashes: readonly Flash[];
  readonly olds: readonly OldValue[];
}

/**
 * How long the motion of `phase` lasts at this speed (ms), null for none: a single step while paused
 * moves for PAUSED_MS; playing at lecture pace, for INTERVAL_SHARE of the step's interval at most;
 * faster than lecture pace, not at all.
 */
export function flowMs(phase: FlowPhase, playing: boolean, speed: Speed): number | null {
  if (!playing) return PAUSED_MS[phase];
  if (speed.kind !== 'steps' || speed.perSecond > LECTURE_PER_SECOND) return null;
  return Math.min(PAUSED_MS[phase], Math.round((INTERVAL_SHARE * 1000) / speed.perSecond));
}

/** Whether `next` is exactly one micro-step after `prev` (a Step, or one step of play). */
export function oneStepOn(prev: Position, next: Position): boolean {
  if (!next.last) return false;
  if (next.update === prev.update) return next.micro === prev.micro + 1;
  return next.update === prev.update + 1 && next.micro === 0 && prev.next.phase === 'update';
}

/**
 * Whether two views show the same moment (the same network, position and parameters): while playing,
 * the store publishes a new view every frame, and the motion goes on through those.
 */
export function sameMoment(a: RunView, b: RunView): boolean {
  return (
    a.net === b.net &&
    a.params === b.params &&
    a.position.update === b.position.update &&
    a.position.micro === b.position.micro
  );
}

/** The diagram as the motion needs it: the layout, the loss box, the placed weight labels, bias nodes. */
export interface FlowScene {
  readonly layout: DiagramLayout;
  readonly loss: { readonly x: number; readonly y: number; readonly hw: number; readonly hh: number };
  readonly edges: ReadonlyMap<string, EdgeText | null>;
  readonly bias: (sel: string) => { x: number; y: number } | undefined;
  /** The weight labels' font size and a text's width at a size. */
  readonly edgeFont: number;
  readonly measure: (text: string, size: number) => number;
}

/** (x1, y1) → (x2, y2) cut short by r1 at its start and r2 at its end (from rim to rim). */
function rim(key: string, x1: number, y1: number, x2: number, y2: number, r1: number, r2: number) {
  const len = Math.hypot(x2 - x1, y2 - y1) || 1;
  const ux = (x2 - x1) / len;
  const uy = (y2 - y1) / len;
  return { key, x1: x1 + ux * r1, y1: y1 + uy * r1, x2: x2 - ux * r2, y2: y2 - uy * r2 };
}

/** The motion of the step that led to `view` (its `position.last`), lasting `ms`. */
export function flowPlan(view: RunView, scene: FlowScene, ms: number): FlowPlan | null {
  const last = view.position.last;
  if (!last) return null;
  const { layout, loss } = scene;
  const r = layout.radius;
  const N = layout.neurons;
  const depth = N.length - 1;
  const dot = Math.max(3.5, Math.min(10, r * 0.24));
  const travels: Travel[] = [];
  const glows: Glow[] = [];
  const flashes: Flash[] = [];
  const olds: OldValue[] = [];
  const ring = (key: string, x: number, y: number, delay: number): Glow => ({
    key,
    x,
    y,
    w: 2 * r + 8,
    h: 2 * r + 8,
    rx: r + 4,
    delay,
  });
  const lossRing: Glow = {
    key: 'loss',
    x: loss.x,
    y: loss.y,
    w: 2 * loss.hw + 8,
    h: 2 * loss.hh + 8,
    rx: 10,
    delay: 0.65,
  };
  if (last.phase === 'forward') {
    const to = N[last.layer]![last.neuron]!;
    for (const from of N[last.layer - 1]!) {
      const t = rim(`a${from.index}`, from.x, from.y, to.x, to.y, r, r);
      travels.push({ ...t, delay: 0, span: 0.7, delta: false });
    }
    const b = scene.bias(`b ${last.layer} ${last.neuron}`);
    if (b) travels.push({ ...rim('b', b.x, b.y, to.x, to.y, 0, r), delay: 0, span: 0.7, delta: false });
    glows.push(ring('n', to.x, to.y, 0.65));
  } else if (last.phase === 'loss') {
    for (const o of N[depth]!) {
      const t = rim(`o${o.index}`, o.x + r, o.y, loss.x - loss.hw, loss.y, 0, 0);
      travels.push({ ...t, delay: 0, span: 0.7, delta: false });
    }
    glows.push(lossRing);
  } else if (last.phase === 'backward') {
    const at = N[last.layer]![last.neuron]!;
    // first what the δ reads: the loss's ∂L/∂a, or the next layer's δs through their weights …
    if (last.layer === depth) {
      const t = rim('L', loss.x - loss.hw, loss.y, at.x + r, at.y, 0, 0);
      travels.push({ ...t, delay: 0, span: 0.45, delta: true });
    } else {
      for (const k of N[last.layer + 1]!) {
        travels.push({
          ...rim(`d${k.index}`, k.x, k.y, at.x, at.y, r, r),
          delay: 0,
          span: 0.45,
          delta: true,
        });
      }
    }
    glows.push(ring('n', at.x, at.y, 0.4));
    // … then δ goes back along the neuron's own edges, towards the earlier layer
    for (const i of N[last.layer - 1]!) {
      travels.push({ ...rim(`e${i.index}`, at.x, at.y, i.x, i.y, r, r), delay: 0.5, span: 0.5, delta: true });
    }
  } else {
    const before = view.lastUpdate?.before;
    if (!before) return null;
    const fe = scene.edgeFont;
    const room = scene.measure(TYPICAL, fe);
    for (let l = 1; l <= depth; l++) {
      for (const to of N[l]!) {
        // a trained bias flashes along its link to the neuron
        const pb = biasIndex(view.net, l, to.index);
        const b = scene.bias(`b ${l} ${to.index}`);
        if (b && before[pb] !== view.params[pb])
          flashes.push(rim(`b ${l} ${to.index}`, b.x, b.y, to.x, to.y, 0, r));
        for (const from of N[l - 1]!) {
          const key = `w ${l} ${to.index} ${from.index}`;
          const p = weightIndex(view.net, l, to.index, from.index);
          const old = before[p]!;
          const now = view.params[p]!;
          if (old === now) continue;
          flashes.push(rim(key, from.x, from.y, to.x, to.y, r, r));
          const place = scene.edges.get(key);
          // only where the label has its second line free (no ∂ on show)
          if (!place?.grad || view.neurons.backDone[to.k] === 1) continue;
          // the old value struck through, where it fits the second line's room
          const text = fmt(old);
          if (scene.measure(text, fe) > Math.max(room, scene.measure(fmt(now), fe))) continue;
          olds.push({ key, x: place.x, y: place.y + LINE * fe, text });
        }
      }
    }
  }
  return { phase: last.phase, ms, dot, travels, glows, flashes, olds };
}
