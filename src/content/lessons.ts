/**
 * The guided lessons: the five lecture notes in teaching order, each a few scenes. A scene is a setup,
 * a moment in its training (updates done, micro-steps into the next batch), what to select, which
 * insight view to open, a caption saying what to look at, and the next thing to try. Captions quote
 * the correct values (see shared/seeds/README.md for the notes' slips); the page computes every number
 * it shows itself.
 */
import { findPreset } from './presets.ts';
import type { Config } from '../config/schema.ts';

export const INSIGHTS = ['slope', 'check', 'neuron', 'layers', 'boundary'] as const;
export type InsightName = (typeof INSIGHTS)[number];

export interface Scene {
  readonly title: string;
  readonly config: Config;
  /** Updates done, then micro-steps into the next batch. */
  readonly at: readonly [number, number];
  /** A selection key: `w L J I`, `b L J` or `n L J`. */
  readonly select?: string;
  readonly insight?: InsightName;
  readonly caption: string;
  readonly next: string;
}

export interface Lesson {
  readonly name: string;
  readonly title: string;
  readonly source: string;
  readonly scenes: readonly Scene[];
}

function preset(name: string): Config {
  const p = findPreset(name);
  if (!p) throw new Error(`no preset ${name}`);
  return p.config;
}

const TEXTBOOK = preset('textbook-2-2-2');

/** Note 000: one sigmoid neuron, x = (0, 1), w = (2, 3), L = (y_pred − y_true)². */
const NEURON: Config = {
  layers: [2, 1],
  activations: ['sigmoid'],
  loss: 'squared-error',
  learningRate: 0.5,
  batchSize: 1,
  trainBiases: true,
  shuffle: false,
  seed: 1,
  weights: [[[2, 3]]],
  biases: [[0]],
  data: { inputs: [[0, 1]], targets: [[1]], columns: ['x1', 'x2', 'y_true'] },
};

/** Note 001's slope picture: one weight, ½(w·x − t)² with x = 1, so the slope is w − t. */
function slope(w: number, t: number): Config {
  return {
    layers: [1, 1],
    activations: ['linear'],
    loss: 'half-squared-error',
    learningRate: 0.05,
    batchSize: 1,
    trainBiases: false,
    shuffle: false,
    seed: 1,
    weights: [[[w]]],
    biases: [[0]],
    data: { inputs: [[1]], targets: [[t]], columns: ['x', 't'] },
  };
}

/** A chain of five one-neuron layers, every weight 1, no biases: sigmoid all the way, or ReLU inside. */
function deep(hidden: 'sigmoid' | 'relu'): Config {
  return {
    layers: [1, 1, 1, 1, 1, 1],
    activations: [hidden, hidden, hidden, hidden, 'sigmoid'],
    loss: 'half-squared-error',
    learningRate: 0.5,
    batchSize: 1,
    trainBiases: false,
    shuffle: false,
    seed: 1,
    weights: [[[1]], [[1]], [[1]], [[1]], [[1]]],
    biases: [[0], [0], [0], [0], [0]],
    data: { inputs: [[1]], targets: [[0.9]] },
  };
}

const X1X2Y = preset('table-x1x2y');

export const LESSONS: readonly Lesson[] = [
  {
    name: 'neuron',
    title: 'The neuron and the dot product',
    source: 'note 000',
    scenes: [
      {
        title: 'A neuron is a dot product, then an activation',
        config: NEURON,
        at: [0, 1],
        select: 'n 1 0',
        insight: 'neuron',
        caption:
          'The input x = (0, 1) meets the weights w = (2, 3): z = x·w + b = 0·2 + 1·3 + 0 = 3, and the neuron outputs a = σ(3) = 0.9526.',
        next: 'The neuron panel measures how alike x and w are: ‖x‖ = 1, ‖w‖ = √13 = 3.606, cos θ = 3/(1 · 3.606) = 0.8321 (θ = 33.69°). Type a new weight (click it) and watch z and cos θ change.',
      },
      {
        title: 'The loss of one neuron',
        config: NEURON,
        at: [0, 2],
        select: 'w 1 0 1',
        caption:
          'With y_true = 1 the loss is L = (y_pred − y_true)² = (0.9526 − 1)² = 0.002249. Small, but not zero: the weights can still improve.',
        next: 'Step once more to send the error back to the weights.',
      },
      {
        title: 'dL/dw and dL/db by the chain rule',
        config: NEURON,
        at: [0, 3],
        select: 'w 1 0 1',
        insight: 'check',
        caption:
          'dL/dw2 = dL/dy_pred · dy_pred/dz · dz/dw2 = 2(y_pred − y_true) · σ′(z) · x2 = 2(0.9526 − 1) · 0.04518 · 1 = (−0.09485) · 0.04518 · 1 = −0.004285. For w1 the last factor is x1 = 0, so dL/dw1 = 0: a weight whose input is 0 does not learn from this sample.',
        next: 'Select the bias: dz/db = 1, so dL/db = −0.004285 as well. The gradient check beside the chain rule confirms the number by finite differences.',
      },
    ],
  },
  {
    name: 'forward',
    title: 'The forward pass of the 2-2-2 example',
    source: 'note 003',
    scenes: [
      {
        title: 'The first hidden neuron',
        config: TEXTBOOK,
        at: [0, 1],
        select: 'n 1 0',
        caption:
          'h1(in) = w1·i1 + w2·i2 + b1 = 0.15·0.05 + 0.2·0.1 + 0.35 = 0.3775 (note 003 prints 0.377), and h1(out) = σ(0.3775) = 0.5933.',
        next: 'Step to compute h2: the same inputs with w3 and w4.',
      },
      {
        title: 'The first output',
        config: TEXTBOOK,
        at: [0, 3],
        select: 'n 2 0',
        caption:
          'o1(in) = w5·h1 + w6·h2 + b2 = 0.4·0.5933 + 0.45·0.5969 + 0.6 = 1.106 (note 003 prints 1.175), o1(out) = σ(1.106) = 0.7514.',
        next: 'Step once more: o2(out) = 0.7729.',
      },
      {
        title: 'Both outputs',
        config: TEXTBOOK,
        at: [0, 4],
        select: 'n 2 1',
        caption:
          'o2(in) = w7·h1 + w8·h2 + b2 = 0.5·0.5933 + 0.55·0.5969 + 0.6 = 1.225, o2(out) = σ(1.225) = 0.7729. The targets are 0.01 and 0.99: both outputs are off.',
        next: 'The next lesson measures how far off: the loss.',
      },
    ],
  },
  {
    name: 'loss',
    title: 'The loss',
    source: 'note 003',
    scenes: [
      {
        title: 'E_total = Σ ½(target − out)²',
        config: TEXTBOOK,
        at: [0, 5],
        select: 'w 2 0 0',
        caption:
          'E_o1 = ½(0.01 − 0.7514)² = 0.2748 and E_o2 = ½(0.99 − 0.7729)² = 0.02356 (note 003 prints 0.23), so E_total = E_o1 + E_o2 = 0.2984 (note 003 prints 0.50).',
        next: 'In the Setup, switch the loss to “squared error” (no ½): every loss value doubles, and so does every gradient. The notes use both conventions; the panel always writes the one selected.',
      },
    ],
  },
  {
    name: 'chain-rule',
    title: 'The chain rule on the 1-1-1 chain',
    source: 'notes 002, 003',
    scenes: [
      {
        title: 'Weight → height → shoe size',
        config: preset('chain-1-1-1'),
        at: [0, 5],
        select: 'w 1 0 0',
        caption:
          'Note 003: height grows 2 cm per kg of weight and shoe size grows 1/4 per cm of height, so shoe size grows 2 · 1/4 = 0.5 per kg: rates along a chain multiply. Here ŷ = σ(w2·σ(w1·x + b1) + b2), and ∂L/∂w1 multiplies one factor per link from w1 to the loss.',
        next: 'Read the chain panel top to bottom: each factor with its number, then their product. Step back (←) to see which factors were computed when.',
      },
      {
        title: 'The output bias: no w2 factor',
        config: preset('chain-1-1-1'),
        at: [0, 5],
        select: 'b 2 0',
        caption:
          '∂L/∂b2 = (y − t) · y(1 − y) · 1: the bias enters z2 directly, so there is no w2 in its chain (note 002 adds one).',
        next: 'Select w2: its last factor is h = σ(w1·x + b1), cached from the forward pass.',
      },
    ],
  },
  {
    name: 'backprop',
    title: 'Backpropagation of the 2-2-2 example',
    source: 'note 003',
    scenes: [
      {
        title: 'An output weight: w5',
        config: TEXTBOOK,
        at: [0, 6],
        select: 'w 2 0 0',
        insight: 'check',
        caption: '∂E/∂w5 = ∂E/∂out_o1 · ∂out_o1/∂net_o1 · ∂net_o1/∂w5 = 0.7414 · 0.1868 · 0.5933 = 0.08217.',
        next: 'The gradient check beside it agrees to many digits. Step on through the backward pass.',
      },
      {
        title: 'A hidden weight: w1 sums over both outputs',
        config: TEXTBOOK,
        at: [0, 9],
        select: 'w 1 0 0',
        caption:
          '∂E/∂out_h1 = δ_o1·w5 + δ_o2·w7 = 0.1385 · 0.4 + (−0.0381) · 0.5 = 0.03635 (h1 feeds o1 through w5 and o2 through w7), so ∂E/∂w1 = 0.03635 · σ′(net_h1) · i1 = 0.03635 · 0.2413 · 0.05 = 0.0004386. Every gradient uses the weights of the same forward pass.',
        next: 'Step once more to apply the update to all eight weights at once.',
      },
      {
        title: 'The update',
        config: TEXTBOOK,
        at: [1, 0],
        select: 'w 2 0 0',
        caption:
          'w5 ← 0.4 − 0.5 · 0.08217 = 0.3589, w1 ← 0.15 − 0.5 · 0.0004386 = 0.1498. The loss falls from 0.2984 to 0.291 (to nine digits 0.291027774; the widely copied blog prints 0.291027924, from older code that updated w5…w8 before computing the hidden deltas).',
        next: 'Play at full speed, or type 10,000 in “Go to update” under the diagram: after 10,000 updates E_total is 3.51×10⁻⁵ (the blog prints 0.0000351085).',
      },
    ],
  },
  {
    name: 'gradient-descent',
    title: 'Gradient descent and the sign of the slope',
    source: 'note 001',
    scenes: [
      {
        title: 'A positive slope: step left',
        config: slope(2, -1),
        at: [0, 3],
        select: 'w 1 0 0',
        insight: 'slope',
        caption:
          'C(w) = ½(w·1 − (−1))². At w = 2 the slope ∂C/∂w = 3 is positive: C grows to the right, so w must decrease. w_new = w − α · slope = 2 − 0.05 · 3.',
        next: 'Step to apply the update.',
      },
      {
        title: '2 − 0.05 · 3 = 1.85',
        config: slope(2, -1),
        at: [1, 0],
        select: 'w 1 0 0',
        insight: 'slope',
        caption: 'w = 1.85: one step down the slope. The loss went from ½ · 3² = 4.5 to ½ · 2.85² = 4.061.',
        next: 'Next scene: a negative slope.',
      },
      {
        title: 'A negative slope: step right',
        config: slope(5, 7),
        at: [0, 3],
        select: 'w 1 0 0',
        insight: 'slope',
        caption:
          'C(w) = ½(w − 7)². At w = 5 the slope is −2: C falls to the right, so w must increase. w_new = 5 − 0.05 · (−2) = 5.1.',
        next: 'Step to apply it, then try a learning rate of 2.5 in the Setup: the step overshoots the minimum.',
      },
      {
        title: '5 − 0.05 · (−2) = 5.1',
        config: slope(5, 7),
        at: [1, 0],
        select: 'w 1 0 0',
        insight: 'slope',
        caption: 'w = 5.1. Whatever the sign of the slope, w − α · slope moves downhill.',
        next: 'Play slowly and watch the steps shrink as the slope flattens near w = 7.',
      },
    ],
  },
  {
    name: 'batches',
    title: 'Per-sample and batch updates, epochs',
    source: 'note 003',
    scenes: [
      {
        title: 'One update per sample',
        config: { ...X1X2Y, batchSize: 1 },
        at: [1, 0],
        select: 'w 2 0 0',
        caption:
          'Batch size 1: forward, loss, backward and an update after every row. One pass over the three rows of X1 X2 Y (an epoch) makes three updates. The loss in the status line is the notes’ total error over the table, E = E1 + E2 + E3.',
        next: 'Next: the way of note 003 — the total error of the epoch first, then one update.',
      },
      {
        title: 'The whole table, then one update',
        config: X1X2Y,
        at: [0, 21],
        select: 'b 2 0',
        caption:
          'Batch size 3, loss of the batch “sum over samples”: all three rows go forward and back before anything changes. The total error is E = E1 + E2 + E3 = 100 + 625 + 1296 = 2021 (the raw inputs drive the sigmoids to 0, so the output is about 0 against the targets 10, 25, 36), and the update uses the sum of the three gradients, w ← w − α Σₛ ∂Lₛ/∂w (Lₛ: row s’s error Eₛ); for the output bias Σₛ 2(yₛ − tₛ) = −142.',
        next: 'Step once to apply that single update: b ← 0 − 0.001 · (−142) = 0.142. The epoch counter moves on: one update per epoch.',
      },
      {
        title: 'Raw inputs saturate the sigmoids',
        config: X1X2Y,
        at: [1, 0],
        select: 'w 1 0 0',
        caption:
          'X1 runs from 20 to 90: on the first row (X1 = 90, X2 = 40) the first hidden neuron sums to z = −97.38 (step once to see it), where σ′(z) ≈ 0. The update moved the output bias to 0.142 and E from 2021 to 2001, but almost no gradient reaches the first layer: the Data panel measures it.',
        next: 'Tick “standardise inputs” in the Data panel and play both: the standardised net learns.',
      },
    ],
  },
  {
    name: 'vanishing',
    title: 'Vanishing gradients: a deep sigmoid chain vs ReLU',
    source: 'notes 003, 004',
    scenes: [
      {
        title: 'Five sigmoids: the gradient shrinks layer by layer',
        config: deep('sigmoid'),
        at: [0, 11],
        select: 'w 1 0 0',
        insight: 'layers',
        caption:
          'Every layer multiplies the backward signal by σ′(z) · w, and σ′(z) ≤ 0.25. From w5 back to w1 the gradient shrinks from −0.03569 to −0.0001171 — about 300 times smaller.',
        next: 'Next scene: the same chain with ReLU inside.',
      },
      {
        title: 'ReLU inside: the gradient passes unchanged',
        config: deep('relu'),
        at: [0, 11],
        select: 'w 1 0 0',
        insight: 'layers',
        caption:
          'ReLU′(z) = 1 for z > 0, so every weight of the chain gets the same gradient, −0.03322: nothing vanishes.',
        next: 'A ReLU with z < 0 passes nothing at all (a “dead” unit): type w1 = −1 and step through.',
      },
      {
        title: 'The notes’ deep chain σ(ReLU(ReLU(i·w1)·w2)·w3)',
        config: preset('deep-chain'),
        at: [0, 7],
        select: 'w 1 0 0',
        caption:
          'C = (y_p − y)². The update of w1 uses the w1 chain: ∂C/∂a3 · ∂a3/∂a2 · ∂a2/∂a1 · ∂a1/∂w1 (note 004 writes w3 on the left of that line).',
        next: 'Select w3 and w2 and compare their chains: each is a tail of w1’s.',
      },
    ],
  },
  {
    name: 'face-car',
    title: 'The face/car classifier with one-hot targets',
    source: 'note 001',
    scenes: [
      {
        title: 'm0 = x·W0, a0 = σ(m0), m1 = a0·W1, a1 = σ(m1)',
        config: preset('face-car'),
        at: [0, 5],
        select: 'n 2 0',
        caption:
          'A picture is three features (round outline, wheels, skin tone). The two outputs score “face” and “car”; the target of a face is y = [1, 0] (one-hot).',
        next: 'Step to the loss.',
      },
      {
        title: 'C = ‖a1 − y‖²',
        config: preset('face-car'),
        at: [0, 7],
        select: 'w 2 0 0',
        caption:
          'The cost adds the squared error of both outputs; the backward pass has just begun at the “face” output. Its derivative is ∂C/∂a1 = 2(a1 − y) (note 001 prints 2a1 − y).',
        next: 'Step through the rest of the backward pass to a weight of W0.',
      },
      {
        title: '∂C/∂w0: five factors',
        config: preset('face-car'),
        at: [0, 11],
        select: 'w 1 0 0',
        caption:
          '∂C/∂w0 = ∂C/∂a1 · ∂a1/∂m1 · ∂m1/∂a0 · ∂a0/∂m0 · ∂m0/∂w0, summed over both outputs; a0 was computed in the forward pass and is cached.',
        next: 'Play an epoch at a time: both classes separate within a few dozen epochs.',
      },
    ],
  },
];

export function findLesson(name: string): Lesson | undefined {
  return LESSONS.find((l) => l.name === name);
}
