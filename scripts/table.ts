/** The `train` command's readable output: one table per layer, numbers aligned for slides. */
import type { Config } from '../src/config/schema.ts';
import type { Reduction } from '../src/core/model/losses.ts';

export interface TrainResult {
  updates: number;
  /** The update a moment link started from. */
  startedAt?: number;
  epochs: number;
  /** The loss of the data set and its gradient: the mean or the sum over the samples. */
  reduction: Reduction;
  loss: number;
  testLoss?: number;
  weights: number[][][];
  biases: number[][];
  gradients: { weights: number[][][]; biases: number[][] };
  divergence?: string;
}

const num = (v: number) => (Number.isFinite(v) ? v.toPrecision(9) : String(v));

function layerName(l: number, depth: number): string {
  return l === depth ? 'output layer' : `hidden layer ${l}`;
}

function grid(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows
    .map((r) =>
      r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  '),
    )
    .join('\n');
}

export function formatTable(config: Config, r: TrainResult): string {
  const depth = config.layers.length - 1;
  const out: string[] = [
    `network ${config.layers.join('-')}  activations ${config.activations.join(', ')}  loss ${config.loss}`,
    `learning rate ${config.learningRate}  batch ${config.batchSize}  biases ${config.trainBiases ? 'trained' : 'fixed'}${config.shuffle ? '  shuffled' : ''}`,
    `updates ${r.updates}${r.startedAt !== undefined ? ` (started at update ${r.startedAt})` : ''}  epochs ${Number.isInteger(r.epochs) ? r.epochs : r.epochs.toFixed(3)}  loss (${r.reduction} over samples) ${num(r.loss)}${r.testLoss !== undefined ? `  test loss ${num(r.testLoss)}` : ''}`,
  ];
  if (r.divergence) out.push(`DIVERGED: ${r.divergence}`);
  for (let l = 1; l <= depth; l++) {
    out.push(
      '',
      `${layerName(l, depth)} (layer ${l}): weight w[j][i] into neuron j from neuron i, bias b[j], and ∂L/∂ of each`,
    );
    const rows: string[][] = [['', 'value', '∂L/∂ (data set)']];
    const w = r.weights[l - 1]!;
    for (let j = 0; j < w.length; j++) {
      for (let i = 0; i < w[j]!.length; i++)
        rows.push([`w[${j}][${i}]`, num(w[j]![i]!), num(r.gradients.weights[l - 1]![j]![i]!)]);
      rows.push([`b[${j}]`, num(r.biases[l - 1]![j]!), num(r.gradients.biases[l - 1]![j]!)]);
    }
    out.push(grid(rows));
  }
  return `${out.join('\n')}\n`;
}
