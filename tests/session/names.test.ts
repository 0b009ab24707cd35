/** Issue 9 §1: a prediction is never named after its target. */
import { describe, expect, it } from 'vitest';
import { biasText, columnNames, networkNames, predictionName, weightText } from '../../src/session/names.ts';

describe('names from the data columns', () => {
  it('names inputs by their column and outputs as the prediction of theirs', () => {
    // the neuron lesson (note 000): x1, x2 → y_pred, target y_true
    const n = columnNames(['x1', 'x2', 'y_true'], [2, 1]);
    expect(n.names).toEqual({ 'n 0 0': 'x1', 'n 0 1': 'x2', 'n 1 0': 'y_pred' });
    expect(n.about['n 1 0']).toBe('prediction of y_true');
    expect(n.targets).toEqual(['y_true']);
  });

  it('never gives a prediction its target’s name', () => {
    // the gradient-descent lesson: one column named t
    const n = columnNames(['x', 't'], [1, 1]);
    expect(n.names['n 1 0']).toBe('ŷ');
    expect(n.targets).toEqual(['t']);
    const faces = columnNames(['a', 'b', 'c', 'face', 'car'], [3, 3, 2]);
    expect([faces.names['n 2 0'], faces.names['n 2 1']]).toEqual(['ŷ1', 'ŷ2']);
    expect(faces.about['n 2 1']).toBe('prediction of car');
    for (const c of ['y', 't', 'ŷ', 'target', 'y_pred']) expect(predictionName(c, 0, 1)).not.toBe(c);
  });
});

describe('names from the network’s shape (issue 11: one notation, counted from 1)', () => {
  it('gives any 2-2-2 net on made-up columns the names of note 003', () => {
    const n = networkNames(['x1', 'x2', 'y1', 'y2'], [2, 2, 2]).names;
    // note 003: h1 = w1·x1 + w2·x2 + b1, h2 = w3·x1 + w4·x2 + b1, o1 = w5·h1 + w6·h2 + b2, o2 = w7·h1 + w8·h2 + b2
    expect(n).toEqual({
      'n 0 0': 'x1',
      'n 0 1': 'x2',
      'n 1 0': 'h1',
      'n 1 1': 'h2',
      'n 2 0': 'o1',
      'n 2 1': 'o2',
      'w 1 0 0': 'w1',
      'w 1 0 1': 'w2',
      'w 1 1 0': 'w3',
      'w 1 1 1': 'w4',
      'w 2 0 0': 'w5',
      'w 2 0 1': 'w6',
      'w 2 1 0': 'w7',
      'w 2 1 1': 'w8',
      'b 1 0': 'b1',
      'b 1 1': 'b1',
      'b 2 0': 'b2',
      'b 2 1': 'b2',
    });
  });

  it('names other nets x_i, h_j (h⁽ˡ⁾ⱼ with several hidden layers), o_k; weights only for chains', () => {
    const n = networkNames(['x1', 'x2', 'y'], [2, 3, 2, 1]).names;
    expect(n).toEqual({
      'n 0 0': 'x1',
      'n 0 1': 'x2',
      'n 1 0': 'h⁽¹⁾₁',
      'n 1 1': 'h⁽¹⁾₂',
      'n 1 2': 'h⁽¹⁾₃',
      'n 2 0': 'h⁽²⁾₁',
      'n 2 1': 'h⁽²⁾₂',
      'n 3 0': 'o1',
    });
    // notes 002 and 004: a chain of single neurons, w1, w2, w3 in order
    const chain = networkNames(['x1', 'y'], [1, 1, 1, 1]).names;
    expect([chain['w 1 0 0'], chain['w 2 0 0'], chain['w 3 0 0'], chain['b 3 0']]).toEqual([
      'w1',
      'w2',
      'w3',
      'b3',
    ]);
    expect(chain['n 3 0']).toBe('o1');
    // note 000: one neuron, z = w1·x1 + w2·x2 + b
    const neuron = networkNames(['x1', 'x2', 'y_true'], [2, 1]).names;
    expect([neuron['w 1 0 0'], neuron['w 1 0 1'], neuron['b 1 0']]).toEqual(['w1', 'w2', 'b1']);
    // note 001's slope example: one weight is just w (and its bias b)
    const one = networkNames(['x', 't'], [1, 1]).names;
    expect([one['w 1 0 0'], one['b 1 0']]).toEqual(['w', 'b']);
  });

  it('keeps the data’s own names: columns for inputs, predictions (never the target’s name) for outputs', () => {
    const n = networkNames(['round outline', 'wheels', 'skin tone', 'face', 'car'], [3, 3, 2]);
    expect(n.names).toMatchObject({ 'n 0 1': 'wheels', 'n 1 2': 'h3', 'n 2 0': 'ŷ1', 'n 2 1': 'ŷ2' });
    expect(n.about['n 0 0']).toBe('input column round outline');
    expect(n.names['w 1 0 0']).toBeUndefined();
    expect(networkNames(['x1', 'x2', 'y_true'], [2, 1]).names['n 1 0']).toBe('y_pred');
  });

  it('writes any weight and bias counted from 1', () => {
    expect(weightText(2, 0, 0)).toBe('w⁽²⁾₁₁');
    expect(weightText(1, 1, 9)).toBe('w⁽¹⁾₂,₁₀');
    expect(biasText(3, 11)).toBe('b⁽³⁾₁₂');
  });
});
