/**
 * The loss of a batch / data set in real Chromium: the setup's select switches mean ↔ sum, and the
 * status line, the address bar, the update and the chain panel's update line follow. Hand-derived:
 * y = w·x + b, L = ½(y − t)², x = 1, 2, 3, t = 0, 5, 0, w = 1, b = 0, α = 0.1, one batch of 3.
 * Errors 1, −3, 3: E = ½(1 + 9 + 9) = 9.5 (mean 9.5/3); Σ ∂L/∂w = 4, so with "sum" w = 1 − 0.1·4 = 0.6.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp } from './browser.ts';
import type { Session } from './browser.ts';

describe('the reduction (sum or mean over samples)', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openApp('#v=1&layers=1-1&act=linear&lr=0.1&batch=3&w=1&b=0&x=1,2,3&t=0,5,0');
  });
  afterAll(async () => {
    await s.close();
  });

  it('switches the data-set loss, the link, the update and the update line', async () => {
    const { page } = s;
    const loss = async () => Number(await page.getByTestId('loss').getAttribute('data-value'));
    expect(await page.getByTestId('reduction-select').inputValue()).toBe('mean');
    expect(await loss()).toBeCloseTo(9.5 / 3, 12);
    await page.getByTestId('reduction-select').selectOption('sum');
    expect(await loss()).toBeCloseTo(9.5, 12);
    expect(await page.locator('.status').textContent()).toContain('total loss E = Σₛ Lₛ');
    await expect.poll(() => new URL(page.url()).hash).toContain('red=sum');
    await page.getByTestId('w-1-0-0').click();
    await page.getByTestId('step-batch').click();
    expect(Number(await page.getByTestId('w-1-0-0').getAttribute('data-value'))).toBeCloseTo(0.6, 12);
    const update =
      (await page.getByTestId('tex-update').locator('[data-tex]').getAttribute('data-tex')) ?? '';
    expect(update).toContain('\\alpha\\, \\textstyle\\sum_s');
    expect(update).not.toContain('tfrac');
    expect(update).toContain('= 1 - 0.1\\cdot 4 = 0.6');
    // back to the mean after an update: a live change, from update 1 on, at the same weights
    const total = await loss();
    await page.getByTestId('reduction-select').selectOption('mean');
    expect(await loss()).toBeCloseTo(total / 3, 12);
    expect(await page.getByTestId('update').innerText()).toBe('1');
    expect(Number(await page.getByTestId('w-1-0-0').getAttribute('data-value'))).toBeCloseTo(0.6, 12);
    await expect.poll(() => new URL(page.url()).hash).toContain('chg=1:red:mean');
    expect(s.errors).toEqual([]);
  });
});
