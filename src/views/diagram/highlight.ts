/**
 * What the diagram emphasises: the computation the last step performed (a neuron with the edges and
 * inputs that fed it; a backward step with what it read; the loss; an update), and the selected
 * parameter's whole chain path to the loss.
 */
import type { Network } from '../../core/model/network.ts';
import { biasIndex, weightIndex } from '../../core/model/network.ts';
import type { RunView, Selection } from '../../session/snapshot.ts';

export interface Highlight {
  /** Neuron indices (nOff[l] + j) and parameter indices. */
  readonly neurons: ReadonlySet<number>;
  readonly params: ReadonlySet<number>;
  readonly loss: boolean;
}

function allEdgesAfter(net: Network, l: number, params: Set<number>, neurons: Set<number>) {
  for (let q = l + 1; q <= net.depth; q++) {
    for (let k = 0; k < net.sizes[q]!; k++) {
      neurons.add(net.nOff[q]! + k);
      for (let i = 0; i < net.sizes[q - 1]!; i++) if (q > l + 1) params.add(weightIndex(net, q, k, i));
    }
  }
}

/** The last step's computation. */
export function stepHighlight(view: RunView): Highlight {
  const net = view.net;
  const neurons = new Set<number>();
  const params = new Set<number>();
  let loss = false;
  const last = view.position.last;
  if (last?.phase === 'forward') {
    const { layer: l, neuron: j } = last;
    neurons.add(net.nOff[l]! + j);
    for (let i = 0; i < net.sizes[l - 1]!; i++) {
      neurons.add(net.nOff[l - 1]! + i);
      params.add(weightIndex(net, l, j, i));
    }
    params.add(biasIndex(net, l, j));
  } else if (last?.phase === 'loss') {
    loss = true;
    for (let k = 0; k < net.sizes[net.depth]!; k++) neurons.add(net.nOff[net.depth]! + k);
  } else if (last?.phase === 'backward') {
    const { layer: l, neuron: j } = last;
    neurons.add(net.nOff[l]! + j);
    if (l === net.depth) loss = true;
    else {
      for (let k = 0; k < net.sizes[l + 1]!; k++) {
        neurons.add(net.nOff[l + 1]! + k);
        params.add(weightIndex(net, l + 1, k, j));
      }
    }
  } else if (last?.phase === 'update' && view.lastUpdate) {
    for (let p = 0; p < net.paramCount; p++) if (view.lastUpdate.before[p] !== view.params[p]) params.add(p);
  }
  return { neurons, params, loss };
}

/** The selected weight or bias, its neuron and every path from there to the loss. */
export function chainHighlight(net: Network, sel: Selection | null): Highlight {
  const neurons = new Set<number>();
  const params = new Set<number>();
  if (!sel) return { neurons, params, loss: false };
  if (sel.kind === 'neuron') {
    neurons.add(net.nOff[sel.layer]! + sel.index);
    return { neurons, params, loss: false };
  }
  const l = sel.layer;
  params.add(sel.kind === 'weight' ? weightIndex(net, l, sel.to, sel.from) : biasIndex(net, l, sel.to));
  neurons.add(net.nOff[l]! + sel.to);
  if (l < net.depth) {
    for (let k = 0; k < net.sizes[l + 1]!; k++) params.add(weightIndex(net, l + 1, k, sel.to));
  }
  allEdgesAfter(net, l, params, neurons);
  return { neurons, params, loss: true };
}
