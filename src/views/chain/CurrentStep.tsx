/**
 * The computation just done, as one line with its numbers — large in presenter mode, so the back row
 * can follow each step: a neuron's weighted sum and activation, the loss, a neuron's δ, the update.
 */
import { useMemo } from 'react';
import { ACT, activationDerivative } from '../../core/model/activations.ts';
import { LOSSES } from '../../core/model/losses.ts';
import { tex } from '../../tex/format.ts';
import { backwardNowTex, forwardNowTex } from '../../tex/neuron.ts';
import { neuronData } from './ChainPanel.tsx';
import { Tex } from '../widgets/Tex.tsx';
import { useLab } from '../app/store-context.tsx';

export function CurrentStep() {
  const view = useLab((s) => s.display);
  const loss = useLab((s) => s.config.loss);
  const line = useMemo(() => {
    const last = view.position.last;
    if (!last) return null;
    const net = view.net;
    if (last.phase === 'forward') {
      return {
        what: `forward: neuron ${last.neuron} of layer ${last.layer}`,
        tex: forwardNowTex(neuronData(view, last.layer, last.neuron)),
      };
    }
    if (last.phase === 'backward') {
      const k = net.nOff[last.layer]! + last.neuron;
      const code = net.actCodes[last.layer - 1]!;
      const slope =
        code === ACT.softmax ? NaN : activationDerivative(code, view.neurons.z[k]!, view.neurons.a[k]!);
      return {
        what: `backward: neuron ${last.neuron} of layer ${last.layer}`,
        tex: backwardNowTex(
          last.layer,
          last.neuron,
          view.neurons.dLda[k]!,
          slope,
          view.neurons.delta[k]!,
          code === ACT.softmax,
        ),
      };
    }
    if (last.phase === 'loss') {
      return { what: `the loss (${LOSSES[loss].label})`, tex: `L = ${tex(view.sampleLoss)}` };
    }
    // the batch the update applied (the batch now starting may be shorter), summed or averaged
    const n = view.lastUpdate?.batchLength ?? view.position.batchLength;
    const over = n > 1 ? `, ${view.reduction === 'sum' ? 'sum' : 'mean'} over ${n} samples` : '';
    return {
      what: 'the update of every weight and bias',
      tex: `w \\leftarrow w - ${tex(view.learningRate)}\\,\\frac{\\partial L}{\\partial w}\\quad\\text{(update ${view.position.update}${over})}`,
    };
  }, [view, loss]);
  if (!line) return null;
  return (
    <div
      className="current-step"
      data-testid="now"
      role="group"
      aria-label="The computation just done"
      tabIndex={0}
    >
      <span className="now-label">Just computed — {line.what}:</span> <Tex tex={line.tex} />
    </div>
  );
}
