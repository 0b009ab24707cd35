/**
 * The chain rule as data: for one weight or bias and the current sample, every factor of
 * ∂L/∂p = ∂L/∂a_j · ∂a_j/∂z_j · ∂z_j/∂p, with what it differentiates, its value, how it was obtained
 * and whether it is available yet at the stepper's position. The KaTeX panel renders exactly this.
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

export function isValidParamRef(net: Network, p: ParamRef): boolean {
  const ok = (v: number, n: number) => Number.isInteger(v) && v >= 0 && v < n;
  if (!Number.isInteger(p.layer) || p.layer < 1 || p.layer > net.depth) return false;
  if (!ok(p.to, net.sizes[p.layer]!)) return false;
  return p.kind === 'bias' || ok(p.from, net.sizes[p.layer - 1]!);
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
 * targets t[tOff…). The caller decides which parts are available (see `Stepper.chain`).
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
      dLda: a.map((am, m) => lossDerivative(net.lossCode, am, tt[m]!, K)),
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
