/**
 * What the chain panel and the "just computed" line show, from the displayed moment (pure; tested in
 * Node): a neuron's numbers, the TeX lines of the selected weight's or bias's chain rule or of the
 * selected neuron, and the one line of the computation just done.
 */
import { paramStep, previewStep } from '../../core/train/optimizers.ts';
import { ruleTex } from '../../tex/update.ts';
import { ACT, activationDerivative } from '../../core/model/activations.ts';
import { LOSSES } from '../../core/model/losses.ts';
import type { LossName } from '../../core/model/losses.ts';
import { weightIndex } from '../../core/model/network.ts';
import { chainTex } from '../../tex/chain.ts';
import type { TexLine } from '../../tex/chain.ts';
import { tex } from '../../tex/format.ts';
import { backwardNowTex, forwardNowTex, neuronTex } from '../../tex/neuron.ts';
import type { NeuronData } from '../../tex/neuron.ts';
import { selectedIndex, selectionKey } from '../../session/snapshot.ts';
import { biasText, weightText } from '../../session/names.ts';
import type { RunView, Selection } from '../../session/snapshot.ts';

/**
 * The panel's title for a selection, counted from 1, with its name when it has one: "weight w5 =
 * w⁽²⁾₁₁", "o1: neuron 1 of layer 2".
 */
export function selectionTitle(sel: Selection, names: Readonly<Record<string, string>> = {}): string {
  const name = names[selectionKey(sel)];
  if (sel.kind === 'neuron') {
    if (sel.layer === 0) return `input ${name ?? `x${sel.index + 1}`}`;
    return `${name ? `${name}: ` : ''}neuron ${sel.index + 1} of layer ${sel.layer}`;
  }
  const is = name ? `${name} = ` : '';
  if (sel.kind === 'bias') return `bias ${is}${biasText(sel.layer, sel.to)}`;
  return `weight ${is}${weightText(sel.layer, sel.to, sel.from)}`;
}

/** What the panels need of neuron j of layer l at the displayed moment. */
export function neuronData(view: RunView, l: number, j: number): NeuronData {
  const net = view.net;
  const k = net.nOff[l]! + j;
  const nin = l > 0 ? net.sizes[l - 1]! : 0;
  return {
    layer: l,
    index: j,
    activation: l > 0 ? net.activations[l - 1]! : null,
    weights: Array.from({ length: nin }, (_, i) => view.params[weightIndex(net, l, j, i)]!),
    inputs: Array.from({ length: nin }, (_, i) => view.neurons.a[net.nOff[l - 1]! + i]!),
    bias: l > 0 ? view.params[net.bOff[l]! + j]! : 0,
    z: view.neurons.z[k]!,
    a: view.neurons.a[k]!,
    delta: view.neurons.delta[k]!,
    sumDone: view.neurons.sumDone[k] === 1,
    actDone: view.neurons.actDone[k] === 1,
    backDone: view.neurons.backDone[k] === 1,
    inputsReady: l === 0 ? view.neurons.actDone[k] === 1 : view.neurons.actDone[net.nOff[l - 1]!] === 1,
  };
}

/**
 * The TeX lines for a selection: a neuron's computation, or the chain rule of a weight or bias (null
 * while the moment has no chain for it).
 */
export function selectionLines(view: RunView, sel: Selection): TexLine[] | null {
  if (sel.kind === 'neuron') return neuronTex(neuronData(view, sel.layer, sel.index));
  const chain = view.chain;
  if (!chain) return null;
  const p = selectedIndex(view, sel);
  const pos = view.position;
  const last = view.lastUpdate;
  const justUpdated = pos.last?.phase === 'update' && pos.micro === 0 && last !== null;
  const applied =
    justUpdated && last
      ? { before: last.before[p]!, gradient: last.gradient[p]!, after: view.params[p]! }
      : null;
  const samplesDone = Math.min(pos.batchLength, Math.floor(pos.micro / view.stepsPerSample));
  const trainable = sel.kind === 'weight' || view.trainBiases;
  const o = view.optimizer;
  let optimizer;
  if (o && trainable) {
    const decays = sel.kind === 'weight' && o.weightDecay > 0;
    if (applied && last) {
      const step = paramStep(
        o,
        p,
        decays,
        applied.gradient,
        applied.before,
        applied.after,
        last.stateBefore,
        last.stateAfter,
      );
      optimizer = { options: o, step, known: true, decays };
    } else {
      const known = samplesDone === pos.batchLength;
      const sum = view.grads[p]!;
      const gradient = known ? (view.reduction === 'sum' ? sum : sum / pos.batchLength) : NaN;
      const step = previewStep(o, p, decays, gradient, view.params[p]!, view.state, view.learningRate);
      optimizer = { options: o, step, known, decays };
    }
  }
  return chainTex(chain, {
    learningRate: view.learningRate,
    // After an update: the batch it applied (the batch now starting may be shorter).
    batchLength: applied && last ? last.batchLength : pos.batchLength,
    samplesDone,
    accumulated: view.grads[p]!,
    trainable,
    reduction: view.reduction,
    applied,
    ...(optimizer ? { optimizer } : {}),
  });
}

/** The value of the selected weight or bias. */
export function selectedValue(view: RunView, sel: Selection): number {
  return view.params[selectedIndex(view, sel)]!;
}

/** Whether anything has been computed for the current sample (or an update just applied). */
export function started(view: RunView): boolean {
  const pos = view.position;
  return pos.micro > 0 || (pos.last?.phase === 'update' && view.lastUpdate !== null);
}

/** The computation just done, in words and as one TeX line (null before the first step). */
export function stepLine(view: RunView, loss: LossName): { what: string; tex: string } | null {
  const last = view.position.last;
  if (!last) return null;
  const net = view.net;
  if (last.phase === 'forward') {
    return {
      what: `forward: neuron ${last.neuron + 1} of layer ${last.layer}`,
      tex: forwardNowTex(neuronData(view, last.layer, last.neuron)),
    };
  }
  if (last.phase === 'backward') {
    const k = net.nOff[last.layer]! + last.neuron;
    const code = net.actCodes[last.layer - 1]!;
    const softmax = code === ACT.softmax;
    const slope = softmax ? NaN : activationDerivative(code, view.neurons.z[k]!, view.neurons.a[k]!);
    return {
      what: `backward: neuron ${last.neuron + 1} of layer ${last.layer}`,
      tex: backwardNowTex(
        last.layer,
        last.neuron,
        view.neurons.dLda[k]!,
        slope,
        view.neurons.delta[k]!,
        softmax,
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
    tex: `${view.optimizer ? ruleTex(view.optimizer, view.learningRate) : `w \\leftarrow w - ${tex(view.learningRate)}\\,\\frac{\\partial L}{\\partial w}`}\\quad\\text{(update ${view.position.update}${over})}`,
  };
}
