/**
 * The diagram's marks and words in Node (numbers before marks), on Mazur's worked example (note 003):
 * z_h1 = 0.15·0.05 + 0.2·0.1 + 0.35 = 0.3775, ∂E/∂w5 = 0.082167041, ∂E/∂w1 = 0.000438568.
 */
import { describe, expect, it } from 'vitest';
import { parseSelection, selectionKey } from '../../src/session/snapshot.ts';
import type { RunView, Selection } from '../../src/session/snapshot.ts';
import { chainHighlight, stepHighlight } from '../../src/views/diagram/highlight.ts';
import { tooltipBox } from '../../src/views/diagram/labels.ts';
import { layoutNetwork } from '../../src/views/diagram/layout.ts';
import { diagramMarks, edgeWidth, maxAbsParam } from '../../src/views/diagram/marks.ts';
import { sigmoid, TEXTBOOK, viewAfter } from './helpers.ts';

const NAMES = { 'n 1 0': 'h1', 'w 2 0 0': 'w5' };

function marksOf(view: RunView, selection: Selection | null = null, fast = false) {
  const layout = layoutNetwork(view.net.sizes, 820, 470);
  return diagramMarks({
    view,
    layout,
    width: edgeWidth(maxAbsParam(view.params)),
    step: stepHighlight(view),
    chain: chainHighlight(view.net, selection),
    selKey: selectionKey(selection),
    names: NAMES,
    fast,
  });
}

const byId = <T extends { testId: string }>(marks: readonly T[], id: string): T =>
  marks.find((m) => m.testId === id)!;

describe('the diagram’s marks', () => {
  it('shows a neuron’s numbers once computed, and highlights what fed it', () => {
    const m = marksOf(viewAfter(TEXTBOOK, 1)); // forward: h1
    const h1 = byId(m.neurons, 'n-1-0');
    expect(h1.zValue).toBeCloseTo(0.3775, 15);
    expect(h1.aValue).toBeCloseTo(sigmoid(0.3775), 15);
    expect([h1.z, h1.a, h1.delta]).toEqual(['0.3775', '0.5933', '']);
    expect(h1.className).toBe('neuron step');
    expect(h1.ariaLabel).toBe('h1: neuron 1 of layer 1, z 0.3775, a 0.5933');
    const h2 = byId(m.neurons, 'n-1-1');
    expect([h2.z, h2.zValue, h2.className]).toEqual(['', undefined, 'neuron']);
    // the step read x1, x2, w1, w2 and b1
    expect(byId(m.neurons, 'n-0-0').className).toBe('neuron input step');
    expect(byId(m.edges, 'w-1-0-0').className).toBe('edge step');
    expect(byId(m.edges, 'w-1-1-0').className).toBe('edge');
    expect(byId(m.biases, 'b-1-0').className).toBe('bias step');
    expect(m.edges.map((e) => e.value)).toEqual([0.15, 0.2, 0.25, 0.3, 0.4, 0.45, 0.5, 0.55]);
    expect(m.biases.map((b) => b.value)).toEqual([0.35, 0.35, 0.6, 0.6]);
  });

  it('sizes edges by √|w| up to the power of two above the largest parameter', () => {
    const view = viewAfter(TEXTBOOK, 0);
    expect(maxAbsParam(view.params)).toBe(0.6); // b2
    const m = marksOf(view);
    // domain [0, 1], range [0.6, 7]: 0.6 + 6.4·√|w|, to a quarter
    expect(byId(m.edges, 'w-1-0-0').width).toBe(3); // 3.0788…
    expect(byId(m.edges, 'w-2-1-1').width).toBe(5.25); // 5.3463…
    expect(edgeWidth(3)(4)).toBe(7); // clamped
  });

  it('shows ∂L/∂w on an edge once the backward pass reached its neuron', () => {
    const m = marksOf(viewAfter(TEXTBOOK, 9)); // forward, loss, backward through every neuron
    expect(byId(m.edges, 'w-2-0-0').gradValue).toBeCloseTo(0.082167041, 9);
    expect(byId(m.edges, 'w-2-0-0').grad).toBe('0.08217');
    expect(byId(m.edges, 'w-1-0-0').gradValue).toBeCloseTo(0.000438568, 9);
    const early = marksOf(viewAfter(TEXTBOOK, 6)); // only o1's δ
    expect(byId(early.edges, 'w-2-0-0').gradValue).toBeCloseTo(0.082167041, 9);
    expect(byId(early.edges, 'w-2-1-0').gradValue).toBeUndefined();
    expect(byId(early.edges, 'w-2-1-0').grad).toBe('');
  });

  it('outlines the selected weight’s path to the loss', () => {
    const sel = parseSelection('w 1 0 0');
    const m = marksOf(viewAfter(TEXTBOOK, 0, sel), sel);
    expect(byId(m.edges, 'w-1-0-0').className).toBe('edge chain selected');
    // w1 reaches the loss through h1, then w5 and w7 into both outputs
    expect(byId(m.edges, 'w-2-0-0').className).toBe('edge chain');
    expect(byId(m.edges, 'w-2-1-0').className).toBe('edge chain');
    expect(byId(m.edges, 'w-2-0-1').className).toBe('edge');
    expect(byId(m.edges, 'w-1-1-0').className).toBe('edge');
  });

  it('leaves exact values out while playing at speed', () => {
    const m = marksOf(viewAfter(TEXTBOOK, 9), null, true);
    const w5 = byId(m.edges, 'w-2-0-0');
    expect([w5.value, w5.gradValue]).toEqual([undefined, undefined]);
    expect(w5.ariaLabel).toBe('w5: weight into neuron 1 of layer 2 from neuron 1');
    expect(byId(m.neurons, 'n-1-0').ariaLabel).toBe('h1: neuron 1 of layer 1');
    expect(byId(m.biases, 'b-2-0').ariaLabel).toBe('bias of neuron 1 in layer 2');
    expect(byId(m.neurons, 'n-1-0').zValue).toBeUndefined();
    expect(byId(m.neurons, 'n-1-0').z).toBe('0.3775'); // the label still shows
  });
});

describe('the diagram’s tooltip', () => {
  const view = viewAfter(TEXTBOOK, 9);
  const layout = layoutNetwork(view.net.sizes, 820, 470);

  it('lists what has been computed for the element under the pointer', () => {
    const n = tooltipBox(view, parseSelection('n 1 0')!, layout)!;
    expect(n.lines).toEqual(['neuron 1 of layer 1', 'z = 0.3775', 'a = 0.5933', 'δ = 0.008771']);
    // 19 characters at 7 px, plus 12; four lines of 15 px, plus 8
    expect([n.width, n.height]).toEqual([145, 68]);
    const w = tooltipBox(view, parseSelection('w 2 0 0')!, layout)!;
    expect(w.lines).toEqual(['w⁽²⁾₁₁ = 0.4', '∂L/∂w = 0.08217']);
    expect(tooltipBox(view, parseSelection('b 1 1')!, layout)!.lines).toEqual(['bias b⁽¹⁾₂ = 0.35']);
    // forward only: no δ, no gradient yet
    const forward = viewAfter(TEXTBOOK, 3);
    expect(tooltipBox(forward, parseSelection('n 2 0')!, layout)!.lines).toEqual([
      'neuron 1 of layer 2',
      'z = 1.106',
      'a = 0.7514',
    ]);
    expect(tooltipBox(forward, parseSelection('w 2 0 0')!, layout)!.lines).toEqual(['w⁽²⁾₁₁ = 0.4']);
    expect(tooltipBox(forward, parseSelection('n 2 1')!, layout)!.lines).toEqual(['neuron 2 of layer 2']);
    expect(tooltipBox(viewAfter(TEXTBOOK, 0), parseSelection('n 0 1')!, layout)!.lines).toEqual(['input x2']);
    // with the notes' names
    expect(tooltipBox(forward, parseSelection('w 2 0 0')!, layout, NAMES)!.lines).toEqual([
      'w5 = w⁽²⁾₁₁ = 0.4',
    ]);
    expect(tooltipBox(forward, parseSelection('n 1 0')!, layout, NAMES)!.lines[0]).toBe(
      'h1: neuron 1 of layer 1',
    );
  });

  it('stays inside the diagram, and is absent for an element not in the network', () => {
    for (const s of ['n 0 0', 'n 2 1', 'w 1 1 1', 'b 2 1']) {
      const box = tooltipBox(view, parseSelection(s)!, layout)!;
      expect(box.left).toBeGreaterThanOrEqual(4);
      expect(box.left + box.width).toBeLessThanOrEqual(820 - 4);
      expect(box.top).toBeGreaterThanOrEqual(4);
    }
    expect(tooltipBox(view, parseSelection('n 1 5')!, layout)).toBeNull();
    expect(tooltipBox(view, parseSelection('w 2 0 7')!, layout)).toBeNull();
  });
});
