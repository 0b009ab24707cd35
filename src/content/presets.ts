/**
 * The presets: the examples of the five lecture notes, and the classic 2-D toy sets, as plain configs.
 * Where a note gives no numbers (002, 004) the initial values are ours and say so.
 */
import { TABLE_FACE_CAR, TABLE_X1X2Y } from '../core/model/datasets.ts';
import type { Config } from '../config/schema.ts';

export interface Preset {
  readonly name: string;
  readonly title: string;
  /** Which lecture note it comes from, if any. */
  readonly source: string;
  readonly description: string;
  readonly config: Config;
}

const textbook: Preset = {
  name: 'textbook-2-2-2',
  title: 'The textbook 2-2-2 example',
  source: 'note 003',
  description:
    'Two inputs, two sigmoid hidden neurons, two sigmoid outputs; E = Σ ½(target − out)². Biases stay fixed, as in the notes.',
  config: {
    layers: [2, 2, 2],
    activations: ['sigmoid', 'sigmoid'],
    loss: 'half-squared-error',
    learningRate: 0.5,
    batchSize: 1,
    trainBiases: false,
    shuffle: false,
    seed: 1,
    weights: [
      [
        [0.15, 0.2],
        [0.25, 0.3],
      ],
      [
        [0.4, 0.45],
        [0.5, 0.55],
      ],
    ],
    biases: [
      [0.35, 0.35],
      [0.6, 0.6],
    ],
    data: { inputs: [[0.05, 0.1]], targets: [[0.01, 0.99]] },
  },
};

const chain111: Preset = {
  name: 'chain-1-1-1',
  title: 'The 1-1-1 sigmoid chain',
  source: 'note 002',
  description:
    'ŷ = σ(w2·σ(w1·x + b1) + b2) with L = ½(y − t)². The notes give no numbers (and use α = 0.001); these starting values are ours.',
  config: {
    layers: [1, 1, 1],
    activations: ['sigmoid', 'sigmoid'],
    loss: 'half-squared-error',
    learningRate: 0.5,
    batchSize: 1,
    trainBiases: true,
    shuffle: false,
    seed: 1,
    weights: [[[0.4]], [[0.7]]],
    biases: [[0.1], [-0.2]],
    data: { inputs: [[1.5]], targets: [[0.9]] },
  },
};

const deepChain: Preset = {
  name: 'deep-chain',
  title: 'A deep chain: σ(ReLU(ReLU(x1·w1)·w2)·w3)',
  source: 'note 004',
  description:
    'Three weights, no biases, C = (y_p − y)². The notes give no numbers; these starting values are ours.',
  config: {
    layers: [1, 1, 1, 1],
    activations: ['relu', 'relu', 'sigmoid'],
    loss: 'squared-error',
    learningRate: 0.5,
    batchSize: 1,
    trainBiases: false,
    shuffle: false,
    seed: 1,
    weights: [[[0.8]], [[0.6]], [[0.5]]],
    biases: [[0], [0], [0]],
    data: { inputs: [[1.5]], targets: [[0.9]] },
  },
};

const faceCar: Preset = {
  name: 'face-car',
  title: 'Face or car? One-hot targets',
  source: 'note 001',
  description:
    'z⁽¹⁾ = x·W⁽¹⁾, a⁽¹⁾ = σ(z⁽¹⁾), z⁽²⁾ = a⁽¹⁾·W⁽²⁾, a⁽²⁾ = σ(z⁽²⁾), C = ‖a⁽²⁾ − y‖² (note 001 counts the layers from zero). Each picture is three hand-scored features (round outline, wheels, skin tone); targets [face, car]. No biases, as in the notes.',
  config: {
    layers: [3, 3, 2],
    activations: ['sigmoid', 'sigmoid'],
    loss: 'squared-error',
    learningRate: 0.5,
    batchSize: 1,
    trainBiases: false,
    shuffle: false,
    seed: 1,
    weights: [
      [
        [0.2, -0.3, 0.4],
        [-0.1, 0.5, -0.2],
        [0.3, 0.1, -0.4],
      ],
      [
        [0.3, -0.2, 0.1],
        [-0.4, 0.2, 0.3],
      ],
    ],
    biases: [
      [0, 0, 0],
      [0, 0],
    ],
    data: { inputs: TABLE_FACE_CAR.inputs, targets: TABLE_FACE_CAR.targets, columns: TABLE_FACE_CAR.columns },
  },
};

const table: Preset = {
  name: 'table-x1x2y',
  title: 'The X1 X2 Y table: one update per epoch',
  source: 'note 003',
  description:
    'Three rows, full batch: as in the notes, the total error of the epoch E = E1 + E2 + E3 is a sum (and so is the gradient of the one update it makes). Raw, unscaled inputs — watch the sigmoid saturate; then tick “standardise inputs” in the Data panel and compare.',
  config: {
    layers: [2, 2, 1],
    activations: ['sigmoid', 'linear'],
    loss: 'squared-error',
    reduction: 'sum',
    learningRate: 0.001,
    batchSize: 3,
    trainBiases: true,
    shuffle: false,
    seed: 3,
    init: 'xavier',
    data: { inputs: TABLE_X1X2Y.inputs, targets: TABLE_X1X2Y.targets, columns: TABLE_X1X2Y.columns },
  },
};

function toy(
  name: 'xor' | 'circle' | 'spiral' | 'gaussians',
  title: string,
  hidden: number[],
  lr: number,
): Preset {
  return {
    name,
    title,
    source: '',
    description: `Two classes in the plane (200 points, labels −1 / +1; 40 held out to test), a tanh network with hidden layers [${hidden.join(', ')}].`,
    config: {
      layers: [2, ...hidden, 1],
      activations: [...hidden.map(() => 'tanh' as const), 'tanh'],
      loss: 'half-squared-error',
      learningRate: lr,
      batchSize: 10,
      trainBiases: true,
      shuffle: true,
      seed: 1,
      init: 'xavier',
      dataset: { name, n: 200, noise: 0, seed: 1, targets: 'sign', test: 0.2 },
    },
  };
}

export const PRESETS: readonly Preset[] = [
  textbook,
  chain111,
  deepChain,
  faceCar,
  table,
  toy('xor', 'XOR', [4], 0.1),
  toy('circle', 'Circle', [4, 2], 0.03),
  toy('spiral', 'Two spirals', [8, 8, 8], 0.03),
  toy('gaussians', 'Two Gaussian blobs', [2], 0.03),
];

export function findPreset(name: string): Preset | undefined {
  return PRESETS.find((p) => p.name === name);
}

export const DEFAULT_PRESET = textbook;
