/** Issue 9 §1: a prediction is never named after its target. */
import { describe, expect, it } from 'vitest';
import { columnNames, predictionName } from '../../src/views/diagram/names.ts';

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
