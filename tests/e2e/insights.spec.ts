/** The insight views and the history scrubber in real Chromium. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, screenshot } from './browser.ts';
import type { Session } from './browser.ts';

describe('insight views', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openApp();
  });
  afterAll(async () => {
    await s.close();
  });

  it('draws the decision boundary of a 2-D classifier and updates it while training', async () => {
    const { page } = s;
    await page.getByTestId('preset').selectOption('xor');
    await page.getByTestId('insight-boundary').click();
    const pixels = () =>
      page.getByTestId('boundary').evaluate((c: HTMLCanvasElement) => {
        const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
        let sum = 0;
        const colours = new Set<number>();
        for (let k = 0; k < d.length; k += 4 * 97) {
          sum += d[k]! + 3 * d[k + 1]! + 7 * d[k + 2]!;
          colours.add((d[k]! << 16) | (d[k + 1]! << 8) | d[k + 2]!);
        }
        return { sum, colours: colours.size };
      });
    const before = await pixels();
    expect(before.colours).toBeGreaterThan(10);
    for (let k = 0; k < 5; k++) await page.getByTestId('step-epoch').click();
    const after = await pixels();
    expect(after.sum).not.toBe(before.sum);
    await screenshot(page, 'boundary');
  });

  it('jumps back in history with the scrubber and steps on from there', async () => {
    const { page } = s;
    expect(await page.getByTestId('scrubber-value').textContent()).toBe('update 80 / 80');
    const lossAt80 = await page.getByTestId('loss').getAttribute('data-value');
    await page.getByTestId('scrubber').fill('16');
    expect(await page.getByTestId('update').textContent()).toBe('16');
    expect(await page.getByTestId('epoch').textContent()).toBe('2');
    await page.getByTestId('scrubber').fill('80');
    expect(await page.getByTestId('loss').getAttribute('data-value')).toBe(lossAt80);
  });

  it('shows the gradients by layer with the σ′ ≤ 0.25 bound, and the gradient check agreeing', async () => {
    const { page } = s;
    await page.getByTestId('insight-layers').click();
    expect(await page.getByTestId('layer-gradients').locator('li').count()).toBe(2);
    await page.getByTestId('w-1-0-0').click();
    await page.getByTestId('insight-check').click();
    expect(Number(await page.getByTestId('check-values').getAttribute('data-error'))).toBeLessThan(1e-6);
    expect(s.errors).toEqual([]);
  });
});
