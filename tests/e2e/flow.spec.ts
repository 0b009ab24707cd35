/**
 * The diagram's motion (issue 12 §2) in Chromium on the textbook 2-2-2 example: a single step moves
 * (with the step's phase), the numbers are there at once, a key press ends the motion, the update's
 * old values overlap nothing, playing at lecture pace moves and faster does not, and
 * `prefers-reduced-motion: reduce` turns it off (following changes).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, screenshot } from './browser.ts';
import type { Session } from './browser.ts';
import { overlaps, settle } from './screen-checks.ts';
import type {} from '../../src/state/api.ts';

const flow = (page: Page) => page.locator('[data-testid="flow"]');

/** Counts, from now on, every time a `flow` group is added to the page. */
async function watchFlow(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { flowSeen: number; flowObserver?: MutationObserver };
    w.flowObserver?.disconnect();
    w.flowSeen = document.querySelector('[data-testid="flow"]') ? 1 : 0;
    w.flowObserver = new MutationObserver((records) => {
      for (const r of records)
        for (const n of r.addedNodes)
          if (n instanceof Element && n.matches('[data-testid="flow"]')) w.flowSeen++;
    });
    w.flowObserver.observe(document.body, { childList: true, subtree: true });
  });
}
const flowSeen = (page: Page) => page.evaluate(() => (window as unknown as { flowSeen: number }).flowSeen);

async function reset(page: Page, speed = 1) {
  await page.evaluate((speed) => {
    const a = window.backpropLab!.store.getState().actions;
    a.pause();
    a.reset();
    a.setSpeed(speed);
  }, speed);
  await settle(page);
  await page.keyboard.press('Shift'); // ends any motion left
}

describe('the motion of each computation', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openApp('#v=1', { width: 1366, height: 768 });
    await s.page.getByTestId('network').waitFor();
  });
  afterAll(() => s.close());

  it('a Step moves the forward step into h1, its numbers there at once; it ends by itself', async () => {
    const { page } = s;
    await reset(page);
    await page.getByTestId('step').click();
    await expect.poll(() => flow(page).getAttribute('data-phase')).toBe('forward');
    // the values are not held back by the motion
    expect(Number(await page.getByTestId('n-1-0').getAttribute('data-z'))).toBeCloseTo(0.3775, 9);
    expect(await flow(page).locator('.flow-dot').count()).toBe(3); // x1, x2 and the bias
    await flow(page).waitFor({ state: 'detached', timeout: 3000 });
  });

  it('each key step moves with its phase, in the chain rule’s order; another key ends it at once', async () => {
    const { page } = s;
    await reset(page);
    const phases = ['forward', 'forward', 'forward', 'forward', 'loss'];
    phases.push('backward', 'backward', 'backward', 'backward', 'update');
    for (const phase of phases) {
      await page.keyboard.press('ArrowRight');
      expect(await flow(page).getAttribute('data-phase')).toBe(phase);
    }
    // the update: every weight's old value struck through under its new one (w5 was 0.4), overlapping nothing
    await expect.poll(() => flow(page).locator('.flow-flash').count()).toBe(8);
    const olds = await flow(page).locator('text.flow-old').allTextContents();
    expect(olds).toHaveLength(8);
    expect(olds).toContain('0.4');
    expect(await overlaps(page)).toEqual([]);
    await screenshot(page, 'flow-update-1366');
    await page.keyboard.press('Shift');
    expect(await flow(page).count()).toBe(0);
    await page.keyboard.press('ArrowRight');
    expect(await flow(page).getAttribute('data-phase')).toBe('forward');
    await page.keyboard.press('Escape');
    expect(await flow(page).count()).toBe(0);
  });

  it('a new step replaces the running motion: it starts over', async () => {
    const { page } = s;
    await reset(page);
    await page.keyboard.press('ArrowRight');
    await page.waitForTimeout(400);
    // the next step with no key or click to end the first motion (as a step of play comes)
    await page.evaluate(() => window.backpropLab!.store.getState().actions.step('step'));
    const times = await page.evaluate(() =>
      [...document.querySelectorAll('[data-testid="flow"] .flow-dot')].flatMap((d) =>
        d.getAnimations().map((a) => Number(a.currentTime)),
      ),
    );
    expect(await flow(page).getAttribute('data-phase')).toBe('forward');
    expect(times.length).toBe(3);
    for (const t of times) expect(t).toBeLessThan(250);
  });

  it('plays with motion at lecture speeds (1 and 5 steps/s), without it at 20 steps/s', async () => {
    const { page } = s;
    await reset(page, 0); // 1 step/s: the motion of a step lasts most of its second
    await page.evaluate(() => window.backpropLab!.store.getState().actions.play());
    await page.waitForSelector('[data-testid="flow"]', { timeout: 3000 });
    const first = await page.evaluate(() => {
      const st = window.backpropLab!.store.getState();
      const g = document.querySelector('[data-testid="flow"]')!;
      return { phase: g.getAttribute('data-phase'), shown: st.display.position.last?.phase };
    });
    expect(first.phase).toBe(first.shown);
    await page.waitForTimeout(200);
    expect(await flow(page).count()).toBe(1);
    await reset(page, 2); // 5 steps/s
    await watchFlow(page);
    await page.evaluate(() => window.backpropLab!.store.getState().actions.play());
    await expect.poll(() => flowSeen(page), { timeout: 3000 }).toBeGreaterThanOrEqual(3);
    await reset(page, 3); // 20 steps/s
    await watchFlow(page);
    await page.evaluate(() => window.backpropLab!.store.getState().actions.play());
    await page.waitForTimeout(1200);
    expect(await page.evaluate(() => window.backpropLab!.progress().updates)).toBeGreaterThan(0);
    expect(await flowSeen(page)).toBe(0);
    await reset(page);
  });

  it('prefers-reduced-motion: reduce turns it off, and on again when it changes', async () => {
    const { page } = s;
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await reset(page, 0); // 1 step/s
    await watchFlow(page);
    for (let k = 0; k < 10; k++) await page.keyboard.press('ArrowRight');
    await page.getByTestId('step').click();
    await page.evaluate(() => window.backpropLab!.store.getState().actions.play());
    await page.waitForTimeout(1500);
    expect(await flowSeen(page)).toBe(0);
    await reset(page);
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await page.keyboard.press('ArrowRight');
    expect(await flow(page).getAttribute('data-phase')).toBe('forward');
  });

  it('another net loaded during a motion ends it (the motion never outlives its net)', async () => {
    const { page } = s;
    for (const [from, to] of [
      ['textbook-2-2-2', 'chain-1-1-1'],
      ['xor', 'textbook-2-2-2'],
    ] as const) {
      await page.evaluate((n) => window.backpropLab!.store.getState().actions.loadPreset(n), from);
      await settle(page);
      for (let k = 0; k < 9; k++) await page.getByTestId('step').click();
      expect(await flow(page).count()).toBe(1);
      await page.evaluate((n) => window.backpropLab!.store.getState().actions.loadPreset(n), to);
      await settle(page);
      expect(await flow(page).count()).toBe(0);
      await page.getByTestId('step').click();
      await expect.poll(() => flow(page).getAttribute('data-phase')).toBe('forward');
    }
    expect(s.errors).toEqual([]);
  });
});

describe('the update’s old values in presenter mode', () => {
  it('follow the labels when the diagram’s type changes under the motion (backprop scene 2 + Sample)', async () => {
    const s = await openApp('#v=1&lesson=backprop&scene=2&present=1', { width: 1280, height: 720 });
    try {
      const { page } = s;
      await page.getByTestId('network').waitFor();
      await settle(page);
      // the scene stands before its update: Sample does just that step (and the type shrinks a little)
      await page.evaluate(() =>
        document.querySelector<HTMLButtonElement>('[data-testid="step-sample"]')!.click(),
      );
      await settle(page);
      expect(await flow(page).getAttribute('data-phase')).toBe('update');
      expect(await flow(page).locator('text.flow-old').count()).toBeGreaterThan(0);
      expect(await overlaps(page)).toEqual([]);
      await screenshot(page, 'flow-update-presenter');
      expect(s.errors).toEqual([]);
    } finally {
      await s.close();
    }
  });
});
