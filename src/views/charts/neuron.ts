/** A neuron's weights against its input on the current sample (note 000), ready to show. */
import type { Dataset } from '../../core/model/datasets.ts';
import type { Network } from '../../core/model/network.ts';
import { neuronInputs } from '../../core/inspect/insights.ts';
import type { Selection } from '../../session/snapshot.ts';
import type { TexLine } from '../../tex/chain.ts';
import { similarity, similarityTex } from '../../tex/insight.ts';

export interface NeuronDot {
  readonly layer: number;
  readonly index: number;
  /** The row used (the current one, or the last row when there are fewer). */
  readonly row: number;
  readonly dot: number;
  readonly cos: number;
  readonly lines: TexLine[];
}

/**
 * The selected neuron (or the neuron a selected weight or bias leads into) on row `row`; null for
 * an input neuron (it has no weights).
 */
export function neuronDot(
  net: Network,
  params: Float64Array,
  train: Dataset,
  row: number,
  sel: Selection,
): NeuronDot | null {
  const layer = sel.layer;
  const index = sel.kind === 'neuron' ? sel.index : sel.to;
  if (layer < 1) return null;
  const s = neuronInputs(net, params, train, row, layer, index);
  const { dot, cos } = similarity(s);
  return { layer, index, row: s.row, dot, cos, lines: similarityTex(s) };
}
