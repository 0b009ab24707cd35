/**
 * What the TeX says, not only that KaTeX accepts it (issue 9 §1): no control character can reach any
 * TeX the app builds (a `\times` written in a plain template literal becomes TAB + "imes"), a negative
 * factor of a product keeps its parentheses, and the key lines of the 2-2-2 example are exactly the
 * hand-derived text.
 */
import fc from 'fast-check';
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { buildRun } from '../../src/config/build.ts';
import { DEFAULT_PRESET } from '../../src/content/presets.ts';
import type { Config } from '../../src/config/schema.ts';
import { validateConfig } from '../../src/config/validate.ts';
import type { ActivationName } from '../../src/core/model/activations.ts';
import type { LossName } from '../../src/core/model/losses.ts';
import { Stepper } from '../../src/core/step/stepper.ts';
import { chainTex } from '../../src/tex/chain.ts';
import type { TexLine, UpdateContext } from '../../src/tex/chain.ts';
import { checkTex, similarityTex, slopeTex } from '../../src/tex/insight.ts';
import { backwardNowTex, forwardNowTex, neuronTex } from '../../src/tex/neuron.ts';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;
/** A product factor written as "⋅ -0.3" instead of "⋅ (-0.3)". */
const BARE_NEGATIVE_FACTOR = /\\cdot\s*-/;

function render(t: string): void {
  katex.renderToString(t, { displayMode: true, throwOnError: true, trust: false, strict: 'error' });
}

function checkLine(t: string, where: string): void {
  expect(CONTROL.test(t), `control character in ${where}: ${JSON.stringify(t)}`).toBe(false);
  expect(BARE_NEGATIVE_FACTOR.test(t), `unparenthesised negative factor in ${where}: ${t}`).toBe(false);
  expect(() => render(t), `${where}: ${t}`).not.toThrow();
}

/** Numbers of every size the formatter distinguishes: tiny, ordinary, huge, negative, zero. */
const num = fc.oneof(
  fc.double({ min: -3, max: 3, noNaN: true }),
  fc.double({ min: 1e-12, max: 1e-4, noNaN: true }),
  fc.double({ min: -1e-4, max: -1e-12, noNaN: true }),
  fc.double({ min: 1e5, max: 1e12, noNaN: true }),
  fc.constantFrom(0, -0, 1e-300, -7.5e9),
);

const HIDDEN: ActivationName[] = ['sigmoid', 'tanh', 'relu', 'leaky-relu', 'linear'];
const LOSSES: LossName[] = ['squared-error', 'half-squared-error', 'mean-squared-error', 'cross-entropy'];

const configArb = fc
  .record({
    inputs: fc.integer({ min: 1, max: 3 }),
    hidden: fc.array(fc.integer({ min: 1, max: 3 }), { maxLength: 2 }),
    outputs: fc.integer({ min: 1, max: 3 }),
    hiddenAct: fc.constantFrom(...HIDDEN),
    outAct: fc.constantFrom<ActivationName>(...HIDDEN, 'softmax'),
    loss: fc.constantFrom(...LOSSES),
    batch: fc.integer({ min: 1, max: 3 }),
    rows: fc.integer({ min: 3, max: 4 }),
    values: fc.array(num, { minLength: 200, maxLength: 200 }),
  })
  .map((r): Config | null => {
    const layers = [r.inputs, ...r.hidden, r.outputs];
    let k = 0;
    const next = () => r.values[k++ % r.values.length]!;
    const out = r.outAct === 'softmax' && r.outputs < 2 ? 'sigmoid' : r.outAct;
    const loss =
      r.loss === 'cross-entropy' && out !== 'softmax' && out !== 'sigmoid' ? 'squared-error' : r.loss;
    const weights = layers
      .slice(1)
      .map((n, l) => Array.from({ length: n }, () => layers[l]!).map((m) => Array.from({ length: m }, next)));
    const biases = layers.slice(1).map((n) => Array.from({ length: n }, next));
    const inputs = Array.from({ length: r.rows }, () => Array.from({ length: r.inputs }, () => next() % 10));
    const targets = Array.from({ length: r.rows }, (_, i) =>
      Array.from({ length: r.outputs }, (_, j) =>
        loss === 'cross-entropy'
          ? out === 'softmax'
            ? j === i % r.outputs
              ? 1
              : 0
            : (i + j) % 2
          : next() % 10,
      ),
    );
    const res = validateConfig({
      layers,
      activations: [...r.hidden.map(() => r.hiddenAct), out],
      loss,
      learningRate: 0.5,
      batchSize: Math.min(r.batch, r.rows),
      weights,
      biases,
      data: { inputs, targets },
    });
    return res.ok ? res.config : null;
  });

function allTex(s: Stepper, ctx: Omit<UpdateContext, 'trainable'>): [string, TexLine[]][] {
  const out: [string, TexLine[]][] = [];
  const net = s.net;
  for (let l = 1; l <= net.depth; l++) {
    for (let j = 0; j < net.sizes[l]!; j++) {
      out.push([
        `b ${l} ${j}`,
        chainTex(s.chain({ kind: 'bias', layer: l, to: j }), { ...ctx, trainable: true }),
      ]);
      for (let i = 0; i < net.sizes[l - 1]!; i++) {
        out.push([
          `w ${l} ${j} ${i}`,
          chainTex(s.chain({ kind: 'weight', layer: l, to: j, from: i }), { ...ctx, trainable: true }),
        ]);
      }
      const k = net.nOff[l]! + j;
      const data = {
        layer: l,
        index: j,
        activation: net.activations[l - 1]!,
        weights: Array.from(
          { length: net.sizes[l - 1]! },
          (_, i) => s.params[net.wOff[l]! + j * net.sizes[l - 1]! + i]!,
        ),
        inputs: Array.from(s.ws.a.subarray(net.nOff[l - 1]!, net.nOff[l - 1]! + net.sizes[l - 1]!)),
        bias: s.params[net.bOff[l]! + j]!,
        z: s.ws.z[k]!,
        a: s.ws.a[k]!,
        delta: s.ws.delta[k]!,
        sumDone: true,
        actDone: true,
        backDone: true,
        inputsReady: true,
      };
      out.push([`n ${l} ${j}`, neuronTex(data)]);
      out.push([
        `now ${l} ${j}`,
        [
          { id: 'f', label: '', tex: forwardNowTex(data) },
          { id: 'b', label: '', tex: backwardNowTex(l, j, s.ws.dLda[k]!, 0.25, s.ws.delta[k]!, false) },
        ],
      ]);
    }
  }
  return out;
}

describe('no control character, no bare negative factor, in any TeX the app builds', () => {
  it('chain, neuron and just-computed lines over random nets and moments', () => {
    fc.assert(
      fc.property(configArb, fc.integer({ min: 0, max: 60 }), num, num, (config, steps, g, after) => {
        if (!config) return;
        const s = new Stepper(buildRun(config));
        for (let k = 0; k < steps && !s.divergence; k++) s.step('step');
        const pos = s.position();
        const ctx = {
          learningRate: 0.5,
          batchLength: pos.batchLength,
          samplesDone: Math.min(pos.batchLength, Math.floor(pos.micro / s.stepsPerSample)),
          accumulated: g,
          applied: steps % 2 ? { before: after, gradient: g, after: after - 0.5 * g } : null,
        };
        for (const [where, lines] of allTex(s, ctx))
          for (const line of lines) checkLine(line.tex, `${where} ${line.id}`);
      }),
      { numRuns: 150, seed: 9_001 },
    );
  });

  it('insight views over numbers of every size', () => {
    fc.assert(
      fc.property(fc.array(num, { minLength: 8, maxLength: 8 }), fc.integer({ min: 1, max: 4 }), (v, n) => {
        const [a, b, c, d, e, f, h, k] = v as [
          number,
          number,
          number,
          number,
          number,
          number,
          number,
          number,
        ];
        const lines = [
          ...checkTex({
            symbol: 'w^{(1)}_{11}',
            analytic: a,
            numeric: b,
            h: Math.abs(c) || 1e-6,
            up: d,
            down: e,
          }),
          ...slopeTex({
            symbol: 'w^{(1)}_{11}',
            value: a,
            loss: Math.abs(b),
            slope: c,
            rate: Math.abs(d) || 0.5,
          }),
          ...similarityTex({
            layer: 1,
            index: 0,
            weights: [f, h, k, a].slice(0, n),
            inputs: [b, c, d, e].slice(0, n),
          }),
        ];
        for (const line of lines) checkLine(line.tex, `insight ${line.id}`);
      }),
      { numRuns: 300, seed: 9_002 },
    );
  });

  it('the gradient check writes 10-digit losses below 10⁻⁴ with \\times, not TAB + "imes"', () => {
    // The textbook example after 10,000 updates has a loss of about 3.5e-5.
    const [numeric] = checkTex({
      symbol: 'w_5',
      analytic: 1e-6,
      numeric: 1e-6,
      h: 1e-6,
      up: 3.51018781e-5,
      down: 3.51018771e-5,
    });
    expect(numeric!.tex).toContain('3.510187810\\times 10^{-5} - 3.510187710\\times 10^{-5}');
  });
});

describe('exact TeX of the 2-2-2 example (note 003), derived by hand', () => {
  // Forward: z_h1 = 0.15·0.05 + 0.2·0.1 + 0.35 = 0.3775, a_h1 = σ(0.3775) = 0.593269992;
  // a_o1 = 0.751365070, t_o1 = 0.01: ∂E/∂a_o1 = 0.741365070, σ′ = a(1 − a) = 0.186815602,
  // ∂E/∂w5 = 0.741365070·0.186815602·0.593269992 = 0.082167041; w5 ← 0.4 − 0.5·0.082167041 = 0.358916480.
  // Hidden: δ_o1 = 0.138498562, δ_o2 = −0.038098236; ∂E/∂a_h1 = 0.138498562·0.4 − 0.038098236·0.5 = 0.036350306,
  // σ′(z_h1) = 0.241300709, ∂E/∂w1 = 0.036350306·0.241300709·0.05 = 0.000438568.
  const ctx: UpdateContext = {
    learningRate: 0.5,
    batchLength: 1,
    samplesDone: 1,
    accumulated: 0,
    trainable: true,
    applied: null,
  };
  const lines = (steps: number, p: Parameters<Stepper['chain']>[0], over: Partial<UpdateContext> = {}) => {
    const s = new Stepper(buildRun(DEFAULT_PRESET.config));
    for (let k = 0; k < steps; k++) s.step('step');
    return Object.fromEntries(
      chainTex(s.chain(p), { ...ctx, accumulated: s.accumulated(p), ...over }).map((l) => [l.id, l.tex]),
    );
  };

  it('w5 once its sample is back-propagated', () => {
    const t = lines(9, { kind: 'weight', layer: 2, to: 0, from: 0 });
    expect(t.dLda).toBe(
      '\\begin{aligned} \\frac{\\partial L}{\\partial a^{(2)}_{1}} &= a^{(2)}_{1}-t_{1} \\\\ &= 0.7514-0.01 = 0.7414 \\end{aligned}',
    );
    expect(t.dadz).toBe(
      "\\begin{aligned} \\frac{\\partial a^{(2)}_{1}}{\\partial z^{(2)}_{1}} &= \\sigma'(z^{(2)}_{1}) = a^{(2)}_{1}(1-a^{(2)}_{1}) \\\\ &= 0.7514(1-0.7514) = 0.1868 \\end{aligned}",
    );
    expect(t.dzdp).toBe('\\frac{\\partial z^{(2)}_{1}}{\\partial w^{(2)}_{11}} = a^{(1)}_{1} = 0.5933');
    expect(t.product).toBe(
      '\\frac{\\partial L}{\\partial w^{(2)}_{11}} = 0.7414\\cdot 0.1868\\cdot 0.5933 = 0.08217',
    );
    expect(t.update).toBe(
      '\\frac{\\partial L}{\\partial w^{(2)}_{11}} \\leftarrow w^{(2)}_{11} - \\alpha\\, \\frac{\\partial L}{\\partial w^{(2)}_{11}} = 0.4 - 0.5\\cdot 0.08217'.replace(
        '\\frac{\\partial L}{\\partial w^{(2)}_{11}} \\leftarrow',
        'w^{(2)}_{11} \\leftarrow',
      ),
    );
  });

  it('w1 at the end of the backward pass, and after the update', () => {
    const w1 = { kind: 'weight', layer: 1, to: 0, from: 0 } as const;
    const t = lines(9, w1);
    expect(t.dLda).toBe(
      '\\begin{aligned} \\frac{\\partial L}{\\partial a^{(1)}_{1}} &= \\textstyle\\sum_k \\delta^{(2)}_{k}\\, w^{(2)}_{k1} \\\\ &= 0.1385\\cdot 0.4 + (-0.0381)\\cdot 0.5 \\\\ &= 0.03635 \\end{aligned}',
    );
    expect(t.product).toBe(
      '\\frac{\\partial L}{\\partial w^{(1)}_{11}} = 0.03635\\cdot 0.2413\\cdot 0.05 = 0.0004386',
    );
    const after = lines(10, w1, { applied: { before: 0.15, gradient: 0.000438568, after: 0.149780716 } });
    expect(after.update).toBe(
      'w^{(1)}_{11} \\leftarrow w^{(1)}_{11} - \\alpha\\, \\frac{\\partial L}{\\partial w^{(1)}_{11}} = 0.15 - 0.5\\cdot 0.0004386 = 0.1498',
    );
  });
});
