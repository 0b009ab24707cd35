/**
 * Issue 9 §1: what the stepper reports as "the current sample" is the one whose values the workspace
 * holds — a finished sample stays on show until the next one starts; the softmax check reads what it
 * checks. Reference values are worked by hand in the comments.
 */
import { describe, expect, it } from 'vitest';
import { buildRun } from '../../src/config/build.ts';
import type { Config } from '../../src/config/schema.ts';
import { Stepper } from '../../src/core/step/stepper.ts';

// One linear neuron, w = 1, b = 0, rows x = 1, 2, 3 with targets 0, 5, 0, batches of 2.
const LINEAR: Config = {
  layers: [1, 1],
  activations: ['linear'],
  loss: 'half-squared-error',
  learningRate: 0.5,
  batchSize: 2,
  trainBiases: true,
  shuffle: false,
  seed: 1,
  weights: [[[1]]],
  biases: [[0]],
  data: {
    inputs: [[1], [2], [3]],
    targets: [[0], [5], [0]],
  },
};

const W = { kind: 'weight', layer: 1, to: 0, from: 0 } as const;

describe('the sample on show inside a mini-batch', () => {
  it('after sample 1 is back-propagated, its target (0) is shown, not sample 2’s (5)', () => {
    const s = new Stepper(buildRun(LINEAR));
    for (let k = 0; k < 3; k++) s.step('step'); // forward, loss, backward of sample 1
    const pos = s.position();
    expect(pos.row).toBe(0);
    expect(pos.slot).toBe(0);
    expect(pos.next.phase).toBe('forward');
    const c = s.chain(W);
    // a = 1·1 + 0 = 1, ∂L/∂a = a − t = 1 − 0 = 1
    expect(c.rule.dLda!.kind).toBe('loss');
    const d = c.rule.dLda as { a: number; t: number; value: number };
    expect(d.a).toBe(1);
    expect(d.t).toBe(0);
    expect(d.value).toBe(1);
  });

  it('sample 2 is on show from its first step to the update; then the next batch’s first sample', () => {
    const s = new Stepper(buildRun(LINEAR));
    for (let k = 0; k < 4; k++) s.step('step');
    expect(s.position().row).toBe(1); // sample 2's forward step done
    for (let k = 0; k < 2; k++) s.step('step');
    expect(s.position().row).toBe(1); // its backward step done, update pending
    expect(s.position().next.phase).toBe('update');
    const d = s.chain(W).rule.dLda as { a: number; t: number };
    expect([d.a, d.t]).toEqual([2, 5]); // a = 2, t = 5
    s.step('step'); // the update: w ← 1 − 0.5·½(1·1 + (2−5)·2) = 1 − 0.5·(−2.5) = 2.25
    expect(s.params[0]).toBe(2.25);
    expect(s.position().row).toBe(2);
    expect(s.position().sampleInEpoch).toBe(2);
  });
});

describe('the softmax check of a forward step', () => {
  it('does not read an activation its layer has not computed yet', () => {
    const config: Config = {
      layers: [1, 3],
      activations: ['softmax'],
      loss: 'cross-entropy',
      learningRate: 0.5,
      batchSize: 1,
      trainBiases: true,
      shuffle: false,
      seed: 1,
      weights: [[[1], [2], [3]]],
      biases: [[0, 0, 0]],
      data: { inputs: [[1]], targets: [[0, 0, 1]] },
    };
    const s = new Stepper(buildRun(config));
    // Left-over values in the workspace (as from an earlier sample) must not be read as this sample's.
    s.ws.a.fill(NaN);
    s.ws.a[0] = 0;
    expect(s.step('step')).toBeNull(); // z1 only: a1 does not exist yet
    expect(s.step('step')).toBeNull();
    expect(s.step('step')).toBeNull(); // z3, then the whole softmax layer, all finite
    expect(s.divergence).toBeNull();
    // a = softmax(1, 2, 3): the last one e³/(e + e² + e³)
    const e = Math.E;
    expect(s.ws.a[3]).toBeCloseTo(e ** 3 / (e + e ** 2 + e ** 3), 12);
  });
});
