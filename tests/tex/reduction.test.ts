/**
 * The update line follows the reduction: w ← w − α Σ_s ∂L_s/∂w with "sum", w ← w − α (1/n) Σ_s … with
 * "mean". A hand-derived example: y = w·x + b, L = ½(y − t)², x = 1, 2, 3, t = 0, 5, 0, w = 1, b = 0,
 * α = 0.1, one batch of 3. The errors y − t are 1, −3, 3, so Σ_s ∂L_s/∂w = 1 − 6 + 9 = 4 (mean 4/3).
 */
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { buildRun } from '../../src/config/build.ts';
import type { Config } from '../../src/config/schema.ts';
import { Stepper } from '../../src/core/step/stepper.ts';
import { chainTex } from '../../src/tex/chain.ts';
import { checkTex, slopeTex } from '../../src/tex/insight.ts';

const W = { kind: 'weight', layer: 1, to: 0, from: 0 } as const;
const sym = 'w^{(1)}_{11}';
const dLs = `\\frac{\\partial L_s}{\\partial ${sym}}`;

function config(reduction?: 'sum'): Config {
  return {
    layers: [1, 1],
    activations: ['linear'],
    loss: 'half-squared-error',
    learningRate: 0.1,
    batchSize: 3,
    trainBiases: true,
    shuffle: false,
    seed: 1,
    weights: [[[1]]],
    biases: [[0]],
    data: { inputs: [[1], [2], [3]], targets: [[0], [5], [0]] },
    ...(reduction ? { reduction } : {}),
  };
}

/** The update line at the end of the batch (pending) and just after the update (applied). */
function updateLines(reduction?: 'sum'): { pending: string; applied: string } {
  const s = new Stepper(buildRun(config(reduction)));
  const total = s.microStepsIn(0);
  for (let k = 0; k < total - 1; k++) s.step('step');
  const ctx = {
    learningRate: 0.1,
    batchLength: 3,
    samplesDone: 3,
    accumulated: s.accumulated(W),
    trainable: true,
    ...(reduction ? { reduction } : {}),
  };
  const pending = chainTex(s.chain(W), { ...ctx, applied: null }).find((l) => l.id === 'update')!.tex;
  s.step('step');
  const rec = s.lastUpdate!;
  const applied = chainTex(s.chain(W), {
    ...ctx,
    applied: { before: rec.before[0]!, gradient: rec.gradient[0]!, after: s.params[0]! },
  }).find((l) => l.id === 'update')!.tex;
  for (const t of [pending, applied]) {
    expect(() => katex.renderToString(t, { throwOnError: true, strict: 'error' })).not.toThrow();
  }
  return { pending, applied };
}

describe('the update line', () => {
  it('with "sum": α Σ_s ∂L_s/∂w, the number the sum 4, w = 1 − 0.1·4 = 0.6', () => {
    const { pending, applied } = updateLines('sum');
    expect(pending).toBe(
      `${sym} \\leftarrow ${sym} - \\alpha\\, \\textstyle\\sum_s ${dLs} = 1 - 0.1\\cdot 4`,
    );
    expect(applied).toBe(
      `${sym} \\leftarrow ${sym} - \\alpha\\, \\textstyle\\sum_s ${dLs} = 1 - 0.1\\cdot 4 = 0.6`,
    );
    expect(applied).not.toContain('tfrac');
  });

  it('with "mean" (the default): α (1/3) Σ_s ∂L_s/∂w, the number 4/3 = 1.333, w = 0.8667', () => {
    const { pending, applied } = updateLines();
    const rule = `${sym} \\leftarrow ${sym} - \\alpha\\, \\tfrac{1}{3}\\textstyle\\sum_s ${dLs}`;
    expect(pending).toBe(`${rule} = 1 - 0.1\\cdot 1.333`);
    expect(applied).toBe(`${rule} = 1 - 0.1\\cdot 1.333 = 0.8667`);
  });
});

describe('the insight views name the loss they show', () => {
  it('the gradient check and the slope say "sum" or "mean" over the training set', () => {
    const d = { symbol: 'w', analytic: 4, numeric: 4, h: 1e-5, up: 9.5, down: 9.4 };
    const sum = checkTex({ ...d, reduction: 'sum' });
    const mean = checkTex(d);
    expect(sum.find((l) => l.id === 'analytic')!.tex).toContain('sum over the training set');
    expect(mean.find((l) => l.id === 'analytic')!.tex).toContain('mean over the training set');
    expect(sum.find((l) => l.id === 'numeric')!.tex).toMatch(/^\\frac\{E\(w\+h\) - E\(w-h\)\}/);
    expect(mean.find((l) => l.id === 'numeric')!.tex).toMatch(/^\\frac\{L\(w\+h\) - L\(w-h\)\}/);
    const slope = slopeTex({ symbol: 'w', value: 1, loss: 9.5, slope: 4, rate: 0.1, reduction: 'sum' });
    expect(slope[0]!.tex).toMatch(/^\\frac\{\\partial E\}\{\\partial w\} = 4/);
    expect(slope[1]!.tex).toContain('= 1 - 0.1\\cdot 4 = 0.6');
  });
});
