/**
 * Live settings in the page (issue 13 §1): α changed after 3 updates keeps the update counter and
 * the weights and marks the loss curve; the moment link reproduces the run with its change in a
 * fresh page bit for bit, and `train` agrees; the history slider crosses the change (the setup shows
 * the α in force), and Reset starts over from the initial weights with the α in force.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp } from './browser.ts';
import type { Session } from './browser.ts';
import type {} from '../../src/state/api.ts';

const params = (page: Page) => page.evaluate(() => [...window.backpropLab!.store.getState().view.params]);
const update = (page: Page) => page.evaluate(() => window.backpropLab!.store.getState().view.position.update);

describe('changing α while training', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openApp('#v=1', { width: 1366, height: 768 });
    await s.page.getByTestId('network').waitFor();
  });
  afterAll(async () => s.close());

  it('keeps update 3 and the weights, marks the curve, and a fresh page and train reproduce it', async () => {
    const { page } = s;
    for (let k = 0; k < 3; k++) await page.getByTestId('step-batch').click();
    const before = await params(page);
    const field = page.getByTestId('learning-rate');
    await field.fill('0.1');
    await field.press('Enter');
    expect(await update(page)).toBe(3);
    expect(await page.getByTestId('update').innerText()).toBe('3');
    expect(await params(page)).toEqual(before);
    expect(await page.getByTestId('about').innerText()).toContain('α = 0.1');
    await page.getByTestId('change-mark-1').waitFor();
    expect(await page.getByTestId('change-mark-1').textContent()).toBe('α = 0.1');
    for (let k = 0; k < 2; k++) await page.getByTestId('step-batch').click();
    expect(await update(page)).toBe(5);
    const at5 = await params(page);
    // the chain panel's update line used the new α
    expect(await page.getByTestId('tex-update').innerText()).toMatch(/0\.1\s*⋅/);
    const hash = await page.evaluate(() => location.hash);
    expect(hash).toContain('&chg=3:lr:0.1');

    // the moment link in a fresh page: the same bits, the same mark
    const other = await openApp(hash, { width: 1366, height: 768 });
    try {
      await other.page.getByTestId('network').waitFor();
      await expect.poll(() => update(other.page)).toBe(5);
      expect(await params(other.page)).toEqual(at5);
      await other.page.getByTestId('change-mark-1').waitFor();
      expect(other.errors).toEqual([]);
    } finally {
      await other.close();
    }

    // train: the setup with its change, five updates from the start
    const setup = hash
      .replace(/&at=[^&]*/, '')
      .replace(/&aw=[^&]*/, '')
      .replace(/&ab=[^&]*/, '');
    const { stdout } = await promisify(execFile)(process.execPath, [
      '--import',
      'tsx',
      'scripts/train.ts',
      setup.slice(1),
      '--updates',
      '5',
    ]);
    const out = JSON.parse(stdout) as { weights: number[][][]; biases: number[][] };
    const flat = [...out.weights[0]!.flat(), ...out.biases[0]!, ...out.weights[1]!.flat(), ...out.biases[1]!];
    expect(flat).toEqual(at5);
    expect(s.errors).toEqual([]);
  });

  it('the history slider crosses the change; Reset starts over with the α in force', async () => {
    const { page } = s;
    await page.getByTestId('scrubber').fill('2');
    await expect.poll(() => update(page)).toBe(2);
    expect(await page.getByTestId('learning-rate').inputValue()).toBe('0.5');
    await page.getByTestId('scrubber').fill('5');
    await expect.poll(() => update(page)).toBe(5);
    expect(await page.getByTestId('learning-rate').inputValue()).toBe('0.1');
    await page.getByTestId('reset').click();
    expect(await update(page)).toBe(0);
    expect(await page.getByTestId('about').innerText()).toContain('α = 0.1');
    expect(await page.evaluate(() => location.hash)).not.toContain('chg=');
    expect(await page.getByTestId('change-mark-1').count()).toBe(0);
    expect(await params(page)).toEqual([0.15, 0.2, 0.25, 0.3, 0.35, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.6]);
    expect(s.errors).toEqual([]);
  });
});
