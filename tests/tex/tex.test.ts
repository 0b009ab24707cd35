/** The TeX builders: numbers formatted as shown, every line valid TeX for KaTeX (rendered in Node). */
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { buildRun } from '../../src/config/build.ts';
import { DEFAULT_PRESET, PRESETS, findPreset } from '../../src/content/presets.ts';
import type { ParamRef } from '../../src/core/step/chain.ts';
import { Stepper } from '../../src/core/step/stepper.ts';
import { chainTex } from '../../src/tex/chain.ts';
import type { UpdateContext } from '../../src/tex/chain.ts';
import { fmt, tex } from '../../src/tex/format.ts';
import { neuronTex } from '../../src/tex/neuron.ts';

function render(t: string): string {
  return katex.renderToString(t, { displayMode: true, throwOnError: true, trust: false, strict: 'error' });
}

const ctx = (over: Partial<UpdateContext> = {}): UpdateContext => ({
  learningRate: 0.5,
  batchLength: 1,
  samplesDone: 0,
  accumulated: 0,
  trainable: true,
  applied: null,
  ...over,
});

describe('number formatting', () => {
  it('shows 4 significant digits, scientific outside [1e-4, 1e5), and true minus signs in text', () => {
    expect(fmt(0.593269992)).toBe('0.5933');
    expect(fmt(-0.038098237)).toBe('−0.0381');
    expect(fmt(0.000438568)).toBe('0.0004386');
    expect(fmt(2.35e-6)).toBe('2.35×10⁻⁶');
    expect(fmt(Infinity)).toBe('∞');
    expect(tex(-0.038098237, true)).toBe('(-0.0381)');
    expect(tex(3.5101878e-5)).toBe('3.51\\times 10^{-5}');
    expect(tex(NaN)).toBe('\\text{NaN}');
  });
});

describe('chain-rule TeX', () => {
  function chainAt(steps: number, p: ParamRef, config = DEFAULT_PRESET.config) {
    const s = new Stepper(buildRun(config));
    for (let k = 0; k < steps; k++) s.step();
    return s.chain(p);
  }

  it('writes the w5 chain of the textbook example with its numbers', () => {
    const lines = chainTex(chainAt(6, { kind: 'weight', layer: 2, to: 0, from: 0 }), ctx());
    const byId = Object.fromEntries(lines.map((l) => [l.id, l.tex]));
    expect(Object.keys(byId)).toEqual(['chain', 'dLda', 'dadz', 'dzdp', 'product', 'update']);
    expect(byId.chain).toBe(
      '\\frac{\\partial L}{\\partial w^{(2)}_{11}} = \\frac{\\partial L}{\\partial a^{(2)}_{1}}\\,\\frac{\\partial a^{(2)}_{1}}{\\partial z^{(2)}_{1}}\\,\\frac{\\partial z^{(2)}_{1}}{\\partial w^{(2)}_{11}}',
    );
    expect(byId.dLda).toContain('a^{(2)}_{1}-t_{1}');
    expect(byId.dLda).toContain('0.7514-0.01 = 0.7414');
    expect(byId.product).toContain('0.7414\\cdot 0.1868\\cdot 0.5933 = 0.08217');
    for (const l of lines) expect(() => render(l.tex)).not.toThrow();
  });

  it('shows "?" for every factor the steps have not computed, never a stale number', () => {
    const w5 = { kind: 'weight', layer: 2, to: 0, from: 0 } as const;
    const product = (steps: number) =>
      chainTex(chainAt(steps, w5), ctx()).find((l) => l.id === 'product')!.tex;
    const lhs = '\\frac{\\partial L}{\\partial w^{(2)}_{11}} = ';
    const q = '\\color{gray}{?}';
    expect(product(0)).toBe(`${lhs}${q}\\cdot ${q}\\cdot ${q} = ${q}`);
    // h1 and h2 computed (a(1)_0 is known), o1 not yet
    expect(product(2)).toBe(`${lhs}${q}\\cdot ${q}\\cdot 0.5933 = ${q}`);
    // o1's forward step done: ∂a/∂z known; ∂L/∂a only after o1's backward step
    expect(product(3)).toBe(`${lhs}${q}\\cdot 0.1868\\cdot 0.5933 = ${q}`);
    for (const l of chainTex(chainAt(3, w5), ctx())) expect(() => render(l.tex)).not.toThrow();
  });

  it('follows the loss: 2(a − t) for squared error (seed 001), not 2a − t', () => {
    const lines = chainTex(
      chainAt(3 + 1 + 1, { kind: 'weight', layer: 2, to: 0, from: 0 }, findPreset('face-car')!.config),
      ctx(),
    );
    expect(lines.find((l) => l.id === 'dLda')!.tex).toContain('2(a^{(2)}_{1}-t_{1})');
  });

  it('has no w2 factor in ∂L/∂b2 of the 1-1-1 chain (seed 002)', () => {
    const lines = chainTex(
      chainAt(4, { kind: 'bias', layer: 2, to: 0 }, findPreset('chain-1-1-1')!.config),
      ctx(),
    );
    expect(lines.find((l) => l.id === 'dzdp')!.tex).toBe(
      '\\frac{\\partial z^{(2)}_{1}}{\\partial b^{(2)}_{1}} = 1 = 1',
    );
    expect(lines.find((l) => l.id === 'product')!.tex).not.toContain('0.7\\cdot');
  });

  it('writes the update with the numbers it applied', () => {
    const lines = chainTex(
      chainAt(6, { kind: 'weight', layer: 2, to: 0, from: 0 }),
      ctx({ applied: { before: 0.4, gradient: 0.082167041, after: 0.35891648 } }),
    );
    expect(lines.find((l) => l.id === 'update')!.tex).toContain('= 0.4 - 0.5\\cdot 0.08217 = 0.3589');
  });

  it('renders for every preset, every parameter and every step of the first sample', () => {
    for (const preset of PRESETS) {
      const s = new Stepper(buildRun(preset.config));
      const net = s.net;
      for (let k = 0; k < s.stepsPerSample; k += Math.max(1, Math.floor(s.stepsPerSample / 5))) {
        for (let l = 1; l <= net.depth; l++) {
          for (let j = 0; j < net.sizes[l]!; j++) {
            for (const p of [
              { kind: 'bias', layer: l, to: j } as const,
              { kind: 'weight', layer: l, to: j, from: 0 } as const,
            ]) {
              for (const line of chainTex(s.chain(p), ctx({ batchLength: 3, samplesDone: 1 }))) {
                expect(
                  () => render(line.tex),
                  `${preset.name} ${JSON.stringify(p)} ${line.tex}`,
                ).not.toThrow();
              }
            }
            const lines = neuronTex({
              layer: l,
              index: j,
              activation: net.activations[l - 1]!,
              weights: [0.1, -0.2],
              inputs: [1, 2],
              bias: 0.3,
              z: 0.5,
              a: 0.6,
              delta: -0.01,
              sumDone: k > 0,
              actDone: k > 0,
              backDone: false,
              inputsReady: true,
            });
            for (const line of lines) expect(() => render(line.tex)).not.toThrow();
          }
        }
        for (let q = 0; q < Math.max(1, Math.floor(s.stepsPerSample / 5)); q++) s.step();
      }
    }
  }, 30_000);
});

describe('neuron TeX', () => {
  it('writes the weighted sum as a dot product plus the bias (seed 000)', () => {
    const lines = neuronTex({
      layer: 1,
      index: 0,
      activation: 'sigmoid',
      weights: [0.15, 0.2],
      inputs: [0.05, 0.1],
      bias: 0.35,
      z: 0.3775,
      a: 0.593269992,
      delta: 0.008771355,
      sumDone: true,
      actDone: true,
      backDone: false,
      inputsReady: true,
    });
    expect(lines[0]!.tex).toContain('0.15\\cdot 0.05 + 0.2\\cdot 0.1 + 0.35');
    expect(lines[0]!.tex).toContain('&= 0.3775');
    expect(lines[1]!.tex).toContain('= 0.5933');
    expect(lines[2]!.tex).toContain('\\color{gray}{?}');
  });
});
