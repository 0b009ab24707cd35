/**
 * Every number a lesson's caption (and its "next" line) quotes is the number the page shows, to the
 * same digits (4 significant, src/tex/format.ts), or a value quoted from the notes and said to be one.
 * The references are computed in plain float64 (lesson-references.ts), not by the app's core; where a number belongs to
 * the scene's moment, the stepper at that moment is checked to hold it as well.
 */
import { describe, expect, it } from 'vitest';
import { buildRun } from '../../src/config/build.ts';
import { LESSONS } from '../../src/content/lessons.ts';
import type { ParamRef } from '../../src/core/step/chain.ts';
import { Stepper } from '../../src/core/step/stepper.ts';
import { fmt } from '../../src/tex/format.ts';
import { E10k, P1, W1, a3, reluChain, sigChain, t0, t1, tb, textbook } from './lesson-references.ts';

/** A quoted number: a reference shown at 4 significant digits, or something else, said what. */
type Quote =
  | number
  | { readonly notes: string }
  | { readonly digits: number; readonly value: number }
  | { readonly exact: string };

/** Number tokens of a text: digits not glued to a letter (w1, E_o2), −, thousands, ×10ⁿ, 1/4. */
function numbers(text: string): string[] {
  const plain = text.replace(/\bnotes? \d{3}(, \d{3})*/gi, '');
  const re = /(?<![\p{L}\p{N}_.])−?(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:×10[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+|\/\d+)?/gu;
  return plain.match(re) ?? [];
}

// ---- what each scene quotes -----------------------------------------------------------------

interface SceneCheck {
  readonly quotes: Readonly<Record<string, Quote>>;
  /** Values the stepper holds at the scene's moment, each with the token it must format to. */
  readonly shown?: (st: Stepper, grad: (p: ParamRef) => number) => [string, number][];
}

const w = (layer: number, to: number, from: number): ParamRef => ({ kind: 'weight', layer, to, from });
const NOTES = { notes: 'a value the notes print, quoted as such' };

const CHECKS: Record<string, readonly SceneCheck[]> = {
  neuron: [
    {
      quotes: {
        '0': 0,
        '1': 1,
        '2': 2,
        '3': 3,
        '0.9526': a3,
        '13': 13,
        '3.606': Math.sqrt(13),
        '0.8321': 3 / Math.sqrt(13),
        '33.69': (Math.acos(3 / Math.sqrt(13)) * 180) / Math.PI,
      },
      shown: (st) => [
        ['3', st.ws.z[st.net.nOff[1]!]!],
        ['0.9526', st.ws.a[st.net.nOff[1]!]!],
      ],
    },
    {
      quotes: { '1': 1, '0.9526': a3, '0.002249': (a3 - 1) ** 2 },
      shown: (st) => [['0.002249', st.sampleLoss]],
    },
    {
      quotes: {
        '2': 2,
        '0.9526': a3,
        '1': 1,
        '0.04518': a3 * (1 - a3),
        '−0.09485': 2 * (a3 - 1),
        '−0.004285': 2 * (a3 - 1) * a3 * (1 - a3),
        '0': 0,
      },
      shown: (_, grad) => [['−0.004285', grad(w(1, 0, 1))]],
    },
  ],
  forward: [
    {
      quotes: {
        '0.15': 0.15,
        '0.05': 0.05,
        '0.2': 0.2,
        '0.1': 0.1,
        '0.35': 0.35,
        '0.3775': tb.nh1,
        '0.377': NOTES,
        '0.5933': tb.h1,
      },
      shown: (st) => [['0.5933', st.ws.a[st.net.nOff[1]!]!]],
    },
    {
      quotes: {
        '0.4': 0.4,
        '0.5933': tb.h1,
        '0.45': 0.45,
        '0.5969': tb.h2,
        '0.6': 0.6,
        '1.106': tb.no1,
        '1.175': NOTES,
        '0.7514': tb.o1,
        '0.7729': tb.o2,
      },
      shown: (st) => [['1.106', st.ws.z[st.net.nOff[2]!]!]],
    },
    {
      quotes: {
        '0.5': 0.5,
        '0.5933': tb.h1,
        '0.55': 0.55,
        '0.5969': tb.h2,
        '0.6': 0.6,
        '1.225': tb.no2,
        '0.7729': tb.o2,
        '0.01': 0.01,
        '0.99': 0.99,
      },
      shown: (st) => [['0.7729', st.ws.a[st.net.nOff[2]! + 1]!]],
    },
  ],
  loss: [
    {
      quotes: {
        '0.01': 0.01,
        '0.7514': tb.o1,
        '0.2748': tb.E1,
        '0.99': 0.99,
        '0.7729': tb.o2,
        '0.02356': tb.E2,
        '0.23': NOTES,
        '0.2984': tb.E,
        '0.50': NOTES,
        '2': 2,
      },
      shown: (st) => [['0.2984', st.sampleLoss]],
    },
  ],
  'chain-rule': [
    // note 003: d height / d weight = 2/1 = 2, d shoe size / d height = 1/4
    { quotes: { '2': 2, '1/4': { exact: '1/4' }, '0.5': 2 * 0.25, '1': 1 } },
    { quotes: { '1': 1 } },
  ],
  backprop: [
    {
      quotes: {
        '0.7414': tb.o1 - 0.01,
        '0.1868': tb.o1 * (1 - tb.o1),
        '0.5933': tb.h1,
        '0.08217': tb.grad[4]!,
      },
      shown: (_, grad) => [['0.08217', grad(w(2, 0, 0))]],
    },
    {
      quotes: {
        '0.1385': tb.d1,
        '0.4': 0.4,
        '−0.0381': tb.d2,
        '0.5': 0.5,
        '0.03635': tb.dh1,
        '0.2413': tb.h1 * (1 - tb.h1),
        '0.05': 0.05,
        '0.0004386': tb.grad[0]!,
      },
      shown: (_, grad) => [['0.0004386', grad(w(1, 0, 0))]],
    },
    {
      quotes: {
        '0.4': 0.4,
        '0.5': 0.5,
        '0.08217': tb.grad[4]!,
        '0.3589': W1[4]!,
        '0.15': 0.15,
        '0.0004386': tb.grad[0]!,
        '0.1498': W1[0]!,
        '0.2984': tb.E,
        '0.291': textbook(W1).E,
        '0.291027774': { digits: 9, value: textbook(W1).E },
        '0.291027924': { notes: 'the blog’s value, from older code' },
        '10,000': { exact: '10,000' },
        '3.51×10⁻⁵': E10k,
        '0.0000351085': { notes: 'the blog’s value, from older code' },
      },
      shown: (st) => [
        ['0.3589', st.params[st.net.wOff[2]!]!],
        ['0.291', st.datasetLoss()],
      ],
    },
  ],
  'gradient-descent': [
    { quotes: { '1': 1, '−1': -1, '2': 2, '3': 2 - -1, '0.05': 0.05 } },
    {
      quotes: {
        '1.85': 2 - 0.05 * 3,
        '3': 3,
        '4.5': 0.5 * 3 ** 2,
        '2.85': 1.85 + 1,
        '4.061': 0.5 * 2.85 ** 2,
      },
      shown: (st) => [['1.85', st.params[0]!]],
    },
    { quotes: { '7': 7, '5': 5, '−2': 5 - 7, '0.05': 0.05, '5.1': 5 - 0.05 * -2, '2.5': 2.5 } },
    { quotes: { '5.1': 5.1, '7': 7 }, shown: (st) => [['5.1', st.params[0]!]] },
  ],
  batches: [
    { quotes: { '1': 1 } },
    {
      quotes: {
        '3': 3,
        '100': t0.rows[0]!.E,
        '625': t0.rows[1]!.E,
        '1296': t0.rows[2]!.E,
        '2021': t0.E,
        '0': 0,
        '10': 10,
        '25': 25,
        '36': 36,
        '2': 2,
        '−142': t0.dBias,
        '0.001': 0.001,
        '0.142': P1[8]!,
      },
      shown: (st) => [
        ['2021', st.datasetLoss()],
        ['−142', st.accumulated({ kind: 'bias', layer: 2, to: 0 })],
      ],
    },
    {
      quotes: {
        '20': 20,
        '90': 90,
        '40': 40,
        '−97.38': t1.rows[0]!.z1,
        '0': 0,
        '0.142': P1[8]!,
        '2021': t0.E,
        '2001': t1.E,
      },
      shown: (st) => [
        ['0.142', st.params[st.net.bOff[2]!]!],
        ['2001', st.datasetLoss()],
      ],
    },
  ],
  vanishing: [
    {
      quotes: {
        '0.25': 0.25,
        '−0.03569': sigChain[4]!,
        '−0.0001171': sigChain[0]!,
        '300': { digits: 1, value: sigChain[4]! / sigChain[0]! },
      },
      shown: (_, grad) => [
        ['−0.03569', grad(w(5, 0, 0))],
        ['−0.0001171', grad(w(1, 0, 0))],
      ],
    },
    {
      quotes: { '1': 1, '0': 0, '−0.03322': reluChain[0]!, '−1': -1 },
      shown: (_, grad) => [1, 2, 3, 4, 5].map((l) => ['−0.03322', grad(w(l, 0, 0))] as [string, number]),
    },
    { quotes: {} },
  ],
  'face-car': [{ quotes: { '1': 1, '0': 0 } }, { quotes: { '2': 2 } }, { quotes: { '0': 0 } }],
};

describe('lesson captions quote what the scene shows', () => {
  it('references: the notes’ slips corrected, derived here in float64', () => {
    expect(tb.nh1).toBeCloseTo(0.3775, 15);
    expect(tb.no1).toBeCloseTo(1.10590597, 8);
    expect(tb.E).toBeCloseTo(0.298371109, 9);
    expect(textbook(W1).E).toBeCloseTo(0.291027774, 9);
    expect(E10k).toBeCloseTo(3.5101878e-5, 12);
    expect(t0.E).toBeCloseTo(2021, 9); // the outputs start at ≈ 0: 10² + 25² + 36²
    expect(t0.dBias).toBeCloseTo(-142, 9);
  });

  for (const lesson of LESSONS) {
    it(`${lesson.name}: every quoted number is accounted for and formats as shown`, () => {
      const checks = CHECKS[lesson.name];
      expect(checks, `no checks for lesson ${lesson.name}`).toBeDefined();
      expect(checks!.length).toBe(lesson.scenes.length);
      lesson.scenes.forEach((scene, k) => {
        const where = `${lesson.name} scene ${k + 1}`;
        const { quotes, shown } = checks![k]!;
        for (const token of numbers(`${scene.caption} ${scene.next}`)) {
          const q = quotes[token];
          expect(q, `${where}: "${token}" is quoted but not checked`).toBeDefined();
          if (typeof q === 'number') expect(fmt(q), `${where}: ${token}`).toBe(token);
          else if (q && 'digits' in q)
            expect(Number(q.value.toPrecision(q.digits)), `${where}: ${token}`).toBe(Number(token));
          else if (q && 'exact' in q) expect(token).toBe(q.exact);
        }
        if (!shown) return;
        const st = new Stepper(buildRun(scene.config));
        const [u, m] = scene.at;
        st.fastTo(u, false);
        st.goTo(u, m);
        const grad = (p: ParamRef) => st.chain(p).rule.gradient;
        for (const [token, value] of shown(st, grad)) {
          expect(fmt(value), `${where}: the page shows ${token}`).toBe(token);
          const q = quotes[token];
          if (typeof q === 'number')
            expect(Math.abs(value - q)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(q)));
        }
      });
    });
  }

  it('the chain-rule lesson follows note 003: 2 cm per kg, 1/4 shoe size per cm', () => {
    const scene = LESSONS.find((l) => l.name === 'chain-rule')!.scenes[0]!;
    expect(scene.caption).toContain('2 · 1/4 = 0.5 per kg');
    expect(scene.caption).not.toMatch(/0\.1 per cm/);
  });

  it('the batch lesson sums, as note 003 does: E = E1 + E2 + E3 and w ← w − α Σₛ ∂Lₛ/∂w', () => {
    const batches = LESSONS.find((l) => l.name === 'batches')!;
    for (const s of batches.scenes) expect(s.config.reduction).toBe('sum');
    expect(batches.scenes[1]!.caption).toContain('E = E1 + E2 + E3');
    expect(batches.scenes[1]!.caption).toContain('sum of the three gradients');
    expect(batches.scenes.map((s) => `${s.caption} ${s.next}`).join(' ')).not.toMatch(/\bmean\b/);
  });

  it('names the notes "note 000…004", never "seed"', () => {
    for (const l of LESSONS) {
      expect(l.source).toMatch(/^notes? \d{3}(, \d{3})*$/);
      for (const s of l.scenes) expect(`${s.title} ${s.caption} ${s.next}`).not.toMatch(/\bseeds?\b/i);
    }
  });
});
