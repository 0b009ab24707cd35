/**
 * A fully connected MLP laid out in flat typed arrays, and the per-neuron computations that both the
 * fast trainer and the stepper use (one source of truth: the stepper and the fast path give
 * bit-identical numbers because they call the same functions in the same order). A whole sample's
 * forward and backward pass is `accumulateSample`, the one per-sample loop of every generic path.
 * Each activation's and loss's own rule comes from its record; the softmax output's δ, which mixes
 * the outputs, is written out here.
 *
 * Layers are numbered 0 (input) … L (output). Parameters live in one Float64Array; for each layer
 * l = 1…L: its weights, row j holding the weights into neuron j from neurons i = 0…n_{l−1}−1, then its
 * n_l biases. Neuron values (z, a, ∂L/∂a, δ = ∂L/∂z) live in arrays indexed by `nOff[l] + j`.
 */
import { ACT, ACTIVATIONS, activate, activationDerivative, softmaxInPlace } from './activations.ts';
import type { ActivationName } from './activations.ts';
import { LOSS, LOSSES, lossDerivative, sampleLoss } from './losses.ts';
import type { LossName } from './losses.ts';
import type { Dataset } from './datasets.ts';

export const LIMITS = {
  maxInputs: 16,
  maxHiddenLayers: 8,
  maxNeurons: 16,
  maxOutputs: 10,
} as const;

export interface Network {
  /** Neurons per layer, input first: [n_0, …, n_L]. */
  readonly sizes: readonly number[];
  /** Activation of layers 1…L (index l − 1). */
  readonly activations: readonly ActivationName[];
  readonly loss: LossName;
  /** Number of layers after the input (L). */
  readonly depth: number;
  readonly actCodes: Uint8Array;
  readonly lossCode: number;
  /** Offset of layer l's weights in the parameter array (index l; entry 0 unused). */
  readonly wOff: Int32Array;
  /** Offset of layer l's biases in the parameter array. */
  readonly bOff: Int32Array;
  /** Offset of layer l's neurons in the neuron arrays (layer 0 = inputs). */
  readonly nOff: Int32Array;
  readonly paramCount: number;
  readonly neuronCount: number;
}

/** Scratch values of one sample: everything the forward and backward pass cache. */
export interface Workspace {
  /** Weighted sums z = Σ w·a_prev + b (inputs: unused). */
  readonly z: Float64Array;
  /** Activations a = f(z) (layer 0: the inputs). */
  readonly a: Float64Array;
  /** ∂L/∂a of each neuron for the current sample. */
  readonly dLda: Float64Array;
  /** δ = ∂L/∂z of each neuron for the current sample. */
  readonly delta: Float64Array;
}

/** Builds the layout; throws on a shape outside the caps (callers validate first for messages). */
export function createNetwork(
  sizes: readonly number[],
  activations: readonly ActivationName[],
  loss: LossName,
): Network {
  const depth = sizes.length - 1;
  if (depth < 1) throw new Error('a network needs an input and an output layer');
  if (activations.length !== depth) throw new Error('one activation per non-input layer');
  const wOff = new Int32Array(depth + 1);
  const bOff = new Int32Array(depth + 1);
  const nOff = new Int32Array(depth + 1);
  let p = 0;
  let n = sizes[0]!;
  for (let l = 1; l <= depth; l++) {
    const nin = sizes[l - 1]!;
    const nout = sizes[l]!;
    wOff[l] = p;
    p += nin * nout;
    bOff[l] = p;
    p += nout;
    nOff[l] = n;
    n += nout;
  }
  const actCodes = Uint8Array.from(activations, (a) => ACTIVATIONS[a].code);
  return {
    sizes: [...sizes],
    activations: [...activations],
    loss,
    depth,
    actCodes,
    lossCode: LOSSES[loss].code,
    wOff,
    bOff,
    nOff,
    paramCount: p,
    neuronCount: n,
  };
}

export function createWorkspace(net: Network): Workspace {
  const n = net.neuronCount;
  return {
    z: new Float64Array(n),
    a: new Float64Array(n),
    dLda: new Float64Array(n),
    delta: new Float64Array(n),
  };
}

/** Index in the parameter array of the weight into neuron j of layer l from neuron i of layer l − 1. */
export function weightIndex(net: Network, l: number, j: number, i: number): number {
  return net.wOff[l]! + j * net.sizes[l - 1]! + i;
}

/** Index in the parameter array of the bias of neuron j of layer l. */
export function biasIndex(net: Network, l: number, j: number): number {
  return net.bOff[l]! + j;
}

/** Copies one input row into the activations of layer 0. */
export function loadInput(net: Network, ws: Workspace, x: Float64Array, xOff: number): void {
  const n0 = net.sizes[0]!;
  const a = ws.a;
  for (let i = 0; i < n0; i++) a[i] = x[xOff + i]!;
}

/**
 * z_j = Σ_i w_ji a_i + b_j for neuron j of layer l, and a_j = f(z_j) unless the layer is softmax
 * (softmax needs every z of the layer: call `activateSoftmaxLayer` after its last neuron).
 */
export function forwardNeuron(net: Network, params: Float64Array, ws: Workspace, l: number, j: number): void {
  const nin = net.sizes[l - 1]!;
  const inOff = net.nOff[l - 1]!;
  const row = net.wOff[l]! + j * nin;
  const a = ws.a;
  let s = params[row]! * a[inOff]!;
  for (let i = 1; i < nin; i++) s += params[row + i]! * a[inOff + i]!;
  s += params[net.bOff[l]! + j]!;
  const idx = net.nOff[l]! + j;
  ws.z[idx] = s;
  const code = net.actCodes[l - 1]!;
  if (code !== ACT.softmax) a[idx] = activate(code, s);
}

export function activateSoftmaxLayer(net: Network, ws: Workspace, l: number): void {
  softmaxInPlace(ws.z, ws.a, net.nOff[l]!, net.sizes[l]!);
}

/** The whole forward pass of the sample already loaded with `loadInput`. */
export function forwardAll(net: Network, params: Float64Array, ws: Workspace): void {
  for (let l = 1; l <= net.depth; l++) {
    const n = net.sizes[l]!;
    for (let j = 0; j < n; j++) forwardNeuron(net, params, ws, l, j);
    if (net.actCodes[l - 1] === ACT.softmax) activateSoftmaxLayer(net, ws, l);
  }
}

/** The loss of the sample after its forward pass, against targets t[tOff..). */
export function lossOf(net: Network, ws: Workspace, t: Float64Array, tOff: number): number {
  const L = net.depth;
  return sampleLoss(net.lossCode, net.actCodes[L - 1]!, ws.z, ws.a, net.nOff[L]!, t, tOff, net.sizes[L]!);
}

/**
 * Backward step for neuron j of layer l: ∂L/∂a_j (from the loss for an output neuron, else
 * Σ_k δ_k w_kj over the next layer), δ_j = ∂L/∂a_j · f'(z_j), and the gradient contributions
 * ∂L/∂w_ji = δ_j a_i and ∂L/∂b_j = δ_j added to `grads`. Neurons of a layer must be processed after
 * every neuron of the layer above.
 */
export function backwardNeuron(
  net: Network,
  params: Float64Array,
  ws: Workspace,
  t: Float64Array,
  tOff: number,
  grads: Float64Array,
  l: number,
  j: number,
): void {
  const L = net.depth;
  const idx = net.nOff[l]! + j;
  const code = net.actCodes[l - 1]!;
  const a = ws.a;
  let g: number;
  let d: number;
  if (l === L) {
    const K = net.sizes[L]!;
    const off = net.nOff[L]!;
    const aj = a[idx]!;
    const tj = t[tOff + j]!;
    const ce = net.lossCode === LOSS['cross-entropy'];
    if (code === ACT.softmax) {
      if (ce) {
        // δ_j = Σ_m (−t_m/a_m)·a_m(1[m=j] − a_j) = a_j Σt − t_j
        let st = 0;
        for (let m = 0; m < K; m++) st += t[tOff + m]!;
        g = -tj / aj;
        d = aj * st - tj;
      } else {
        // δ_j = a_j (g_j − Σ_m g_m a_m)
        let sg = 0;
        for (let m = 0; m < K; m++) {
          const am = a[off + m]!;
          sg += lossDerivative(net.lossCode, am, t[tOff + m]!, K, code) * am;
        }
        g = lossDerivative(net.lossCode, aj, tj, K, code);
        d = aj * (g - sg);
      }
    } else if (ce) {
      // sigmoid + binary cross-entropy: ∂L/∂a = (a − t)/(a(1 − a)), δ = a − t
      g = lossDerivative(net.lossCode, aj, tj, K, code);
      d = aj - tj;
    } else {
      g = lossDerivative(net.lossCode, aj, tj, K, code);
      d = g * activationDerivative(code, ws.z[idx]!, aj);
    }
  } else {
    const nout = net.sizes[l + 1]!;
    const nl = net.sizes[l]!;
    const w = net.wOff[l + 1]! + j;
    const dOff = net.nOff[l + 1]!;
    const delta = ws.delta;
    g = delta[dOff]! * params[w]!;
    for (let k = 1; k < nout; k++) g += delta[dOff + k]! * params[w + k * nl]!;
    d = g * activationDerivative(code, ws.z[idx]!, a[idx]!);
  }
  ws.dLda[idx] = g;
  ws.delta[idx] = d;
  const nin = net.sizes[l - 1]!;
  const inOff = net.nOff[l - 1]!;
  const row = net.wOff[l]! + j * nin;
  for (let i = 0; i < nin; i++) grads[row + i] = grads[row + i]! + d * a[inOff + i]!;
  const b = net.bOff[l]! + j;
  grads[b] = grads[b]! + d;
}

/** The whole backward pass of the sample after its forward pass, adding into `grads`. */
export function backwardAll(
  net: Network,
  params: Float64Array,
  ws: Workspace,
  t: Float64Array,
  tOff: number,
  grads: Float64Array,
): void {
  for (let l = net.depth; l >= 1; l--) {
    const n = net.sizes[l]!;
    for (let j = 0; j < n; j++) backwardNeuron(net, params, ws, t, tOff, grads, l, j);
  }
}

/** Rows of inputs and targets (a `Dataset` is one): row r's inputs at X[r·nIn…), its targets at T[r·nOut…). */
export type Rows = Pick<Dataset, 'X' | 'T' | 'nIn' | 'nOut'>;

/** Row r's forward pass: loads its inputs and computes every neuron. */
export function forwardSample(
  net: Network,
  params: Float64Array,
  ws: Workspace,
  data: Rows,
  r: number,
): void {
  loadInput(net, ws, data.X, r * data.nIn);
  forwardAll(net, params, ws);
}

/** Row r's loss: its forward pass, then the loss against its targets. */
export function lossOfSample(
  net: Network,
  params: Float64Array,
  ws: Workspace,
  data: Rows,
  r: number,
): number {
  forwardSample(net, params, ws, data, r);
  return lossOf(net, ws, data.T, r * data.nOut);
}

/**
 * Row r's forward and backward pass, adding its gradient into `grads`: the one per-sample loop of
 * every generic path (training, replays, the views' gradients). Returns the sample's loss.
 */
export function accumulateSample(
  net: Network,
  params: Float64Array,
  ws: Workspace,
  data: Rows,
  r: number,
  grads: Float64Array,
): number {
  const loss = lossOfSample(net, params, ws, data, r);
  backwardAll(net, params, ws, data.T, r * data.nOut, grads);
  return loss;
}
