/** The insight views' TeX and numbers, against values worked by hand. */
import { describe, expect, it } from 'vitest';
import { projected } from '../../src/tex/format.ts';
import { checkTex, relativeError, similarity, similarityTex, slopeTex } from '../../src/tex/insight.ts';

describe('similarity (seed 000: X·w1 = 0·2 + 1·3)', () => {
  it('dot product 3, lengths 1 and √13, cos θ = 3/√13 = 0.8321, θ = 33.69°', () => {
    const s = similarity({ layer: 1, index: 0, weights: [2, 3], inputs: [0, 1] });
    expect(s.dot).toBe(3);
    expect(s.wNorm).toBeCloseTo(Math.sqrt(13), 14);
    expect(s.cos).toBeCloseTo(0.8320502943, 10);
    expect(s.deg).toBeCloseTo(33.69006753, 7);
    const tex = similarityTex({ layer: 1, index: 0, weights: [2, 3], inputs: [0, 1] })
      .map((l) => l.tex)
      .join(' ');
    expect(tex).toContain('2\\cdot 0 + 3\\cdot 1 = 3');
    expect(tex).toContain('= 0.8321');
    // neuron index 0 is neuron 1: its weight vector, and the first weight meeting the first input
    expect(tex).toContain('\\vec w^{(1)}_{1} = (2,\\ 3)');
    expect(tex).not.toContain('_{0');
    const note = similarityTex({ layer: 2, index: 1, weights: [1, 2], inputs: [0, 1] })[0]!.note;
    expect(note).toContain('(weight k meets activation k, for k = 1…2)');
  });
  it('a zero vector has no angle (said in words, not NaN)', () => {
    const lines = similarityTex({ layer: 2, index: 1, weights: [1, 2], inputs: [0, 0] });
    expect(lines.find((l) => l.id === 'cos')!.tex).toContain('undefined');
  });
});

describe('slope and gradient check', () => {
  it('writes the gradient-descent step with its sign (seed 001)', () => {
    const [slope, step] = slopeTex({ symbol: 'w', value: 2, loss: 4.5, slope: 3, rate: 0.05 });
    expect(slope!.tex).toContain('step left');
    expect(step!.tex).toContain('= 2 - 0.05\\cdot 3 = 1.85');
    const [neg, step2] = slopeTex({ symbol: 'w', value: 5, loss: 2, slope: -2, rate: 0.05 });
    expect(neg!.tex).toContain('step right');
    expect(step2!.tex).toContain('5 - 0.05\\cdot (-2) = 5.1');
  });
  it('shows the two losses of the central difference with ten digits; relative error', () => {
    const lines = checkTex({
      symbol: 'w',
      analytic: 0.5,
      numeric: 0.5000001,
      h: 1e-5,
      up: 0.29102777412,
      down: 0.29102776412,
    });
    expect(lines[0]!.tex).toContain('0.2910277741 - 0.2910277641');
    expect(relativeError(0.5, 0.5000001)).toBeCloseTo(1e-7 / 0.5000001, 15);
    expect(relativeError(0, 0)).toBe(0);
  });
  it('projects TeX for presenter mode without half-size scripts', () => {
    expect(projected('\\tfrac{1}{3}\\textstyle\\sum_s')).toBe('\\dfrac{1}{3}\\displaystyle\\sum_s');
  });
});
