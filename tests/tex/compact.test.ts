/**
 * The chain panel's compact presenter TeX (src/tex/compact.ts), as exact strings written by hand
 * from its rules: slashed ∂-fractions, aligned rows flowing into one expression, scripts at 0.8 of
 * the base, rows breaking only after relations and between the terms of long sums.
 */
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { buildRun } from '../../src/config/build.ts';
import { DEFAULT_PRESET, PRESETS } from '../../src/content/presets.ts';
import { Stepper } from '../../src/core/step/stepper.ts';
import { chainTex } from '../../src/tex/chain.ts';
import type { UpdateContext } from '../../src/tex/chain.ts';
import { compactTex } from '../../src/tex/compact.ts';
import { neuronTex } from '../../src/tex/neuron.ts';

const ctx: UpdateContext = {
  learningRate: 0.5,
  batchLength: 1,
  samplesDone: 0,
  accumulated: 0,
  trainable: true,
  applied: null,
};

/** \footnotesize, written short in the expectations below */
const f = String.raw`\footnotesize `;

const inline = (t: string) =>
  katex.renderToString(t, { displayMode: false, throwOnError: true, trust: false, strict: 'error' });

describe('compact presenter TeX: the rules', () => {
  it('slashes a ∂-fraction: bare between relations, in parentheses beside a factor', () => {
    expect(compactTex(String.raw`\frac{\partial L}{\partial w} = 1`)).toBe(
      String.raw`\partial L/\partial w =\nobreak 1`,
    );
    expect(compactTex(String.raw`x = \frac{\partial L}{\partial a}\,\frac{\partial a}{\partial z}`)).toBe(
      String.raw`x = (\partial L/\partial a)\,\allowbreak(\partial a/\partial z)`,
    );
    expect(compactTex(String.raw`w - \alpha\, \frac{\partial L}{\partial w}`)).toBe(
      String.raw`w -\nobreak \alpha\, (\partial L/\partial w)`,
    );
  });

  it('flows aligned rows into one expression', () => {
    expect(compactTex(String.raw`\begin{aligned} y &= 1 + 2 + 3 \\ &\quad + 4 \\ &= 10 \end{aligned}`)).toBe(
      String.raw`y =\nobreak 1 + 2 + 3 + 4 =\nobreak 10`,
    );
  });

  it('keeps a fraction of plain numbers stacked with its parts at 0.8, any fraction with scripts in display style', () => {
    expect(compactTex(String.raw`\tfrac{1}{4}\textstyle\sum_s x`)).toBe(
      String.raw`\tfrac{${f}1}{${f}4}\sum_{${f}s} x`,
    );
    expect(compactTex(String.raw`\frac{1}{1+\exp(-z_1)}`)).toBe(String.raw`\dfrac{1}{1+\exp(-z_{${f}1})}`);
    expect(compactTex(String.raw`\frac1K`)).toBe(String.raw`\tfrac{${f}1}{${f}K}`);
  });

  it('sets every script at 0.8 of the base', () => {
    expect(compactTex(String.raw`w^{(2)}_{11} + 1.2\times 10^{-5} + a^2`)).toBe(
      String.raw`w^{${f}(2)}_{${f}11} + 1.2\times\nobreak 10^{${f}-5} + a^{${f}2}`,
    );
  });

  it('never breaks inside a product, inside parentheses, between two short terms or before a short result', () => {
    expect(compactTex(String.raw`p = (-0.1)\cdot 0.2\cdot (1 - 0.3) = 1 - (0.1273)^2`)).toBe(
      String.raw`p = (-0.1)\cdot\nobreak 0.2\cdot\nobreak (1 -\nobreak 0.3) = 1 -\nobreak (0.1273)^{${f}2}`,
    );
    // a product too long for a row may break after its dots (the number's own × never)
    expect(compactTex(String.raw`p = (-1.234\times 10^{-5})\cdot 0.9918\cdot (-0.06424) = 1`)).toBe(
      String.raw`p = (-1.234\times\nobreak 10^{${f}-5})\cdot 0.9918\cdot (-0.06424) = 1`,
    );
    // two long terms may break between them
    expect(compactTex(String.raw`s = (-0.03465)\cdot (-0.709) + 0.4796\cdot 0.1234`)).toBe(
      String.raw`s = (-0.03465)\cdot\nobreak (-0.709) + 0.4796\cdot\nobreak 0.1234`,
    );
  });

  it('shortens a sum of more than four terms to its first and its last', () => {
    expect(compactTex(String.raw`s = 1\cdot 2 + 3\cdot 4 + 5 + 6 + 7\cdot 8 = 70`)).toBe(
      String.raw`s =\nobreak 1\cdot\nobreak 2 + \dots + 7\cdot\nobreak 8 =\nobreak 70`,
    );
    expect(compactTex(String.raw`s = 1 + 2 + 3 + 4 = 10`)).toBe(
      String.raw`s =\nobreak 1 + 2 + 3 + 4 =\nobreak 10`,
    );
  });
});

describe('compact presenter TeX of the textbook example (w5 after its backward step)', () => {
  const s = new Stepper(buildRun(DEFAULT_PRESET.config));
  for (let k = 0; k < 6; k++) s.step();
  const lines = chainTex(s.chain({ kind: 'weight', layer: 2, to: 0, from: 0 }), ctx);
  const byId = Object.fromEntries(lines.map((l) => [l.id, compactTex(l.tex)]));
  const w5 = String.raw`w^{${f}(2)}_{${f}11}`;
  const a1 = String.raw`a^{${f}(2)}_{${f}1}`;
  const z1 = String.raw`z^{${f}(2)}_{${f}1}`;

  it('writes each line as one flowing row of slashed factors', () => {
    expect(byId).toEqual({
      chain: String.raw`\partial L/\partial ${w5} = (\partial L/\partial ${a1})\,\allowbreak(\partial ${a1}/\partial ${z1})\,\allowbreak(\partial ${z1}/\partial ${w5})`,
      dLda: String.raw`\partial L/\partial ${a1} = ${a1}-\nobreak t_{${f}1} = 0.7514-\nobreak0.01 =\nobreak 0.7414`,
      dadz: String.raw`\partial ${a1}/\partial ${z1} = \sigma'(${z1}) = ${a1}(1-\nobreak ${a1}) = 0.7514(1-\nobreak0.7514) =\nobreak 0.1868`,
      dzdp: String.raw`\partial ${z1}/\partial ${w5} = a^{${f}(1)}_{${f}1} =\nobreak 0.5933`,
      product: String.raw`\partial L/\partial ${w5} = 0.7414\cdot\nobreak 0.1868\cdot\nobreak 0.5933 = 0.08217`,
      update: String.raw`${w5} \leftarrow ${w5} - \alpha\, (\partial L/\partial ${w5}) = 0.4 -\nobreak 0.5\cdot\nobreak \color{gray}{?}`,
    });
  });
});

describe('compact presenter TeX of every preset', () => {
  it('renders inline for every parameter and neuron; no control character, no half-size script', () => {
    for (const preset of PRESETS) {
      const s = new Stepper(buildRun(preset.config));
      for (let k = 0; k < s.stepsPerSample + 2; k++) s.step();
      const net = s.net;
      const sources: string[] = [];
      for (let l = 1; l <= net.depth; l++) {
        for (let j = 0; j < net.sizes[l]!; j++) {
          for (const p of [
            { kind: 'bias', layer: l, to: j } as const,
            { kind: 'weight', layer: l, to: j, from: net.sizes[l - 1]! - 1 } as const,
          ])
            sources.push(
              ...chainTex(s.chain(p), { ...ctx, batchLength: 3, samplesDone: 1 }).map((x) => x.tex),
            );
        }
      }
      for (const source of sources) {
        const t = compactTex(source);
        // eslint-disable-next-line no-control-regex
        expect(t, source).not.toMatch(/[\u0000-\u001f]/);
        expect(t, source).not.toMatch(/\\(begin|end)\{aligned\}|&|\\\\\\\\|\\textstyle|\\displaystyle/);
        // every script and every stacked part of a plain fraction at 0.8; no text-style ∂-fraction
        expect(t, source).not.toMatch(/[\^_](?!\{\\footnotesize )/);
        expect(t, source).not.toMatch(/\\frac\b|\\partial [^/]*\}\{\\partial/);
        expect(() => inline(t), `${preset.name}: ${t}`).not.toThrow();
      }
    }
    const neuron = neuronTex({
      layer: 1,
      index: 0,
      activation: 'sigmoid',
      weights: [0.15, 0.2],
      inputs: [0.05, 0.1],
      bias: 0.35,
      z: 0.3775,
      a: 0.5933,
      delta: 0,
      sumDone: true,
      actDone: true,
      backDone: false,
      inputsReady: true,
    });
    for (const line of neuron) expect(() => inline(compactTex(line.tex))).not.toThrow();
  });
});
