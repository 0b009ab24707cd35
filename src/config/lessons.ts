/**
 * The guided lessons: the five lecture notes in teaching order, each a few scenes. A scene is a setup,
 * a moment in its training (updates done, micro-steps into the next batch), what to select, which
 * insight view to open, a caption saying what to look at, and the next thing to try. Captions quote
 * the correct values (see shared/seeds/README.md for the notes' slips); the page computes every number
 * it shows itself.
 */
import { findPreset } from './presets.ts';
import type { Config } from './schema.ts';

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

/** Seed 000: one sigmoid neuron, x = (0, 1), w = (2, 3), L = (y_pred − y_true)². */
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

/** Seed 001's slope picture: one weight, ½(w·x − t)² with x = 1, so the slope is w − t. */
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
    source: 'seed 000',
    scenes: [
      {
        title: 'A neuron is a dot product, then an activation',
        config: NEURON,
        at: [0, 1],
        select: 'n 1 0',
        insight: 'neuron',
        caption:
          'The input x = (0, 1) meets the weights w = (2, 3): z = x·w + b = 0·2 + 1·3 + 0 = 3, and the neuron outputs a = σ(3) = 0.9526.',
        next: 'The neuron panel measures how alike x and w are: ‖x‖ = 1, ‖w‖ = √13 = 3.606, cos θ = 3/3.606 = 0.832 (θ = 33.7°). Type a new weight (click it) and watch z and cos θ change.',
      },
      {
        title: 'The loss of one neuron',
        config: NEURON,
        at: [0, 2],
        select: 'w 1 0 1',
        caption:
          'With y_true = 1 the loss is L = (y_pred − y_true)² = (0.9526 − 1)² = 0.00225. Small, but not zero: the weights can still improve.',
        next: 'Step once more to send the error back to the weights.',
      },
      {
        title: 'dL/dw and dL/db by the chain rule',
        config: NEURON,
        at: [0, 3],
        select: 'w 1 0 1',
        insight: 'check',
        caption:
          'dL/dw2 = dL/dy_pred · dy_pred/dz · dz/dw2 = 2(y_pred − y_true) · σ′(z) · x2 = 2(−0.0474) · 0.0452 · 1 = −0.00429. For w1 the last factor is x1 = 0, so dL/dw1 = 0: a weight whose input is 0 does not learn from this sample.',
        next: 'Select the bias: dz/db = 1, so dL/db = −0.00429 as well. The gradient check beside the chain rule confirms the number by finite differences.',
      },
    ],
  },
  {
    name: 'forward',
    title: 'The forward pass of the 2-2-2 example',
    source: 'seed 003',
    scenes: [
      {
        title: 'The first hidden neuron',
        config: TEXTBOOK,
        at: [0, 1],
        select: 'n 1 0',
        caption:
          'h1(in) = w1·i1 + w2·i2 + b1 = 0.15·0.05 + 0.20·0.10 + 0.35 = 0.3775 (the notes print 0.377), and h1(out) = σ(0.3775) = 0.5933.',
        next: 'Step to compute h2: the same inputs with w3 and w4.',
      },
      {
        title: 'The first output',
        config: TEXTBOOK,
        at: [0, 3],
        select: 'n 2 0',
        caption:
          'o1(in) = w5·h1 + w6·h2 + b2 = 0.40·0.5933 + 0.45·0.5969 + 0.60 = 1.1059 (the notes print 1.175), o1(out) = σ(1.1059) = 0.7514.',
        next: 'Step once more: o2(out) = 0.7729.',
      },
      {
        title: 'Both outputs',
        config: TEXTBOOK,
        at: [0, 4],
        select: 'n 2 1',
        caption:
          'o2(in) = 0.50·0.5933 + 0.55·0.5969 + 0.60 = 1.2249, o2(out) = σ(1.2249) = 0.7729. The targets are 0.01 and 0.99: both outputs are off.',
        next: 'The next lesson measures how far off: the loss.',
      },
    ],
  },
  {
    name: 'loss',
    title: 'The loss',
    source: 'seed 003',
    scenes: [
      {
        title: 'E_total = Σ ½(target − out)²',
        config: TEXTBOOK,
        at: [0, 5],
        select: 'w 2 0 0',
        caption:
          'E_o1 = ½(0.01 − 0.7514)² = 0.2748 and E_o2 = ½(0.99 − 0.7729)² = 0.02356 (the notes print 0.23), so E_total = 0.2984 (the notes print 0.50).',
        next: 'In the Setup, switch the loss to “squared error” (no ½): every loss value doubles, and so does every gradient. The notes use both conventions; the panel always writes the one selected.',
      },
    ],
  },
  {
    name: 'chain-rule',
    title: 'The chain rule on the 1-1-1 chain',
    source: 'seeds 002, 003',
    scenes: [
      {
        title: 'Weight → height → shoe size',
        config: preset('chain-1-1-1'),
        at: [0, 5],
        select: 'w 1 0 0',
        caption:
          'If a child grows 2 cm per kg and shoe size grows 0.1 per cm, shoe size grows 2 · 0.1 = 0.2 per kg: rates along a chain multiply. Here ŷ = σ(w2·σ(w1·x + b1) + b2), and ∂L/∂w1 multiplies one factor per link from w1 to the loss.',
        next: 'Read the chain panel top to bottom: each factor with its number, then their product. Step back (←) to see which factors were computed when.',
      },
      {
        title: 'The output bias: no w2 factor',
        config: preset('chain-1-1-1'),
        at: [0, 5],
        select: 'b 2 0',
        caption:
          '∂L/∂b2 = (y − t) · y(1 − y) · 1: the bias enters z2 directly, so there is no w2 in its chain (the notes add one).',
        next: 'Select w2: its last factor is h = σ(w1·x + b1), cached from the forward pass.',
      },
    ],
  },
  {
    name: 'backprop',
    title: 'Backpropagation of the 2-2-2 example',
    source: 'seed 003',
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
          '∂E/∂out_h1 = δ_o1·w5 + δ_o2·w6 = 0.03635, so ∂E/∂w1 = 0.03635 · σ′(net_h1) · i1 = 0.03635 · 0.2413 · 0.05 = 0.000439. Every gradient uses the weights of the same forward pass.',
        next: 'Step once more to apply the update to all eight weights at once.',
      },
      {
        title: 'The update',
        config: TEXTBOOK,
        at: [1, 0],
        select: 'w 2 0 0',
        caption:
          'w5 ← 0.40 − 0.5 · 0.08217 = 0.3589, w1 ← 0.15 − 0.5 · 0.000439 = 0.1498. The loss falls from 0.2984 to 0.2910 (the widely copied blog prints 0.291027924 from older code; the correct value is 0.291027774).',
        next: 'Play at full speed: after 10,000 updates E_total is 3.5102 × 10⁻⁵.',
      },
    ],
  },
  {
    name: 'gradient-descent',
    title: 'Gradient descent and the sign of the slope',
    source: 'seed 001',
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
    source: 'seed 003',
    scenes: [
      {
        title: 'One update per sample',
        config: { ...X1X2Y, batchSize: 1 },
        at: [1, 0],
        select: 'w 2 0 0',
        caption:
          'Batch size 1: forward, loss, backward and an update after every row. One pass over the three rows of X1 X2 Y (an epoch) makes three updates.',
        next: 'Next: the notes’ way — the total error of the epoch first, then one update.',
      },
      {
        title: 'The whole table, then one update',
        config: X1X2Y,
        at: [0, 21],
        select: 'w 2 0 0',
        caption:
          'Batch size 3: all three rows are sent forward and back before anything changes; the update uses the mean of the three gradients (the Σ over s in the update line). One update per epoch.',
        next: 'Step once to apply that single update; the epoch counter moves on.',
      },
      {
        title: 'Raw inputs saturate the sigmoids',
        config: X1X2Y,
        at: [1, 0],
        select: 'w 1 0 0',
        caption:
          'X1 runs from 20 to 90: the hidden sums reach |z| ≈ 100, where σ′(z) ≈ 0. The Data panel measures it — almost no gradient reaches the first layer.',
        next: 'Tick “standardise inputs” in the Data panel and play both: the standardised net learns.',
      },
    ],
  },
  {
    name: 'vanishing',
    title: 'Vanishing gradients: a deep sigmoid chain vs ReLU',
    source: 'seeds 003, 004',
    scenes: [
      {
        title: 'Five sigmoids: the gradient shrinks layer by layer',
        config: deep('sigmoid'),
        at: [0, 11],
        select: 'w 1 0 0',
        insight: 'layers',
        caption:
          'Every layer multiplies the backward signal by σ′(z) · w, and σ′(z) ≤ 0.25. From w5 back to w1 the gradient falls from 0.0357 to 0.000117 — about 300 times smaller.',
        next: 'Next scene: the same chain with ReLU inside.',
      },
      {
        title: 'ReLU inside: the gradient passes unchanged',
        config: deep('relu'),
        at: [0, 11],
        select: 'w 1 0 0',
        insight: 'layers',
        caption:
          'ReLU′(z) = 1 for z > 0, so every weight of the chain gets the same gradient, −0.0332: nothing vanishes.',
        next: 'A ReLU with z < 0 passes nothing at all (a “dead” unit): type w1 = −1 and step through.',
      },
      {
        title: 'The notes’ deep chain σ(ReLU(ReLU(i·w1)·w2)·w3)',
        config: preset('deep-chain'),
        at: [0, 7],
        select: 'w 1 0 0',
        caption:
          'C = (y_p − y)². The update of w1 uses the w1 chain: ∂C/∂a3 · ∂a3/∂a2 · ∂a2/∂a1 · ∂a1/∂w1 (the notes write w3 on the left of that line).',
        next: 'Select w3 and w2 and compare their chains: each is a tail of w1’s.',
      },
    ],
  },
  {
    name: 'face-car',
    title: 'The face/car classifier with one-hot targets',
    source: 'seed 001',
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
          'The cost adds the squared error of both outputs; the backward pass has just begun at the “face” output. Its derivative is ∂C/∂a1 = 2(a1 − y) (the notes print 2a1 − y).',
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
