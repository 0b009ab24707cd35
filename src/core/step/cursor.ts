/**
 * The order of one sample's micro-steps: F forward steps, one per neuron, layer 1 first; the loss;
 * F backward steps, one per neuron, the output layer first. (A batch is its samples' steps, then the
 * update.) The same order as `forwardAll` and `backwardAll`, so stepping computes the same bits.
 */
import type { Network } from '../model/network.ts';

export type Phase = 'forward' | 'loss' | 'backward' | 'update';

/** What one micro-step computes. */
export type StepKind =
  | { readonly phase: 'forward'; readonly layer: number; readonly neuron: number }
  | { readonly phase: 'loss' }
  | { readonly phase: 'backward'; readonly layer: number; readonly neuron: number }
  | { readonly phase: 'update' };

export class SampleSteps {
  /** Neurons after the input layer: the forward (and the backward) steps of a sample. */
  readonly F: number;
  /** Micro-steps per sample: 2F + 1. */
  readonly perSample: number;
  /** Layer and neuron of forward step k and of backward step k. */
  readonly fLayer: Int32Array;
  readonly fNeuron: Int32Array;
  readonly bLayer: Int32Array;
  readonly bNeuron: Int32Array;
  private readonly net: Network;

  constructor(net: Network) {
    this.net = net;
    const F = net.neuronCount - net.sizes[0]!;
    this.F = F;
    this.perSample = 2 * F + 1;
    this.fLayer = new Int32Array(F);
    this.fNeuron = new Int32Array(F);
    this.bLayer = new Int32Array(F);
    this.bNeuron = new Int32Array(F);
    let k = 0;
    for (let l = 1; l <= net.depth; l++) {
      for (let j = 0; j < net.sizes[l]!; j++, k++) {
        this.fLayer[k] = l;
        this.fNeuron[k] = j;
      }
    }
    k = 0;
    for (let l = net.depth; l >= 1; l--) {
      for (let j = 0; j < net.sizes[l]!; j++, k++) {
        this.bLayer[k] = l;
        this.bNeuron[k] = j;
      }
    }
  }

  /** The step w (0 … 2F) of a sample. */
  kind(w: number): StepKind {
    if (w < this.F) return { phase: 'forward', layer: this.fLayer[w]!, neuron: this.fNeuron[w]! };
    if (w === this.F) return { phase: 'loss' };
    const k = w - this.F - 1;
    return { phase: 'backward', layer: this.bLayer[k]!, neuron: this.bNeuron[k]! };
  }

  /** Position among the forward steps of neuron j of layer l. */
  forwardIndex(l: number, j: number): number {
    return this.net.nOff[l]! - this.net.sizes[0]! + j;
  }

  /** Position among the backward steps of neuron j of layer l. */
  backwardIndex(l: number, j: number): number {
    let k = 0;
    for (let q = this.net.depth; q > l; q--) k += this.net.sizes[q]!;
    return k + j;
  }
}
