/**
 * Issue 9 §1 in Chromium: the chain panel and the charts say exactly what was computed. Each expected
 * value is worked by hand in the comments (one linear neuron, w = 1, b = 0, rows x = 1, 2, 3 with
 * targets 0, 5, 0, batches of 2, α = 0.5, L = ½(a − t)²).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp } from './browser.ts';
import type { Session } from './browser.ts';

const LINEAR = {
  layers: [1, 1],
  activations: ['linear'],
  loss: 'half-squared-error',
  learningRate: 0.5,
  batchSize: 2,
  weights: [[[1]]],
  biases: [[0]],
  data: { inputs: [[1], [2], [3]], targets: [[0], [5], [0]] },
};

const TEXTBOOK =
  '#v=1&layers=2-2-2&biases=fixed&w=0.15,0.2,0.25,0.3,0.4,0.45,0.5,0.55&b=0.35,0.35,0.6,0.6&x=0.05,0.1&t=0.01,0.99';

const texOf = (page: Page, id: string) =>
  page.getByTestId(id).locator('[data-tex]').first().getAttribute('data-tex');

async function load(page: Page, config: unknown): Promise<void> {
  const errors = await page.evaluate((c) => window.backpropLab!.loadConfig(c), config);
  expect(errors).toEqual([]);
}

async function steps(page: Page, n: number): Promise<void> {
  for (let k = 0; k < n; k++) await page.getByTestId('step').click();
}

describe('the chain panel says what was computed', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openApp();
  });
  afterAll(async () => {
    await s.close();
  });

  it('keeps a finished sample’s target until the next sample starts (mini-batch)', async () => {
    const { page } = s;
    await load(page, LINEAR);
    await page.getByTestId('w-1-0-0').click();
    await steps(page, 3); // sample 1: forward, loss, backward
    // a = 1, t = 0 (sample 2's target would be 5): ∂L/∂a = 1 − 0 = 1
    expect(await texOf(page, 'tex-dLda')).toContain('= 1-0 = 1');
    expect(await page.getByTestId('target-0').getAttribute('data-value')).toBe('0');
    expect(await page.getByTestId('sample').textContent()).toBe('1 / 3');
    await steps(page, 1); // sample 2 starts: its target shows
    expect(await page.getByTestId('target-0').getAttribute('data-value')).toBe('5');
  });

  it('writes the update with the batch it applied (½Σ over 2 samples), negative factors in parentheses', async () => {
    const { page } = s;
    await load(page, LINEAR);
    await page.getByTestId('w-1-0-0').click();
    await steps(page, 6);
    // sample 2: a = 2, t = 5, ∂L/∂a = −3, ∂z/∂w = x = 2 → product (−3)·1·2 = −6
    expect(await texOf(page, 'tex-product')).toBe(
      '\\frac{\\partial L}{\\partial w^{(1)}_{11}} = (-3)\\cdot 1\\cdot 2 = -6',
    );
    await steps(page, 1);
    // mean gradient ½(1·1 + (−3)·2) = −2.5; w = 1 − 0.5·(−2.5) = 2.25; the batch now starting has 1 sample
    const update = await texOf(page, 'tex-update');
    expect(update).toContain('\\tfrac{1}{2}\\textstyle\\sum_s');
    expect(update).toContain('= 1 - 0.5\\cdot (-2.5) = 2.25');
  });

  it('keeps the parentheses of a negative input in the product line', async () => {
    const { page } = s;
    await load(page, { ...LINEAR, batchSize: 1, data: { inputs: [[-2]], targets: [[1]] } });
    await page.getByTestId('w-1-0-0').click();
    await steps(page, 3);
    // a = −2, ∂L/∂a = −2 − 1 = −3, ∂z/∂w = x = −2: (−3)·1·(−2) = 6
    expect(await texOf(page, 'tex-product')).toBe(
      '\\frac{\\partial L}{\\partial w^{(1)}_{11}} = (-3)\\cdot 1\\cdot (-2) = 6',
    );
  });
});

describe('the insight views say what was computed', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openApp(`/${TEXTBOOK}&at=10000.0`);
  });
  afterAll(async () => {
    await s.close();
  });

  it('writes the gradient check’s tiny losses with ×, never a TAB (textbook after 10,000 updates)', async () => {
    const { page } = s;
    expect(await page.getByTestId('update').textContent()).toBe('10000');
    await page.getByTestId('insight-check').click();
    const tex = await page.getByTestId('check-tex').locator('[data-tex]').first().getAttribute('data-tex');
    expect(tex).toMatch(/\d\\times 10\^\{-5\}/);
    // eslint-disable-next-line no-control-regex
    expect(tex).not.toMatch(/[\u0000-\u001f]/);
    expect(await page.getByTestId('check-tex').textContent()).not.toContain('formula error');
  });

  it('names the right layers in the gradients-by-layer ratios, and prints only a few log ticks', async () => {
    const { page } = s;
    await page.getByTestId('insight-layers').click();
    const items = page.getByTestId('layer-gradients').locator('li');
    expect(await items.count()).toBe(2);
    const v1 = Number(await items.nth(0).getAttribute('data-value'));
    const v2 = Number(await items.nth(1).getAttribute('data-value'));
    const text = await items.nth(0).textContent();
    // layer 1's row: its mean |∂L/∂w| is (v1 / v2) × layer 2's
    const ratio = /= ([\d.]+) × layer 2’s/.exec(text ?? '');
    expect(ratio, text ?? '').not.toBeNull();
    expect(Number(ratio![1])).toBeCloseTo(v1 / v2, 3 - Math.ceil(Math.log10(v1 / v2)));
    expect(await items.nth(1).textContent()).not.toContain('× layer');
    const yTicks = await page.getByTestId('layers-chart').locator('.axis line.grid').count();
    expect(yTicks).toBeGreaterThanOrEqual(2);
    expect(yTicks).toBeLessThanOrEqual(5);
  });
});

describe('predictions are not named after their targets', () => {
  it('the neuron lesson calls σ(3) = 0.9526 y_pred and its target y_true', async () => {
    const s = await openApp('/#v=1&lesson=neuron&scene=1');
    const { page } = s;
    const out = page.getByTestId('n-1-0');
    expect(await out.locator('text.name').textContent()).toBe('y_pred');
    expect(await page.getByTestId('target-0').textContent()).toBe('y_true = 1');
    await s.close();
  });
});
