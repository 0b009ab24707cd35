/**
 * The diagram's motion (src/views/diagram/flow.ts) on the textbook 2-2-2 example: which values move
 * along which edges, in which direction and order, for how long, and the update's old values.
 */
import { describe, expect, it } from 'vitest';
import { flowMs, flowPlan, oneStepOn, sameMoment } from '../../src/views/diagram/flow.ts';
import type { FlowScene, Travel } from '../../src/views/diagram/flow.ts';
import { layoutNetwork } from '../../src/views/diagram/layout.ts';
import { SPEEDS } from '../../src/session/speeds.ts';
import type { Speed } from '../../src/session/speeds.ts';
import { TEXTBOOK, sessionOf, viewAfter } from './helpers.ts';

const steps = (perSecond: number): Speed => ({ label: '', kind: 'steps', perSecond });

// the textbook net: 2 inputs, 2 hidden, 2 outputs; a micro-step each: h1 h2 o1 o2 (forward), the loss,
// o1 o2 h1 h2 (backward), then the update (batch size 1)
const layout = layoutNetwork([2, 2, 2], 820, 470);
const r = layout.radius;
const [x1, x2] = layout.neurons[0]!;
const [h1, h2] = layout.neurons[1]!;
const [o1, o2] = layout.neurons[2]!;
const LOSS = { x: 760, y: 235, hw: 40, hh: 30 };
const BIAS = { x: 100, y: 300 };
/** 10 units a character: "∂ 0.0000" is 80 wide. */
const measure = (text: string) => 10 * [...text].length;

function scene(grad = true): FlowScene {
  const edges = new Map<string, { x: number; y: number; grad: boolean }>();
  for (const l of [1, 2])
    for (const j of [0, 1])
      for (const i of [0, 1]) edges.set(`w ${l} ${j} ${i}`, { x: 100 * l + 10 * j + i, y: 50, grad });
  return {
    layout,
    loss: LOSS,
    edges,
    bias: (sel) => (sel === 'b 1 0' ? BIAS : undefined),
    edgeFont: 10,
    measure,
  };
}

const near = (
  t: Travel,
  from: { x: number; y: number },
  to: { x: number; y: number },
  r1: number,
  r2: number,
) => {
  expect(Math.hypot(t.x1 - from.x, t.y1 - from.y)).toBeCloseTo(r1, 6);
  expect(Math.hypot(t.x2 - to.x, t.y2 - to.y)).toBeCloseTo(r2, 6);
  // on the segment from → to, heading towards `to`
  const cross = (t.x2 - t.x1) * (to.y - from.y) - (t.y2 - t.y1) * (to.x - from.x);
  expect(Math.abs(cross)).toBeLessThan(1e-6);
  expect((t.x2 - t.x1) * (to.x - from.x) + (t.y2 - t.y1) * (to.y - from.y)).toBeGreaterThan(0);
};

describe('how long the motion lasts', () => {
  it('moves after a single step while paused, for the phase’s time', () => {
    expect(flowMs('forward', false, SPEEDS[7]!)).toBe(900);
    expect(flowMs('update', false, steps(60))).toBe(1600);
  });
  it('ends within the step’s interval at lecture pace (≤ 5 steps/s)', () => {
    expect(flowMs('forward', true, steps(1))).toBe(850);
    expect(flowMs('backward', true, steps(2))).toBe(425);
    expect(flowMs('update', true, steps(5))).toBe(170);
  });
  it('does not move faster than lecture pace', () => {
    expect(flowMs('forward', true, steps(20))).toBeNull();
    expect(flowMs('forward', true, steps(60))).toBeNull();
    for (const s of SPEEDS.filter((s) => s.kind !== 'steps')) expect(flowMs('update', true, s)).toBeNull();
  });
});

describe('which changes move', () => {
  const at = (n: number) => viewAfter(TEXTBOOK, n).position;
  it('one micro-step on, within a batch and across the update', () => {
    expect(oneStepOn(at(0), at(1))).toBe(true);
    expect(oneStepOn(at(3), at(4))).toBe(true);
    expect(oneStepOn(at(9), at(10))).toBe(true);
    expect(oneStepOn(at(10), at(11))).toBe(true);
  });
  it('not a jump, a step back or nothing', () => {
    expect(oneStepOn(at(3), at(5))).toBe(false);
    expect(oneStepOn(at(4), at(3))).toBe(false);
    expect(oneStepOn(at(4), at(4))).toBe(false);
    expect(oneStepOn(at(0), at(10))).toBe(false);
  });
});

describe('the same moment', () => {
  it('another view of the same position and weights (another selection) is the same moment', () => {
    const s = sessionOf(TEXTBOOK);
    for (let k = 0; k < 3; k++) s.step('step');
    const a = s.snapshot(null).view;
    const b = s.snapshot({ kind: 'neuron', layer: 1, index: 0 }).view;
    expect(b).not.toBe(a);
    expect(sameMoment(a, b)).toBe(true);
    s.step('step');
    expect(sameMoment(a, s.snapshot(null).view)).toBe(false);
  });
  it('the same position of another run, or after the update, is not', () => {
    expect(sameMoment(viewAfter(TEXTBOOK, 3), viewAfter(TEXTBOOK, 3))).toBe(false);
    const s = sessionOf(TEXTBOOK);
    for (let k = 0; k < 9; k++) s.step('step');
    const before = s.snapshot(null).view;
    s.step('step');
    expect(sameMoment(before, s.snapshot(null).view)).toBe(false);
  });
});

describe('the motion of each step', () => {
  it('forward h1: x1, x2 and the bias travel into h1, then h1 lights up', () => {
    const p = flowPlan(viewAfter(TEXTBOOK, 1), scene(), 900)!;
    expect(p.phase).toBe('forward');
    expect(p.travels).toHaveLength(3);
    near(p.travels[0]!, x1!, h1!, r, r);
    near(p.travels[1]!, x2!, h1!, r, r);
    near(p.travels[2]!, BIAS, h1!, 0, r);
    expect(p.travels.every((t) => !t.delta && t.delay === 0)).toBe(true);
    expect(p.glows).toHaveLength(1);
    expect([p.glows[0]!.x, p.glows[0]!.y]).toEqual([h1!.x, h1!.y]);
    expect(p.glows[0]!.delay).toBeGreaterThanOrEqual(p.travels[0]!.span - 0.1);
  });
  it('forward o2: h1 and h2 travel into o2', () => {
    const p = flowPlan(viewAfter(TEXTBOOK, 4), scene(), 900)!;
    expect(p.travels).toHaveLength(2);
    near(p.travels[0]!, h1!, o2!, r, r);
    near(p.travels[1]!, h2!, o2!, r, r);
  });
  it('the loss: both outputs travel into the loss box', () => {
    const p = flowPlan(viewAfter(TEXTBOOK, 5), scene(), 900)!;
    expect(p.phase).toBe('loss');
    const box = { x: LOSS.x - LOSS.hw, y: LOSS.y };
    near(p.travels[0]!, { x: o1!.x + r, y: o1!.y }, box, 0, 0);
    near(p.travels[1]!, { x: o2!.x + r, y: o2!.y }, box, 0, 0);
    expect(p.glows[0]!.key).toBe('loss');
  });
  it('backward o1: ∂L/∂a comes from the loss, then δ goes back towards h1 and h2', () => {
    const p = flowPlan(viewAfter(TEXTBOOK, 6), scene(), 1100)!;
    expect(p.phase).toBe('backward');
    expect(p.travels).toHaveLength(3);
    near(p.travels[0]!, { x: LOSS.x - LOSS.hw, y: LOSS.y }, { x: o1!.x + r, y: o1!.y }, 0, 0);
    near(p.travels[1]!, o1!, h1!, r, r);
    near(p.travels[2]!, o1!, h2!, r, r);
    expect(p.travels.every((t) => t.delta)).toBe(true);
    // the chain rule's order: what δ reads first, then δ going back
    expect(p.travels[1]!.delay).toBeGreaterThanOrEqual(p.travels[0]!.delay + p.travels[0]!.span);
  });
  it('backward h2: the outputs’ δs come back into h2, then its δ goes towards x1 and x2', () => {
    const p = flowPlan(viewAfter(TEXTBOOK, 9), scene(), 1100)!;
    expect(p.travels).toHaveLength(4);
    near(p.travels[0]!, o1!, h2!, r, r);
    near(p.travels[1]!, o2!, h2!, r, r);
    near(p.travels[2]!, h2!, x1!, r, r);
    near(p.travels[3]!, h2!, x2!, r, r);
    expect(p.travels[2]!.delay).toBeGreaterThanOrEqual(p.travels[0]!.span);
  });
  it('the update: every weight flashes and writes its old value under the new one', () => {
    const p = flowPlan(viewAfter(TEXTBOOK, 10), scene(), 1600)!;
    expect(p.phase).toBe('update');
    expect(p.travels).toHaveLength(0);
    expect(p.flashes).toHaveLength(8);
    const old = new Map(p.olds.map((o) => [o.key, o]));
    // w1 … w8 of the notes before the update
    expect(p.olds).toHaveLength(8);
    expect(old.get('w 1 0 0')!.text).toBe('0.15');
    expect(old.get('w 1 1 1')!.text).toBe('0.3');
    expect(old.get('w 2 0 0')!.text).toBe('0.4');
    expect(old.get('w 2 1 1')!.text).toBe('0.55');
    // under the weight label at (100 l + 10 j + i, 50), one line (1.17 em) lower
    expect(old.get('w 2 1 0')).toMatchObject({ x: 210, y: 50 + 11.7, text: '0.5' });
  });
  it('the update: trained biases flash along their link too', () => {
    const view = viewAfter({ ...TEXTBOOK, trainBiases: true }, 10);
    const p = flowPlan(view, scene(), 1600)!;
    // 8 weights and the bias of h1 (the only one the scene places)
    expect(p.flashes).toHaveLength(9);
    near(p.flashes.find((f) => f.key === 'b 1 0') as Travel, BIAS, h1!, 0, r);
  });
  it('the update: no old value without a free second line, nor wider than its room', () => {
    const none = flowPlan(viewAfter(TEXTBOOK, 10), scene(false), 1600)!;
    expect(none.olds).toHaveLength(0);
    expect(none.flashes).toHaveLength(8);
    // only 0.15 and 0.25 are wider than the room ("∂ 0.0000" or the new value) here
    const narrow: FlowScene = {
      ...scene(),
      measure: (t) => (t === '0.15' || t === '0.25' ? 1000 : measure(t)),
    };
    const p = flowPlan(viewAfter(TEXTBOOK, 10), narrow, 1600)!;
    expect(p.olds.map((o) => o.text).sort()).toEqual(['0.2', '0.3', '0.4', '0.45', '0.5', '0.55']);
  });
  it('nothing at the very start', () => {
    expect(flowPlan(viewAfter(TEXTBOOK, 0), scene(), 900)).toBeNull();
  });
});
