/** The data panel in real Chromium: an editable, named table; standardisation; a test split. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, screenshot } from './browser.ts';
import type { Session } from './browser.ts';

const X1X2Y =
  '#v=1&layers=2-2-1&act=sigmoid,linear&loss=squared-error&lr=0.001&batch=3&seed=3&x=90,40,30,50,20,60&t=10,25,36&cols=X1,X2,Y';

describe('the data panel', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openApp(X1X2Y);
  });
  afterAll(async () => {
    await s.close();
  });

  it('shows the raw table; the hint measures the saturation the raw inputs cause', async () => {
    const { page } = s;
    expect(await page.getByTestId('data-summary').textContent()).toBe('3 rows · 2 inputs · 1 target');
    expect(await page.getByTestId('col-name-0').inputValue()).toBe('X1');
    expect(await page.getByTestId('cell-2-1').inputValue()).toBe('60');
    const hint = await page.getByTestId('scale-hint').textContent();
    expect(hint).toContain('X1 20…90');
    expect(hint).toMatch(/\d+% of its neuron values sit where the slope f′\(z\) < 0\.01/);
  });

  it('standardises inputs and targets with the training rows’ statistics; predictions stay in table units', async () => {
    const { page } = s;
    await page.getByTestId('standardize-inputs').check();
    await page.getByTestId('standardize-targets').check();
    const stats = await page.getByTestId('scaling').textContent();
    // X1 = 90, 30, 20: mean 46.67, population sd √(25800/27) = 30.91; Y: mean 23.67, sd 10.66
    expect(stats).toContain('X1: mean 46.67, sd 30.91');
    expect(stats).toContain('Y: mean 23.67, sd 10.66');
    // the input neuron holds the standardised value of row 1's X2: (40 − 50)/√(200/3) = −1.2247
    await page.getByTestId('step').click();
    expect(Number(await page.getByTestId('n-0-1').getAttribute('data-a'))).toBeCloseTo(
      -10 / Math.sqrt(200 / 3),
      12,
    );
    // the prediction column is back in Y's units: around the mean 23.67 for a fresh network
    const pred = Number(await page.getByTestId('pred-0').getAttribute('data-value'));
    expect(pred).toBeGreaterThan(0);
    expect(pred).toBeLessThan(50);
    expect(new URL(page.url()).hash).toContain('std=inputs-targets');
  });

  it('edits cells, names, rows and columns; user text stays text; the link carries the names', async () => {
    const { page } = s;
    await page.getByTestId('cell-0-2').fill('12');
    await page.getByTestId('cell-0-2').press('Enter');
    expect(await page.getByTestId('cell-0-2').inputValue()).toBe('12');
    await page.getByTestId('cell-0-2').fill('12x');
    await page.getByTestId('cell-0-2').press('Enter');
    expect(await page.getByTestId('data-error').textContent()).toContain(
      'row 1, column "Y": must be a number',
    );
    await page.getByTestId('col-name-2').fill('<img src=x onerror="__pwned=1">€, y');
    await page.getByTestId('col-name-2').press('Enter');
    await page.getByTestId('add-row').click();
    expect(await page.getByTestId('data-summary').textContent()).toBe('4 rows · 2 inputs · 1 target');
    await page.getByTestId('add-input-col').click();
    expect(await page.getByTestId('about').textContent()).toContain('3-2-1');
    await page.getByTestId('col-remove-2').click();
    expect(await page.getByTestId('about').textContent()).toContain('2-2-1');
    await page.getByTestId('col-remove-0').click();
    await page.getByTestId('col-remove-0').click();
    expect(await page.getByTestId('data-error').textContent()).toBe('data: needs at least one input column');
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    // reload: the table, its names and the scaling come back from the address bar
    await page.waitForTimeout(400);
    await page.reload();
    expect(await page.getByTestId('col-name-1').inputValue()).toBe('<img src=x onerror="__pwned=1">€, y');
    expect(await page.getByTestId('cell-0-1').inputValue()).toBe('12');
    expect(await page.getByTestId('data-summary').textContent()).toBe('4 rows · 1 input · 1 target');
    expect(await page.getByTestId('standardize-targets').isChecked()).toBe(true);
    await screenshot(page, 'data-table');
    expect(s.errors).toEqual([]);
  });

  it('holds out a test set of a generated set and draws its loss beside the training loss', async () => {
    const { page } = s;
    await page.getByTestId('preset').selectOption('xor');
    expect(await page.getByTestId('data-summary').textContent()).toContain(
      '40 held out to test, 160 trained on',
    );
    expect(await page.locator('[data-testid^="row-"].test-row').count()).toBeGreaterThan(0);
    await page.getByTestId('step-epoch').click();
    await page.getByTestId('step-epoch').click();
    expect(await page.getByTestId('test-curve').count()).toBe(1);
    const test = Number(await page.getByTestId('test-loss').getAttribute('data-value'));
    expect(test).toBeGreaterThan(0);
    await page.getByTestId('test-fraction').fill('0.5');
    await page.getByTestId('test-fraction').press('Enter');
    expect(await page.getByTestId('data-summary').textContent()).toContain(
      '100 held out to test, 100 trained on',
    );
    await page.getByTestId('test-fraction').fill('0.9');
    await page.getByTestId('test-fraction').press('Enter');
    expect(await page.getByTestId('data-error').textContent()).toContain(
      'dataset.test: must be a number from 0 to 0.5',
    );
    await page.getByTestId('edit-table').click();
    expect(await page.getByTestId('data-summary').textContent()).toBe('200 rows · 2 inputs · 1 target');
    expect(await page.getByTestId('test-curve').count()).toBe(0);
    await screenshot(page, 'data-generated');
    expect(s.errors).toEqual([]);
  });
});
