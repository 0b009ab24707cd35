/**
 * Neuron maps (src/core/inspect/neuron-maps.ts) against a float64 reference written out here with
 * Math.tanh / Math.exp: a 2-3-2-1 network (tanh, sigmoid, linear), its activation at each cell's
 * centre of a 3 × 3 grid (cells worked out by hand), with and without standardised inputs.
 */
import { describe, expect, it } from 'vitest';
import { createNetwork } from '../../src/core/model/network.ts';
import { mapCount, mapIndex, neuronMaps } from '../../src/core/inspect/neuron-maps.ts';

const net = createNetwork([2, 3, 2, 1], ['tanh', 'sigmoid', 'linear'], 'half-squared-error');
// layer 1: W (3 × 2, row j into neuron j), b (3); layer 2: W (2 × 3), b (2); layer 3: W (1 × 2), b (1)
const W1 = [
  [0.8, -0.5],
  [-1.2, 0.3],
  [0.4, 0.9],
];
const B1 = [0.1, -0.2, 0.05];
const W2 = [
  [1.1, -0.7, 0.6],
  [-0.4, 0.9, 1.3],
];
const B2 = [0.3, -0.1];
const W3 = [[1.5, -2.0]];
const B3 = [0.25];
const P = Float64Array.from([...W1.flat(), ...B1, ...W2.flat(), ...B2, ...W3.flat(), ...B3]);

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** Every neuron's activation at (x1, x2), layer 1 first, in plain float64. */
function reference(x1: number, x2: number): number[] {
  const h1 = W1.map((w, j) => Math.tanh(w[0]! * x1 + w[1]! * x2 + B1[j]!));
  const h2 = W2.map((w, j) => sigmoid(w[0]! * h1[0]! + w[1]! * h1[1]! + w[2]! * h1[2]! + B2[j]!));
  const o = W3[0]![0]! * h2[0]! + W3[0]![1]! * h2[1]! + B3[0]!;
  return [...h1, ...h2, o];
}

// x from −3 to 3 in 3 cells: centres −2, 0, 2; y from 0 to 6: centres 5, 3, 1 from the top
const extent = { x0: -3, x1: 3, y0: 0, y1: 6 };
const XS = [-2, 0, 2];
const YS = [5, 3, 1];

describe('neuronMaps', () => {
  it('one map per hidden and output neuron, indexed by layer and neuron', () => {
    expect(mapCount(net)).toBe(6);
    expect(mapIndex(net, 1, 0)).toBe(0);
    expect(mapIndex(net, 1, 2)).toBe(2);
    expect(mapIndex(net, 2, 1)).toBe(4);
    expect(mapIndex(net, 3, 0)).toBe(5);
  });

  it('each neuron’s activation at each cell centre, rows from the top', () => {
    const maps = neuronMaps(net, P, { extent, cells: 3, scaling: null });
    expect(maps.length).toBe(6 * 9);
    for (let gy = 0; gy < 3; gy++) {
      for (let gx = 0; gx < 3; gx++) {
        const ref = reference(XS[gx]!, YS[gy]!);
        for (let m = 0; m < 6; m++) expect(maps[m * 9 + gy * 3 + gx]).toBeCloseTo(ref[m]!, 12);
      }
    }
  });

  it('feeds standardised inputs when the network is trained on them', () => {
    const scaling = {
      inMean: Float64Array.from([1, 3]),
      inSd: Float64Array.from([2, 0.5]),
      outMean: null,
      outSd: null,
    };
    const maps = neuronMaps(net, P, { extent, cells: 3, scaling });
    for (let gy = 0; gy < 3; gy++) {
      for (let gx = 0; gx < 3; gx++) {
        const ref = reference((XS[gx]! - 1) / 2, (YS[gy]! - 3) / 0.5);
        for (let m = 0; m < 6; m++) expect(maps[m * 9 + gy * 3 + gx]).toBeCloseTo(ref[m]!, 12);
      }
    }
  });

  it('reuses the array it is given, and refuses a network without two inputs', () => {
    const out = new Float64Array(6 * 16);
    expect(neuronMaps(net, P, { extent, cells: 4, scaling: null }, out)).toBe(out);
    const three = createNetwork([3, 2, 1], ['tanh', 'tanh'], 'half-squared-error');
    expect(() => neuronMaps(three, new Float64Array(11), { extent, cells: 3, scaling: null })).toThrow(
      /two inputs/,
    );
  });
});
