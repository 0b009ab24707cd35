/**
 * Links in real Chromium: the address bar holds the current moment, reload restores it exactly, a
 * link opened in a fresh browser reproduces the sender's numbers, and the train command agrees.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, screenshot, shownNumbers } from './browser.ts';
import type { Session } from './browser.ts';
import type {} from '../../src/state/api.ts';

const run = promisify(execFile);

/** Clicks a share button and reads the link it produced. */
async function shareLink(page: Page, kind: 'setup' | 'moment'): Promise<string> {
  await page.getByTestId(`share-${kind}`).click();
  const input = page.locator(`[data-testid="share-url"][data-kind="${kind}"]`);
  await input.waitFor();
  return input.inputValue();
}

async function epochs(page: Page, n: number) {
  await page.evaluate((k) => {
    for (let e = 0; e < k; e++) window.backpropLab!.store.getState().actions.step('epoch');
  }, n);
}

describe('links', () => {
  let a: Session;
  let b: Session;
  beforeAll(async () => {
    a = await openApp();
  });
  afterAll(async () => {
    await a.close();
    await b?.close();
  });

  it('keeps the current moment in the address bar; reloading restores it exactly', async () => {
    const { page } = a;
    for (let k = 0; k < 13; k++) await page.getByTestId('step').click();
    await page.getByTestId('w-1-0-0').click();
    const before = await shownNumbers(page);
    expect(new URL(page.url()).hash).toContain('at=1.3'); // 13 steps: one update of 10, then 3
    await page.reload();
    await page.getByTestId('w-1-0-0').click();
    expect(await shownNumbers(page)).toEqual(before);
    expect(a.errors).toEqual([]);
  });

  it('a link copied in one page and opened in a fresh one shows the same numbers after 100 epochs', async () => {
    const { page } = a;
    await page.getByTestId('preset').selectOption('circle');
    const setupUrl = await shareLink(page, 'setup');
    await epochs(page, 100);
    const momentUrl = await shareLink(page, 'moment');
    const there = await shownNumbers(page);
    b = await openApp(new URL(setupUrl).hash);
    await epochs(b.page, 100);
    expect(await shownNumbers(b.page)).toEqual(there);
    await b.page.goto(momentUrl);
    await b.page.reload();
    expect(await shownNumbers(b.page)).toEqual(there);
    expect(b.errors).toEqual([]);
  });

  it('the train command, given the same link, reports the loss the page shows', async () => {
    const { page } = a;
    await page.getByTestId('preset').selectOption('xor');
    const url = await shareLink(page, 'setup');
    await epochs(page, 100);
    const shown = Number(await page.getByTestId('loss').getAttribute('data-value'));
    const { stdout } = await run(process.execPath, [
      '--import',
      'tsx',
      'scripts/train.ts',
      url,
      '--epochs',
      '100',
    ]);
    expect((JSON.parse(stdout) as { loss: number }).loss).toBe(shown);
  });

  it('a broken or hostile link shows a message, runs nothing and the app still works', async () => {
    const hostile = [
      '#v=1&layers=2-2&x=<img src=x onerror="window.pwned=1">&t=1,2',
      '#v=1&layers=2-2-2&act=<script>window.pwned=1</script>',
      '#v=1&__proto__=1&layers=2-1',
      `#v=1&layers=2-2&w=${'9'.repeat(5000)}`,
      '#v=1&layers=2-1&x=1,2&t=1&cols=a,%3Cimg%20src%3Dx%20onerror%3Dwindow.pwned%3D1%3E,a',
      '#v=1&layers=2-1&data=xor&test=0.99&std=all',
      '#v=9',
      '#%E0%A4%A',
    ];
    const c = await openApp(hostile[0]);
    try {
      for (const h of hostile) {
        await c.page.goto('about:blank'); // a fresh load of the link
        await c.page.goto(new URL(h, inject('baseUrl')).href);
        await c.page.getByTestId('notice').waitFor();
        expect(await c.page.getByTestId('notice').textContent()).toMatch(/could not be opened — \S/);
        expect(await c.page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
        expect(await c.page.locator('img[src="x"], script:not([src])').count()).toBe(0);
        await c.page.getByTestId('step').click();
        expect(await c.page.getByTestId('n-1-0').getAttribute('data-z')).toBe('0.3775');
      }
      await screenshot(c.page, 'broken-link');
      // the same links pasted into the open tab: a notice, and the page as it was
      await c.page.goto('about:blank');
      await c.page.goto(inject('baseUrl'));
      for (const h of hostile) {
        if (await c.page.getByTestId('notice').count())
          await c.page.locator('[data-testid="notice"] button').click();
        await c.page.evaluate((link) => {
          window.location.hash = link;
        }, h);
        await c.page.getByTestId('notice').waitFor();
        expect(await c.page.getByTestId('notice').textContent()).toMatch(
          /could not be opened — \S.*The page is as it was\./,
        );
        expect(await c.page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
        expect(await c.page.locator('img[src="x"], script:not([src])').count()).toBe(0);
        await c.page.getByTestId('step').click();
        expect(await c.page.getByTestId('n-1-0').getAttribute('data-z')).toBe('0.3775');
      }
      expect(c.errors).toEqual([]);
    } finally {
      await c.close();
    }
  });
});
