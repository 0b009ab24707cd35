/**
 * Practice mode in real Chromium (issue 12 §1, §4): a session on the textbook example (a wrong answer
 * gets a hint naming the factor, the right one reveals the value and the step goes on, the score
 * counts it), practice from a lesson link, keyboard only, and presenter mode at 1280×720. Expected
 * values are note 003's, recomputed here in float64 — never read from the app.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, screenshot } from './browser.ts';
import type { Session } from './browser.ts';

const sig = (z: number) => 1 / (1 + Math.exp(-z));
const [x1, x2, w1, w2, w3, w4, b1] = [0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35];
const zh1 = w1 * x1 + w2 * x2 + b1; // 0.3775
const zh2 = w3 * x1 + w4 * x2 + b1; // 0.3925
const four = (v: number) => Number(v.toPrecision(4)).toString();

const feedback = (page: Page) => page.getByTestId('practice-feedback');
const score = async (page: Page) =>
  Promise.all(
    ['score-first', 'score-hinted', 'score-shown'].map(async (id) =>
      Number(await page.getByTestId(id).textContent()),
    ),
  );
const focused = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid'));

describe('practice mode', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openApp('', { width: 1366, height: 768 });
  });
  afterAll(async () => {
    await s.close();
  });

  it('asks z of h1, hints at the missing bias, reveals the value once right and counts it', async () => {
    const { page } = s;
    await page.getByTestId('practice-toggle').click();
    await page.getByTestId('practice').waitFor();
    await page.getByTestId('step').click();
    const field = page.getByTestId('practice-answer');
    await field.waitFor();
    expect(await focused(page)).toBe('practice-answer');
    expect(await page.getByTestId('practice-card').textContent()).toContain('z of h1');
    // what would give the answer away is veiled meanwhile
    expect(await page.evaluate(() => document.documentElement.dataset.practiceAsks)).toBe('z');
    // the value is not revealed while the question is open
    expect(await page.getByTestId('n-1-0').getAttribute('data-z')).toBeNull();
    // leaving out the bias: w1·x1 + w2·x2
    await field.fill(four(w1 * x1 + w2 * x2));
    await field.press('Enter');
    expect(await feedback(page).getAttribute('data-correct')).toBe('false');
    expect(await feedback(page).textContent()).toMatch(/bias b1/);
    expect(await page.getByTestId('n-1-0').getAttribute('data-z')).toBeNull();
    await field.fill(four(zh1));
    await field.press('Enter');
    expect(await feedback(page).getAttribute('data-correct')).toBe('true');
    // the same step asks a of h1 next
    expect(await page.getByTestId('practice-card').textContent()).toContain('a of h1');
    await field.fill(four(sig(zh1)));
    await field.press('Enter');
    expect(await feedback(page).getAttribute('data-correct')).toBe('true');
    expect(Number(await page.getByTestId('n-1-0').getAttribute('data-z'))).toBeCloseTo(zh1, 12);
    expect(Number(await page.getByTestId('n-1-0').getAttribute('data-a'))).toBeCloseTo(sig(zh1), 12);
    expect(await score(page)).toEqual([1, 1, 0]);
    // the step went on: the next one asks h2
    await page.getByTestId('step').click();
    expect(await page.getByTestId('practice-card').textContent()).toContain('z of h2');
    expect(s.errors).toEqual([]);
  });
});

describe('practice mode from a link, by keyboard, in presenter mode', () => {
  it('opens a lesson scene in practice mode from a link, and the address bar keeps it', async () => {
    const s = await openApp('#v=1&lesson=forward&scene=1&practice=1', { width: 1366, height: 768 });
    try {
      const { page } = s;
      await page.getByTestId('practice').waitFor();
      // the scene's moment: h1 computed, h2 not yet
      expect(Number(await page.getByTestId('n-1-0').getAttribute('data-z'))).toBeCloseTo(zh1, 12);
      await page.keyboard.press('ArrowRight');
      const field = page.getByTestId('practice-answer');
      await field.waitFor();
      expect(await page.getByTestId('practice-card').textContent()).toContain('z of h2');
      expect(await page.getByTestId('n-1-1').getAttribute('data-z')).toBeNull();
      await field.fill(four(zh2));
      await field.press('Enter');
      await field.fill(four(sig(zh2)));
      await field.press('Enter');
      expect(Number(await page.getByTestId('n-1-1').getAttribute('data-a'))).toBeCloseTo(sig(zh2), 12);
      expect(await score(page)).toEqual([2, 0, 0]);
      const hash = await page.evaluate(() => location.hash);
      expect(hash).toMatch(/&practice=1(&|$)/);
      expect(hash).toMatch(/&lesson=forward&scene=1/);
      expect(s.errors).toEqual([]);
    } finally {
      await s.close();
    }
  });

  it('refuses a bad practice value in a link, naming the key', async () => {
    const s = await openApp('#v=1&practice=maybe', { width: 1366, height: 768 });
    try {
      const { page } = s;
      await page.getByTestId('network').waitFor();
      expect(await page.locator('body').textContent()).toMatch(/practice: must be 0, 1/);
      expect(await page.getByTestId('practice').count()).toBe(0);
    } finally {
      await s.close();
    }
  });

  it('works from the keyboard alone: Q, →, typing (shortcut letters stay in the field), Enter, Esc', async () => {
    const s = await openApp('', { width: 1366, height: 768 });
    try {
      const { page } = s;
      await page.getByTestId('network').waitFor();
      await page.keyboard.press('q');
      await page.getByTestId('practice').waitFor();
      await page.keyboard.press('ArrowRight');
      await page.getByTestId('practice-answer').waitFor();
      expect(await focused(page)).toBe('practice-answer');
      // "e" is the epoch shortcut and "b" the batch one: in the field they are only typed
      await page.keyboard.type('bee');
      expect(await page.getByTestId('update').textContent()).toBe('0');
      await page.keyboard.press('Enter');
      expect(await feedback(page).textContent()).toMatch(/not one number/);
      await page.keyboard.press('Control+A');
      await page.keyboard.type('3.775e-1');
      await page.keyboard.press('Enter');
      expect(await feedback(page).getAttribute('data-correct')).toBe('true');
      expect(await focused(page)).toBe('practice-answer'); // the next question: a of h1
      await page.keyboard.type(four(sig(zh1)));
      await page.keyboard.press('Enter');
      expect(Number(await page.getByTestId('n-1-0').getAttribute('data-a'))).toBeCloseTo(sig(zh1), 12);
      await page.keyboard.press('Enter'); // "Next computation" has the focus
      await page.getByTestId('practice-answer').waitFor();
      expect(await page.getByTestId('practice-card').textContent()).toContain('z of h2');
      await page.keyboard.press('Escape');
      expect(await page.getByTestId('practice').count()).toBe(0);
      expect(await page.getByTestId('practice-answer').count()).toBe(0);
      expect(s.errors).toEqual([]);
    } finally {
      await s.close();
    }
  });

  for (const [name, size, touch] of [
    ['presenter', { width: 1280, height: 720 }, false],
    ['laptop', { width: 1366, height: 768 }, false],
    ['tablet', { width: 1024, height: 768 }, true],
    ['phone', { width: 390, height: 844 }, true],
  ] as const) {
    it(`${name} ${size.width}×${size.height}: the field in view, beside (not over) its neuron`, async () => {
      const present = name === 'presenter' ? '&present=1' : '';
      const s = await openApp(`#v=1&practice=1${present}`, size, { hasTouch: touch });
      try {
        const { page } = s;
        await page.getByTestId('practice').waitFor();
        await page.getByTestId('step').click();
        const field = page.getByTestId('practice-answer');
        await field.fill('0.5');
        await field.press('Enter');
        await feedback(page).waitFor();
        await field.scrollIntoViewIfNeeded();
        const box = (await field.boundingBox())!;
        const circle = (await page.locator('[data-testid="n-1-0"] circle').boundingBox())!;
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(size.width);
        expect(box.y).toBeGreaterThanOrEqual(0);
        expect(box.y + box.height).toBeLessThanOrEqual(size.height);
        const apart =
          box.x >= circle.x + circle.width ||
          box.x + box.width <= circle.x ||
          box.y >= circle.y + circle.height ||
          box.y + box.height <= circle.y;
        expect(apart).toBe(true);
        if (touch || name === 'presenter') expect(box.height).toBeGreaterThanOrEqual(44);
        if (name === 'presenter') {
          const font = await field.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
          expect(font).toBeGreaterThanOrEqual(24);
          // the whole card is on screen, and the page does not scroll sideways
          const card = (await page.getByTestId('practice-card').boundingBox())!;
          expect(card.y + card.height).toBeLessThanOrEqual(size.height);
        }
        const sideways = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(sideways).toBeLessThanOrEqual(0);
        await screenshot(page, `practice-${name}`);
        expect(s.errors).toEqual([]);
      } finally {
        await s.close();
      }
    });
  }
});
