/**
 * The decision boundary's image (src/views/charts/boundary.ts): the cells' colours and the points'
 * places on a 260-px canvas, from a network whose output is its first input (hand values).
 */
import { describe, expect, it } from 'vitest';
import { interpolatePuOr } from 'd3-scale-chromatic';
import { datasetFromRows } from '../../../src/core/model/datasets.ts';
import { createNetwork } from '../../../src/core/model/network.ts';
import { boundaryCells, boundaryImage } from '../../../src/views/charts/boundary.ts';

const raw = datasetFromRows(
  [
    [0, 0],
    [1, 2],
    [0.5, 1],
  ],
  [[0], [1], [1]],
);
const data = { raw, testIndex: Int32Array.from([2]), scaling: null };
// the box: x ∈ [−0.08, 1.08], y ∈ [−0.16, 2.16]
const lin = createNetwork([2, 1], ['linear'], 'half-squared-error');
const fill = (share: number) => interpolatePuOr(0.15 + 0.7 * (1 - share));

describe('the decision boundary’s image', () => {
  it('colours each cell by where the output lies between the targets (0 and 1)', () => {
    const img = boundaryImage(lin, Float64Array.from([1, 0, 0]), data, 2)!;
    expect(img.cells).toBe(2);
    expect(img.cell).toBe(130);
    expect(img.range).toEqual([0, 1]);
    // cell centres x = −0.08 + 1.16·(0.25, 0.75) = 0.21, 0.79, row by row from the top
    expect(img.fills).toEqual([fill(0.21), fill(0.79), fill(0.21), fill(0.79)]);
  });

  it('places the points in the box, dark for target 1, rings for the test rows', () => {
    const img = boundaryImage(lin, Float64Array.from([1, 0, 0]), data, 2)!;
    expect(img.points).toHaveLength(3);
    expect(img.points[0]!.x).toBeCloseTo((0.08 / 1.16) * 260, 10);
    expect(img.points[0]!.y).toBeCloseTo((2.16 / 2.32) * 260, 10);
    expect(img.points[1]!.x).toBeCloseTo((1.08 / 1.16) * 260, 10);
    expect(img.points[1]!.y).toBeCloseTo((0.16 / 2.32) * 260, 10);
    expect(img.points.map((p) => p.fill)).toEqual(['#7f3b08', '#2d004b', '#2d004b']);
    expect(img.points.map((p) => p.ring)).toEqual([false, false, true]);
  });

  it('reads the first class with several outputs', () => {
    const two = createNetwork([2, 2], ['linear'], 'half-squared-error');
    const r = datasetFromRows(
      [
        [0, 0],
        [1, 1],
      ],
      [
        [1, 0],
        [0, 1],
      ],
    );
    const img = boundaryImage(
      two,
      Float64Array.from([1, 0, 0, 1, 0, 0]),
      { raw: r, testIndex: new Int32Array(0), scaling: null },
      2,
    )!;
    expect(img.points.map((p) => p.fill)).toEqual(['#2d004b', '#7f3b08']);
  });

  it('is drawn for two inputs only', () => {
    const three = createNetwork([3, 1], ['linear'], 'half-squared-error');
    const r = datasetFromRows([[0, 0, 0]], [[1]]);
    expect(
      boundaryImage(three, new Float64Array(4), { raw: r, testIndex: new Int32Array(0), scaling: null }, 2),
    ).toBeNull();
  });

  it('takes 72 cells a side, 36 while training fast', () => {
    expect(boundaryCells(false)).toBe(72);
    expect(boundaryCells(true)).toBe(36);
  });
});
