/**
 * The guided lessons in real Chromium: each reaches its key step and shows its key numbers (derived
 * by hand from the notes, see shared/seeds/README.md); scenes are shareable by link; one lesson is
 * walked through with the keyboard alone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, screenshot } from './browser.ts';
import type { Session } from './browser.ts';
import { pickLesson } from './lesson-menu.ts';

const attr = async (page: Page, id: string, a: string) => Number(await page.getByTestId(id).getAttribute(a));

async function openScene(page: Page, lesson: string, scene: number) {
  await pickLesson(page, lesson);
  for (let k = 1; k < scene; k++) await page.getByTestId('scene-next').click();
  expect(await page.getByTestId('scene-count').textContent()).toMatch(new RegExp(`^scene ${scene} of`));
}

describe('guided lessons', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openApp();
  });
  afterAll(async () => {
    await s.close();
  });

  it('the neuron: z = 0·2 + 1·3 = 3, σ(3) = 0.9526, cos θ = 3/√13 = 0.832', async () => {
    const { page } = s;
    await openScene(page, 'neuron', 1);
    expect(await attr(page, 'n-1-0', 'data-z')).toBe(3);
    expect(await attr(page, 'n-1-0', 'data-a')).toBeCloseTo(1 / (1 + Math.exp(-3)), 12);
    expect(await attr(page, 'neuron-values', 'data-cos')).toBeCloseTo(3 / Math.sqrt(13), 12);
    expect(await page.getByTestId('neuron-tex').textContent()).toContain('0.8321');
    await openScene(page, 'neuron', 3);
    // dL/dw2 = 2(σ(3) − 1)·σ(3)(1 − σ(3))·1
    const a = 1 / (1 + Math.exp(-3));
    expect(await attr(page, 'check-values', 'data-analytic')).toBeCloseTo(2 * (a - 1) * a * (1 - a), 12);
    expect(await attr(page, 'check-values', 'data-error')).toBeLessThan(1e-6);
  });

  it('the forward pass: h1(in) 0.3775, o1(in) 1.1059 (the notes’ slips corrected)', async () => {
    const { page } = s;
    await openScene(page, 'forward', 1);
    expect(await page.getByTestId('n-1-0').getAttribute('data-z')).toBe('0.3775');
    await openScene(page, 'forward', 2);
    expect(await attr(page, 'n-2-0', 'data-z')).toBeCloseTo(1.105905967, 8);
    expect(await attr(page, 'n-2-0', 'data-a')).toBeCloseTo(0.75136507, 8);
    // the caption quotes what the page shows: 4 significant digits
    expect(await page.getByTestId('lesson-caption').textContent()).toContain(
      '= 1.106 (note 003 prints 1.175)',
    );
  });

  it('the loss: E_total = 0.2984 with E_o2 = 0.02356', async () => {
    const { page } = s;
    await openScene(page, 'loss', 1);
    expect(await attr(page, 'sample-loss', 'data-value')).toBeCloseTo(0.298371109, 8);
    expect(await page.getByTestId('phase').textContent()).toContain('loss');
  });

  it('the chain rule: ∂L/∂b2 has no w2 factor', async () => {
    const { page } = s;
    await openScene(page, 'chain-rule', 2);
    // 1-1-1: x 1.5, w1 0.4, b1 0.1, w2 0.7, b2 −0.2, t 0.9; L = ½(y − t)²
    const h = 1 / (1 + Math.exp(-(0.4 * 1.5 + 0.1)));
    const y = 1 / (1 + Math.exp(-(0.7 * h - 0.2)));
    const chain = await page.getByTestId('chain-panel').textContent();
    // the panel writes 4 significant digits; ASCII hyphen inside KaTeX's TeX source, − in its rendering
    expect(chain).toContain(`= ${Number(((y - 0.9) * y * (1 - y)).toPrecision(4))}`);
    expect(chain).not.toContain('w^{(2)}_{11}\\cdot');
  });

  it('backpropagation: ∂E/∂w5 = 0.08217, ∂E/∂w1 = 0.000439, then w5 = 0.3589 and E = 0.2910', async () => {
    const { page } = s;
    await openScene(page, 'backprop', 1);
    expect(await attr(page, 'w-2-0-0', 'data-grad')).toBeCloseTo(0.0821670407, 9);
    await openScene(page, 'backprop', 2);
    expect(await attr(page, 'w-1-0-0', 'data-grad')).toBeCloseTo(0.000438568, 8);
    await openScene(page, 'backprop', 3);
    expect(await attr(page, 'w-2-0-0', 'data-value')).toBeCloseTo(0.4 - 0.5 * 0.0821670407, 9);
    expect(await attr(page, 'loss', 'data-value')).toBeCloseTo(0.291027774, 8);
  });

  it('gradient descent: 2 − 0.05·3 = 1.85 and 5 − 0.05·(−2) = 5.1, with the slope drawn', async () => {
    const { page } = s;
    await openScene(page, 'gradient-descent', 1);
    expect(await attr(page, 'slope-values', 'data-slope')).toBeCloseTo(3, 12);
    expect(await attr(page, 'slope-values', 'data-next')).toBeCloseTo(1.85, 12);
    expect(await page.getByTestId('slope-chart').locator('.tangent').count()).toBe(1);
    await page.getByTestId('scene-next').click();
    expect(await attr(page, 'w-1-0-0', 'data-value')).toBeCloseTo(1.85, 12);
    await page.getByTestId('scene-next').click();
    expect(await attr(page, 'slope-values', 'data-slope')).toBeCloseTo(-2, 12);
    await page.getByTestId('scene-next').click();
    expect(await attr(page, 'w-1-0-0', 'data-value')).toBeCloseTo(5.1, 12);
  });

  it('batches: three updates per epoch with batch size 1, one with the whole table', async () => {
    const { page } = s;
    await openScene(page, 'batches', 1);
    expect(await page.getByTestId('update').textContent()).toBe('1');
    expect(await page.getByTestId('sample').textContent()).toBe('2 / 3');
    await openScene(page, 'batches', 2);
    // all three samples forward and back, the update not yet applied
    expect(await page.getByTestId('sample').textContent()).toBe('3 / 3');
    expect(await page.getByTestId('update').textContent()).toBe('0');
    await page.getByTestId('step').click();
    expect(await page.getByTestId('update').textContent()).toBe('1');
    expect(await page.getByTestId('epoch').textContent()).toBe('2');
  });

  it('vanishing gradients: five sigmoids shrink ∂L/∂w 300-fold; ReLU does not', async () => {
    const { page } = s;
    await openScene(page, 'vanishing', 1);
    expect(await attr(page, 'w-1-0-0', 'data-grad')).toBeCloseTo(-0.0001170500648, 10);
    expect(await attr(page, 'w-5-0-0', 'data-grad')).toBeCloseTo(-0.0356906146, 9);
    expect(await page.getByTestId('sigma-bound').textContent()).toContain('0.25');
    expect(await page.getByTestId('layer-gradients').locator('li').count()).toBe(5);
    await page.getByTestId('scene-next').click();
    expect(await attr(page, 'w-1-0-0', 'data-grad')).toBeCloseTo(-0.0332158995, 9);
    expect(await attr(page, 'w-5-0-0', 'data-grad')).toBeCloseTo(-0.0332158995, 9);
    await screenshot(page, 'lesson-vanishing');
  });

  it('face/car: one-hot targets and ∂C/∂a1 = 2(a1 − y)', async () => {
    const { page } = s;
    await openScene(page, 'face-car', 2);
    const a = await attr(page, 'n-2-0', 'data-a');
    expect(await page.getByTestId('chain-panel').textContent()).toContain(
      `= ${Number((2 * (a - 1)).toPrecision(4))}`,
    );
    expect(s.errors).toEqual([]);
  });

  it('every scene of every lesson renders every insight view without a formula error', async () => {
    const { page } = s;
    const lessons = await page
      .locator('[data-testid^="lesson-"]')
      .evaluateAll((els) =>
        els
          .map((e) => e.getAttribute('data-testid')!)
          .filter(
            (id) =>
              /^lesson-[a-z-]+$/.test(id) &&
              id !== 'lesson-bar' &&
              id !== 'lesson-caption' &&
              id !== 'lesson-next' &&
              id !== 'lesson-close',
          ),
      );
    expect(lessons.length).toBe(9);
    let scenes = 0;
    for (const id of lessons) {
      await pickLesson(page, id.slice('lesson-'.length));
      for (;;) {
        scenes++;
        for (const tab of ['slope', 'check', 'neuron', 'layers', 'boundary']) {
          await page.getByTestId(`insight-${tab}`).click();
          const bad = await page.evaluate(() => document.body.textContent!.includes('[formula error'));
          expect(bad, `${id} scene ${scenes} ${tab}`).toBe(false);
        }
        if (await page.getByTestId('scene-next').isDisabled()) break;
        await page.getByTestId('scene-next').click();
      }
    }
    expect(scenes).toBe(25);
    expect(s.errors).toEqual([]);
  });

  it('a scene opens from its link, in presenter mode', async () => {
    const c = await openApp('#v=1&lesson=gradient-descent&scene=2&present=1');
    try {
      expect(await c.page.getByTestId('scene-title').textContent()).toBe('2 − 0.05 · 3 = 1.85');
      expect(await c.page.getByTestId('presenter').getAttribute('aria-pressed')).toBe('true');
      expect(await attr(c.page, 'w-1-0-0', 'data-value')).toBeCloseTo(1.85, 12);
      expect(new URL(c.page.url()).hash).toContain('lesson=gradient-descent&scene=2');
      expect(c.errors).toEqual([]);
    } finally {
      await c.close();
    }
  });

  it('a lesson walked through with the keyboard alone', async () => {
    const c = await openApp();
    try {
      const { page } = c;
      // Tab to the lesson menu, open it with Enter, Tab to the lesson's entry, open it with Enter
      const tabTo = async (id: string) => {
        let found = false;
        for (let k = 0; k < 60 && !found; k++) {
          await page.keyboard.press('Tab');
          found = await page.evaluate((id) => document.activeElement?.getAttribute('data-testid') === id, id);
        }
        expect(found, id).toBe(true);
      };
      await tabTo('lessons-menu');
      await page.keyboard.press('Enter');
      await tabTo('lesson-forward');
      await page.keyboard.press('Enter');
      expect(await page.getByTestId('n-1-0').getAttribute('data-z')).toBe('0.3775');
      // ] next scene, → one computation, ← back
      await page.keyboard.press(']');
      expect(await page.getByTestId('scene-count').textContent()).toBe('scene 2 of 3');
      await page.keyboard.press('ArrowRight');
      expect(await page.getByTestId('n-2-1').getAttribute('data-a')).not.toBeNull();
      await page.keyboard.press('ArrowLeft');
      expect(await page.getByTestId('n-2-1').getAttribute('data-a')).toBeNull();
      // select a weight from the keyboard: Tab into the diagram, Enter
      let onWeight = false;
      for (let k = 0; k < 80 && !onWeight; k++) {
        await page.keyboard.press('Tab');
        onWeight = await page.evaluate(
          () => document.activeElement?.closest('[data-testid]')?.getAttribute('data-testid') === 'w-2-0-1',
        );
      }
      expect(onWeight).toBe(true);
      await page.keyboard.press('Enter');
      expect(await page.getByTestId('chain-panel').textContent()).toContain('w6');
      // ? lists the shortcuts; Escape closes the list
      await page.keyboard.press('?');
      expect(await page.getByTestId('shortcuts').isVisible()).toBe(true);
      await page.keyboard.press('Escape');
      expect(await page.getByTestId('shortcuts').isVisible()).toBe(false);
      expect(c.errors).toEqual([]);
    } finally {
      await c.close();
    }
  });
});
