/**
 * Practice mode in the store (issue 12 §1): a step's questions hold the page at the moment before
 * the step until they are answered; play stops at each; bigger steps and time travel drop them; the
 * link carries practice mode. Numbers: note 003's textbook example in float64, written here.
 */
import { describe, expect, it } from 'vitest';
import { decodeLink, encodeLink, linkErrorText } from '../../src/config/codec.ts';
import { findPreset } from '../../src/content/presets.ts';
import { SPEEDS } from '../../src/session/speeds.ts';
import { openQuestion, shownQuiz } from '../../src/state/practice-slice.ts';
import { createLabStore, momentLink } from '../../src/state/store.ts';
import type { LabStore } from '../../src/state/store.ts';
import type { FrameScheduler } from '../../src/state/driver.ts';

const idle = { scheduler: { request: () => 0, cancel: () => undefined } };
const sig = (z: number) => 1 / (1 + Math.exp(-z));
const zh1 = 0.15 * 0.05 + 0.2 * 0.1 + 0.35; // 0.3775
const ah1 = sig(zh1); // 0.59327
const zh2 = 0.25 * 0.05 + 0.3 * 0.1 + 0.35; // 0.3925

const at = (store: LabStore) => {
  const p = store.getState().view.position;
  return `${p.update}.${p.micro}`;
};
const question = (store: LabStore) => openQuestion(store.getState())?.name ?? null;

function practising(
  scope?: 'forward' | 'backward' | 'all' | 'update',
  scheduler: FrameScheduler = idle.scheduler,
) {
  const store = createLabStore(findPreset('textbook-2-2-2')!.config, { scheduler });
  store.getState().actions.setPractice(true);
  if (scope) store.getState().actions.setPracticeScope(scope);
  return store;
}

describe('practice mode in the store', () => {
  it('asks z then a of h1 before showing them, and shows them once both are answered', () => {
    const store = practising();
    const { actions } = store.getState();
    actions.step('step');
    expect(at(store)).toBe('0.0'); // not revealed: the page stays before the step
    expect(store.getState().display.position.micro).toBe(0);
    expect(question(store)).toBe('z of h1');
    actions.answerPractice('0.5');
    const wrong = shownQuiz(store.getState())!.run.feedback!;
    expect(wrong.correct).toBe(false);
    expect(wrong.message).not.toBe('');
    expect(question(store)).toBe('z of h1'); // a second try
    actions.answerPractice(zh1.toFixed(4));
    expect(at(store)).toBe('0.0');
    expect(question(store)).toBe('a of h1');
    actions.step('step'); // Step waits for the answer
    expect(at(store)).toBe('0.0');
    actions.answerPractice(ah1.toFixed(4));
    expect(at(store)).toBe('0.1'); // the step is taken
    expect(store.getState().view.neurons.a[2]).toBeCloseTo(ah1, 12);
    expect(question(store)).toBeNull();
    expect(shownQuiz(store.getState())!.run.feedback!.correct).toBe(true);
    expect(store.getState().score).toEqual({ first: 1, hinted: 1, shown: 0 });
  });

  it('shows the value after a second miss and counts it as shown', () => {
    const store = practising();
    const { actions } = store.getState();
    actions.step('step');
    actions.answerPractice('1');
    actions.answerPractice('2');
    const f = shownQuiz(store.getState())!.run.feedback!;
    expect(f.reveal).toBe(true);
    expect(f.worked).toContain('0.3775');
    expect(question(store)).toBe('a of h1');
    expect(store.getState().score).toEqual({ first: 0, hinted: 0, shown: 1 });
  });

  it('refuses a typed word without counting it', () => {
    const store = practising();
    store.getState().actions.step('step');
    store.getState().actions.answerPractice('<b>h1</b>');
    const f = shownQuiz(store.getState())!.run.feedback!;
    expect(f.refused).toBe(true);
    expect(f.message).toMatch(/z of h1/);
    expect(store.getState().score).toEqual({ first: 0, hinted: 0, shown: 0 });
  });

  it('goes on over steps with no question for the scope', () => {
    const store = practising('backward');
    const { actions } = store.getState();
    actions.step('step'); // h1 forward: nothing asked
    expect(at(store)).toBe('0.1');
    expect(shownQuiz(store.getState())).toBeNull();
    for (let k = 0; k < 4; k++) actions.step('step'); // h2, o1, o2, the loss
    expect(at(store)).toBe('0.5');
    actions.step('step');
    expect(at(store)).toBe('0.5');
    expect(question(store)).toMatch(/^∂L\/∂a of o/);
  });

  it('drops the open question, unscored, on a bigger step or going back', () => {
    const store = practising();
    const { actions } = store.getState();
    actions.step('step');
    actions.step('sample');
    expect(store.getState().quiz).toBeNull();
    expect(store.getState().view.position.micro).toBeGreaterThan(1);
    actions.step('step');
    expect(openQuestion(store.getState())).not.toBeNull();
    actions.back();
    expect(openQuestion(store.getState())).toBeNull();
    expect(store.getState().score).toEqual({ first: 0, hinted: 0, shown: 0 });
  });

  it('plays at lecture pace and stops at every question, then plays on once answered', () => {
    let pending: ((t: number) => void) | null = null;
    let t = 0;
    const scheduler = {
      request: (cb: (t: number) => void) => ((pending = cb), 1),
      cancel: () => void (pending = null),
    };
    const tick = () => {
      const cb = pending;
      pending = null;
      t += 16;
      cb?.(t);
    };
    const store = practising('all', scheduler);
    store.getState().actions.setSpeed(SPEEDS.findIndex((s) => s.kind === 'max'));
    store.getState().actions.togglePlay(); // Space
    expect(SPEEDS[store.getState().speed]).toMatchObject({ kind: 'steps', perSecond: 5 });
    tick();
    expect(store.getState().playing).toBe(false);
    expect(at(store)).toBe('0.0');
    expect(question(store)).toBe('z of h1');
    store.getState().actions.answerPractice(zh1.toFixed(4));
    store.getState().actions.answerPractice(ah1.toFixed(4));
    expect(store.getState().playing).toBe(true);
    for (let k = 0; k < 5; k++) tick();
    expect(store.getState().playing).toBe(false);
    expect(at(store)).toBe('0.1');
    expect(question(store)).toBe('z of h2');
    expect(openQuestion(store.getState())!.expected).toBeCloseTo(zh2, 12);
  });

  it('writes practice=1 (or its scope) in the moment link and opens it from one', () => {
    const store = practising();
    expect(momentLink(store.getState())).toMatch(/&practice=1(&|$)/);
    store.getState().actions.setPracticeScope('update');
    expect(momentLink(store.getState())).toMatch(/&practice=update(&|$)/);
    const other = createLabStore(undefined, idle);
    expect(other.getState().actions.openLink('#v=1&lesson=backprop&scene=2&practice=1')).toEqual([]);
    expect(other.getState().practice).toBe(true);
    expect(other.getState().lesson).toEqual({ name: 'backprop', scene: 1 });
    // moving on in the lesson keeps practice mode
    other.getState().actions.openLesson('backprop', 2);
    expect(other.getState().practice).toBe(true);
  });

  it('refuses a bad practice value, naming the key and what is allowed', () => {
    const r = decodeLink('#v=1&practice=yes');
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(linkErrorText(r.errors)).toMatch(/^practice: must be 0, 1 .*forward, backward, all, update/);
    const cfg = findPreset('textbook-2-2-2')!.config;
    expect(encodeLink(cfg, null, { practice: 'forward' })).toMatch(/&practice=forward$/);
    const back = decodeLink(`#${encodeLink(cfg, null, { practice: 'all' })}`);
    expect(back.ok && back.flags.practice).toBe('all');
  });
});
