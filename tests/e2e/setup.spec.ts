/** The setup editor in real Chromium: every change validated, shape changes re-initialise from the seed. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, screenshot } from './browser.ts';
import type { Session } from './browser.ts';

describe('the setup editor', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openApp();
  });
  afterAll(async () => {
    await s.close();
  });

  it('types a learning rate; a bad one is rejected with the field named and nothing changes', async () => {
    const { page } = s;
    await page.getByTestId('learning-rate').fill('0.1');
    await page.getByTestId('learning-rate').press('Enter');
    expect(await page.getByTestId('about').textContent()).toContain('α = 0.1');
    expect(await page.getByTestId('w-2-0-0').getAttribute('data-value')).toBe('0.4'); // the example's weights stay
    for (const bad of ['-1', 'fast', '0', '1e9']) {
      await page.getByTestId('learning-rate').fill(bad);
      await page.getByTestId('learning-rate').press('Enter');
      expect(await page.getByTestId('setup-error').textContent()).toContain(
        'learningRate: must be a number greater than 0',
      );
      expect(await page.getByTestId('about').textContent()).toContain('α = 0.1');
    }
    await page.getByTestId('batch-size').fill('5');
    await page.getByTestId('batch-size').press('Enter');
    expect(await page.getByTestId('setup-error').textContent()).toContain(
      'batchSize: must be a whole number from 1 to 1',
    );
  });

  it('adds a hidden layer: the shape re-initialises from the seed, reproducibly; reset keeps it', async () => {
    const { page } = s;
    await page.getByTestId('add-layer').click();
    expect(await page.getByTestId('about').textContent()).toContain('2-2-2-2');
    expect(await page.getByTestId('n-3-1').count()).toBe(1);
    const w = await page.getByTestId('w-2-1-0').getAttribute('data-value');
    await page.getByTestId('step-epoch').click();
    await page.getByTestId('reset').click();
    expect(await page.getByTestId('w-2-1-0').getAttribute('data-value')).toBe(w);
    await page.getByTestId('new-seed').click();
    expect(await page.getByTestId('w-2-1-0').getAttribute('data-value')).not.toBe(w);
    await page.getByRole('button', { name: 'more neurons in hidden layer 1' }).click();
    expect(await page.getByTestId('neurons-1').textContent()).toBe('3');
    await page.getByRole('combobox', { name: 'activation of hidden layer 2' }).selectOption('relu');
    expect(await page.getByTestId('about').textContent()).toContain('2-3-2-2');
    await page.getByTestId('loss-select').selectOption('cross-entropy');
    expect(await page.getByTestId('loss-select').inputValue()).toBe('cross-entropy');
    await page.getByTestId('output-activation').selectOption('tanh');
    expect(await page.getByTestId('setup-error').textContent()).toContain(
      '"cross-entropy" needs a "sigmoid" or "softmax" output layer',
    );
    await page.getByTestId('step-sample').click();
    await screenshot(page, 'setup-edited');
    expect(s.errors).toEqual([]);
  });

  it('types a new value for a weight; a bad value names the field', async () => {
    const { page } = s;
    await page.getByTestId('preset').selectOption('textbook-2-2-2');
    await page.getByTestId('w-2-0-0').click();
    await page.getByTestId('param-value').fill('1.5');
    await page.getByTestId('param-value').press('Enter');
    expect(await page.getByTestId('w-2-0-0').getAttribute('data-value')).toBe('1.5');
    expect(new URL(page.url()).hash).toContain('w=0.15,0.2,0.25,0.3,1.5,');
    await page.getByTestId('param-value').fill('lots');
    await page.getByTestId('param-value').press('Enter');
    expect(await page.getByTestId('param-error').textContent()).toContain(
      'weights[1][0][0]: must be a finite number',
    );
    expect(await page.getByTestId('w-2-0-0').getAttribute('data-value')).toBe('1.5');
  });

  it('trains on pasted CSV; a bad cell is named by row and column and nothing is injected', async () => {
    const { page } = s;
    await page.getByTestId('data-import').locator('summary').click();
    await page.getByTestId('csv-text').fill('"<b>X1</b>",X2,Y\n90,40,10\n30,oops,25\n');
    await page.getByTestId('csv-read').click();
    expect(await page.getByTestId('csv-error').textContent()).toBe(
      'csv row 3, column "X2": must be a number between −1000000 and 1000000 (it is "oops")',
    );
    await page.getByTestId('csv-text').fill('"<b>X1</b>",X2,Y\n90,40,10\n30,50,25\n20,60,36\n');
    await page.getByTestId('csv-read').click();
    expect(await page.getByTestId('csv-columns').textContent()).toContain('<b>X1</b>');
    expect(await page.locator('.data-import b').count()).toBe(0);
    await page.getByTestId('csv-use').click();
    expect(await page.getByTestId('sample').textContent()).toBe('1 / 3');
    await page.getByTestId('step').click();
    expect(await page.getByTestId('n-0-0').getAttribute('data-a')).toBe('90');
    expect(s.errors).toEqual([]);
  });
});
