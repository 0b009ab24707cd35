/** The insight views and the history scrubber in real Chromium. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, screenshot } from './browser.ts';
import type { Session } from './browser.ts';
import { pickLesson } from './lesson-menu.ts';

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

  it('while training flat out, the slope view holds still and the boundary repaints about once a second', async () => {
    const { page } = s;
    await page.getByTestId('insight-slope').click();
    const slope = () => page.getByTestId('slope-values').getAttribute('data-slope');
    const held = await slope();
    // count the boundary's repaints (its first cell is filled once per repaint) and the frames
    await page.evaluate(() => {
      const w = window as unknown as { repaints: number; frames: number };
      w.repaints = 0;
      w.frames = 0;
      const fill = CanvasRenderingContext2D.prototype.fillRect;
      CanvasRenderingContext2D.prototype.fillRect = function (x, y, width, height) {
        if (x === 0 && y === 0 && this.canvas.dataset.testid === 'boundary') w.repaints++;
        fill.call(this, x, y, width, height);
      };
      const tick = () => {
        w.frames++;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    await page.getByTestId('speed').fill('7');
    await page.getByTestId('play').click();
    await page.getByTestId('insight-frozen').waitFor();
    const start = await page.evaluate(() => window.backpropLab!.progress().updates);
    await page.waitForTimeout(1500);
    expect(await page.evaluate(() => window.backpropLab!.progress().updates)).toBeGreaterThan(start);
    expect(await slope()).toBe(held);
    await page.getByTestId('insight-boundary').click();
    const counts = () =>
      page.evaluate(() => {
        const w = window as unknown as { repaints: number; frames: number };
        return { repaints: w.repaints, frames: w.frames };
      });
    const before = await counts();
    await page.waitForTimeout(3000);
    const after = await counts();
    await page.getByTestId('pause').click();
    const repaints = after.repaints - before.repaints;
    expect(repaints).toBeGreaterThanOrEqual(2);
    expect(repaints).toBeLessThanOrEqual(6);
    expect(after.frames - before.frames).toBeGreaterThan(3 * repaints);
    // paused, the view of one moment follows the training again
    await page.getByTestId('insight-slope').click();
    await page.getByTestId('step-epoch').click();
    expect(await page.getByTestId('insight-frozen').count()).toBe(0);
    expect(await slope()).not.toBe(held);
    expect(s.errors).toEqual([]);
  });
});

describe('on a tablet', () => {
  it('works by touch: tap a lesson, a weight, the step button; the system’s dark theme is followed', async () => {
    const t = await openApp('', { width: 1024, height: 768 }, { hasTouch: true, colorScheme: 'dark' });
    try {
      const { page } = t;
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
      await pickLesson(page, 'backprop', 'tap');
      expect(await page.getByTestId('scene-count').textContent()).toBe('scene 1 of 3');
      await page.getByTestId('w-2-1-1').locator('line.hit').tap({ force: true });
      expect(await page.getByTestId('chain-panel').textContent()).toContain('w8');
      await page.getByTestId('step').tap();
      expect(await page.getByTestId('w-2-1-1').getAttribute('data-grad')).not.toBeNull();
      // touch targets are at least 44 px
      const small = await page.evaluate(() =>
        [...document.querySelectorAll('button')]
          .filter((b) => b.getBoundingClientRect().width > 0)
          .filter((b) => b.getBoundingClientRect().height < 44 || b.getBoundingClientRect().width < 44)
          .map((b) => b.textContent),
      );
      expect(small).toEqual([]);
      await screenshot(page, 'tablet');
      expect(t.errors).toEqual([]);
    } finally {
      await t.close();
    }
  });
});
