/**
 * Each loss's record checked piece against piece: its value against an independent float64 formula,
 * its derivative against central differences of its value (through a softmax output: the chain rule
 * with the softmax record's Jacobian), the kernel's source against the derivative (bit for bit), the
 * TeX in KaTeX. A new loss needs its reference formula here (REFERENCE).
 */
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { ACT, ACTIVATIONS } from '../../src/core/model/activations.ts';
import { LOSS, LOSS_NAMES, LOSSES, lossDerivative, sampleLoss } from '../../src/core/model/losses.ts';
import type { LossName } from '../../src/core/model/losses.ts';
import { KERNEL_HELPERS } from '../../src/core/train/kernel.ts';

type OutputKind = 'element-wise' | 'sigmoid' | 'softmax';

/** The per-sample loss, written out here with Math: outputs a, targets t. */
const REFERENCE: Record<LossName, (a: number[], t: number[], out: OutputKind) => number> = {
  'squared-error': (a, t) => a.reduce((s, ak, k) => s + (ak - t[k]!) ** 2, 0),
  'half-squared-error': (a, t) => a.reduce((s, ak, k) => s + 0.5 * (ak - t[k]!) ** 2, 0),
  'mean-squared-error': (a, t) => a.reduce((s, ak, k) => s + (ak - t[k]!) ** 2, 0) / a.length,
  'cross-entropy': (a, t, out) =>
    out === 'softmax'
      ? -a.reduce((s, ak, k) => s + t[k]! * Math.log(ak), 0)
      : -a.reduce((s, ak, k) => s + t[k]! * Math.log(ak) + (1 - t[k]!) * Math.log(1 - ak), 0),
};

/** Which outputs each loss is tried with (cross-entropy takes sigmoid or softmax outputs only). */
const OUTPUTS: Record<LossName, OutputKind[]> = {
  'squared-error': ['element-wise', 'softmax'],
  'half-squared-error': ['element-wise', 'softmax'],
  'mean-squared-error': ['element-wise', 'softmax'],
  'cross-entropy': ['sigmoid', 'softmax'],
};

const T = [0.2, 1, 0];
const code = (out: OutputKind) =>
  out === 'softmax' ? ACT.softmax : out === 'sigmoid' ? ACT.sigmoid : ACT.linear;

/** The outputs a of sums z after the output layer. */
function outputs(z: number[], out: OutputKind): number[] {
  if (out === 'element-wise') return z;
  if (out === 'sigmoid') return z.map((v) => 1 / (1 + Math.exp(-v)));
  const m = Math.max(...z);
  const e = z.map((v) => Math.exp(v - m));
  const s = e.reduce((x, y) => x + y, 0);
  return e.map((v) => v / s);
}

/** The record's loss of sums z (and their outputs), targets t. */
function value(loss: LossName, z: number[], out: OutputKind, t = T): number {
  const a = outputs(z, out);
  return LOSSES[loss].value(
    code(out),
    Float64Array.from(z),
    Float64Array.from(a),
    0,
    Float64Array.from(t),
    0,
    z.length,
  );
}

const helperNames = Object.keys(KERNEL_HELPERS);
const helperValues = Object.values(KERNEL_HELPERS);

describe('the loss records', () => {
  it('number the losses in order, by name and by code', () => {
    LOSS_NAMES.forEach((name, c) => {
      expect(LOSS[name]).toBe(c);
      expect(LOSSES[name].code).toBe(c);
      expect(LOSSES[name].name).toBe(name);
    });
    expect(Object.keys(REFERENCE).sort()).toEqual([...LOSS_NAMES].sort());
  });

  for (const name of LOSS_NAMES) {
    const L = LOSSES[name];
    for (const out of OUTPUTS[name]) {
      describe(`${name} after a ${out} output`, () => {
        const zs = [
          [0.3, -1.2, 0.8],
          [2.5, 0.1, -0.4],
          [-3, 4, 0.05],
        ];

        it('is the formula (against a float64 reference)', () => {
          for (const z of zs)
            expect(value(name, z, out)).toBeCloseTo(REFERENCE[name](outputs(z, out), T, out), 12);
          // and sampleLoss dispatches to it by code, at an offset
          const z = zs[0]!;
          const a = outputs(z, out);
          const pad = (xs: number[]) => Float64Array.from([9, 9, ...xs]);
          expect(sampleLoss(L.code, code(out), pad(z), pad(a), 2, Float64Array.from([7, ...T]), 1, 3)).toBe(
            value(name, z, out),
          );
        });

        it('has the derivative of its value (central differences)', () => {
          for (const z of zs) {
            const a = outputs(z, out);
            const g = a.map((ak, k) => L.derivative(ak, T[k]!, 3, code(out)));
            for (let j = 0; j < 3; j++) {
              const h = 1e-6;
              if (out === 'softmax') {
                // ∂L/∂z_j = Σ_k ∂L/∂a_k · ∂a_k/∂z_j, with the softmax record's Jacobian
                const sm = ACTIVATIONS.softmax;
                if (sm.kind !== 'layer') throw new Error('softmax is a layer function');
                const dz = g.reduce((s, gk, k) => s + gk * sm.derivative(a, k, j), 0);
                const up = z.map((v, k) => (k === j ? v + h : v));
                const down = z.map((v, k) => (k === j ? v - h : v));
                expect(dz).toBeCloseTo((value(name, up, out) - value(name, down, out)) / (2 * h), 6);
              } else {
                // move a_j (and its sum z_j with it)
                const inv = (ak: number) => (out === 'sigmoid' ? Math.log(ak / (1 - ak)) : ak);
                const at = (d: number) => z.map((v, k) => (k === j ? inv(a[k]! + d) : v));
                expect(g[j]).toBeCloseTo((value(name, at(h), out) - value(name, at(-h), out)) / (2 * h), 6);
              }
            }
          }
        });

        it('compiles to the same bits as its derivative', () => {
          const src = L.kernel.derivative('a', 't', 3, code(out));
          const f = new Function(...helperNames, 'a', 't', `"use strict"; return ${src};`);
          for (const [a, t] of [
            [0.3, 1],
            [0.9, 0],
            [0.5, 0.2],
            [1e-9, 1],
            [-2, 0.5],
          ] as const) {
            const got = f(...helperValues, a, t) as number;
            expect(Object.is(got, L.derivative(a, t, 3, code(out))), `${src} at a = ${a}, t = ${t}`).toBe(
              true,
            );
            expect(Object.is(got, lossDerivative(L.code, a, t, 3, code(out)))).toBe(true);
          }
        });
      });
    }

    it(`${name}: writes TeX that KaTeX renders, in the symbols and the numbers given`, () => {
      for (const t of [
        L.tex.value,
        L.tex.derivative('a^{(2)}_{0}', 't_{0}', 3),
        L.tex.derivative('0.75', '(-1)', 2),
      ])
        expect(() => katex.renderToString(t, { throwOnError: true, strict: 'error' }), t).not.toThrow();
      expect(L.tex.value.startsWith('L=')).toBe(true);
      const d = L.tex.derivative('AA', 'TT', 3);
      expect(d).toContain('AA');
      expect(d).toContain('TT');
    });
  }
});
