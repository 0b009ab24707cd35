/**
 * A batch kernel compiled for one network shape: the generic per-neuron loops of `network.ts`
 * unrolled into straight-line code with constant offsets and values in locals. Same operations in
 * the same order as the generic path, so it computes the same bits (tests/core/kernel.test.ts checks
 * this over random networks); it is only faster (about 3× on the benchmark workloads).
 *
 * The source is built from numbers (layer sizes, offsets, activation and loss codes) and fixed
 * identifiers only — never from user text. Where `new Function` is unavailable (a Content-Security-
 * Policy without 'unsafe-eval'), `compileKernel` returns null and training uses the generic loops.
 */
import { ACT, LEAKY_SLOPE } from './activations.ts';
import { LOSS, sampleLoss } from './losses.ts';
import { exp, sigmoid, tanh } from './math.ts';
import { backwardAll, forwardAll, loadInput, lossOf } from './network.ts';
import type { Network, Workspace } from './network.ts';

/**
 * Accumulates into G the gradients of the samples order[start…end) at parameters P.
 * Returns −1, or the position s whose loss was not finite (G is then partly accumulated).
 */
export type BatchKernel = (
  P: Float64Array,
  G: Float64Array,
  X: Float64Array,
  T: Float64Array,
  order: Int32Array,
  start: number,
  end: number,
) => number;

/** The generic path with the kernel's signature (the stepper's functions, one neuron at a time). */
export function genericKernel(net: Network, ws: Workspace): BatchKernel {
  const nIn = net.sizes[0]!;
  const nOut = net.sizes[net.depth]!;
  return (P, G, X, T, order, start, end) => {
    for (let s = start; s < end; s++) {
      const r = order[s]!;
      loadInput(net, ws, X, r * nIn);
      forwardAll(net, P, ws);
      const loss = lossOf(net, ws, T, r * nOut);
      if (loss - loss !== 0) return s;
      backwardAll(net, P, ws, T, r * nOut, G);
    }
    return -1;
  };
}

function lit(v: number): string {
  return Object.is(v, -0) ? '-0' : String(v);
}

/** ∂L/∂a for an output, as the expression `lossDerivative` evaluates. */
function lossDerivativeExpr(loss: number, a: string, t: string, K: number): string {
  switch (loss) {
    case LOSS['squared-error']:
      return `2 * (${a} - ${t})`;
    case LOSS['half-squared-error']:
      return `(${a} - ${t})`;
    case LOSS['mean-squared-error']:
      return `(2 * (${a} - ${t})) / ${K}`;
    default:
      return `-${t} / ${a}`;
  }
}

function activationExpr(code: number, z: string): string {
  switch (code) {
    case ACT.sigmoid:
      return `sigmoid(${z})`;
    case ACT.tanh:
      return `tanh(${z})`;
    case ACT.relu:
      return `(${z} > 0 ? ${z} : 0)`;
    case ACT['leaky-relu']:
      return `(${z} > 0 ? ${z} : ${lit(LEAKY_SLOPE)} * ${z})`;
    default:
      return z;
  }
}

function derivativeExpr(code: number, z: string, a: string): string {
  switch (code) {
    case ACT.sigmoid:
      return `${a} * (1 - ${a})`;
    case ACT.tanh:
      return `1 - ${a} * ${a}`;
    case ACT.relu:
      return `(${z} > 0 ? 1 : 0)`;
    case ACT['leaky-relu']:
      return `(${z} > 0 ? 1 : ${lit(LEAKY_SLOPE)})`;
    default:
      return '1';
  }
}

/** The kernel's source for `net` (exported for tests and for reading). */
export function kernelSource(net: Network): string {
  const L = net.depth;
  const sizes = net.sizes;
  const nIn = sizes[0]!;
  const K = sizes[L]!;
  const outOff = net.nOff[L]!;
  const outAct = net.actCodes[L - 1]!;
  const ce = net.lossCode === LOSS['cross-entropy'];
  const z = (n: number) => `z${n}`;
  const a = (n: number) => `a${n}`;
  const d = (n: number) => `d${n}`;
  const lines: string[] = [];
  const emit = (s: string) => lines.push(s);
  emit('for (let s = start; s < end; s++) {');
  emit('const r = order[s];');
  emit(`const xo = r * ${nIn};`);
  emit(`const to = r * ${K};`);
  for (let i = 0; i < nIn; i++) emit(`const ${a(i)} = X[xo + ${i}];`);
  // Forward: z = Σ w·a + b (left to right, as forwardNeuron), a = f(z).
  for (let l = 1; l <= L; l++) {
    const nin = sizes[l - 1]!;
    const code = net.actCodes[l - 1]!;
    for (let j = 0; j < sizes[l]!; j++) {
      const idx = net.nOff[l]! + j;
      const row = net.wOff[l]! + j * nin;
      const terms = Array.from({ length: nin }, (_, i) => `P[${row + i}] * ${a(net.nOff[l - 1]! + i)}`);
      emit(`const ${z(idx)} = ${terms.join(' + ')} + P[${net.bOff[l]! + j}];`);
      if (code !== ACT.softmax) emit(`const ${a(idx)} = ${activationExpr(code, z(idx))};`);
    }
    if (code === ACT.softmax) {
      const off = net.nOff[l]!;
      emit('let mx = -Infinity;');
      for (let k = 0; k < sizes[l]!; k++) emit(`if (${z(off + k)} > mx) mx = ${z(off + k)};`);
      emit('let sm = 0;');
      for (let k = 0; k < sizes[l]!; k++) emit(`const e${k} = exp(${z(off + k)} - mx); sm += e${k};`);
      for (let k = 0; k < sizes[l]!; k++) emit(`const ${a(off + k)} = e${k} / sm;`);
    }
  }
  // The loss, for the divergence check only.
  for (let k = 0; k < K; k++) emit(`oz[${k}] = ${z(outOff + k)}; oa[${k}] = ${a(outOff + k)};`);
  emit(`const loss = sampleLoss(${net.lossCode}, ${outAct}, oz, oa, 0, T, to, ${K});`);
  emit('if (loss - loss !== 0) return s;');
  // Backward, output layer (as backwardNeuron).
  const t = (k: number) => `T[to + ${k}]`;
  if (outAct === ACT.softmax && ce) {
    emit('let st = 0;');
    for (let m = 0; m < K; m++) emit(`st += ${t(m)};`);
    for (let j = 0; j < K; j++) emit(`const ${d(outOff + j)} = ${a(outOff + j)} * st - ${t(j)};`);
  } else if (outAct === ACT.softmax) {
    emit('let sg = 0;');
    for (let m = 0; m < K; m++)
      emit(`sg += ${lossDerivativeExpr(net.lossCode, a(outOff + m), t(m), K)} * ${a(outOff + m)};`);
    for (let j = 0; j < K; j++) {
      emit(
        `const ${d(outOff + j)} = ${a(outOff + j)} * (${lossDerivativeExpr(net.lossCode, a(outOff + j), t(j), K)} - sg);`,
      );
    }
  } else if (ce) {
    for (let j = 0; j < K; j++) emit(`const ${d(outOff + j)} = ${a(outOff + j)} - ${t(j)};`);
  } else {
    for (let j = 0; j < K; j++) {
      const n = outOff + j;
      emit(
        `const ${d(n)} = (${lossDerivativeExpr(net.lossCode, a(n), t(j), K)}) * (${derivativeExpr(outAct, z(n), a(n))});`,
      );
    }
  }
  // Backward, hidden layers: ∂L/∂a_j = Σ_k δ_k w_kj (left to right), δ_j = ∂L/∂a_j · f'(z_j).
  for (let l = L - 1; l >= 1; l--) {
    const code = net.actCodes[l - 1]!;
    const nl = sizes[l]!;
    for (let j = 0; j < nl; j++) {
      const n = net.nOff[l]! + j;
      const terms = Array.from(
        { length: sizes[l + 1]! },
        (_, k) => `${d(net.nOff[l + 1]! + k)} * P[${net.wOff[l + 1]! + k * nl + j}]`,
      );
      emit(`const ${d(n)} = (${terms.join(' + ')}) * (${derivativeExpr(code, z(n), a(n))});`);
    }
  }
  // Gradient contributions: ∂L/∂w_ji += δ_j a_i, ∂L/∂b_j += δ_j.
  for (let l = 1; l <= L; l++) {
    const nin = sizes[l - 1]!;
    for (let j = 0; j < sizes[l]!; j++) {
      const n = net.nOff[l]! + j;
      const row = net.wOff[l]! + j * nin;
      for (let i = 0; i < nin; i++) emit(`G[${row + i}] += ${d(n)} * ${a(net.nOff[l - 1]! + i)};`);
      emit(`G[${net.bOff[l]! + j}] += ${d(n)};`);
    }
  }
  emit('}');
  emit('return -1;');
  return lines.join('\n');
}

/** Compiles the kernel for `net`, or returns null where code generation is not allowed. */
export function compileKernel(net: Network): BatchKernel | null {
  const K = net.sizes[net.depth]!;
  try {
    const make = new Function(
      'sigmoid',
      'tanh',
      'exp',
      'sampleLoss',
      'oz',
      'oa',
      `"use strict";\nreturn function kernel(P, G, X, T, order, start, end) {\n${kernelSource(net)}\n};`,
    ) as (...helpers: unknown[]) => BatchKernel;
    return make(sigmoid, tanh, exp, sampleLoss, new Float64Array(K), new Float64Array(K));
  } catch {
    return null;
  }
}
