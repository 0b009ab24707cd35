/**
 * The comparisons a class asks for, one row each: what run B changes of run A's setup, as a `cmp`
 * value (config/compare-link.ts), and what the two runs side by side show. Each is computed from run
 * A's setup, so "α × 10" is 5 beside 0.5 and 0.3 beside 0.03.
 */
import { num } from '../config/link-values.ts';
import type { Config } from '../config/schema.ts';

export interface Comparison {
  readonly name: string;
  /** The menu's words. */
  readonly title: string;
  /** What to watch. */
  readonly shows: string;
  /** Run B's settings for run A's `config` (`samples`: training rows), as a `cmp` value. */
  cmp(config: Config, samples: number): string;
  /** Whether it changes anything in this setup (default: yes). */
  applies?(config: Config, samples: number): boolean;
}

/** `x` without float noise (0.03 × 10 is 0.3, not 0.30000000000000004). */
const round = (x: number) => num(Number(x.toPrecision(12)));

export const COMPARISONS: readonly Comparison[] = [
  {
    name: 'relu',
    title: 'Hidden layers: sigmoid ↔ ReLU',
    shows: 'how much gradient reaches the first layer (the vanishing gradient)',
    cmp: (c) => {
      const hidden = c.activations.slice(0, -1);
      const to = hidden.every((f) => f === 'relu') ? 'sigmoid' : 'relu';
      return `act:${[...hidden.map(() => to), c.activations.at(-1)!].join(',')}`;
    },
  },
  {
    name: 'rate-up',
    title: 'Learning rate α × 10',
    shows: 'steps that overshoot the valley',
    cmp: (c) => `lr:${round(c.learningRate * 10)}`,
  },
  {
    name: 'rate-down',
    title: 'Learning rate α ÷ 10',
    shows: 'small steps: slow but steady',
    cmp: (c) => `lr:${round(c.learningRate / 10)}`,
  },
  {
    name: 'momentum',
    title: 'SGD ↔ momentum',
    shows: 'velocity carrying the steps on (the first update is the same: v starts at 0)',
    cmp: (c) => `opt:${c.optimizer === 'momentum' ? 'sgd' : 'momentum'}`,
  },
  {
    name: 'adam',
    title: 'SGD ↔ Adam',
    shows: 'steps scaled per parameter',
    cmp: (c) => `opt:${c.optimizer === 'adam' ? 'sgd' : 'adam'}`,
  },
  {
    name: 'batch',
    title: 'One sample per update ↔ the whole data set',
    shows: 'noisy single-sample steps against the full gradient',
    cmp: (c, samples) => `batch:${c.batchSize === 1 ? samples : 1}`,
    applies: (_, samples) => samples > 1,
  },
  {
    name: 'seed',
    title: 'Another random seed',
    shows: 'how much the initial weights decide',
    cmp: (c) => `seed:${c.seed + 1}`,
    // given weights do not depend on the seed; the order of the samples does, when shuffled
    applies: (c) => !c.weights || c.shuffle,
  },
];
