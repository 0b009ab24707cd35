/**
 * Practice mode over random nets (issue 12 §1): every question's expected value is the value the
 * after-step view holds, its TeX has no control character and renders, and the value shown counts as
 * right. The textbook example's questions, the hints and the state machine: practice.test.ts.
 */
import fc from 'fast-check';
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { columnNames } from '../../src/config/build.ts';
import { validateConfig } from '../../src/config/validate.ts';
import type { ActivationName } from '../../src/core/model/activations.ts';
import type { LossName } from '../../src/core/model/losses.ts';
import type { Config } from '../../src/config/schema.ts';
import { checkAnswer } from '../../src/session/practice-check.ts';
import { practiceQuestions } from '../../src/session/practice.ts';
import type { PracticeQuestion } from '../../src/session/practice.ts';
import type { RunView, Selection } from '../../src/session/snapshot.ts';
import { networkNames } from '../../src/session/names.ts';
import { moments } from './practice-moments.ts';

// Random nets: every question's expected value is the value the after-step view holds.
const HIDDEN: ActivationName[] = ['sigmoid', 'tanh', 'relu', 'leaky-relu', 'linear'];
const LOSSES: LossName[] = ['squared-error', 'half-squared-error', 'mean-squared-error', 'cross-entropy'];
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

const configArb = fc
  .record({
    inputs: fc.integer({ min: 1, max: 3 }),
    hidden: fc.array(fc.integer({ min: 1, max: 3 }), { maxLength: 2 }),
    outputs: fc.integer({ min: 1, max: 3 }),
    hiddenAct: fc.constantFrom(...HIDDEN),
    outAct: fc.constantFrom<ActivationName>(...HIDDEN, 'softmax'),
    loss: fc.constantFrom(...LOSSES),
    batch: fc.integer({ min: 1, max: 2 }),
    reduction: fc.constantFrom<'mean' | 'sum'>('mean', 'sum'),
    values: fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: 60, maxLength: 60 }),
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
    const inputs = Array.from({ length: 2 }, () => Array.from({ length: r.inputs }, next));
    const targets = Array.from({ length: 2 }, (_, i) =>
      Array.from({ length: r.outputs }, (_, j) =>
        loss === 'cross-entropy' ? (out === 'softmax' ? (j === i % r.outputs ? 1 : 0) : (i + j) % 2) : next(),
      ),
    );
    const res = validateConfig({
      layers,
      activations: [...r.hidden.map(() => r.hiddenAct), out],
      loss,
      learningRate: 0.5,
      batchSize: r.batch,
      reduction: r.reduction,
      shuffle: false,
      weights,
      biases,
      data: { inputs, targets },
    });
    return res.ok ? res.config : null;
  });

/** The value the after-step view holds for a question, read from the view by its place. */
function held(q: PracticeQuestion, after: RunView): number {
  const net = after.net;
  if (q.kind === 'loss') return after.sampleLoss;
  const [kind, ...n] = q.at.split(' ');
  const [l, j, i] = n.map(Number) as [number, number, number];
  if (kind === 'n') {
    const k = net.nOff[l]! + j;
    const arr = {
      z: after.neurons.z,
      a: after.neurons.a,
      dLda: after.neurons.dLda,
      delta: after.neurons.delta,
    }[q.kind as 'z' | 'a' | 'dLda' | 'delta'];
    return arr[k]!;
  }
  const p = kind === 'w' ? net.wOff[l]! + j * net.sizes[l - 1]! + i : net.bOff[l]! + j;
  if (q.kind === 'update') return after.params[p]!;
  // this sample's ∂L/∂p = δ_j · (a_i or 1)
  const delta = after.neurons.delta[net.nOff[l]! + j]!;
  return kind === 'w' ? delta * after.neurons.a[net.nOff[l - 1]! + i]! : delta;
}

describe('random nets', () => {
  it('every question expects the value the after-step view holds, with clean TeX', () => {
    fc.assert(
      fc.property(configArb, fc.constantFrom('none', 'bias', 'weight'), (config, select) => {
        if (!config) return;
        const L = config.layers.length - 1;
        const sel: Selection | null =
          select === 'bias'
            ? { kind: 'bias', layer: L, to: 0 }
            : select === 'weight'
              ? { kind: 'weight', layer: L, to: 0, from: 0 }
              : null;
        const names = networkNames(columnNames(config), config.layers).names;
        for (const [b, a] of moments(config, sel)) {
          if (a.divergence) return;
          for (const q of practiceQuestions(b, a, 'all', names)) {
            expect(Object.is(q.expected, held(q, a)), `${q.name}: ${q.expected} vs ${held(q, a)}`).toBe(true);
            expect(CONTROL.test(q.worked), q.worked).toBe(false);
            expect(
              () => katex.renderToString(q.worked, { throwOnError: true, strict: 'error' }),
              q.worked,
            ).not.toThrow();
            if (Number.isFinite(q.expected))
              expect(checkAnswer(q, q.shown, 1).correct, `${q.name} ${q.shown}`).toBe(true);
            // the formula from the inputs as shown lands near the value (rounding to 4 digits aside)
            if (Number.isFinite(q.fromShown))
              expect(
                Math.abs(q.fromShown - q.expected),
                `${q.name}: ${q.fromShown} vs ${q.expected}`,
              ).toBeLessThan(0.02 * (1 + Math.abs(q.expected)));
            // a hint never fires on a right answer
            for (const m of q.mistakes)
              for (const x of m.values) expect(checkAnswer(q, String(x), 1).correct).toBe(false);
          }
        }
      }),
      { numRuns: 100 },
    );
  }, 60_000);
});
