/**
 * Practice mode's pure logic (issue 12 §1): the questions of each step, their expected numbers, the
 * ± one-in-the-last-digit rule, the hints on typical mistakes, the parser and the state machine.
 * Reference numbers are note 003's (corrected) or derived here in float64, never by the code under test.
 */
import { describe, expect, it } from 'vitest';
import { columnNames } from '../../src/config/build.ts';
import type { Config } from '../../src/config/schema.ts';
import { findPreset } from '../../src/content/presets.ts';
import {
  checkAnswer,
  practiceAnswer,
  practiceCurrent,
  practiceStart,
} from '../../src/session/practice-check.ts';
import { practiceQuestions } from '../../src/session/practice.ts';
import type { PracticeQuestion, PracticeScope } from '../../src/session/practice.ts';
import { moments } from './practice-moments.ts';
import type { Selection } from '../../src/session/snapshot.ts';
import { networkNames } from '../../src/session/names.ts';

const TEXTBOOK = findPreset('textbook-2-2-2')!.config;
const W5: Selection = { kind: 'weight', layer: 2, to: 0, from: 0 };

function questions(config: Config, sel: Selection | null, scope: PracticeScope = 'all') {
  const names = networkNames(columnNames(config), config.layers).names;
  return moments(config, sel).flatMap(([b, a]) => practiceQuestions(b, a, scope, names));
}

// Note 003 in float64: σ(z) = 1/(1 + e^{−z}).
const sig = (z: number) => 1 / (1 + Math.exp(-z));
const [x1, x2, t1, t2] = [0.05, 0.1, 0.01, 0.99];
const [w1, w2, w3, w4, w5, w6, w7, w8, b1, b2] = [0.15, 0.2, 0.25, 0.3, 0.4, 0.45, 0.5, 0.55, 0.35, 0.6];
const zh1 = w1 * x1 + w2 * x2 + b1;
const zh2 = w3 * x1 + w4 * x2 + b1;
const [ah1, ah2] = [sig(zh1), sig(zh2)];
const zo1 = w5 * ah1 + w6 * ah2 + b2;
const zo2 = w7 * ah1 + w8 * ah2 + b2;
const [ao1, ao2] = [sig(zo1), sig(zo2)];
const E = 0.5 * (ao1 - t1) ** 2 + 0.5 * (ao2 - t2) ** 2;
const [gO1, gO2] = [ao1 - t1, ao2 - t2];
const [dO1, dO2] = [gO1 * ao1 * (1 - ao1), gO2 * ao2 * (1 - ao2)];
const gH1 = dO1 * w5 + dO2 * w7;
const gH2 = dO1 * w6 + dO2 * w8;
const [dH1, dH2] = [gH1 * ah1 * (1 - ah1), gH2 * ah2 * (1 - ah2)];

const byName = (qs: readonly PracticeQuestion[], name: string) => {
  const q = qs.find((x) => x.name === name);
  if (!q) throw new Error(`no question "${name}" among ${qs.map((x) => x.name).join(', ')}`);
  return q;
};

describe('the questions of the textbook example', () => {
  const qs = questions(TEXTBOOK, W5);

  it('asks each computation in order, in the notes’ names, at its place', () => {
    expect(qs.map((q) => q.name)).toEqual([
      'z of h1',
      'a of h1',
      'z of h2',
      'a of h2',
      'z of o1',
      'a of o1',
      'z of o2',
      'a of o2',
      'L',
      '∂L/∂a of o1',
      'δ of o1',
      '∂L/∂w5',
      '∂L/∂a of o2',
      'δ of o2',
      '∂L/∂a of h1',
      'δ of h1',
      '∂L/∂a of h2',
      'δ of h2',
      'new w5',
    ]);
    expect(byName(qs, 'z of h1').at).toBe('n 1 0');
    expect(byName(qs, '∂L/∂w5').at).toBe('w 2 0 0');
    expect(byName(qs, 'new w5').at).toBe('w 2 0 0');
    expect(new Set(qs.map((q) => q.id)).size).toBe(qs.length);
  });

  it('expects note 003’s numbers, shown in the app’s digits', () => {
    const shown = (n: string) => byName(qs, n).shown;
    expect(shown('z of h1')).toBe('0.3775');
    expect(shown('a of h1')).toBe('0.5933');
    expect(shown('z of o1')).toBe('1.106');
    expect(shown('a of o1')).toBe('0.7514');
    expect(shown('L')).toBe('0.2984');
    expect(shown('∂L/∂a of o1')).toBe('0.7414');
    expect(shown('δ of o1')).toBe('0.1385');
    expect(shown('∂L/∂w5')).toBe('0.08217');
    expect(shown('new w5')).toBe('0.3589');
    expect(shown('δ of o2')).toBe('−0.0381'); // trailing zeros dropped, as everywhere in the app
  });

  it('expects the float64 values derived here', () => {
    const want: Record<string, number> = {
      'z of h1': zh1,
      'a of h1': ah1,
      'z of h2': zh2,
      'a of h2': ah2,
      'z of o1': zo1,
      'a of o1': ao1,
      'z of o2': zo2,
      'a of o2': ao2,
      L: E,
      '∂L/∂a of o1': gO1,
      'δ of o1': dO1,
      '∂L/∂w5': dO1 * ah1,
      '∂L/∂a of o2': gO2,
      'δ of o2': dO2,
      '∂L/∂a of h1': gH1,
      'δ of h1': dH1,
      '∂L/∂a of h2': gH2,
      'δ of h2': dH2,
      'new w5': w5 - 0.5 * dO1 * ah1,
    };
    for (const q of qs) expect(q.expected, q.name).toBeCloseTo(want[q.name]!, 12);
  });

  it('shows the inputs of each question and its worked line with numbers', () => {
    const z = byName(qs, 'z of h1');
    expect(z.inputs).toEqual([
      { name: 'w1', shown: '0.15' },
      { name: 'x1', shown: '0.05' },
      { name: 'w2', shown: '0.2' },
      { name: 'x2', shown: '0.1' },
      { name: 'b1', shown: '0.35' },
    ]);
    expect(z.worked).toContain(String.raw`0.15\cdot 0.05 + 0.2\cdot 0.1 + 0.35 = 0.3775`);
    expect(byName(qs, 'a of h1').worked).toContain(String.raw`\sigma(0.3775) = 0.5933`);
    expect(byName(qs, '∂L/∂a of o1').inputs).toEqual([
      { name: 'a of o1', shown: '0.7514' },
      { name: 't of o1', shown: '0.01' },
    ]);
    expect(byName(qs, '∂L/∂a of o1').worked).toContain('0.7514-0.01 = 0.7414');
    expect(byName(qs, 'δ of o1').worked).toContain(String.raw`0.7414\cdot 0.1868 = 0.1385`);
    expect(byName(qs, '∂L/∂w5').worked).toContain(String.raw`0.1385\cdot 0.5933 = 0.08217`);
    expect(byName(qs, 'new w5').worked).toContain(String.raw`0.4 - 0.5\cdot 0.08217 = 0.3589`);
    expect(byName(qs, 'L').worked).toContain('= 0.2984');
  });

  it('asks ∂L/∂w of the first weight without a selection, at the neuron it feeds', () => {
    const plain = questions(TEXTBOOK, null);
    const names = plain.map((q) => q.name);
    expect(names).toContain('∂L/∂w1');
    expect(names.indexOf('∂L/∂w1')).toBe(names.indexOf('δ of h1') + 1);
    expect(byName(plain, '∂L/∂w1').expected).toBeCloseTo(dH1 * x1, 15);
    expect(byName(plain, 'new w1').expected).toBeCloseTo(w1 - 0.5 * dH1 * x1, 15);
  });

  it('filters by scope: forward (with the loss), backward, the update', () => {
    const kinds = (s: PracticeScope) => [...new Set(questions(TEXTBOOK, W5, s).map((q) => q.kind))];
    expect(kinds('forward')).toEqual(['z', 'a', 'loss']);
    expect(kinds('backward')).toEqual(['dLda', 'delta', 'gradient']);
    expect(kinds('update')).toEqual(['update']);
    expect(questions(TEXTBOOK, W5, 'all')).toHaveLength(19);
  });

  it('asks nothing for two moments that are not one step apart', () => {
    const m = moments(TEXTBOOK, W5);
    expect(practiceQuestions(m[0]![0], m[2]![1], 'all', {})).toEqual([]);
    expect(practiceQuestions(m[2]![1], m[0]![0], 'all', {})).toEqual([]);
  });
});

describe('checking an answer', () => {
  const qs = questions(TEXTBOOK, W5);
  const z = byName(qs, 'z of h1');

  it('is right within ± one in the last digit shown', () => {
    for (const typed of [
      '0.3775',
      '0.3776',
      '0.3774',
      '0.37749',
      ' 0.3775 ',
      '+0.3775',
      '3.775e-1',
      '3775E-4',
    ])
      expect(checkAnswer(z, typed, 1).correct, typed).toBe(true);
    for (const typed of ['0.3777', '0.3773', '0.38', '-0.3775'])
      expect(checkAnswer(z, typed, 1).correct, typed).toBe(false);
    const d = byName(qs, 'δ of o2'); // −0.03810
    for (const typed of ['−0.0381', '-0.03810', '-.0381', '−0.03809'])
      expect(checkAnswer(d, typed, 1).correct, typed).toBe(true);
    // −0.0381 is −0.03810 with its trailing zero dropped: the last digit is still the fourth
    expect(checkAnswer(d, '-0.03813', 1).correct).toBe(false);
    // also right: within one unit of what the inputs as shown give (−0.2171 · 0.7729(1 − 0.7729))
    expect(d.fromShown).toBeCloseTo(-0.2171 * 0.7729 * (1 - 0.7729), 15);
    expect(checkAnswer(d, '-0.03812', 1).correct).toBe(true);
    const g = byName(qs, '∂L/∂w5'); // 0.08217: the last digit is 10⁻⁵
    expect(checkAnswer(g, '0.08218', 1).correct).toBe(true);
    expect(checkAnswer(g, '0.0822', 1).correct).toBe(false);
  });

  it('refuses what is not one number, naming what is allowed, without using the attempt', () => {
    for (const typed of [
      '',
      '   ',
      'abc',
      '1/2',
      '1,2,3',
      '0.3775.1',
      '1e',
      '--1',
      'NaN',
      'Infinity',
      '1e999',
      '0x10',
    ]) {
      const c = checkAnswer(z, typed, 1);
      expect(c.refused, typed).toBe(true);
      expect(c.correct).toBe(false);
      expect(c.message).toMatch(/one number/);
      expect(c.message).toMatch(/0\.3775|-0\.04|1e-3/);
    }
    for (const typed of ['.5', '1e-3', '−0.04', '-0.04', '5', '3.775×10⁻¹', '3.775 x 10^-1'])
      expect(checkAnswer(z, typed, 1).refused, typed).toBe(false);
  });

  it('names the factor that differs', () => {
    const hint = (name: string, typed: string) => {
      const c = checkAnswer(byName(qs, name), typed, 1);
      expect(c.correct, `${name} ${typed}`).toBe(false);
      expect(c.reveal).toBe(false);
      return c.message;
    };
    expect(hint('z of h1', '0.0275')).toMatch(/bias b1/);
    expect(hint('z of h1', '0.37')).toMatch(/product w1·x1/);
    expect(hint('z of h1', '0.3575')).toMatch(/product w2·x2/);
    expect(hint('z of h1', String(w3 * x1 + w4 * x2 + b1))).toMatch(/weights into h2 \(w3, w4\)/);
    expect(hint('z of h1', '-0.3775')).toMatch(/sign/);
    expect(hint('a of h1', '0.3775')).toMatch(/σ|activation/);
    expect(hint('a of h1', '0.2413')).toMatch(/derivative|σ′/); // a(1 − a) instead of a
    expect(hint('∂L/∂a of o1', '-0.7414')).toMatch(/wrong sign: a − t is positive here/);
    expect(hint('∂L/∂a of o1', '1.483')).toMatch(/factor 2|½/);
    expect(hint('δ of o1', '0.7414')).toMatch(/σ′/);
    expect(hint('δ of o1', String(gO1 * zo1 * (1 - zo1)))).toMatch(/from a|not from z|z\(1 − z\)/);
    expect(hint('∂L/∂w5', '0.1385')).toMatch(/a of h1|input/);
    expect(hint('∂L/∂w5', '-0.08217')).toMatch(/sign/);
    expect(hint('new w5', '0.4411')).toMatch(/\+|minus|against the gradient/);
    expect(hint('new w5', '0.3178')).toMatch(/α|learning rate/); // 0.4 − 0.08217
    expect(hint('L', String(2 * E))).toMatch(/½/);
    expect(hint('∂L/∂a of h1', String(gO1 * w5 + gO2 * w7))).toMatch(/δ/);
  });

  it('gives a generic hint naming the formula when no mistake matches', () => {
    const c = checkAnswer(z, '12', 1);
    expect(c.correct).toBe(false);
    expect(c.message).toMatch(/z of h1 = w1·x1 \+ w2·x2 \+ b1/);
  });

  it('reveals the worked line after the second miss', () => {
    const c = checkAnswer(z, '12', 2);
    expect(c.reveal).toBe(true);
    expect(c.message).toMatch(/0\.3775/);
  });
});

/** ∂L/∂w5 of one sample of the textbook net, in float64. */
function gradW5(x: readonly number[], t: readonly number[]): number {
  const a1 = sig(w1 * x[0]! + w2 * x[1]! + b1);
  const a2 = sig(w3 * x[0]! + w4 * x[1]! + b1);
  const o1 = sig(w5 * a1 + w6 * a2 + b2);
  return (o1 - t[0]!) * o1 * (1 - o1) * a1;
}

describe('a batch of two samples', () => {
  const X = [
    [0.05, 0.1],
    [0.1, 0.05],
  ];
  const T = [
    [0.01, 0.99],
    [0.99, 0.01],
  ];
  // α = 0.3: with α = 0.5 on 2 samples, leaving out α and summing instead of averaging coincide
  const alpha = 0.3;
  const config = (reduction: 'mean' | 'sum', learningRate = alpha): Config => ({
    ...TEXTBOOK,
    learningRate,
    batchSize: 2,
    reduction,
    data: { inputs: X, targets: T },
  });
  const sum = gradW5(X[0]!, T[0]!) + gradW5(X[1]!, T[1]!);

  it('the mean: the update uses the mean gradient; the sum is the mistake it names', () => {
    const q = byName(questions(config('mean'), W5), 'new w5');
    expect(q.expected).toBeCloseTo(w5 - (alpha * sum) / 2, 14);
    expect(q.inputs.map((i) => i.name)).toEqual(['w5', 'α', 'mean of ∂L/∂w5 over 2 samples']);
    const c = checkAnswer(q, String(w5 - alpha * sum), 1);
    expect(c.correct).toBe(false);
    expect(c.message).toMatch(/mean of the 2 samples’ gradients/);
  });

  it('the sum: the update uses the summed gradient; the mean is the mistake it names', () => {
    const q = byName(questions(config('sum'), W5), 'new w5');
    expect(q.expected).toBeCloseTo(w5 - alpha * sum, 14);
    const c = checkAnswer(q, String(w5 - (alpha * sum) / 2), 1);
    expect(c.correct).toBe(false);
    expect(c.message).toMatch(/sums the 2 samples’ gradients/);
  });

  it('names both mistakes when they give the same number', () => {
    const q = byName(questions(config('mean', 0.5), W5), 'new w5');
    const c = checkAnswer(q, String(w5 - 0.5 * sum), 1);
    expect(c.message).toMatch(/learning rate α = 0\.5.* Or: .*mean of the 2 samples’ gradients/);
  });

  it('asks the questions of both samples, each with its own id', () => {
    const qs = questions(config('mean'), W5);
    expect(qs.filter((q) => q.name === 'z of h1')).toHaveLength(2);
    expect(new Set(qs.map((q) => q.id)).size).toBe(qs.length);
  });
});

describe('one practice run', () => {
  const qs = questions(TEXTBOOK, W5, 'forward').slice(0, 3);

  it('right first time, hinted, shown; with the running score', () => {
    let s = practiceStart(qs);
    expect(practiceCurrent(s)?.name).toBe('z of h1');
    s = practiceAnswer(s, '0.3775');
    expect(s.feedback).toMatchObject({ id: qs[0]!.id, correct: true, reveal: false });
    expect(s.score).toEqual({ first: 1, hinted: 0, shown: 0 });
    expect(practiceCurrent(s)?.name).toBe('a of h1');
    s = practiceAnswer(s, 'abc'); // refused: no attempt used
    expect(s.feedback).toMatchObject({ correct: false, refused: true });
    expect(s.misses).toBe(0);
    s = practiceAnswer(s, '0.3775'); // σ not applied
    expect(s.feedback).toMatchObject({ correct: false, refused: false, reveal: false });
    expect(s.misses).toBe(1);
    expect(practiceCurrent(s)?.name).toBe('a of h1');
    s = practiceAnswer(s, '0.5933');
    expect(s.score).toEqual({ first: 1, hinted: 1, shown: 0 });
    s = practiceAnswer(s, '1');
    s = practiceAnswer(s, '2');
    expect(s.feedback).toMatchObject({ correct: false, reveal: true });
    expect(s.feedback?.worked).toBe(qs[2]!.worked);
    expect(s.score).toEqual({ first: 1, hinted: 1, shown: 1 });
    expect(s.results.map((r) => r.outcome)).toEqual(['first', 'hinted', 'shown']);
    expect(practiceCurrent(s)).toBeNull();
    expect(practiceAnswer(s, '1')).toBe(s); // finished: nothing changes
    expect(JSON.parse(JSON.stringify(s))).toEqual(s); // serialisable
  });

  it('carries the score into the next step’s questions', () => {
    const s = practiceStart(qs, { first: 2, hinted: 1, shown: 0 });
    expect(practiceAnswer(s, '0.3775').score).toEqual({ first: 3, hinted: 1, shown: 0 });
    expect(practiceCurrent(practiceStart([]))).toBeNull();
  });
});
