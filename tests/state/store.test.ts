/** The store and its play driver, in Node with a hand-cranked frame scheduler. */
import { describe, expect, it } from 'vitest';
import { findPreset } from '../../src/content/presets.ts';
import { EXPLODING } from '../fixtures.ts';
import type { FrameScheduler } from '../../src/state/driver.ts';
import { SPEEDS } from '../../src/session/speeds.ts';
import { createLabStore, momentLink } from '../../src/state/store.ts';

/** Frames run only when `tick` is called; time advances by 16 ms a frame. */
const idle = { scheduler: { request: () => 0, cancel: () => undefined } };

function manualScheduler() {
  let pending: ((t: number) => void) | null = null;
  let t = 0;
  const scheduler: FrameScheduler = {
    request(cb) {
      pending = cb;
      return 1;
    },
    cancel() {
      pending = null;
    },
  };
  return {
    scheduler,
    tick(n = 1) {
      for (let k = 0; k < n && pending; k++) {
        const cb = pending;
        pending = null;
        t += 16;
        cb(t);
      }
    },
    get waiting() {
      return pending !== null;
    },
  };
}

const speedOf = (label: string) => SPEEDS.findIndex((s) => s.label === label);

describe('the lab store', () => {
  it('starts on the textbook example, ready to step, with w5 selected', () => {
    const store = createLabStore();
    const s = store.getState();
    expect(s.presetName).toBe('textbook-2-2-2');
    expect(s.view.datasetLoss).toBeCloseTo(0.298371109, 9);
    expect(s.selection).toEqual({ kind: 'weight', layer: 2, to: 0, from: 0 });
    expect(s.series.length).toBe(1);
  });

  it('makes exactly one set() per frame, however many steps the frame computes', () => {
    const m = manualScheduler();
    const store = createLabStore(findPreset('circle')!.config, { scheduler: m.scheduler, frameBudgetMs: 5 });
    store.getState().actions.setSpeed(speedOf('as fast as possible'));
    store.getState().actions.play();
    let sets = 0;
    const unsubscribe = store.subscribe(() => sets++);
    m.tick(5);
    unsubscribe();
    expect(sets).toBe(5);
    expect(store.getState().view.position.update).toBeGreaterThan(5 * 20);
  });

  it('records the data-set loss per epoch while playing, and pauses', () => {
    const m = manualScheduler();
    const store = createLabStore(findPreset('circle')!.config, { scheduler: m.scheduler });
    const { actions } = store.getState();
    actions.setSpeed(speedOf('1 epoch/frame'));
    actions.play();
    m.tick(10);
    const s = store.getState();
    expect(s.view.position.update).toBe(10 * s.view.updatesPerEpoch);
    expect(s.series.length).toBe(11);
    expect(s.series.x(10)).toBe(10);
    actions.pause();
    expect(m.waiting).toBe(false);
    expect(store.getState().playing).toBe(false);
  });

  it('plays at lecture pace: two computations a second', () => {
    const m = manualScheduler();
    const store = createLabStore(undefined, { scheduler: m.scheduler });
    const { actions } = store.getState();
    actions.setSpeed(speedOf('2 steps/s'));
    actions.play();
    m.tick(1); // the first computation happens at once
    expect(store.getState().view.position.micro).toBe(1);
    m.tick(62); // about 1 s more
    expect(store.getState().view.position.micro).toBe(3);
  });

  it('steps, steps back (dropping loss points past the position) and resets to the same weights', () => {
    const store = createLabStore();
    const { actions } = store.getState();
    const initial = Array.from(store.getState().view.params);
    actions.step('epoch');
    actions.step('epoch');
    expect(store.getState().series.length).toBe(3);
    actions.back();
    expect(store.getState().view.position).toMatchObject({ update: 1, micro: 9 });
    expect(store.getState().series.length).toBe(2);
    actions.reset();
    expect(Array.from(store.getState().view.params)).toEqual(initial);
    expect(store.getState().series.length).toBe(1);
  });

  it('stops playing at a divergence, and lowering the rate restarts from the same weights', () => {
    const m = manualScheduler();
    const store = createLabStore(EXPLODING, { scheduler: m.scheduler });
    store.getState().actions.setSpeed(speedOf('as fast as possible'));
    store.getState().actions.play();
    m.tick(3);
    expect(store.getState().view.divergence).not.toBeNull();
    expect(store.getState().playing).toBe(false);
    store.getState().actions.lowerLearningRate();
    expect(store.getState().config.learningRate).toBe(9);
    expect(store.getState().view.divergence).toBeNull();
    expect(store.getState().view.params[0]).toBe(1);
  });

  it('computes the chain of the selection in each snapshot', () => {
    const store = createLabStore();
    const { actions } = store.getState();
    for (let k = 0; k < 6; k++) actions.step('step');
    expect(store.getState().view.chain!.rule.gradient).toBeCloseTo(0.082167041, 9);
    actions.select({ kind: 'neuron', layer: 1, index: 0 });
    expect(store.getState().view.chain).toBeNull();
  });
});

describe('stable identities for the views', () => {
  it('keeps view.params, the series and the curves the same objects until they change', () => {
    const store = createLabStore(undefined, idle);
    const { actions } = store.getState();
    const s0 = store.getState();
    actions.step('step'); // a forward computation: no parameter changes, no new point
    const s1 = store.getState();
    expect(s1.view).not.toBe(s0.view);
    expect(s1.view.params).toBe(s0.view.params);
    expect(s1.series).toBe(s0.series);
    expect(s1.curves).toBe(s0.curves);
    actions.select({ kind: 'bias', layer: 2, to: 1 });
    expect(store.getState().curves).toBe(s0.curves);
    actions.step('batch'); // the update: new parameters, a new point
    const s2 = store.getState();
    expect(s2.view.params).not.toBe(s0.view.params);
    expect(s2.series.version).toBeGreaterThan(s0.series.version);
    expect(s2.curves.version).toBeGreaterThan(s0.curves.version);
    expect(s2.curves.loss).toBe(s2.series);
    expect(s2.curves.layers).toBe(s2.layerSeries);
  });
});

describe('editing the setup', () => {
  it('keeps explicit weights for a new rate; re-initialises from the seed for a new shape', () => {
    const store = createLabStore();
    const { actions } = store.getState();
    expect(actions.editConfig({ learningRate: 0.1 })).toEqual([]);
    expect(store.getState().config.weights).toBeDefined();
    expect(store.getState().view.params[6]).toBe(0.4); // w5 (after w1…w4 and the two hidden biases)
    expect(actions.editConfig({ layers: [2, 3, 2], activations: ['tanh', 'sigmoid'] })).toEqual([]);
    const config = store.getState().config;
    expect(config.weights).toBeUndefined();
    expect(config.init).toBe('xavier');
    const again = createLabStore(config);
    expect(Array.from(again.getState().view.params)).toEqual(Array.from(store.getState().view.params));
    expect(actions.editConfig({ learningRate: -1 })).toEqual([
      'learningRate: must be a number greater than 0 and at most 100',
    ]);
    expect(store.getState().config).toBe(config);
  });
});

describe('typing a parameter', () => {
  it('makes the current parameters, with that one changed, the setup’s initial parameters', () => {
    const store = createLabStore();
    const { actions } = store.getState();
    actions.step('epoch');
    const trained = Array.from(store.getState().view.params);
    expect(actions.setParam({ kind: 'weight', layer: 2, to: 0, from: 0 }, 1.5)).toEqual([]);
    const after = store.getState();
    expect(after.view.position.update).toBe(0);
    expect(after.config.weights![1]![0]![0]).toBe(1.5);
    expect(after.config.weights![0]![0]![0]).toBe(trained[0]);
    expect(after.selection).toEqual({ kind: 'weight', layer: 2, to: 0, from: 0 });
    expect(actions.setParam({ kind: 'bias', layer: 1, to: 0 }, NaN)[0]).toMatch(
      /^biases\[0\]\[0\]: must be a finite number/,
    );
    expect(store.getState().config).toBe(after.config);
  });
});

describe('your own data', () => {
  it('trains on the rows given: inputs and outputs follow them, hidden layers stay', () => {
    const store = createLabStore(findPreset('circle')!.config, idle);
    const { actions } = store.getState();
    const data = {
      inputs: [
        [90, 40],
        [30, 50],
        [20, 60],
      ],
      targets: [[10], [25], [36]],
    };
    expect(actions.trainOn(data)).toEqual([]);
    const { config, view } = store.getState();
    expect(config.layers).toEqual([2, 4, 2, 1]);
    expect(config.data).toEqual(data);
    expect(config.dataset).toBeUndefined();
    expect(config.batchSize).toBe(3);
    expect(view.samples).toBe(3);
    expect(actions.trainOn({ inputs: [[1, 2]], targets: [[Infinity]] })[0]).toMatch(
      /^data\.targets\[0\]\[0\]: must be a finite number/,
    );
  });
});

describe('standardisation and the test split', () => {
  it('records the test loss beside the training loss; the test rows are never trained on', () => {
    const store = createLabStore(findPreset('xor')!.config, idle);
    const s0 = store.getState();
    expect(s0.data.testIndex.length).toBe(40);
    expect(s0.view.samples).toBe(160);
    // the test loss, computed here by hand from the rows the data panel marks as test rows
    const testLossByHand = () => {
      const { view, data } = store.getState();
      const net = view.net;
      const p = view.params;
      let sum = 0;
      for (const r of data.testIndex) {
        const x = [data.raw.X[2 * r]!, data.raw.X[2 * r + 1]!];
        const h = [0, 1, 2, 3].map((j) =>
          Math.tanh(
            p[net.wOff[1]! + 2 * j]! * x[0]! + p[net.wOff[1]! + 2 * j + 1]! * x[1]! + p[net.bOff[1]! + j]!,
          ),
        );
        const y = Math.tanh(h.reduce((a, hj, j) => a + p[net.wOff[2]! + j]! * hj, p[net.bOff[2]!]!));
        sum += 0.5 * (y - data.raw.T[r]!) ** 2;
      }
      return sum / data.testIndex.length;
    };
    expect(s0.view.testLoss).toBeCloseTo(testLossByHand(), 12);
    s0.actions.step('epoch');
    s0.actions.step('epoch');
    const s = store.getState();
    expect(s.series.length).toBe(s.testSeries.length);
    expect(s.testSeries.y(s.testSeries.length - 1)).toBeCloseTo(testLossByHand(), 12);
    expect(s.testSeries.x(s.testSeries.length - 1)).toBe(2);
    s.actions.back();
    expect(store.getState().testSeries.length).toBe(store.getState().series.length);
  });

  it('standardises with the training rows’ statistics and reports what it did', () => {
    const store = createLabStore(findPreset('table-x1x2y')!.config, idle);
    const { actions } = store.getState();
    expect(actions.setStandardize('inputs-targets')).toEqual([]);
    const { config, data, view } = store.getState();
    expect(config.standardize).toBe('inputs-targets');
    expect(data.scaling!.inMean[0]).toBeCloseTo(140 / 3, 12);
    // the network sees standardised inputs: row 1's X2 = 40 → (40 − 50) / √(200/3)
    expect(view.target[0]).toBeCloseTo(
      (10 - 71 / 3) / Math.sqrt(((10 - 71 / 3) ** 2 + (25 - 71 / 3) ** 2 + (36 - 71 / 3) ** 2) / 3),
      12,
    );
    expect(actions.editConfig({ activations: ['sigmoid', 'sigmoid'] })[0]).toMatch(
      /^standardize: "inputs-targets" is for regression/,
    );
    expect(actions.setStandardize(null)).toEqual([]);
    expect(store.getState().config.standardize).toBeUndefined();
  });

  it('changes a generated set’s test fraction and keeps the batch size within the training rows', () => {
    const store = createLabStore(findPreset('xor')!.config, idle);
    const { actions } = store.getState();
    expect(actions.setGenerated({ n: 20, test: 0.5 })).toEqual([]);
    const { config, data } = store.getState();
    expect(data.testIndex.length).toBe(10);
    expect(config.batchSize).toBe(10);
    expect(actions.setGenerated({ test: 0.8 })[0]).toMatch(/^dataset\.test: must be a number from 0 to 0\.5/);
  });

  it('keeps the weights when only the values of the data change', () => {
    const store = createLabStore(findPreset('textbook-2-2-2')!.config, idle);
    const { actions, config } = store.getState();
    expect(
      actions.trainOn({ inputs: [[0.05, 0.1]], targets: [[0.5, 0.5]], columns: ['i1', 'i2', 'o1', 'o2'] }),
    ).toEqual([]);
    const next = store.getState().config;
    expect(next.weights).toEqual(config.weights);
    expect(next.data!.columns).toEqual(['i1', 'i2', 'o1', 'o2']);
  });
});

describe('lessons, presenter mode and the history scrubber', () => {
  it('opens a lesson scene with its selection and insight view; a preset closes the lesson', () => {
    const store = createLabStore(undefined, idle);
    const { actions } = store.getState();
    expect(actions.openLesson('gradient-descent', 0)).toEqual([]);
    const s = store.getState();
    expect(s.lesson).toEqual({ name: 'gradient-descent', scene: 0 });
    expect(s.insight).toBe('slope');
    expect(s.selection).toEqual({ kind: 'weight', layer: 1, to: 0, from: 0 });
    expect(s.view.position.micro).toBe(3);
    expect(actions.openLesson('nope', 0)[0]).toMatch(/^lesson: no lesson named "nope"/);
    actions.loadPreset('xor');
    expect(store.getState().lesson).toBeNull();
  });

  it('presenter mode hides the setup and the data; the link carries it', () => {
    const store = createLabStore(undefined, idle);
    store.getState().actions.setPresenter(true);
    const s = store.getState();
    expect(s.hidden).toMatchObject({ setup: true, data: true, chain: false });
    s.actions.togglePanel('chain');
    expect(store.getState().hidden.chain).toBe(true);
    s.actions.setTheme('dark');
    expect(momentLink(store.getState())).toMatch(/&present=1&theme=dark$/);
  });

  it('seeks back and forth over the run, reproducing the same parameters', () => {
    const store = createLabStore(findPreset('xor')!.config, idle);
    const { actions } = store.getState();
    for (let k = 0; k < 3; k++) actions.step('epoch');
    const end = store.getState().view.params.slice();
    const horizon = store.getState().horizon;
    expect(horizon).toBe(48);
    actions.seek(16);
    expect(store.getState().view.position.update).toBe(16);
    actions.step('epoch');
    const at32 = store.getState().view.params.slice();
    actions.seek(48);
    expect(Array.from(store.getState().view.params)).toEqual(Array.from(end));
    actions.seek(32);
    expect(Array.from(store.getState().view.params)).toEqual(Array.from(at32));
    actions.seek(1e9);
    expect(store.getState().view.position.update).toBe(48);
  });

  it('records the mean gradient size of each layer as training goes', () => {
    const store = createLabStore(findPreset('deep-chain')!.config, idle);
    const { actions } = store.getState();
    actions.step('batch');
    actions.step('batch');
    const layers = store.getState().layerSeries;
    expect(layers.length).toBe(3);
    expect(layers.every((s) => s.length === 3)).toBe(true);
    expect(layers.every((s) => s.y(0) > 0)).toBe(true);
  });
});

describe('presenter mode off', () => {
  it('brings the setup and data panels back', () => {
    const store = createLabStore(undefined, idle);
    store.getState().actions.setPresenter(true);
    store.getState().actions.setPresenter(false);
    expect(store.getState().hidden).toMatchObject({ setup: false, data: false });
  });
});
