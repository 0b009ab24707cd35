/**
 * The update line under momentum, Adam and weight decay (issue 13 §2): the exact TeX, numbers
 * worked out by hand here, "?" for what the batch has not computed yet, and no control character.
 */
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import type { OptimizerOptions } from '../../src/core/train/optimizers.ts';
import { optimizerUpdateTex, ruleTex } from '../../src/tex/update.ts';

const OPT = (o: Partial<OptimizerOptions>): OptimizerOptions => ({
  name: 'sgd',
  momentum: 0.9,
  beta1: 0.9,
  beta2: 0.999,
  weightDecay: 0,
  ...o,
});
const base = { ps: 'w_5', mean: '\\frac{\\partial L}{\\partial w_5}', rate: 0.5, known: true };
const render = (t: string) => katex.renderToString(t, { throwOnError: true, trust: false });

describe('the optimiser update line', () => {
  it('momentum: v ← μv + g, then w ← w − αv (v0 = 0.1, g = 0.2: v = 0.29, w = 0.4 − 0.145)', () => {
    const t = optimizerUpdateTex({
      ...base,
      optimizer: OPT({ name: 'momentum' }),
      decays: false,
      step: { gradient: 0.2, g: 0.2, before: 0.4, after: 0.255, state: { v0: 0.1, v: 0.29 } },
    });
    expect(t).toBe(
      String.raw`\begin{aligned} g &= \frac{\partial L}{\partial w_5} = 0.2, \\ v &\leftarrow \mu\, v + g \\ &= 0.9\cdot 0.1 + 0.2 = 0.29, \\ w_5 &\leftarrow w_5 - \alpha\, v \\ &= 0.4 - 0.5\cdot 0.29 = 0.255 \end{aligned}`,
    );
    render(t);
  });

  it('Adam with decay: g + λw, m, v, both corrections at t = 1, the step; a tiny v in powers of ten', () => {
    // g = 0.2 + 0.01·0.4 = 0.204; m = 0.1·g = 0.0204; v = 0.001·g² = 4.1616e-5; m̂ = 0.204, v̂ = 0.041616
    const t = optimizerUpdateTex({
      ...base,
      rate: 0.01,
      optimizer: OPT({ name: 'adam', weightDecay: 0.01 }),
      decays: true,
      step: {
        gradient: 0.2,
        g: 0.204,
        before: 0.4,
        after: 0.39,
        state: {
          m0: 0,
          v0: 0,
          m: 0.0204,
          v: 4.1616e-5,
          t: 1,
          c1: 0.1,
          c2: 0.001,
          mHat: 0.204,
          vHat: 0.041616,
        },
      },
    });
    expect(t).toBe(
      String.raw`\begin{aligned} g &= \frac{\partial L}{\partial w_5} + \lambda\, w_5 \\ &= 0.2 + 0.01\cdot 0.4 = 0.204, \\ m &\leftarrow \beta_1 m + (1 - \beta_1)\, g \\ &= 0.9\cdot 0 + 0.1\cdot 0.204 = 0.0204, \\ v &\leftarrow \beta_2 v + (1 - \beta_2)\, g^2 \\ &= 0.999\cdot 0 + 0.001\cdot (0.204)^2 = 4.162\times 10^{-5}, \\ \hat m &= \frac{m}{1 - \beta_1^{1}} \\ &= \frac{0.0204}{0.1} = 0.204, \\ \hat v &= \frac{v}{1 - \beta_2^{1}} \\ &= \frac{4.162\times 10^{-5}}{0.001} = 0.04162, \\ w_5 &\leftarrow w_5 - \alpha\, \frac{\hat m}{\sqrt{\hat v} + \epsilon} \\ &= 0.4 - 0.01\cdot \frac{0.204}{\sqrt{0.04162} + \epsilon} = 0.39 \end{aligned}`,
    );
    render(t);
  });

  it('shows "?" for what the batch has not computed, keeping the state it starts from', () => {
    const t = optimizerUpdateTex({
      ...base,
      known: false,
      optimizer: OPT({ name: 'momentum' }),
      decays: false,
      step: { gradient: NaN, g: NaN, before: 0.4, after: NaN, state: { v0: -0.03, v: NaN } },
    });
    expect(t).toContain(String.raw`= 0.9\cdot (-0.03) + \color{gray}{?} = \color{gray}{?}`);
    expect(t).not.toMatch(/NaN/);
    render(t);
  });

  it('the one-line rule of the just-computed line, and no control character anywhere', () => {
    expect(ruleTex(OPT({ name: 'momentum', weightDecay: 0.001 }), 0.1)).toBe(
      String.raw`g = \frac{\partial L}{\partial w} + 0.001\,w,\ v \leftarrow 0.9\, v + g,\ w \leftarrow w - 0.1\, v`,
    );
    for (const name of ['sgd', 'momentum', 'adam'] as const) {
      const r = ruleTex(OPT({ name, weightDecay: 0.01 }), 0.5);
      expect([...r].filter((ch) => ch.charCodeAt(0) < 32)).toEqual([]);
      render(r);
    }
  });
});
