/**
 * The chain rule as data: for one weight or bias and the current sample, every factor of
 * ∂L/∂p = ∂L/∂a_j · ∂a_j/∂z_j · ∂z_j/∂p, with what it differentiates, its value, how it was obtained
 * and (`stepChain`) whether it is available yet at a position, which the position's progress
 * answers (a `Cursor` is one). The KaTeX panel renders exactly this.
 *
 * Layers are numbered as in the UI: 1 = first hidden layer … L = output; neurons from 0.
 */
import { ACT, activationDerivative } from '../model/activations.ts';
import type { ActivationName } from '../model/activations.ts';
import { LOSS, lossDerivative } from '../model/losses.ts';
import type { LossName } from '../model/losses.ts';
import { biasIndex, weightIndex } from '../model/network.ts';
import type { Network, Workspace } from '../model/network.ts';

export type ParamRef =
  | { readonly kind: 'weight'; readonly layer: number; readonly to: number; readonly from: number }
  | { readonly kind: 'bias'; readonly layer: number; readonly to: number };

export function paramIndex(net: Network, p: ParamRef): number {
  return p.kind === 'weight' ? weightIndex(net, p.layer, p.to, p.from) : biasIndex(net, p.layer, p.to);
}

/** ∂L/∂a_j: from the loss for an output neuron, or summed over the next layer for a hidden one. */
export type DLda =
  | {
      readonly kind: 'loss';
      readonly loss: LossName;
      /** The output a_j, its target t_j and the number of outputs K. */
      readonly a: number;
      readonly t: number;
      readonly K: number;
      readonly value: number;
    }
  | {
      readonly kind: 'downstream';
      /** One term δ_k · w_kj per neuron k of layer + 1 (δ_k from this backward pass). */
      readonly terms: readonly { readonly neuron: number; readonly delta: number; readonly weight: number }[];
      readonly value: number;
    };

/** ∂a_j/∂z_j for an element-wise activation, from the cached z_j and a_j. */
export interface Dadz {
  readonly activation: ActivationName;
  readonly z: number;
  readonly a: number;
  readonly value: number;
}

/** δ_j = ∂L/∂z_j of a softmax output, which mixes every output: Σ_m ∂L/∂a_m · a_m(1[m=j] − a_j). */
export interface SoftmaxDelta {
  readonly crossEntropy: boolean;
  readonly j: number;
  /** All outputs a_m and targets t_m, and ∂L/∂a_m. */
  readonly a: readonly number[];
  readonly t: readonly number[];
  readonly dLda: readonly number[];
  readonly value: number;
}

/** ∂z_j/∂p: the cached activation a_i of the sending neuron (the input x_i on layer 1), or 1 for a bias. */
export interface Dzdp {
  readonly kind: 'activation' | 'input' | 'one';
  readonly value: number;
}

export interface ChainRule {
  readonly param: ParamRef;
  readonly value: number;
  readonly outputLayer: boolean;
  readonly activation: ActivationName;
  /** Element-wise: ∂L/∂a_j and ∂a_j/∂z_j. Softmax outputs: `softmax` instead. */
  readonly dLda: DLda | null;
  readonly dadz: Dadz | null;
  readonly softmax: SoftmaxDelta | null;
  /** δ_j = ∂L/∂z_j, as computed by the backward pass. */
  readonly delta: number;
  readonly dzdp: Dzdp;
  /** This sample's ∂L/∂p = δ_j · ∂z_j/∂p. */
  readonly gradient: number;
}

/**
 * Reads the chain of `p` from a workspace holding the forward and backward pass of one sample with
 * targets t[tOff…). `stepChain` adds which parts are available.
 */
export function chainRule(
  net: Network,
  params: Float64Array,
  ws: Workspace,
  t: Float64Array,
  tOff: number,
  p: ParamRef,
): ChainRule {
  const l = p.layer;
  const j = p.to;
  const L = net.depth;
  const idx = net.nOff[l]! + j;
  const code = net.actCodes[l - 1]!;
  const activation = net.activations[l - 1]!;
  const delta = ws.delta[idx]!;
  const dzdp: Dzdp =
    p.kind === 'bias'
      ? { kind: 'one', value: 1 }
      : { kind: l === 1 ? 'input' : 'activation', value: ws.a[net.nOff[l - 1]! + p.from]! };
  let dLda: DLda | null = null;
  let dadz: Dadz | null = null;
  let softmax: SoftmaxDelta | null = null;
  if (l === L && code === ACT.softmax) {
    const K = net.sizes[L]!;
    const off = net.nOff[L]!;
    const a = Array.from(ws.a.subarray(off, off + K));
    const tt = Array.from(t.subarray(tOff, tOff + K));
    softmax = {
      crossEntropy: net.lossCode === LOSS['cross-entropy'],
      j,
      a,
      t: tt,
      dLda: a.map((am, m) => lossDerivative(net.lossCode, am, tt[m]!, K, code)),
      value: delta,
    };
  } else {
    if (l === L) {
      dLda = {
        kind: 'loss',
        loss: net.loss,
        a: ws.a[idx]!,
        t: t[tOff + j]!,
        K: net.sizes[L]!,
        value: ws.dLda[idx]!,
      };
    } else {
      const nNext = net.sizes[l + 1]!;
      const terms = [];
      for (let k = 0; k < nNext; k++) {
        terms.push({
          neuron: k,
          delta: ws.delta[net.nOff[l + 1]! + k]!,
          weight: params[weightIndex(net, l + 1, k, j)]!,
        });
      }
      dLda = { kind: 'downstream', terms, value: ws.dLda[idx]! };
    }
    const z = ws.z[idx]!;
    const a = ws.a[idx]!;
    dadz = { activation, z, a, value: activationDerivative(code, z, a) };
  }
  return {
    param: p,
    value: params[paramIndex(net, p)]!,
    outputLayer: l === L,
    activation,
    dLda,
    dadz,
    softmax,
    delta,
    dzdp,
    gradient: delta * dzdp.value,
  };
}

/** Which values of the current sample exist at a position (a `Cursor` answers these). */
export interface StepProgress {
  sumDone(l: number, j: number): boolean;
  activationDone(l: number, j: number): boolean;
  lossDone(): boolean;
  backwardDone(l: number, j: number): boolean;
}

/** A chain rule and which of its factors exist at the current step. */
export interface StepChain {
  readonly rule: ChainRule;
  readonly ready: {
    /** ∂z/∂p: the sending neuron's activation (cached from the forward pass). */
    readonly dzdp: boolean;
    /** ∂a/∂z: this neuron's forward step (z and a cached). */
    readonly dadz: boolean;
    /** δ_k of each neuron of the next layer (hidden neurons only). */
    readonly downstream: readonly boolean[];
    /** The sample's loss (output neurons' ∂L/∂a needs the forward pass to be complete). */
    readonly loss: boolean;
    /** ∂L/∂a, δ and this sample's ∂L/∂p: this neuron's backward step. */
    readonly delta: boolean;
  };
}

/**
 * The chain of `p` for the sample in `ws` (targets t[tOff…)), with which factors the steps so far
 * have computed. Values of factors not yet computed are stale and must not be shown.
 */
export function stepChain(
  net: Network,
  params: Float64Array,
  ws: Workspace,
  t: Float64Array,
  tOff: number,
  p: ParamRef,
  done: StepProgress,
): StepChain {
  const rule = chainRule(net, params, ws, t, tOff, p);
  const l = p.layer;
  const j = p.to;
  const last = l === net.depth;
  return {
    rule,
    ready: {
      dzdp: p.kind === 'bias' || done.activationDone(l - 1, p.from),
      dadz: done.activationDone(l, j),
      downstream: last
        ? []
        : Array.from({ length: net.sizes[l + 1]! }, (_, k) => done.backwardDone(l + 1, k)),
      loss: done.lossDone(),
      delta: done.backwardDone(l, j),
    },
  };
}
