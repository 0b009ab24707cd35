/**
 * exp, log, tanh and the logistic sigmoid in plain IEEE-754 arithmetic: exp and log are ports of
 * fdlibm's e_exp.c and e_log.c (< 1 ulp), tanh is Cephes' (≤ 2 ulp).
 *
 * Why not Math.exp / Math.tanh: the ECMAScript spec leaves their precision to the engine, so the same
 * link could train to different bits in different browsers; +, −, ×, ÷ and √ are exactly specified,
 * so these functions give the same bits everywhere. They are also small enough for TurboFan to inline
 * into the training loop.
 */

const LN2_HI = 0.6931471803691238;
const LN2_LO = 1.9082149292705877e-10;
const INV_LN2 = 1.4426950408889634;
const HALF_LN2 = 0.34657359027997264; // fdlibm compares the high word with 0x3fd62e42
const THREE_HALVES_LN2 = 1.0397207708399179; // 0x3ff0a2b2
const EXP_OVERFLOW = 709.782712893384;
const EXP_UNDERFLOW = -745.1332191019411;

const P1 = 0.16666666666666602;
const P2 = -0.0027777777777015593;
const P3 = 6.613756321437934e-5;
const P4 = -1.6533902205465252e-6;
const P5 = 4.1381367970572385e-8;

/** 2^k for k = −1074 … 1023 at index k + 1074, built by exact doubling and halving. */
const POW2 = (() => {
  const t = new Float64Array(2098);
  let v = 1;
  for (let k = 0; k <= 1023; k++, v *= 2) t[k + 1074] = v;
  v = 1;
  for (let k = 0; k >= -1074; k--, v /= 2) t[k + 1074] = v;
  return t;
})();
const TWO_M1000 = POW2[-1000 + 1074]!;

function scale(y: number, k: number): number {
  if (k >= -1021) return y * POW2[k + 1074]!;
  return y * POW2[k + 1000 + 1074]! * TWO_M1000;
}

/** e^x. */
export function exp(x: number): number {
  const ax = x < 0 ? -x : x;
  if (!(ax < 709)) {
    if (x !== x) return x;
    if (x > EXP_OVERFLOW) return Infinity;
    if (x < EXP_UNDERFLOW) return 0;
  }
  let hi = 0;
  let lo = 0;
  let k = 0;
  if (ax > HALF_LN2) {
    if (ax < THREE_HALVES_LN2) {
      if (x > 0) {
        hi = x - LN2_HI;
        lo = LN2_LO;
        k = 1;
      } else {
        hi = x + LN2_HI;
        lo = -LN2_LO;
        k = -1;
      }
    } else {
      k = (INV_LN2 * x + (x < 0 ? -0.5 : 0.5)) | 0;
      hi = x - k * LN2_HI;
      lo = k * LN2_LO;
    }
    x = hi - lo;
  } else if (ax < 3.725290298461914e-9) {
    return 1 + x;
  }
  const t = x * x;
  const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k === 0) return 1 - ((x * c) / (c - 2) - x);
  const y = 1 - (lo - (x * c) / (2 - c) - hi);
  return scale(y, k);
}

/**
 * tanh x (Cephes' tanh.c: a rational approximation below 0.625, 1 − 2/(e^{2|x|} + 1) above; within
 * 2 ulp). Small enough for TurboFan to inline into the training loop.
 */
export function tanh(x: number): number {
  const ax = x < 0 ? -x : x;
  if (ax > 22) return x < 0 ? -1 : 1; // 2/(e^44 + 1) < 2^-54: the result rounds to ±1
  if (ax > 0.625) {
    const z = 1 - 2 / (exp(2 * ax) + 1);
    return x < 0 ? -z : z;
  }
  if (x === 0) return x; // keeps −0
  const s = x * x;
  const p = (TANH_P0 * s + TANH_P1) * s + TANH_P2;
  const q = ((s + TANH_Q0) * s + TANH_Q1) * s + TANH_Q2;
  return x + (x * s * p) / q;
}

const TANH_P0 = -0.9643991794250523;
const TANH_P1 = -99.28772310019185;
const TANH_P2 = -1614.6876844170845;
const TANH_Q0 = 112.81167849163293;
const TANH_Q1 = 2235.4883906010045;
const TANH_Q2 = 4844.063053251255;

/**
 * The constants of exp and tanh, for code that inlines them (src/core/train/kernel.ts): it must compute
 * the same bits as `exp` and `tanh` here, which tests/core/kernel.test.ts checks.
 */
export const MATH_CONSTANTS = {
  LN2_HI,
  LN2_LO,
  INV_LN2,
  P1,
  P2,
  P3,
  P4,
  P5,
  POW2,
  TANH_P0,
  TANH_P1,
  TANH_P2,
  TANH_Q0,
  TANH_Q1,
  TANH_Q2,
} as const;

/**
 * `a = tanh(z)` as straight-line statements for the compiled kernel, which binds the constants above:
 * the branches of `tanh` and, on its exp branch, fdlibm's exp for 1.25 < y ≤ 44 (k ≥ 2), with the
 * same operations in the same order. Inlined because a call per neuron that TurboFan does not inline
 * boxes its result (a heap allocation per neuron).
 */
export function tanhSource(z: string, a: string): string {
  return [
    `let ${a};`,
    `{ const ax = ${z} < 0 ? -${z} : ${z};`,
    `if (ax > 22) ${a} = ${z} < 0 ? -1 : 1;`,
    'else if (ax > 0.625) {',
    'const y = 2 * ax; const k = (INV_LN2 * y + 0.5) | 0;',
    'const hi = y - k * LN2_HI; const lo = k * LN2_LO; const r = hi - lo; const t = r * r;',
    'const c = r - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));',
    'const e = (1 - (lo - (r * c) / (2 - c) - hi)) * POW2[k + 1074];',
    `const q = 1 - 2 / (e + 1); ${a} = ${z} < 0 ? -q : q; }`,
    `else if (${z} === 0) ${a} = ${z};`,
    `else { const s2 = ${z} * ${z};`,
    `${a} = ${z} + (${z} * s2 * ((TANH_P0 * s2 + TANH_P1) * s2 + TANH_P2)) / (((s2 + TANH_Q0) * s2 + TANH_Q1) * s2 + TANH_Q2); } }`,
  ].join('\n');
}

/** The logistic sigmoid 1 / (1 + e^−x). */
export function sigmoid(x: number): number {
  return 1 / (1 + exp(-x));
}

const LG1 = 0.6666666666666735;
const LG2 = 0.3999999999940942;
const LG3 = 0.2857142874366239;
const LG4 = 0.22222198432149784;
const LG5 = 0.1818357216161805;
const LG6 = 0.15313837699209373;
const LG7 = 0.14798198605116586;

const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0; // little-endian: high word at 1
const LO = 1 - HI;

/** Natural logarithm. */
export function log(x: number): number {
  F64[0] = x;
  let hx = U32[HI]! | 0;
  const lx = U32[LO]!;
  let k = 0;
  if (hx < 0x00100000) {
    if (((hx & 0x7fffffff) | lx) === 0) return -Infinity;
    if (hx < 0) return NaN;
    k -= 54;
    x *= 18014398509481984; // 2^54
    F64[0] = x;
    hx = U32[HI]! | 0;
  }
  if (hx >= 0x7ff00000) return x + x;
  k += (hx >> 20) - 1023;
  hx &= 0x000fffff;
  const i = (hx + 0x95f64) & 0x100000;
  U32[HI] = hx | (i ^ 0x3ff00000); // normalise x or x/2
  x = F64[0]!;
  k += i >> 20;
  const f = x - 1;
  const dk = k;
  if ((0x000fffff & (2 + hx)) < 3) {
    if (f === 0) return k === 0 ? 0 : dk * LN2_HI + dk * LN2_LO;
    const R = f * f * (0.5 - 0.3333333333333333 * f);
    return k === 0 ? f - R : dk * LN2_HI - (R - dk * LN2_LO - f);
  }
  const s = f / (2 + f);
  const z = s * s;
  let ii = hx - 0x6147a;
  const w = z * z;
  const j = 0x6b851 - hx;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  ii |= j;
  const R = t2 + t1;
  if (ii > 0) {
    const hfsq = 0.5 * f * f;
    return k === 0 ? f - (hfsq - s * (hfsq + R)) : dk * LN2_HI - (hfsq - (s * (hfsq + R) + dk * LN2_LO) - f);
  }
  return k === 0 ? f - s * (f - R) : dk * LN2_HI - (s * (f - R) - dk * LN2_LO - f);
}

/** log(1 + e^x), stable for any x. */
export function softplus(x: number): number {
  return (x > 0 ? x : 0) + log(1 + exp(-(x < 0 ? -x : x)));
}

/**
 * [cos x, sin x] for data generation: reduced to |r| ≤ π/4 by quarter turns, then Taylor series to
 * below 1e-17. Only arithmetic, so generated data sets are the same in every browser.
 */
export function cosSin(x: number): [number, number] {
  const HALF_PI_HI = 1.5707963267341256; // π/2 split in two for an exact-enough reduction
  const HALF_PI_LO = 6.077100506506192e-11;
  const q = Math.round(x / (HALF_PI_HI + HALF_PI_LO));
  const r = x - q * HALF_PI_HI - q * HALF_PI_LO;
  const r2 = r * r;
  let c = 1;
  let s = 1;
  let tc = 1;
  let ts = 1;
  for (let n = 1; n <= 12; n++) {
    tc *= -r2 / ((2 * n - 1) * (2 * n));
    ts *= -r2 / (2 * n * (2 * n + 1));
    c += tc;
    s += ts;
  }
  s *= r;
  switch (((q % 4) + 4) % 4) {
    case 0:
      return [c, s];
    case 1:
      return [-s, c];
    case 2:
      return [-c, -s];
    default:
      return [s, -c];
  }
}
