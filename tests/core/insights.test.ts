/**
 * The insight views' numbers (src/core/inspect/insights.ts) against an independent float64 reference:
 * a 2-2-1 network (sigmoid hidden layer, linear output, half squared error, mean over the rows)
 * written out here with Math.exp, its gradient by the chain rule by hand, and hand-computed boxes,
 * grids and shares.
 */
import { describe, expect, it } from 'vitest';
import { datasetFromRows } from '../../src/core/model/datasets.ts';
import type { Dataset } from '../../src/core/model/datasets.ts';
import { createNetwork, createWorkspace } from '../../src/core/model/network.ts';
import {
  boundaryExtent,
  boundaryGrid,
  firstRows,
  gradientCheck,
  lossAlong,
  meanWeightGradients,
  neuronInputs,
  share,
  targetRange,
} from '../../src/core/inspect/insights.ts';

const net = createNetwork([2, 2, 1], ['sigmoid', 'linear'], 'half-squared-error');
// w1 (row j: into hidden neuron j), b1, w2, b2
const P = Float64Array.from([0.4, -0.7, 0.25, 0.9, 0.1, -0.3, 1.3, -0.8, 0.05]);
const ROWS = [
  [0.5, -1],
  [1.5, 0.25],
  [-0.75, 2],
];
const TARGETS = [[1], [-0.5], [0.2]];
const data = datasetFromRows(ROWS, TARGETS);

const sig = (z: number) => 1 / (1 + Math.exp(-z));

function refForward(p: ArrayLike<number>, x: readonly number[]) {
  const h = [0, 1].map((j) => sig(p[2 * j]! * x[0]! + p[2 * j + 1]! * x[1]! + p[4 + j]!));
  return { h, y: p[6]! * h[0]! + p[7]! * h[1]! + p[8]! };
}

/** Mean of ½(y − t)² over the rows. */
function refLoss(p: ArrayLike<number>, rows = ROWS, targets = TARGETS): number {
  let s = 0;
  rows.forEach((x, r) => {
    const e = refForward(p, x).y - targets[r]![0]!;
    s += 0.5 * e * e;
  });
  return s / rows.length;
}

/** The mean gradient by the chain rule: ∂L/∂y = y − t, δ_j = (y − t)·w2_j·h_j(1 − h_j). */
function refGradient(p: ArrayLike<number>, rows = ROWS, targets = TARGETS): number[] {
  const g = new Array<number>(9).fill(0);
  rows.forEach((x, r) => {
    const { h, y } = refForward(p, x);
    const e = y - targets[r]![0]!;
    g[6]! += e * h[0]!;
    g[7]! += e * h[1]!;
    g[8]! += e;
    for (let j = 0; j < 2; j++) {
      const d = e * p[6 + j]! * h[j]! * (1 - h[j]!);
      g[2 * j]! += d * x[0]!;
      g[2 * j + 1]! += d * x[1]!;
      g[4 + j]! += d;
    }
  });
  return g.map((v) => v / rows.length);
}

/** P with parameter k set to v. */
const with_ = (k: number, v: number) => {
  const p = P.slice();
  p[k] = v;
  return p;
};

describe('the loss along a parameter', () => {
  const k = 6; // w2_00
  const rate = 0.5;
  const c = lossAlong(net, P, data, k, rate, 'mean');
  const slope = refGradient(P)[k]!;

  it('has the slope backpropagation gives, and the step w − α·slope', () => {
    expect(c.w).toBe(1.3);
    expect(c.slope).toBeCloseTo(slope, 13);
    expect(c.loss).toBeCloseTo(refLoss(P), 13);
    expect(c.next).toBeCloseTo(1.3 - rate * slope, 13);
    expect(c.nextLoss).toBeCloseTo(refLoss(with_(k, 1.3 - rate * slope)), 13);
  });

  it('draws 81 points over w ± R, R = max(1, 0.75|w|, 3|α·slope|), with the tangent at w ∓ R/2', () => {
    const R = Math.max(1, 0.75 * 1.3, 3 * Math.abs(rate * slope));
    expect(c.R).toBeCloseTo(R, 14);
    expect(c.points).toHaveLength(81);
    expect(c.points[0]!.x).toBeCloseTo(1.3 - R, 14);
    expect(c.points[40]!.x).toBeCloseTo(1.3, 14);
    expect(c.points[80]!.x).toBeCloseTo(1.3 + R, 14);
    for (const q of c.points) expect(q.y).toBeCloseTo(refLoss(with_(k, q.x)), 13);
    const ys = c.points.map((q) => refLoss(with_(k, q.x)));
    expect(c.lo).toBeCloseTo(Math.min(...ys), 13);
    expect(c.hi).toBeCloseTo(Math.max(...ys), 13);
    expect(c.tangent[0].x).toBeCloseTo(1.3 - R / 2, 14);
    expect(c.tangent[0].y).toBeCloseTo(refLoss(P) - (slope * R) / 2, 13);
    expect(c.tangent[1].y).toBeCloseTo(refLoss(P) + (slope * R) / 2, 13);
    expect(c.rows).toBe(3);
  });

  it('spans at least 1, or 0.75 |w| for a large weight', () => {
    expect(lossAlong(net, P, data, 8, 1e-3, 'mean').R).toBe(1);
    expect(lossAlong(net, with_(6, 4), data, 6, 1e-3, 'mean').R).toBe(3);
  });

  it('widens to three steps when the step is long, and sums under "sum"', () => {
    const far = lossAlong(net, P, data, k, 50, 'sum');
    const sumSlope = 3 * slope;
    expect(far.slope).toBeCloseTo(sumSlope, 12);
    expect(far.R).toBeCloseTo(3 * Math.abs(50 * sumSlope), 10);
    expect(far.loss).toBeCloseTo(3 * refLoss(P), 12);
  });

  it('takes the first 500 rows of a larger set', () => {
    const xs = Array.from({ length: 520 }, (_, r) => [Math.sin(r), Math.cos(3 * r)]);
    const ts = xs.map((_, r) => [r % 2]);
    const big = datasetFromRows(xs, ts);
    const b = lossAlong(net, P, big, 0, 0.1, 'mean');
    expect(b.rows).toBe(500);
    expect(b.loss).toBeCloseTo(refLoss(P, xs.slice(0, 500), ts.slice(0, 500)), 12);
    expect(firstRows(big).n).toBe(500);
    expect(firstRows(data)).toBe(data);
  });
});

describe('the gradient check', () => {
  it('puts the central difference beside backpropagation', () => {
    const k = 1; // w1_01 = −0.7
    const c = gradientCheck(net, P, data, k, 'mean');
    const h = 1e-5; // 1e-5 · max(1, |w|)
    expect(c.h).toBe(h);
    expect(c.analytic).toBeCloseTo(refGradient(P)[k]!, 14);
    expect(c.up).toBeCloseTo(refLoss(with_(k, -0.7 + h)), 14);
    expect(c.down).toBeCloseTo(refLoss(with_(k, -0.7 - h)), 14);
    expect(c.numeric).toBeCloseTo(refGradient(P)[k]!, 8);
    expect(gradientCheck(net, with_(6, 40), data, 6, 'mean').h).toBeCloseTo(4e-4, 18);
  });
});

describe("a neuron's inputs", () => {
  it('are the previous layer’s activations on the row, beside the weights into the neuron', () => {
    const n = neuronInputs(net, P, data, 1, 2, 0);
    const { h } = refForward(P, ROWS[1]!);
    expect(n.weights).toEqual([1.3, -0.8]);
    expect(n.inputs[0]).toBeCloseTo(h[0]!, 14);
    expect(n.inputs[1]).toBeCloseTo(h[1]!, 14);
    expect(n.row).toBe(1);
  });

  it('are the inputs x on layer 1, and the last row when the row is past the end', () => {
    const n = neuronInputs(net, P, data, 99, 1, 1);
    expect(n).toEqual({ layer: 1, index: 1, weights: [0.25, 0.9], inputs: [-0.75, 2], row: 2 });
  });
});

describe('the decision boundary', () => {
  const raw: Dataset = datasetFromRows(
    [
      [0, 0],
      [1, 2],
      [0.5, 1],
    ],
    [[0], [1], [1]],
  );

  it('frames the points 8 % wider on each side, 1 where a side is flat', () => {
    const e = boundaryExtent(raw);
    expect(e.x0).toBeCloseTo(-0.08, 15);
    expect(e.x1).toBeCloseTo(1.08, 15);
    expect(e.y0).toBeCloseTo(-0.16, 15);
    expect(e.y1).toBeCloseTo(2.16, 15);
    const flat = boundaryExtent(
      datasetFromRows(
        [
          [3, 1],
          [3, 2],
        ],
        [[0], [1]],
      ),
    );
    expect([flat.x0, flat.x1]).toEqual([2, 4]);
  });

  it('spans the targets, widened when they are all equal; shares are clamped to [0, 1]', () => {
    expect(targetRange(raw)).toEqual([0, 1]);
    expect(targetRange(datasetFromRows([[0, 0]], [[3]]))).toEqual([2, 4]);
    expect(share(-1, [-1, 1])).toBe(0);
    expect(share(0.5, [-1, 1])).toBe(0.75);
    expect(share(7, [-1, 1])).toBe(1);
    expect(share(-7, [-1, 1])).toBe(0);
  });

  // one linear output a = x: cell centres over [0, 4]² with 2 cells are x = 1, 3 (rows from the top)
  const lin = createNetwork([2, 1], ['linear'], 'half-squared-error');
  const extent = { x0: 0, x1: 4, y0: 0, y1: 4 };

  it('places one output between the two targets, cell by cell from the top left', () => {
    const g = boundaryGrid(lin, Float64Array.from([1, 0, 0]), {
      extent,
      cells: 2,
      scaling: null,
      range: [0, 4],
    });
    expect(Array.from(g)).toEqual([0.25, 0.75, 0.25, 0.75]);
    // a = y: the top row (y = 3) first
    const gy = boundaryGrid(lin, Float64Array.from([0, 1, 0]), {
      extent,
      cells: 2,
      scaling: null,
      range: [0, 4],
    });
    expect(Array.from(gy)).toEqual([0.75, 0.75, 0.25, 0.25]);
  });

  it('feeds standardised inputs when the network was trained on them', () => {
    const scaling = {
      inMean: Float64Array.from([2, 0]),
      inSd: Float64Array.from([2, 1]),
      outMean: null,
      outSd: null,
    };
    // (x − 2)/2 = −0.5, 0.5 → shares over [−1, 1]: 0.25, 0.75
    const g = boundaryGrid(lin, Float64Array.from([1, 0, 0]), { extent, cells: 2, scaling, range: [-1, 1] });
    expect(Array.from(g)).toEqual([0.25, 0.75, 0.25, 0.75]);
  });

  it('gives the share of the first class with several outputs', () => {
    const two = createNetwork([2, 2], ['linear'], 'half-squared-error');
    // outputs (x, y): share x / (x + y); cells (1,3) (3,3) / (1,1) (3,1)
    const g = boundaryGrid(two, Float64Array.from([1, 0, 0, 1, 0, 0]), {
      extent,
      cells: 2,
      scaling: null,
      range: [0, 1],
    });
    expect(Array.from(g)).toEqual([0.25, 0.5, 0.5, 0.75]);
  });
});

describe('the gradient size per layer', () => {
  it('is the mean |∂L/∂w| of each layer’s weights, biases aside', () => {
    const g = refGradient(P);
    const sizes = meanWeightGradients(net, P, data, createWorkspace(net), new Float64Array(9));
    const abs = (ks: number[]) => ks.reduce((s, k) => s + Math.abs(g[k]!), 0) / ks.length;
    expect(sizes).toHaveLength(2);
    expect(sizes[0]).toBeCloseTo(abs([0, 1, 2, 3]), 14);
    expect(sizes[1]).toBeCloseTo(abs([6, 7]), 14);
  });
});
