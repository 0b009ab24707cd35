/**
 * Kernels compiled for one network shape: the generic per-neuron loops of `network.ts` unrolled into
 * straight-line code with constant offsets and values in locals, one function per layer looping over
 * the batch. Same operations in the same order as the generic path, so they compute the same bits
 * (tests/core/kernel.test.ts checks this over random networks); they are only faster (about 5× on
 * the benchmark workloads).
 *
 * The source is built from numbers (layer sizes, offsets, activation and loss codes), fixed
 * identifiers and the activation and loss records' kernel expressions — never from user text. Where `new Function` is unavailable (a Content-Security-
 * Policy without 'unsafe-eval'), `compileKernels` returns null and training uses the generic loops.
 */
import { ACT, ACTIVATION_LIST } from '../model/activations.ts';
import type { ElementWise } from '../model/activations.ts';
import { LOSS, LOSSES, reduceLoss, sampleLoss } from '../model/losses.ts';
import type { Reduction } from '../model/losses.ts';
import { exp, MATH_CONSTANTS, sigmoid } from '../model/math.ts';
import { accumulateSample, lossOfSample } from '../model/network.ts';
import type { Network, Rows, Workspace } from '../model/network.ts';

/**
 * Accumulates into G the gradients of the samples order[start…end) at parameters P.
 * Returns −1, or the position s whose loss was not finite (G is then partly accumulated: the caller
 * discards it).
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
    const rows: Rows = { X, T, nIn, nOut };
    for (let s = start; s < end; s++) {
      const loss = accumulateSample(net, P, ws, rows, order[s]!, G);
      if (loss - loss !== 0) return s;
    }
    return -1;
  };
}

/**
 * What the kernel's source may call or read besides its own arrays, by name: the math of `math.ts`
 * (the records' kernel expressions use these) and the per-sample loss.
 */
export const KERNEL_HELPERS = { sigmoid, exp, sampleLoss, ...MATH_CONSTANTS } as const;

/** The record of an element-wise activation (softmax layers and outputs are written out here). */
function elementWise(code: number): ElementWise {
  const f = ACTIVATION_LIST[code]!;
  if (f.kind !== 'element-wise') throw new Error(`${f.name} is not element-wise`);
  return f;
}

/**
 * The kernel's source for `net` (exported for tests and for reading). Layer-major: each layer's
 * function loads that layer's weights (and, backward, its gradient sums) into locals once per batch
 * and loops over the batch's samples, whose values sit in rows of N = neuronCount entries of the
 * arrays A (activations), Z (sums) and D (δ). Per sample and per entry the operations and their order
 * are those of network.ts — samples never interact within a batch, and each gradient sum still adds
 * the samples in order — so the bits are the same; only loads, stores and calls are saved.
 */
export function kernelSource(net: Network, reduction: Reduction = 'mean'): string {
  const L = net.depth;
  const sizes = net.sizes;
  const N = net.neuronCount;
  const nIn = sizes[0]!;
  const K = sizes[L]!;
  const outOff = net.nOff[L]!;
  const outAct = net.actCodes[L - 1]!;
  const ce = net.lossCode === LOSS['cross-entropy'];
  const z = (n: number) => `z${n}`;
  const a = (n: number) => `a${n}`;
  const d = (n: number) => `d${n}`;
  const w = (k: number) => `w${k}`;
  const g = (k: number) => `g${k}`;
  const out: string[] = [];
  const loadA = (l: number) => {
    for (let i = 0; i < sizes[l]!; i++)
      out.push(`const ${a(net.nOff[l]! + i)} = A[o + ${net.nOff[l]! + i}];`);
  };
  /** Parameters of layer l (weights then biases) into locals. */
  const loadParams = (l: number) => {
    for (let k = net.wOff[l]!; k < net.bOff[l]! + sizes[l]!; k++) out.push(`const ${w(k)} = P[${k}];`);
  };

  // Forward, layer l: z = Σ w·a + b (left to right, as forwardNeuron), a = f(z).
  for (let l = 1; l <= L; l++) {
    const nin = sizes[l - 1]!;
    const f = ACTIVATION_LIST[net.actCodes[l - 1]!]!;
    out.push(`function forward${l}(P, A, Z, m) {`);
    loadParams(l);
    out.push(`for (let s = 0, o = 0; s < m; s++, o += ${N}) {`);
    loadA(l - 1);
    for (let j = 0; j < sizes[l]!; j++) {
      const idx = net.nOff[l]! + j;
      const row = net.wOff[l]! + j * nin;
      const terms = Array.from({ length: nin }, (_, i) => `${w(row + i)} * ${a(net.nOff[l - 1]! + i)}`);
      out.push(`const ${z(idx)} = ${terms.join(' + ')} + ${w(net.bOff[l]! + j)}; Z[o + ${idx}] = ${z(idx)};`);
      if (f.kind === 'element-wise') out.push(f.kernel.value(z(idx), a(idx)), `A[o + ${idx}] = ${a(idx)};`);
    }
    if (f.kind === 'layer') {
      const ns = Array.from({ length: sizes[l]! }, (_, k) => net.nOff[l]! + k);
      out.push(
        f.kernel.value(
          ns.map(z),
          ns.map((n) => `A[o + ${n}]`),
        ),
      );
    }
    out.push('}');
    out.push('}');
  }

  // ∂L/∂w_ji += δ_j a_i, ∂L/∂b_j += δ_j into local sums, stored back after the batch.
  const openSums = (l: number) => {
    for (let k = net.wOff[l]!; k < net.bOff[l]! + sizes[l]!; k++) out.push(`let ${g(k)} = G[${k}];`);
  };
  const accumulate = (l: number) => {
    const nin = sizes[l - 1]!;
    for (let j = 0; j < sizes[l]!; j++) {
      const n = net.nOff[l]! + j;
      const row = net.wOff[l]! + j * nin;
      for (let i = 0; i < nin; i++) out.push(`${g(row + i)} += ${d(n)} * ${a(net.nOff[l - 1]! + i)};`);
      out.push(`${g(net.bOff[l]! + j)} += ${d(n)}; D[o + ${n}] = ${d(n)};`);
    }
  };
  const closeSums = (l: number) => {
    for (let k = net.wOff[l]!; k < net.bOff[l]! + sizes[l]!; k++) out.push(`G[${k}] = ${g(k)};`);
  };

  // Backward, output layer: δ as backwardNeuron computes it.
  const t = (k: number) => `T[to + ${k}]`;
  /** ∂L/∂a of an output, as the loss's record writes it. */
  const dLda = (ak: string, tk: string) => LOSSES[net.loss].kernel.derivative(ak, tk, K, outAct);
  out.push(`function backward${L}(P, A, Z, D, G, T, R, m) {`);
  openSums(L);
  out.push(`for (let s = 0, o = 0; s < m; s++, o += ${N}) {`);
  out.push(`const to = R[s] * ${K};`);
  loadA(L - 1);
  loadA(L);
  if (outAct === ACT.softmax && ce) {
    out.push('let st = 0;');
    for (let m = 0; m < K; m++) out.push(`st += ${t(m)};`);
    for (let j = 0; j < K; j++) out.push(`const ${d(outOff + j)} = ${a(outOff + j)} * st - ${t(j)};`);
  } else if (outAct === ACT.softmax) {
    out.push('let sg = 0;');
    for (let m = 0; m < K; m++) out.push(`sg += ${dLda(a(outOff + m), t(m))} * ${a(outOff + m)};`);
    for (let j = 0; j < K; j++)
      out.push(`const ${d(outOff + j)} = ${a(outOff + j)} * (${dLda(a(outOff + j), t(j))} - sg);`);
  } else if (ce) {
    for (let j = 0; j < K; j++) out.push(`const ${d(outOff + j)} = ${a(outOff + j)} - ${t(j)};`);
  } else {
    const f = elementWise(outAct);
    for (let j = 0; j < K; j++) {
      const n = outOff + j;
      if (f.slopeFrom === 'z') out.push(`const ${z(n)} = Z[o + ${n}];`);
      out.push(`const ${d(n)} = (${dLda(a(n), t(j))}) * (${f.kernel.derivative(z(n), a(n))});`);
    }
  }
  accumulate(L);
  out.push('}');
  closeSums(L);
  out.push('}');

  // Backward, hidden layer l: ∂L/∂a_j = Σ_k δ_k w_kj (left to right), δ_j = ∂L/∂a_j · f'(z_j).
  for (let l = L - 1; l >= 1; l--) {
    const f = elementWise(net.actCodes[l - 1]!);
    const nl = sizes[l]!;
    out.push(`function backward${l}(P, A, Z, D, G, m) {`);
    for (let k = net.wOff[l + 1]!; k < net.bOff[l + 1]!; k++) out.push(`const ${w(k)} = P[${k}];`);
    openSums(l);
    out.push(`for (let s = 0, o = 0; s < m; s++, o += ${N}) {`);
    loadA(l - 1);
    loadA(l);
    for (let k = 0; k < sizes[l + 1]!; k++)
      out.push(`const ${d(net.nOff[l + 1]! + k)} = D[o + ${net.nOff[l + 1]! + k}];`);
    for (let j = 0; j < nl; j++) {
      const n = net.nOff[l]! + j;
      if (f.slopeFrom === 'z') out.push(`const ${z(n)} = Z[o + ${n}];`);
      const terms = Array.from(
        { length: sizes[l + 1]! },
        (_, k) => `${d(net.nOff[l + 1]! + k)} * ${w(net.wOff[l + 1]! + k * nl + j)}`,
      );
      out.push(`const ${d(n)} = (${terms.join(' + ')}) * (${f.kernel.derivative(z(n), a(n))});`);
    }
    accumulate(l);
    out.push('}');
    closeSums(l);
    out.push('}');
  }

  /** Inputs of `m` rows (R[0…m)) into the rows of A. */
  const loadRows = () => {
    out.push(`for (let s = 0, o = 0; s < m; s++, o += ${N}) {`);
    out.push(`const xo = R[s] * ${nIn};`);
    for (let i = 0; i < nIn; i++) out.push(`A[o + ${i}] = X[xo + ${i}];`);
    out.push('}');
    for (let l = 1; l <= L; l++) out.push(`forward${l}(P, A, Z, m);`);
  };

  // The batch: forward every sample, check every loss (for divergence only), then backward.
  out.push('return {');
  out.push('batch(P, G, X, T, order, start, end) {');
  out.push('const m = end - start;');
  out.push('for (let s = 0; s < m; s++) R[s] = order[start + s];');
  loadRows();
  out.push(`for (let s = 0; s < m; s++) {`);
  out.push(
    `const loss = sampleLoss(${net.lossCode}, ${outAct}, Z, A, s * ${N} + ${outOff}, T, R[s] * ${K}, ${K});`,
  );
  out.push('if (loss - loss !== 0) return start + s;');
  out.push('}');
  out.push(`backward${L}(P, A, Z, D, G, T, R, m);`);
  for (let l = L - 1; l >= 1; l--) out.push(`backward${l}(P, A, Z, D, G, m);`);
  out.push('return -1;');
  out.push('},');
  // The loss over rows 0…n−1 (as datasetLoss: the sum, or the mean), `capacity` rows at a time.
  out.push('loss(P, X, T, n) {');
  out.push('let sum = 0;');
  out.push('for (let r0 = 0; r0 < n; r0 += capacity) {');
  out.push('const m = Math.min(capacity, n - r0);');
  out.push('for (let s = 0; s < m; s++) R[s] = r0 + s;');
  loadRows();
  out.push(
    `for (let s = 0; s < m; s++) sum += sampleLoss(${net.lossCode}, ${outAct}, Z, A, s * ${N} + ${outOff}, T, R[s] * ${K}, ${K});`,
  );
  out.push('}');
  out.push(reduction === 'sum' ? 'return sum;' : 'return sum / n;');
  out.push('},');
  out.push('};');
  return out.join('\n');
}

/** The loss of rows 0…n−1 at parameters P (the data-set loss: the sum or the mean of theirs). */
export type LossKernel = (P: Float64Array, X: Float64Array, T: Float64Array, n: number) => number;

export interface Kernels {
  readonly batch: BatchKernel;
  readonly loss: LossKernel;
}

/** The generic loss with the kernel's signature. */
export function genericLoss(net: Network, ws: Workspace, reduction: Reduction = 'mean'): LossKernel {
  const nIn = net.sizes[0]!;
  const nOut = net.sizes[net.depth]!;
  return (P, X, T, n) => {
    const rows: Rows = { X, T, nIn, nOut };
    let sum = 0;
    for (let r = 0; r < n; r++) sum += lossOfSample(net, P, ws, rows, r);
    return reduceLoss(sum, n, reduction);
  };
}

/**
 * Above this many parameters the straight-line code grows past what V8 optimises, and the generic
 * loops win (measured in Node, updates/s compiled vs generic: 2-8×6-1, 393 parameters, 24k vs 11k;
 * 2-14×3-1, 477: 19k vs 14k; 2-15×3-1, 541: 3.8k vs 9.3k; 2-16×8-1, 1,969: 0.3k vs 3.5k).
 */
export const MAX_COMPILED_PARAMS = 420;

/**
 * Compiles the kernels for `net` and batches of up to `batchSize` samples, or returns null where code
 * generation is not allowed. The batch kernel accumulates sums whatever the reduction (the update
 * divides for "mean"); the loss kernel returns the sum or the mean.
 */
export function compileKernels(
  net: Network,
  batchSize: number,
  reduction: Reduction = 'mean',
): Kernels | null {
  if (net.paramCount > MAX_COMPILED_PARAMS) return null;
  const capacity = Math.max(64, batchSize);
  try {
    const helpers = Object.entries(KERNEL_HELPERS);
    const make = new Function(
      ...helpers.map(([name]) => name),
      'A',
      'Z',
      'D',
      'R',
      'capacity',
      `"use strict";\n${kernelSource(net, reduction)}`,
    ) as (...args: unknown[]) => Kernels;
    const size = capacity * net.neuronCount;
    const arrays = [
      new Float64Array(size),
      new Float64Array(size),
      new Float64Array(size),
      new Int32Array(capacity),
    ];
    return make(...helpers.map(([, v]) => v), ...arrays, capacity);
  } catch {
    return null;
  }
}
