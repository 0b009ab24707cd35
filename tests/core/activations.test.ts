/**
 * Each activation's record checked piece against piece: the derivative against central differences
 * of the value, the kernel's source evaluated against the value and the derivative (bit for bit),
 * the TeX rendered by KaTeX and naming the function. A new activation needs its name here (NAMES).
 */
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import {
  ACT,
  ACTIVATION_LIST,
  ACTIVATION_NAMES,
  ACTIVATIONS,
  activate,
  activationDerivative,
} from '../../src/core/model/activations.ts';
import type { ActivationName } from '../../src/core/model/activations.ts';
import { KERNEL_HELPERS } from '../../src/core/train/kernel.ts';

/** How each function is named when rendered (the identity has no name: a = z). */
const NAMES: Record<ActivationName, string | null> = {
  sigmoid: 'σ',
  tanh: 'tanh',
  relu: 'ReLU',
  'leaky-relu': 'LReLU',
  linear: null,
  softmax: 'softmax',
};

/** Sums away from 0 (where the ReLUs have their kink), of every size the training meets. */
const ZS = [-40, -3.7, -1, -0.3, -1e-3, 2e-3, 0.25, 0.9, 1.6, 5, 23];

const helperNames = Object.keys(KERNEL_HELPERS);
const helperValues = Object.values(KERNEL_HELPERS);

/** Compiles `body` with the kernel's helpers in scope, as compileKernels does. */
function compile(params: string[], body: string): (...args: unknown[]) => unknown {
  const f = new Function(...helperNames, ...params, `"use strict";\n${body}`);
  return (...args) => f(...helperValues, ...args);
}

function render(tex: string): string {
  return katex.renderToString(tex, { throwOnError: true, trust: false, strict: 'error' });
}

/** The text KaTeX shows, without its MathML copy. */
function shown(tex: string): string {
  return render(tex)
    .replace(/<annotation[^]*?<\/annotation>/g, '')
    .replace(/<math[^]*?<\/math>/g, '')
    .replace(/<[^>]+>/g, '');
}

describe('the activation records', () => {
  it('number the activations in order, by name and by code', () => {
    ACTIVATION_NAMES.forEach((name, code) => {
      expect(ACT[name]).toBe(code);
      expect(ACTIVATIONS[name].code).toBe(code);
      expect(ACTIVATIONS[name].name).toBe(name);
      expect(ACTIVATION_LIST[code]).toBe(ACTIVATIONS[name]);
    });
    expect(Object.keys(NAMES).sort()).toEqual([...ACTIVATION_NAMES].sort());
  });

  for (const name of ACTIVATION_NAMES) {
    const f = ACTIVATIONS[name];
    describe(name, () => {
      if (f.kind === 'element-wise') {
        it('has the derivative of its value (central differences)', () => {
          for (const z of ZS) {
            const h = 1e-6 * Math.max(1, Math.abs(z));
            const numeric = (f.value(z + h) - f.value(z - h)) / (2 * h);
            expect(f.derivative(z, f.value(z)), `${name}′(${z})`).toBeCloseTo(numeric, 7);
          }
        });

        it('compiles to the same bits as its value and derivative', () => {
          const run = compile(
            ['z'],
            `${f.kernel.value('z', 'a')}\nreturn [a, ${f.kernel.derivative('z', 'a')}];`,
          );
          for (const z of [...ZS, 0, -0, 0.7, -0.62, 0.63, 22.5, -1e-300, 700, NaN, Infinity]) {
            const [a, d] = run(z) as [number, number];
            expect(Object.is(a, f.value(z)), `${name}(${z}) = ${f.value(z)}, kernel ${a}`).toBe(true);
            expect(Object.is(d, f.derivative(z, f.value(z))), `${name}′(${z})`).toBe(true);
          }
        });

        it('reads z in its derivative only when it says so', () => {
          const src = f.kernel.derivative('zz', 'aa');
          expect(src.includes('zz')).toBe(f.slopeFrom === 'z');
          expect(src.includes('aa')).toBe(f.slopeFrom === 'a');
        });

        it('is what activate and activationDerivative compute by code', () => {
          for (const z of ZS) {
            expect(activate(f.code, z)).toBe(f.value(z));
            expect(activationDerivative(f.code, z, f.value(z))).toBe(f.derivative(z, f.value(z)));
          }
        });

        it('writes TeX that KaTeX renders and that names the function', () => {
          const z = 'z^{(1)}_{0}';
          const a = 'a^{(1)}_{0}';
          const lines = [
            f.tex.value(z, 'z^{(1)}_m'),
            f.tex.slope(z, a),
            f.tex.slopeNumbers({ a: '0.5', z: 0.3, zTex: '0.3', zSym: z }),
            f.tex.slopeNumbers({ a: '(-0.2)', z: -1.5, zTex: '-1.5', zSym: z }),
            `a = ${f.tex.symbol}(z)`,
          ];
          for (const t of lines) expect(() => render(t), t).not.toThrow();
          const named = NAMES[name];
          if (named === null) expect(f.tex.value(z, '')).toBe(z);
          else {
            expect(shown(f.tex.symbol)).toContain(named);
            expect(shown(`${f.tex.value(z, '')} \\quad ${f.tex.slope(z, a)}`)).toContain(named);
          }
        });
      } else {
        const z = Float64Array.from([0.3, -1.2, 2.5, 0.1]);
        const n = z.length;
        const valueOf = (zz: Float64Array) => {
          const a = new Float64Array(n);
          f.value(zz, a, 0, n);
          return a;
        };

        it('has the Jacobian of its value (central differences)', () => {
          const a = valueOf(z);
          for (let j = 0; j < n; j++) {
            const up = z.slice();
            const down = z.slice();
            up[j] = up[j]! + 1e-6;
            down[j] = down[j]! - 1e-6;
            const aUp = valueOf(up);
            const aDown = valueOf(down);
            for (let k = 0; k < n; k++)
              expect(f.derivative(a, k, j)).toBeCloseTo((aUp[k]! - aDown[k]!) / 2e-6, 8);
          }
        });

        it('compiles to the same bits as its value', () => {
          const zs = Array.from({ length: n }, (_, k) => `z${k}`);
          const as = Array.from({ length: n }, (_, k) => `out[${k}]`);
          const run = compile(['out', ...zs], `${f.kernel.value(zs, as)}\nreturn out;`);
          for (const zz of [z, Float64Array.from([700, -700, 0, 1e-300]), Float64Array.from([5, 5, 5, 5])]) {
            const got = run(new Float64Array(n), ...zz) as Float64Array;
            expect(Array.from(got)).toEqual(Array.from(valueOf(zz)));
          }
        });

        it('writes TeX that KaTeX renders and that names the function', () => {
          for (const t of [f.tex.value('z^{(2)}_{0}', 'z^{(2)}_m'), f.tex.jacobian, `a = ${f.tex.symbol}(z)`])
            expect(() => render(t), t).not.toThrow();
          expect(shown(f.tex.symbol)).toContain(NAMES[name]);
        });
      }
    });
  }
});
