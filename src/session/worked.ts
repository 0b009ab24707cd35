/**
 * The worked solution of the current sample (issue 13 §4), as numbers: its whole forward pass (every
 * z and a), its loss, its whole backward pass (every ∂L/∂a and δ), every parameter's ∂L/∂p and the
 * update — all from the current parameters, however far the stepper has got inside the sample. Pure
 * (the views write it out with src/tex/worked.ts).
 */
import { previewStep } from '../core/train/optimizers.ts';
import type { OptimizerOptions } from '../core/train/optimizers.ts';
import { ACT, activationDerivative } from '../core/model/activations.ts';
import type { ActivationName } from '../core/model/activations.ts';
import type { LossName, Reduction } from '../core/model/losses.ts';
import {
  backwardAll,
  biasIndex,
  createWorkspace,
  forwardSample,
  lossOf,
  weightIndex,
} from '../core/model/network.ts';
import type { Rows } from '../core/model/network.ts';
import type { Position } from '../core/step/cursor.ts';
import type { RunView } from './snapshot.ts';

/** What the worked solution reads of the displayed moment. */
export type WorkedMoment = Pick<
  RunView,
  'net' | 'params' | 'learningRate' | 'reduction' | 'trainBiases' | 'optimizer' | 'state'
> & {
  readonly position: Pick<Position, 'row' | 'sampleInEpoch' | 'epoch' | 'update' | 'batchLength'>;
};

export interface WorkedNeuron {
  readonly layer: number;
  readonly index: number;
  /** Its weights (from each neuron of the layer before), the values they multiply, its bias. */
  readonly weights: readonly number[];
  readonly inputs: readonly number[];
  readonly bias: number;
  readonly z: number;
  readonly a: number;
  readonly dLda: number;
  /** f′(z) (NaN for softmax, whose δ is written out by itself). */
  readonly slope: number;
  readonly delta: number;
}

export interface WorkedParam {
  readonly layer: number;
  readonly to: number;
  /** The sending neuron of a weight; null for a bias. */
  readonly from: number | null;
  /** δ of the receiving neuron and what it multiplies (the sending activation, or 1). */
  readonly delta: number;
  readonly input: number;
  /** This sample's ∂L/∂p. */
  readonly gradient: number;
  readonly before: number;
  /**
   * A one-sample batch: the value after the update. A longer batch: this sample's share of the
   * step, −α·∂L/∂p / n (mean) or −α·∂L/∂p (sum). Null: not trained (a bias with biases fixed).
   */
  readonly after: number | null;
  readonly share: number | null;
}

export interface WorkedSolution {
  /** The data row, its place in the epoch (from 0), the epoch (from 0), the updates done. */
  readonly row: number;
  readonly sampleInEpoch: number;
  readonly epoch: number;
  readonly update: number;
  readonly activations: readonly ActivationName[];
  readonly loss: LossName;
  readonly inputs: readonly number[];
  readonly targets: readonly number[];
  /** Layers 1…L (index l − 1), each neuron's numbers. */
  readonly layers: readonly (readonly WorkedNeuron[])[];
  readonly sampleLoss: number;
  /** Every weight and bias, layer by layer, in the parameter array's order. */
  readonly params: readonly WorkedParam[];
  readonly learningRate: number;
  readonly batchLength: number;
  readonly reduction: Reduction;
  readonly trainBiases: boolean;
  /** Momentum, Adam or weight decay (null: the notes' gradient descent). */
  readonly optimizer: OptimizerOptions | null;
}

/** The current sample's forward and backward pass and update, from `view`'s parameters. */
export function workedSolution(view: WorkedMoment, data: Rows): WorkedSolution {
  const { net, params, position: pos } = view;
  const ws = createWorkspace(net);
  const r = pos.row;
  forwardSample(net, params, ws, data, r);
  const sampleLoss = lossOf(net, ws, data.T, r * data.nOut);
  const grads = new Float64Array(net.paramCount);
  backwardAll(net, params, ws, data.T, r * data.nOut, grads);
  const n = pos.batchLength;
  const alpha = view.learningRate;
  const scale = view.reduction === 'sum' || n === 1 ? alpha : alpha / n;
  const layers: WorkedNeuron[][] = [];
  const list: WorkedParam[] = [];
  const param = (l: number, j: number, from: number | null, k: number, input: number): WorkedParam => {
    const trained = from !== null || view.trainBiases;
    const step = scale * grads[k]!;
    const o = view.optimizer;
    // an optimiser's step from its state now (a batch of one: this sample's gradient is the batch's)
    const optimized =
      o && trained && n === 1
        ? previewStep(o, k, from !== null && o.weightDecay > 0, grads[k]!, params[k]!, view.state, alpha)
            .after
        : null;
    return {
      layer: l,
      to: j,
      from,
      delta: ws.delta[net.nOff[l]! + j]!,
      input,
      gradient: grads[k]!,
      before: params[k]!,
      after: o ? optimized : trained && n === 1 ? params[k]! - step : null,
      share: !o && trained && n > 1 ? -step : null,
    };
  };
  for (let l = 1; l <= net.depth; l++) {
    const nin = net.sizes[l - 1]!;
    const code = net.actCodes[l - 1]!;
    const neurons: WorkedNeuron[] = [];
    for (let j = 0; j < net.sizes[l]!; j++) {
      const k = net.nOff[l]! + j;
      const inputs = Array.from({ length: nin }, (_, i) => ws.a[net.nOff[l - 1]! + i]!);
      neurons.push({
        layer: l,
        index: j,
        weights: inputs.map((_, i) => params[weightIndex(net, l, j, i)]!),
        inputs,
        bias: params[biasIndex(net, l, j)]!,
        z: ws.z[k]!,
        a: ws.a[k]!,
        dLda: ws.dLda[k]!,
        slope: code === ACT.softmax ? NaN : activationDerivative(code, ws.z[k]!, ws.a[k]!),
        delta: ws.delta[k]!,
      });
      inputs.forEach((a, i) => list.push(param(l, j, i, weightIndex(net, l, j, i), a)));
    }
    for (let j = 0; j < net.sizes[l]!; j++) list.push(param(l, j, null, biasIndex(net, l, j), 1));
    layers.push(neurons);
  }
  return {
    row: r,
    sampleInEpoch: pos.sampleInEpoch,
    epoch: pos.epoch,
    update: pos.update,
    activations: net.activations,
    loss: net.loss,
    inputs: Array.from(data.X.subarray(r * data.nIn, (r + 1) * data.nIn)),
    targets: Array.from(data.T.subarray(r * data.nOut, (r + 1) * data.nOut)),
    layers,
    sampleLoss,
    params: list,
    learningRate: alpha,
    batchLength: n,
    reduction: view.reduction,
    trainBiases: view.trainBiases,
    optimizer: view.optimizer,
  };
}
