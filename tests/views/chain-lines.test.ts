/**
 * The chain panel's and the "just computed" line's numbers in Node, on Mazur's worked example
 * (note 003: z_o1 = 1.105905967, out_o1 = 0.75136507, δ_o1 = 0.74136507 · 0.186815602 = 0.138498562,
 * E = 0.298371109, w5 ← 0.4 − 0.5 · 0.082167041 = 0.35891648) and on a hand-computed batch of two.
 */
import { describe, expect, it } from 'vitest';
import type { Config } from '../../src/config/schema.ts';
import { parseSelection } from '../../src/session/snapshot.ts';
import {
  neuronData,
  selectedValue,
  selectionLines,
  selectionTitle,
  started,
  stepLine,
} from '../../src/views/chain/lines.ts';
import { sigmoid, TEXTBOOK, viewAfter } from './helpers.ts';

const W5 = parseSelection('w 2 0 0')!;
const line = (lines: { id: string; tex: string }[] | null, id: string) =>
  lines!.find((l) => l.id === id)!.tex;

/** y = w·x + b, (y − t)², two rows summed per update: w = 1, b = 0, x = 1 then 2, t = 0. */
const BATCH_SUM: Config = {
  layers: [1, 1],
  activations: ['linear'],
  loss: 'squared-error',
  reduction: 'sum',
  learningRate: 0.1,
  batchSize: 2,
  trainBiases: true,
  shuffle: false,
  seed: 1,
  weights: [[[1]]],
  biases: [[0]],
  data: { inputs: [[1], [2]], targets: [[0], [0]] },
};

describe('a neuron’s numbers', () => {
  it('gathers its weights, inputs and bias, and what is computed yet', () => {
    const n = neuronData(viewAfter(TEXTBOOK, 2), 2, 0); // h1 and h2 done, o1 not yet
    expect(n.weights).toEqual([0.4, 0.45]);
    expect(n.inputs[0]).toBeCloseTo(sigmoid(0.3775), 15);
    expect(n.inputs[1]).toBeCloseTo(sigmoid(0.3925), 15);
    expect([n.bias, n.activation, n.inputsReady, n.sumDone, n.actDone]).toEqual([
      0.6,
      'sigmoid',
      true,
      false,
      false,
    ]);
    const o1 = neuronData(viewAfter(TEXTBOOK, 3), 2, 0);
    expect(o1.z).toBeCloseTo(1.105905967, 9);
    expect(o1.a).toBeCloseTo(0.75136507, 8);
    const x1 = neuronData(viewAfter(TEXTBOOK, 1), 0, 1);
    expect([x1.weights, x1.inputs, x1.activation, x1.a, x1.inputsReady]).toEqual([[], [], null, 0.1, true]);
  });
});

describe('the computation just done', () => {
  it('is absent before the first step', () => {
    expect(stepLine(viewAfter(TEXTBOOK, 0), 'half-squared-error')).toBeNull();
  });

  it('writes a forward step’s weighted sum and activation with its numbers', () => {
    const s = stepLine(viewAfter(TEXTBOOK, 1), 'half-squared-error')!;
    expect(s.what).toBe('forward: neuron 1 of layer 1');
    expect(s.tex).toContain('0.15\\cdot 0.05 + 0.2\\cdot 0.1 + 0.35 = 0.3775');
    expect(s.tex).toContain('\\sigma(0.3775) = 0.5933');
  });

  it('writes the loss, then δ = ∂L/∂a · f′(z)', () => {
    const loss = stepLine(viewAfter(TEXTBOOK, 5), 'half-squared-error')!;
    expect(loss.what).toMatch(/^the loss \(half squared error/);
    expect(loss.tex).toBe('L = 0.2984');
    const back = stepLine(viewAfter(TEXTBOOK, 6), 'half-squared-error')!;
    expect(back.what).toBe('backward: neuron 1 of layer 2');
    expect(back.tex).toContain('= 0.7414\\cdot 0.1868 = 0.1385');
  });

  it('writes the update, with the batch it applied and how it combined the samples', () => {
    const one = stepLine(viewAfter(TEXTBOOK, 10), 'half-squared-error')!;
    expect(one.what).toBe('the update of every weight and bias');
    expect(one.tex).toContain('w - 0.5\\,');
    expect(one.tex).toContain('\\text{(update 1)}');
    const view = viewAfter(BATCH_SUM, 2 * 3 + 1);
    expect(view.position.last?.phase).toBe('update');
    expect(stepLine(view, 'squared-error')!.tex).toContain('(update 1, sum over 2 samples)');
  });
});

describe('the chain panel’s lines', () => {
  it('writes the selected weight’s chain rule with the sample’s factors', () => {
    const view = viewAfter(TEXTBOOK, 9, W5);
    const lines = selectionLines(view, W5);
    expect(line(lines, 'product')).toContain('0.7414\\cdot 0.1868\\cdot 0.5933 = 0.08217');
    expect(line(lines, 'update')).toMatch(/= 0\.4 - 0\.5\\cdot 0\.08217$/);
    expect(started(view)).toBe(true);
    expect(selectedValue(view, W5)).toBe(0.4);
  });

  it('after an update, shows it applied: before, gradient, after', () => {
    const view = viewAfter(TEXTBOOK, 10, W5);
    expect(line(selectionLines(view, W5), 'update')).toContain('= 0.4 - 0.5\\cdot 0.08217 = 0.3589');
    expect(selectedValue(view, W5)).toBeCloseTo(0.35891648, 8);
    expect(started(view)).toBe(true);
    // a batch of two, summed: ∂L/∂w = 2·1·1 + 2·2·2 = 10, w ← 1 − 0.1·10 = 0
    const w = parseSelection('w 1 0 0')!;
    const batch = viewAfter(BATCH_SUM, 7, w);
    expect(line(selectionLines(batch, w), 'update')).toMatch(/= 1 - 0\.1\\cdot 10 = 0$/);
    expect(selectedValue(batch, w)).toBe(0);
  });

  it('has nothing to show before the first step but the neuron’s formula, and no chain without one', () => {
    const fresh = viewAfter(TEXTBOOK, 0, W5);
    expect(started(fresh)).toBe(false);
    expect(selectionLines(viewAfter(TEXTBOOK, 3), W5)).toBeNull(); // a moment shown without that chain
    expect(selectionLines(fresh, parseSelection('n 1 0')!)!.length).toBeGreaterThan(0);
  });

  it('titles the selection', () => {
    // counted from 1: w⁽²⁾₁₁ is data index (2, 0, 0); named after note 003 when names are given
    expect(selectionTitle(W5)).toBe('weight w⁽²⁾₁₁');
    expect(selectionTitle(parseSelection('b 1 1')!)).toBe('bias b⁽¹⁾₂');
    expect(selectionTitle(parseSelection('n 0 1')!)).toBe('input x2');
    expect(selectionTitle(parseSelection('n 2 0')!)).toBe('neuron 1 of layer 2');
    const names = { 'w 2 0 0': 'w5', 'b 1 1': 'b1', 'n 0 1': 'x2', 'n 2 0': 'o1' };
    expect(selectionTitle(W5, names)).toBe('weight w5 = w⁽²⁾₁₁');
    expect(selectionTitle(parseSelection('b 1 1')!, names)).toBe('bias b1 = b⁽¹⁾₂');
    expect(selectionTitle(parseSelection('n 0 1')!, names)).toBe('input x2');
    expect(selectionTitle(parseSelection('n 2 0')!, names)).toBe('o1: neuron 1 of layer 2');
  });
});
