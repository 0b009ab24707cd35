/**
 * Practice mode's worked lines: the exact TeX for note 003's numbers (written out by hand here), a
 * negative factor in parentheses, long sums shortened, and every line accepted by KaTeX.
 */
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import {
  activationWorked,
  hiddenGradientWorked,
  lossWorked,
  outputGradientWorked,
  parameterGradientWorked,
  softmaxDeltaWorked,
  sumWorked,
  updateWorked,
} from '../../src/tex/practice.ts';

const render = (t: string) => katex.renderToString(t, { throwOnError: true, strict: 'error' });
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

describe('the worked lines of note 003', () => {
  const lines: [string, string][] = [
    [
      sumWorked(1, 0, [0.15, 0.2], [0.05, 0.1], 0.35, 0.3775),
      String.raw`z^{(1)}_{1} = w^{(1)}_{11}\,x_{1} + w^{(1)}_{12}\,x_{2} + b^{(1)}_{1} = 0.15\cdot 0.05 + 0.2\cdot 0.1 + 0.35 = 0.3775`,
    ],
    [
      activationWorked('sigmoid', 1, 0, [0.3775, 0.3925], 0.593269992),
      String.raw`a^{(1)}_{1} = \sigma(z^{(1)}_{1}) = \sigma(0.3775) = 0.5933`,
    ],
    [
      lossWorked('half-squared-error', false, [0.75136507, 0.772928465], [0.01, 0.99], 0.298371109),
      String.raw`L=\sum_k \tfrac12 (a_k-t_k)^{2} = \tfrac12(0.7514-0.01)^2 + \tfrac12(0.7729-0.99)^2 = 0.2984`,
    ],
    [
      outputGradientWorked('half-squared-error', 2, 0, 0.75136507, 0.01, 2, 0.74136507),
      String.raw`\frac{\partial L}{\partial a^{(2)}_{1}} = a^{(2)}_{1}-t_{1} = 0.7514-0.01 = 0.7414`,
    ],
    [
      hiddenGradientWorked(1, 0, [0.138498562, -0.0380982366], [0.4, 0.5], 0.036350306),
      String.raw`\frac{\partial L}{\partial a^{(1)}_{1}} = \textstyle\sum_k \delta^{(2)}_{k}\, w^{(2)}_{k1} = 0.1385\cdot 0.4 + (-0.0381)\cdot 0.5 = 0.03635`,
    ],
    [
      parameterGradientWorked(2, 0, 0, 0.138498562, 0.593269992, 0.082167041),
      String.raw`\frac{\partial L}{\partial w^{(2)}_{11}} = \delta^{(2)}_{1}\,a^{(1)}_{1} = 0.1385\cdot 0.5933 = 0.08217`,
    ],
    [
      parameterGradientWorked(2, 1, null, -0.0380982366, 1, -0.0380982366),
      String.raw`\frac{\partial L}{\partial b^{(2)}_{2}} = \delta^{(2)}_{2}\,1 = (-0.0381)\cdot 1 = -0.0381`,
    ],
    [
      updateWorked(2, 0, 0, 0.4, 0.5, 0.082167041, 0.35891648),
      String.raw`w^{(2)}_{11} \leftarrow w^{(2)}_{11} - \alpha\,\frac{\partial L}{\partial w^{(2)}_{11}} = 0.4 - 0.5\cdot 0.08217 = 0.3589`,
    ],
    [
      softmaxDeltaWorked(2, 0, [0.25, 0.75], [1, 0], true, -0.75),
      String.raw`\delta^{(2)}_{1} = a^{(2)}_{1}\textstyle\sum_m t_m - t_{1} = 0.25\cdot 1 - 1 = -0.75`,
    ],
  ];

  it('writes each computation in symbols, then with the numbers shown', () => {
    for (const [got, want] of lines) expect(got).toBe(want);
  });

  it('renders in KaTeX, without control characters', () => {
    const more = [
      activationWorked('softmax', 2, 1, [0.5, -1.25], 0.8176),
      activationWorked('linear', 2, 0, [-3], -3),
      softmaxDeltaWorked(2, 1, [0.25, 0.75], [-0.5, 0.2], false, 0.1),
      lossWorked('cross-entropy', false, [0.3], [1], 1.204),
      lossWorked('cross-entropy', true, [0.3, 0.7], [0, 1], 0.3567),
    ];
    for (const t of [...lines.map(([got]) => got), ...more]) {
      expect(CONTROL.test(t), t).toBe(false);
      expect(() => render(t), t).not.toThrow();
    }
  });

  it('shortens a long sum, keeping its last term', () => {
    const w = Array.from({ length: 9 }, (_, i) => i + 1);
    const t = sumWorked(2, 0, w, w, 0, 285);
    expect(t).toContain(String.raw`\dots + 9\cdot 9 + 0 = 285`);
    expect(t.match(/\\cdot/g)).toHaveLength(6);
  });
});
