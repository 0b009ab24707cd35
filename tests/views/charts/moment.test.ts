/**
 * The numbers of the insight views of one moment (src/views/charts/slope.ts, check.ts, neuron.ts,
 * insight-frame.ts) against hand values: a 1-1 linear network y = w·x + b, half squared error, on
 * the rows x = 1 (t = 0) and x = −1 (t = 1). With b = 0.5 both errors are ±(w + 0.5), so the mean
 * loss is L(w) = ½(w + 0.5)², its slope w + 0.5, and the sum E(w) = (w + 0.5)².
 */
import { describe, expect, it } from 'vitest';
import { datasetFromRows } from '../../../src/core/model/datasets.ts';
import { createNetwork } from '../../../src/core/model/network.ts';
import { checkValues } from '../../../src/views/charts/check.ts';
import { FRAME, PRESENTER_FRAME, symbolOf } from '../../../src/views/charts/insight-frame.ts';
import { neuronDot } from '../../../src/views/charts/neuron.ts';
import { slopeChart } from '../../../src/views/charts/slope.ts';

const net = createNetwork([1, 1], ['linear'], 'half-squared-error');
const data = datasetFromRows([[1], [-1]], [[0], [1]]);
const w = { kind: 'weight', layer: 1, to: 0, from: 0 } as const;
const L = (v: number) => 0.5 * (v + 0.5) ** 2;

// the insight charts' frame: 520 × 220, plot area x ∈ [56, 506], y ∈ [12, 190]
const px = (v: number, [a, b]: [number, number]) => 56 + ((v - a) / (b - a)) * 450;
const py = (v: number, [a, b]: [number, number]) => 190 - ((v - a) / (b - a)) * 178;

describe('the chart frame and the symbol', () => {
  it('are 520 × 220 with the margins the charts draw in', () => {
    expect(FRAME).toEqual({
      width: 520,
      height: 220,
      margin: { top: 12, right: 14, bottom: 30, left: 56 },
      font: 10.5,
    });
  });

  it('draws presenter charts in fewer units, so that 16-unit type is ≥ 18 px in a 450 px column', () => {
    expect(PRESENTER_FRAME.font * (450 / PRESENTER_FRAME.width)).toBeGreaterThanOrEqual(18);
    // room at the left for a tick number like 0.0001 (6 characters of ~0.62 em) and its gap
    expect(PRESENTER_FRAME.margin.left).toBeGreaterThanOrEqual(6 * 0.62 * PRESENTER_FRAME.font + 8);
    // the x ticks' numbers (1.7 em below the axis) and the axis title below them
    expect(PRESENTER_FRAME.margin.bottom).toBeGreaterThanOrEqual(2.6 * PRESENTER_FRAME.font);
  });

  it('writes a weight or bias as in the chain panel, counted from 1 (its notes’ name is in the title)', () => {
    // data index (2, 0, 1): into neuron 1 of layer 2 from neuron 2 — note 003's w6, written w^{(2)}_{12}
    expect(symbolOf({ kind: 'weight', layer: 2, to: 0, from: 1 })).toBe('w^{(2)}_{12}');
    expect(symbolOf({ kind: 'bias', layer: 1, to: 1 })).toBe('b^{(1)}_{2}');
    expect(symbolOf({ kind: 'neuron', layer: 1, index: 0 })).toBe('z');
  });
});

describe('the loss along a weight, ready to draw', () => {
  it('puts w = 2, L = 3.125, the step to 1.75 and the tangent in pixels', () => {
    const c = slopeChart(net, Float64Array.from([2, 0.5]), data, w, {
      learningRate: 0.1,
      reduction: 'mean',
      symbol: 'w',
    })!;
    // R = max(1, 0.75·2, 3·0.25) = 1.5: x over [0.5, 3.5]; L from 0.5 to 8, made nice: [0, 8]
    expect(c.x.domain()).toEqual([0.5, 3.5]);
    expect(c.y.domain()).toEqual([0, 8]);
    expect(c.x.range()).toEqual([56, 506]);
    expect(c.y.range()).toEqual([190, 12]);
    expect(c.slope).toBeCloseTo(2.5, 14);
    expect(c.nextValue).toBeCloseTo(1.75, 14);
    expect(c.now.cx).toBeCloseTo(px(2, [0.5, 3.5]), 10);
    expect(c.now.cy).toBeCloseTo(py(3.125, [0, 8]), 10);
    expect(c.next!.cx).toBeCloseTo(px(1.75, [0.5, 3.5]), 10);
    expect(c.next!.cy).toBeCloseTo(py(L(1.75), [0, 8]), 10);
    // the tangent at w ∓ R/2 = 1.25, 2.75: L = 3.125 ∓ 2.5·0.75
    expect(c.tangent.x1).toBeCloseTo(168.5, 10);
    expect(c.tangent.y1).toBeCloseTo(py(1.25, [0, 8]), 10);
    expect(c.tangent.x2).toBeCloseTo(393.5, 10);
    expect(c.tangent.y2).toBeCloseTo(py(5, [0, 8]), 10);
    // the arrow runs 8 px above the x axis, from w to the step
    expect(c.arrow).toEqual({ x1: c.now.cx, y1: 182, x2: c.next!.cx, y2: 182 });
    expect(c.path).toMatch(/^M56,/);
    expect(c.path!.split('L')).toHaveLength(81);
    expect(c.note).toBe(
      'L = 3.125 at 2; after the step L = 2.531 at 1.75 (the other parameters fixed; the mean loss of the training set).',
    );
    expect(c.label).toBe(
      'The loss as a function of the selected parameter, with the tangent at 2 and the step to 1.75',
    );
    expect(c.lines.map((l) => l.id)).toEqual(['slope', 'step']);
    expect(c.lines[1]!.tex).toContain('1.75');
  });

  it('keeps the tangent inside the plot where it leaves it (w = 0: the tangent dips below L = 0)', () => {
    const c = slopeChart(net, Float64Array.from([0, 0.5]), data, w, {
      learningRate: 0.1,
      reduction: 'mean',
      symbol: 'w',
    })!;
    // R = 1; L over [−1, 1] from 0 to 1.125, nice: [0, 1.2]; tangent ends 0.125 ∓ 0.5·0.5
    expect(c.y.domain()).toEqual([0, 1.2]);
    expect(c.tangent.y1).toBe(190);
    expect(c.tangent.y2).toBeCloseTo(py(0.375, [0, 1.2]), 10);
  });

  it('reads the sum E = (w + 0.5)² under "sum"', () => {
    const c = slopeChart(net, Float64Array.from([2, 0.5]), data, w, {
      learningRate: 0.1,
      reduction: 'sum',
      symbol: 'w',
    })!;
    expect(c.slope).toBeCloseTo(5, 14);
    expect(c.note).toBe(
      'E = 6.25 at 2; after the step E = 4 at 1.5 (the other parameters fixed; the total loss E = Σₛ Lₛ of the training set).',
    );
  });

  it('names the rows it used when the training set is longer than 500', () => {
    const big = datasetFromRows(
      Array.from({ length: 520 }, () => [1]),
      Array.from({ length: 520 }, () => [0]),
    );
    const c = slopeChart(net, Float64Array.from([2, 0.5]), big, w, {
      learningRate: 0.1,
      reduction: 'mean',
      symbol: 'w',
    })!;
    expect(c.note).toContain('of its first 500 rows).');
  });

  it('draws nothing when the loss is not finite', () => {
    const opts = { learningRate: 0.1, reduction: 'mean', symbol: 'w' } as const;
    expect(slopeChart(net, Float64Array.from([Infinity, 0.5]), data, w, opts)).toBeNull();
    expect(slopeChart(net, Float64Array.from([NaN, 0.5]), data, w, opts)).toBeNull();
  });
});

describe('the gradient check, ready to show', () => {
  it('puts backpropagation (2.5) beside the central difference with h = 1e−5·|w|', () => {
    const c = checkValues(net, Float64Array.from([2, 0.5]), data, w, { reduction: 'mean', symbol: 'w' });
    expect(c.analytic).toBeCloseTo(2.5, 14);
    // (L(2 + h) − L(2 − h)) / 2h with h = 2e−5 is exactly 2.5 for a parabola, up to rounding
    expect(c.numeric).toBeCloseTo(2.5, 9);
    expect(c.error).toBe(
      Math.abs(c.analytic - c.numeric) / Math.max(Math.abs(c.analytic), Math.abs(c.numeric)),
    );
    expect(c.error).toBeLessThan(1e-9);
    expect(c.lines.map((l) => l.id)).toEqual(['numeric', 'analytic', 'error']);
    expect(c.lines[0]!.tex).toContain('10^{-5}');
  });
});

describe("a neuron's dot product, ready to show", () => {
  // y = 3·x₁ + 4·x₂ + 0.5 on the rows (1, 0) and (1, 1)
  const two = createNetwork([2, 1], ['linear'], 'half-squared-error');
  const rows = datasetFromRows(
    [
      [1, 0],
      [1, 1],
    ],
    [[0], [0]],
  );
  const P = Float64Array.from([3, 4, 0.5]);

  it('takes the weights into the neuron and its inputs on the current row: 7 = 5·√2·cos θ', () => {
    const n = neuronDot(two, P, rows, 1, { kind: 'neuron', layer: 1, index: 0 })!;
    expect(n).toMatchObject({ layer: 1, index: 0, row: 1, dot: 7 });
    expect(n.cos).toBeCloseTo(7 / (5 * Math.SQRT2), 14);
    expect(n.lines.map((l) => l.id)).toEqual(['vectors', 'dot', 'norms', 'cos']);
    // a selected weight shows the neuron it leads into; a row past the end is the last row
    expect(neuronDot(two, P, rows, 9, { kind: 'weight', layer: 1, to: 0, from: 1 })).toMatchObject({
      row: 1,
      dot: 7,
    });
    expect(neuronDot(two, P, rows, 0, { kind: 'bias', layer: 1, to: 0 })).toMatchObject({ row: 0, dot: 3 });
  });

  it('takes a hidden layer’s activations as the inputs of the next', () => {
    // hidden (linear): h = (1 + 2 + 0.5, 3 + 4 − 1) = (3.5, 6) on (1, 1); the output's weights (2, −1)
    const deep = createNetwork([2, 2, 1], ['linear', 'linear'], 'half-squared-error');
    const p = Float64Array.from([1, 2, 3, 4, 0.5, -1, 2, -1, 0]);
    const n = neuronDot(deep, p, rows, 1, { kind: 'neuron', layer: 2, index: 0 })!;
    expect(n.dot).toBeCloseTo(1, 14);
    expect(n.cos).toBeCloseTo(1 / (Math.sqrt(5) * Math.sqrt(3.5 ** 2 + 36)), 14);
  });

  it('has nothing to show for an input neuron', () => {
    expect(neuronDot(two, P, rows, 0, { kind: 'neuron', layer: 0, index: 1 })).toBeNull();
  });
});
