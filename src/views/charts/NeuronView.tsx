/**
 * The selected neuron's weights against its input on the current sample: dot product and cosine
 * (note 000). The numbers come from `neuron.ts`, recomputed when the weights or the sample change.
 */
import { useMemo } from 'react';
import type { DataInfo } from '../../state/store.ts';
import type { RunView, Selection } from '../../session/snapshot.ts';
import { InsightLines } from './InsightLines.tsx';
import { neuronDot } from './neuron.ts';

export function NeuronView({ view, data, sel }: { view: RunView; data: DataInfo; sel: Selection }) {
  const { net, params } = view;
  const row = view.position.row;
  const train = data.train;
  const s = useMemo(() => neuronDot(net, params, train, row, sel), [net, params, train, row, sel]);
  if (!s) return <p className="note">Select a neuron after the input layer (or one of its weights).</p>;
  return (
    <div data-testid="neuron-values" data-dot={s.dot} data-cos={s.cos}>
      <p className="note">
        Neuron {s.index + 1} of layer {s.layer} on the current sample (row {s.row + 1}), with the current
        weights.
      </p>
      <InsightLines testId="neuron-tex" lines={s.lines} />
    </div>
  );
}
