/** The step cursor: micro-steps, coarse steps and stepping back agree bit for bit with the fast path. */
import { describe, expect, it } from 'vitest';
import { buildRun } from '../../src/config/build.ts';
import { DEFAULT_PRESET, findPreset } from '../../src/content/presets.ts';
import type { Config } from '../../src/config/schema.ts';
import { Stepper } from '../../src/core/step/stepper.ts';
import type { Position } from '../../src/core/step/stepper.ts';
import { createTrainer } from '../../src/core/train/schedule.ts';
import { runUpdates } from '../../src/core/train/train.ts';

function stepper(config: Config = DEFAULT_PRESET.config) {
  return new Stepper(buildRun(config));
}

const circle = findPreset('circle')!.config;

describe('micro-steps through the 2-2-2 example', () => {
  it('walks forward neuron by neuron, the loss, backward neuron by neuron, then the update', () => {
    const s = stepper();
    const phases: string[] = [];
    for (let k = 0; k < 10; k++) {
      const next = s.position().next;
      phases.push(
        next.phase === 'forward' || next.phase === 'backward'
          ? `${next.phase} ${next.layer}.${next.neuron}`
          : next.phase,
      );
      s.step('step');
    }
    expect(phases).toEqual([
      'forward 1.0',
      'forward 1.1',
      'forward 2.0',
      'forward 2.1',
      'loss',
      'backward 2.0',
      'backward 2.1',
      'backward 1.0',
      'backward 1.1',
      'update',
    ]);
    expect(s.update).toBe(1);
    expect(s.position().last).toEqual({ phase: 'update' });
  });

  it('reveals values only once their step has computed them', () => {
    const s = stepper();
    expect(s.done.sumDone(1, 0)).toBe(false);
    s.step();
    expect(s.done.sumDone(1, 0)).toBe(true);
    expect(s.done.activationDone(1, 0)).toBe(true);
    expect(s.done.sumDone(1, 1)).toBe(false);
    expect(s.ws.z[s.net.nOff[1]!]).toBeCloseTo(0.3775, 12);
    for (let k = 0; k < 4; k++) s.step();
    expect(s.done.lossDone()).toBe(true);
    expect(s.sampleLoss).toBeCloseTo(0.298371109, 9);
    expect(s.done.backwardDone(2, 0)).toBe(false);
  });

  it('gives the chain of w5 (h1 → o1): 0.74136507 · 0.186815602 · 0.593269992 = 0.082167041', () => {
    const s = stepper();
    for (let k = 0; k < 6; k++) s.step();
    const { rule, ready } = s.chain({ kind: 'weight', layer: 2, to: 0, from: 0 });
    expect(ready).toMatchObject({ dzdp: true, dadz: true, loss: true, delta: true });
    expect(rule.dLda?.value).toBeCloseTo(0.74136507, 8); // out_o1 − target_o1
    expect(rule.dadz?.value).toBeCloseTo(0.186815602, 9); // out(1 − out)
    expect(rule.dzdp.value).toBeCloseTo(0.593269992, 9); // out_h1, cached
    expect(rule.gradient).toBeCloseTo(0.082167041, 9);
    expect(rule.dLda!.value * rule.dadz!.value * rule.dzdp.value).toBeCloseTo(rule.gradient, 15);
  });

  it('gives the chain of w1 (x1 → h1) as a sum over both outputs: 0.000438568', () => {
    const s = stepper();
    for (let k = 0; k < 9; k++) s.step();
    const { rule, ready } = s.chain({ kind: 'weight', layer: 1, to: 0, from: 0 });
    expect(ready.downstream).toEqual([true, true]);
    const dl = rule.dLda!;
    expect(dl.kind).toBe('downstream');
    if (dl.kind !== 'downstream') return;
    // δ_o1·w5 + δ_o2·w7 = 0.138498562·0.40 + (−0.038098237)·0.50 = 0.036350306
    expect(dl.terms[0]!.delta).toBeCloseTo(0.138498562, 9);
    expect(dl.terms[0]!.weight).toBe(0.4);
    expect(dl.terms[1]!.delta).toBeCloseTo(-0.038098237, 9);
    expect(dl.terms[1]!.weight).toBe(0.5);
    expect(dl.value).toBeCloseTo(0.036350306, 9);
    expect(rule.dadz!.value).toBeCloseTo(0.241300709, 9);
    expect(rule.dzdp).toEqual({ kind: 'input', value: 0.05 });
    expect(rule.gradient).toBeCloseTo(0.000438568, 9);
  });

  it('marks downstream deltas as not yet computed mid-way through the backward pass', () => {
    const s = stepper();
    for (let k = 0; k < 6; k++) s.step(); // backward of o1 done, o2 not yet
    const { ready } = s.chain({ kind: 'weight', layer: 1, to: 0, from: 0 });
    expect(ready.downstream).toEqual([true, false]);
    expect(ready.delta).toBe(false);
  });
});

describe('stepping agrees with the fast path', () => {
  it('micro-stepping three epochs of the circle set (shuffled, batch 10) gives the same bits', () => {
    const s = stepper(circle);
    const fast = buildRun(circle);
    const tr = createTrainer(fast.net, fast.data, fast.options);
    const updates = 3 * s.updatesPerEpoch;
    while (s.update < updates) expect(s.step('step')).toBeNull();
    expect(runUpdates(tr, fast.params, 0, updates)).toBeNull();
    expect(Array.from(s.params)).toEqual(Array.from(fast.params));
  });

  it('sample, batch and epoch steps land on the same parameters as micro-steps', () => {
    const a = stepper(circle);
    const b = stepper(circle);
    a.step('epoch');
    a.step('batch');
    a.step('sample');
    const target = a.position();
    while (b.update < target.update || b.micro < target.micro) b.step('step');
    expect(b.position()).toEqual(target);
    expect(Array.from(a.params)).toEqual(Array.from(b.params));
    expect(Array.from(a.grads)).toEqual(Array.from(b.grads));
  });

  it('an epoch step finishes a batch in progress first', () => {
    const s = stepper(circle);
    s.step('sample');
    s.step('epoch');
    expect(s.update).toBe(s.updatesPerEpoch);
    expect(s.micro).toBe(0);
  });
});

describe('stepping back', () => {
  it('restores the previous numbers exactly, across updates and epochs', () => {
    const s = stepper(findPreset('xor')!.config);
    const seen: { pos: Position; params: number[]; shown: number[] }[] = [];
    // the numbers on screen: z, a of computed neurons, δ of back-propagated ones, the sample loss
    const shown = () => {
      const out: number[] = [];
      for (let l = 1; l <= s.net.depth; l++) {
        for (let j = 0; j < s.net.sizes[l]!; j++) {
          const k = s.net.nOff[l]! + j;
          if (s.done.sumDone(l, j)) out.push(s.ws.z[k]!, s.ws.a[k]!);
          if (s.done.backwardDone(l, j)) out.push(s.ws.delta[k]!);
        }
      }
      if (s.done.lossDone()) out.push(s.sampleLoss);
      return out;
    };
    const snap = () => ({ pos: s.position(), params: Array.from(s.params), shown: shown() });
    for (let k = 0; k < 2 * s.updatesPerEpoch * (s.stepsPerSample * 10 + 1) + 7; k++) {
      seen.push(snap());
      s.step('step');
    }
    for (let k = seen.length - 1; k >= 0; k -= 97) {
      s.goTo(seen[k]!.pos.update, seen[k]!.pos.micro);
      const now = snap();
      expect(now.pos).toEqual(seen[k]!.pos);
      expect(now.params).toEqual(seen[k]!.params);
      expect(now.shown).toEqual(seen[k]!.shown);
    }
    // one step back at a time over the last few steps, including an update boundary
    const end = seen[seen.length - 1]!.pos;
    s.goTo(end.update, end.micro);
    for (let k = seen.length - 1; k > seen.length - 40; k--) {
      expect(s.back()).toBe(true);
      const now = snap();
      const then = seen[k - 1]!;
      expect(now.pos).toEqual(then.pos);
      expect(now.params).toEqual(then.params);
      expect(now.shown).toEqual(then.shown);
    }
  });

  it('reset returns to the initial weights', () => {
    const s = stepper();
    const initial = Array.from(s.params);
    s.step('epoch');
    s.step('epoch');
    expect(Array.from(s.params)).not.toEqual(initial);
    s.reset();
    expect(Array.from(s.params)).toEqual(initial);
    expect(s.position().update).toBe(0);
    expect(s.back()).toBe(false);
  });

  it('long runs stay cheap to step back through (checkpoints thin out, replay fills in)', () => {
    const s = stepper(circle);
    const fast = buildRun(circle);
    const tr = createTrainer(fast.net, fast.data, fast.options);
    s.fastTo(3000);
    s.goTo(1234);
    runUpdates(tr, fast.params, 0, 1234);
    expect(Array.from(s.params)).toEqual(Array.from(fast.params));
  });
});
