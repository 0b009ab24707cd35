/** The setup editor's choices (from the activation, loss and config-field tables) and its layer edits, in Node. */
import { describe, expect, it } from 'vitest';
import type { Config } from '../../src/config/schema.ts';
import { findPreset } from '../../src/content/presets.ts';
import {
  addHidden,
  HIDDEN_ACTIVATIONS,
  hiddenLayers,
  INIT_CHOICES,
  LIMITS,
  LOSS_CHOICES,
  OUTPUT_ACTIVATIONS,
  REDUCTION_CHOICES,
  removeHidden,
  resizeHidden,
  setHiddenActivation,
  setOutputActivation,
} from '../../src/views/setup/options.ts';

const values = (choices: readonly { value: string }[]) => choices.map((c) => c.value);

/** 2 inputs → 3 tanh → 4 relu → 1 sigmoid. */
const DEEP = {
  ...findPreset('xor')!.config,
  layers: [2, 3, 4, 1],
  activations: ['tanh', 'relu', 'sigmoid'],
} as Config;

describe('the setup editor’s choices', () => {
  it('offers every activation for the output layer, and all but softmax for a hidden one', () => {
    expect(values(OUTPUT_ACTIVATIONS).sort()).toEqual(
      ['leaky-relu', 'linear', 'relu', 'sigmoid', 'softmax', 'tanh'].sort(),
    );
    expect(values(HIDDEN_ACTIVATIONS)).toEqual(values(OUTPUT_ACTIVATIONS).filter((a) => a !== 'softmax'));
    expect(OUTPUT_ACTIVATIONS.find((c) => c.value === 'leaky-relu')!.label).toMatch(/leaky/i);
  });

  it('offers the four losses with their labels, both reductions (sum first) and the three initialisations', () => {
    expect(values(LOSS_CHOICES)).toEqual([
      'squared-error',
      'half-squared-error',
      'mean-squared-error',
      'cross-entropy',
    ]);
    expect(LOSS_CHOICES[1]!.label).toBe('half squared error Σ½(a − t)²');
    expect(REDUCTION_CHOICES).toEqual([
      { value: 'sum', label: 'sum over samples' },
      { value: 'mean', label: 'mean over samples' },
    ]);
    expect(values(INIT_CHOICES)).toEqual(['uniform', 'xavier', 'he']);
    expect([LIMITS.maxNeurons, LIMITS.maxHiddenLayers]).toEqual([16, 8]);
  });
});

describe('the layer edits', () => {
  it('resize, re-activate and remove a hidden layer, keeping inputs, outputs and the output activation', () => {
    expect(hiddenLayers(DEEP)).toEqual({ sizes: [3, 4], acts: ['tanh', 'relu'] });
    expect(resizeHidden(DEEP, 1, 1)).toEqual({
      layers: [2, 3, 5, 1],
      activations: ['tanh', 'relu', 'sigmoid'],
    });
    expect(resizeHidden(DEEP, 0, -1).layers).toEqual([2, 2, 4, 1]);
    expect(setHiddenActivation(DEEP, 0, 'sigmoid').activations).toEqual(['sigmoid', 'relu', 'sigmoid']);
    expect(removeHidden(DEEP, 0)).toEqual({ layers: [2, 4, 1], activations: ['relu', 'sigmoid'] });
    expect(setOutputActivation(DEEP, 'linear')).toEqual({ activations: ['tanh', 'relu', 'linear'] });
  });

  it('adds a hidden layer like the last one, or 2 tanh neurons to a network without one', () => {
    expect(addHidden(DEEP)).toEqual({
      layers: [2, 3, 4, 4, 1],
      activations: ['tanh', 'relu', 'relu', 'sigmoid'],
    });
    const flat = { ...DEEP, layers: [2, 1], activations: ['sigmoid'] } as Config;
    expect(addHidden(flat)).toEqual({ layers: [2, 2, 1], activations: ['tanh', 'sigmoid'] });
  });
});
