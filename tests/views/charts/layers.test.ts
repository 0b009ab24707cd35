/**
 * The gradients-by-layer chart's numbers (src/views/charts/layers.ts) from hand-made series: the
 * scales, the key's values and ratios, and the σ′ ≤ 0.25 bound.
 */
import { describe, expect, it } from 'vitest';
import { schemeTableau10 } from 'd3-scale-chromatic';
import { LossSeries } from '../../../src/session/series.ts';
import { layersChart } from '../../../src/views/charts/layers.ts';

function series(points: [number, number][]) {
  const s = new LossSeries();
  for (const [x, y] of points) s.push(x, y);
  return s.view();
}

describe('the gradients by layer', () => {
  const one = series([
    [0, 0.01],
    [2, 0.004],
    [4, 0.001],
  ]);
  const two = series([
    [0, 0.1],
    [4, 0.05],
  ]);

  it('spans the epochs and the sizes (halved and doubled) on a log axis', () => {
    const c = layersChart([one, two], ['sigmoid', 'sigmoid']);
    expect(c.x.domain()).toEqual([0, 4]);
    expect(c.x.range()).toEqual([56, 506]);
    expect(c.y.domain()).toEqual([0.0005, 0.2]);
    expect(c.y.range()).toEqual([190, 12]);
    expect(c.y.base()).toBe(10);
    expect(c.paths[0]!.match(/L/g)).toHaveLength(2);
    expect(c.paths[1]).toMatch(/^M56,/);
  });

  it('keys each layer with its last size, and the ratio to the next layer’s', () => {
    const c = layersChart([one, two], ['sigmoid', 'sigmoid']);
    expect(c.keys.map((k) => k.value)).toEqual([0.001, 0.05]);
    expect(c.keys[0]!.text).toBe('layer 1 (sigmoid): mean |∂L/∂w| = 0.001 = 0.02 × layer 2’s');
    expect(c.keys[1]!.text).toBe('layer 2 (sigmoid): mean |∂L/∂w| = 0.05');
    expect(c.keys.map((k) => k.colour)).toEqual([schemeTableau10[0], schemeTableau10[1]]);
    // the last points, where the dots go: (4, 0.001) and (4, 0.05)
    expect(c.keys[0]!.dot).toEqual({ cx: 506, cy: c.y(0.001) });
    // log scale: 0.001 is log10(0.0005/0.001)/log10(0.0005/0.2) of the way up
    expect(c.keys[0]!.dot!.cy).toBeCloseTo(190 - (Math.log10(2) / Math.log10(400)) * 178, 10);
  });

  it('leaves out sizes of 0 (log scale): a layer without any is 0, without a line or dot', () => {
    const zero = series([
      [0, 0],
      [4, 0],
    ]);
    const c = layersChart([one, zero], ['relu', 'linear']);
    expect(c.keys[1]).toMatchObject({ value: 0, dot: null, text: 'layer 2 (linear): mean |∂L/∂w| = 0' });
    expect(c.paths[1]).toBeNull();
    expect(c.keys[0]!.text).toBe('layer 1 (relu): mean |∂L/∂w| = 0.001');
    expect(c.y.domain()).toEqual([0.0005, 0.02]);
  });

  it('starts with a unit frame before any point', () => {
    const c = layersChart([series([]), series([])], ['sigmoid', 'linear']);
    expect(c.x.domain()).toEqual([0, 1]);
    expect(c.y.domain()).toEqual([5e-7, 2]);
    expect(c.paths).toEqual([null, null]);
  });

  it('bounds the shrinking by 0.25 per sigmoid layer before the output', () => {
    expect(layersChart([], ['sigmoid', 'sigmoid', 'sigmoid', 'sigmoid']).bound).toEqual({
      sigmoidLayers: 3,
      through: 3,
      factor: 0.015625,
    });
    expect(layersChart([], ['relu', 'sigmoid']).bound).toEqual({
      sigmoidLayers: 0,
      through: 1,
      factor: 0.25,
    });
  });
});
