/**
 * The stepping app in real Chromium, on the textbook 2-2-2 example. Reference numbers are derived by
 * hand from the notes (see tests/core/textbook.test.ts), with the notes' slips corrected.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, screenshot, shownNumbers } from './browser.ts';
import type { Session } from './browser.ts';
import type {} from '../../src/state/api.ts';

const FORWARD = [
  // [testid, attribute, value]
  ['n-1-0', 'data-z', 0.3775],
  ['n-1-0', 'data-a', 0.593269992],
  ['n-1-1', 'data-z', 0.3925],
  ['n-1-1', 'data-a', 0.596884378],
  ['n-2-0', 'data-z', 1.105905967],
  ['n-2-0', 'data-a', 0.75136507],
  ['n-2-1', 'data-z', 1.224921404],
  ['n-2-1', 'data-a', 0.772928465],
] as const;

const DELTAS = [
  ['n-2-0', 0.138498562],
  ['n-2-1', -0.038098237],
  ['n-1-0', 0.008771355],
  ['n-1-1', 0.009954255],
] as const;

async function attr(page: Page, testid: string, name: string): Promise<number | null> {
  const v = await page.getByTestId(testid).getAttribute(name);
  return v === null ? null : Number(v);
}

async function texOf(page: Page, id: string): Promise<string> {
  return (await page.getByTestId(`tex-${id}`).locator('[data-tex]').getAttribute('data-tex')) ?? '';
}

describe('stepping through the textbook example', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openApp();
  });
  afterAll(async () => {
    await s.close();
  });
  beforeEach(async () => {
    await s.page.getByTestId('reset').click();
  });

  it('starts with no neuron values shown and the data-set loss 0.2984', async () => {
    const { page } = s;
    expect(await attr(page, 'n-1-0', 'data-z')).toBeNull();
    expect(await page.getByTestId('loss').textContent()).toBe('0.2984');
    expect(await attr(page, 'loss', 'data-value')).toBeCloseTo(0.298371109, 9);
    expect(await attr(page, 'w-2-0-0', 'data-value')).toBe(0.4); // w5
    expect(await attr(page, 'b-2-1', 'data-value')).toBe(0.6); // the output bias, visible
  });

  it('shows each forward value once its step has computed it, then the loss', async () => {
    const { page } = s;
    for (let k = 0; k < FORWARD.length / 2; k++) {
      const [id] = FORWARD[2 * k]!;
      const next = FORWARD[2 * k + 2];
      await page.getByTestId('step').click();
      expect(await attr(page, id, 'data-z')).toBeCloseTo(FORWARD[2 * k]![2], 9);
      expect(await attr(page, id, 'data-a')).toBeCloseTo(FORWARD[2 * k + 1]![2], 8);
      if (next) expect(await attr(page, next[0], 'data-z')).toBeNull();
    }
    expect(await page.getByTestId('n-1-0').textContent()).toContain('z 0.3775');
    expect(await page.getByTestId('n-1-0').textContent()).toContain('a 0.5933');
    expect(await page.getByTestId('phase').textContent()).toBe('forward · neuron 2 of layer 2');
    await page.getByTestId('step').click();
    expect(await attr(page, 'sample-loss', 'data-value')).toBeCloseTo(0.298371109, 9);
    expect(await page.getByTestId('sample-loss').textContent()).toBe('0.2984');
  });

  it('back-propagates neuron by neuron, and the chain of w5 multiplies to ∂L/∂w5 = 0.08217', async () => {
    const { page } = s;
    for (let k = 0; k < 5; k++) await page.getByTestId('step').click();
    // before o1's backward step the panel says so instead of showing numbers
    expect(await texOf(page, 'product')).toContain('?');
    for (const [id, delta] of DELTAS) {
      await page.getByTestId('step').click();
      expect(await attr(page, id, 'data-delta')).toBeCloseTo(delta, 9);
    }
    expect(await attr(page, 'w-2-0-0', 'data-grad')).toBeCloseTo(0.082167041, 9);
    expect(await attr(page, 'w-1-0-0', 'data-grad')).toBeCloseTo(0.000438568, 9);
    expect(await texOf(page, 'dLda')).toContain('0.7514-0.01');
    expect(await texOf(page, 'dLda')).toContain('= 0.7414');
    expect(await texOf(page, 'dadz')).toContain('0.7514(1-0.7514)');
    expect(await texOf(page, 'dadz')).toContain('= 0.1868');
    expect(await texOf(page, 'dzdp')).toContain('= 0.5933');
    expect(await texOf(page, 'product')).toContain('0.7414\\cdot 0.1868\\cdot 0.5933 = 0.08217');
    expect(await texOf(page, 'update')).toContain('0.4 - 0.5\\cdot 0.08217');
    await screenshot(page, 'textbook-backward');
  });

  it('applies the update w5 ← 0.4 − 0.5·0.08217 = 0.3589 and the new loss 0.2910', async () => {
    const { page } = s;
    for (let k = 0; k < 10; k++) await page.getByTestId('step').click();
    expect(await page.getByTestId('phase').textContent()).toBe('update');
    expect(await attr(page, 'w-2-0-0', 'data-value')).toBeCloseTo(0.35891648, 8);
    expect(await attr(page, 'w-1-0-0', 'data-value')).toBeCloseTo(0.149780716, 9);
    expect(await attr(page, 'b-2-0', 'data-value')).toBe(0.6); // biases fixed
    expect(await texOf(page, 'update')).toContain('= 0.4 - 0.5\\cdot 0.08217 = 0.3589');
    expect(await attr(page, 'loss', 'data-value')).toBeCloseTo(0.291027774, 9);
    expect(await page.getByTestId('epoch').textContent()).toBe('2');
  });

  it('the chain of a hidden weight sums over both outputs', async () => {
    const { page } = s;
    await page.getByTestId('w-1-0-0').click();
    for (let k = 0; k < 8; k++) await page.getByTestId('step').click();
    const t = await texOf(page, 'dLda');
    expect(t).toContain('0.1385\\cdot 0.4 + (-0.0381)\\cdot 0.5');
    expect(t).toContain('= 0.03635');
    expect(await texOf(page, 'dzdp')).toContain('x_{1} = 0.05'); // the first input, counted from 1
    expect(await texOf(page, 'product')).toContain('= 0.0004386');
  });

  it('steps back to exactly the previous numbers, across the update', async () => {
    const { page } = s;
    const seen: Record<string, string | null>[] = [];
    for (let k = 0; k < 13; k++) {
      seen.push(await shownNumbers(page));
      await page.getByTestId('step').click();
    }
    for (let k = 12; k >= 0; k--) {
      await page.getByTestId('step-back').click();
      expect(await shownNumbers(page)).toEqual(seen[k]);
    }
    expect(await page.getByTestId('step-back').isDisabled()).toBe(true);
  });

  it('the keyboard steps forward and back', async () => {
    const { page } = s;
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await attr(page, 'n-1-1', 'data-z')).toBeCloseTo(0.3925, 12);
    await page.keyboard.press('ArrowLeft');
    expect(await attr(page, 'n-1-1', 'data-z')).toBeNull();
    await page.keyboard.press('Control+ArrowRight');
    expect(await page.getByTestId('epoch').textContent()).toBe('2');
  });
});

describe('playing', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openApp();
  });
  afterAll(async () => {
    await s.close();
  });

  it('plays at full speed, pauses, and reset returns to the initial weights', async () => {
    const { page } = s;
    await page.getByTestId('speed').fill('7');
    await page.getByTestId('play').click();
    await page.waitForFunction(() => window.backpropLab!.progress().epochs > 200);
    await page.getByTestId('pause').click();
    const epoch = await page.getByTestId('epoch').textContent();
    await page.waitForTimeout(300);
    expect(await page.getByTestId('epoch').textContent()).toBe(epoch);
    expect(Number(await page.getByTestId('loss').getAttribute('data-value'))).toBeLessThan(0.2);
    expect(Number(await page.getByTestId('loss-curve').getAttribute('data-points'))).toBeGreaterThan(100);
    await screenshot(page, 'textbook-played');
    await page.getByTestId('reset').click();
    expect(await attr(page, 'w-2-0-0', 'data-value')).toBe(0.4);
    expect(await attr(page, 'w-1-1-1', 'data-value')).toBe(0.3);
    expect(await page.getByTestId('epoch').textContent()).toBe('1');
  });

  it('plays at lecture pace one computation at a time', async () => {
    const { page } = s;
    await page.getByTestId('reset').click();
    await page.getByTestId('speed').fill('2'); // 5 steps/s: the update comes 2 s after the start
    await page.getByTestId('play').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="n-1-1"]')?.hasAttribute('data-z'));
    await page.getByTestId('pause').click();
    expect(await page.getByTestId('update').textContent()).toBe('0');
    expect(await page.getByTestId('phase').textContent()).toMatch(/^forward/);
  });

  it('stops at a divergence with an explanation and a way out', async () => {
    const { page } = s;
    const errors = await page.evaluate(() =>
      window.backpropLab!.loadConfig({
        layers: [1, 1],
        activations: ['linear'],
        loss: 'squared-error',
        learningRate: 90,
        weights: [[[1]]],
        data: { inputs: [[100]], targets: [[0]] },
      }),
    );
    expect(errors).toEqual([]);
    await page.getByTestId('speed').fill('7');
    await page.getByTestId('play').click();
    await page.getByTestId('divergence').waitFor();
    expect(await page.getByTestId('divergence').textContent()).toMatch(/Training diverged at update \d+/);
    expect(await page.getByTestId('play').isDisabled()).toBe(true);
    await screenshot(page, 'divergence');
    await page.getByTestId('lower-rate').click();
    expect(await page.getByTestId('divergence').count()).toBe(0);
    expect(s.errors).toEqual([]);
  });
});
