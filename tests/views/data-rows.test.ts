/**
 * The data panel's numbers in Node: predictions in the table's units (a float64 reference written
 * here: standardise with the rows' mean and population sd, y = w·x + b, scale back), saturation on
 * hand-picked weighted sums, the input ranges.
 */
import { describe, expect, it } from 'vitest';
import type { Config } from '../../src/config/schema.ts';
import { inputRanges, SATURATED_SLOPE, saturationOf, tablePredictions } from '../../src/views/data/rows.ts';
import { sessionOf } from './helpers.ts';

/** y = 2x + 1 on x = 0, 2, 4 with targets 1, 3, 8. */
const LINE: Config = {
  layers: [1, 1],
  activations: ['linear'],
  loss: 'squared-error',
  learningRate: 0.1,
  batchSize: 1,
  trainBiases: true,
  shuffle: false,
  seed: 1,
  weights: [[[2]]],
  biases: [[1]],
  data: { inputs: [[0], [2], [4]], targets: [[1], [3], [8]], columns: ['x', 'y'] },
};

/** One sigmoid neuron with weight 10 between an input and a linear output; x = 0 and 100. */
const STEEP: Config = {
  layers: [1, 1, 1],
  activations: ['sigmoid', 'linear'],
  loss: 'squared-error',
  learningRate: 0.1,
  batchSize: 1,
  trainBiases: true,
  shuffle: false,
  seed: 1,
  weights: [[[10]], [[1]]],
  biases: [[0], [0]],
  data: { inputs: [[0], [100]], targets: [[0], [0]] },
};

function now(config: Config) {
  const s = sessionOf(config);
  const view = s.snapshot(null).view;
  return { net: view.net, params: view.params, data: s.data };
}

describe('the data table’s predictions', () => {
  it('are the network’s outputs for the rows shown', () => {
    const { net, params, data } = now(LINE);
    expect([...tablePredictions(net, params, data, 0, 3)]).toEqual([1, 5, 9]);
    expect([...tablePredictions(net, params, data, 1, 3)]).toEqual([5, 9]);
  });

  it('see the rows standardised and come back in the table’s units', () => {
    const { net, params, data } = now({ ...LINE, standardize: 'inputs-targets' });
    const sdX = Math.sqrt((4 + 0 + 4) / 3); // mean 2
    const sdT = Math.sqrt((9 + 1 + 16) / 3); // mean 4
    const expected = [0, 2, 4].map((x) => (2 * ((x - 2) / sdX) + 1) * sdT + 4);
    const got = tablePredictions(net, params, data, 0, 3);
    expected.forEach((e, k) => expect(got[k]).toBeCloseTo(e, 12));
    // inputs only: the output is not scaled back
    const inputs = now({ ...LINE, standardize: 'inputs' });
    expect(tablePredictions(inputs.net, inputs.params, inputs.data, 2, 3)[0]).toBeCloseTo(
      2 * (2 / sdX) + 1,
      12,
    );
  });
});

describe('saturation', () => {
  it('counts hidden values whose slope is below the threshold, on the data as the network sees it', () => {
    expect(SATURATED_SLOPE).toBe(0.01);
    const raw = now(STEEP);
    // z = 0 (σ′ = 0.25) and z = 1000 (σ′ ≈ 0): half saturated
    expect(saturationOf(raw.net, raw.params, raw.data)).toEqual({ perLayer: [0.5], maxAbsZ: 1000 });
    // standardised: x = −1 and 1, z = ±10, σ′(10) = 4.5·10⁻⁵: all saturated
    const std = now({ ...STEEP, standardize: 'inputs' });
    expect(saturationOf(std.net, std.params, std.data)).toEqual({ perLayer: [1], maxAbsZ: 10 });
  });

  it('is null without a hidden layer', () => {
    const { net, params, data } = now(LINE);
    expect(saturationOf(net, params, data)).toBeNull();
  });
});

describe('input ranges', () => {
  it('give each input column’s smallest and largest value as given', () => {
    expect(inputRanges(now(LINE).data)).toEqual([{ name: 'x', lo: 0, hi: 4 }]);
    expect(inputRanges(now({ ...STEEP, standardize: 'inputs' }).data)[0]).toMatchObject({ lo: 0, hi: 100 });
  });
});
