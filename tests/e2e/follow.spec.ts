/**
 * Links do what they say, in Chromium: whatever a link asks for, the page paints within a second
 * (over the work budget: refused; long: replayed in slices with a progress bar and Cancel); pasted
 * links and Back/Forward are followed; a moment link carries the whole moment and its loss curve;
 * view keys alone open the default example; "Go to update"; Alt+→ is the browser's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { inject } from 'vitest';
import { openApp, screenshot } from './browser.ts';
import type { Session } from './browser.ts';
import type {} from '../../src/state/api.ts';

const FREEZE = '#v=1&layers=2-16-16-16-16-16-16-16-16-1&act=tanh&batch=2000&data=spiral&n=2000&at=2000000.0';
/** 2-16-16-1 on 200 circle points, batches of 10: 337 parameters, 3370 units of work an update. */
const WIDE = 'v=1&layers=2-16-16-1&act=tanh&lr=0.03&batch=10&data=circle&n=200';

/** Loads `hash` as a fresh page (not a same-document hash change) and returns when it has painted. */
async function freshLoad(page: Page, hash: string): Promise<number> {
  await page.goto('about:blank');
  await page.goto(new URL(hash, inject('baseUrl')).href, { waitUntil: 'commit' });
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const look = () => {
          const fcp = performance.getEntriesByName('first-contentful-paint')[0];
          if (fcp) resolve(fcp.startTime);
          else setTimeout(look, 20);
        };
        look();
      }),
  );
}

const hash = (page: Page) => decodeURIComponent(new URL(page.url()).hash);
const text = async (page: Page, id: string) => (await page.getByTestId(id).textContent()) ?? '';

describe('links that ask for a lot', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openApp();
  });
  afterAll(async () => {
    await s.close();
  });

  it('paints within a second whatever the link says; over the budget it says what is allowed', async () => {
    const { page } = s;
    const painted = await freshLoad(page, FREEZE);
    expect(painted).toBeLessThan(1000);
    await page.getByTestId('notice').waitFor({ timeout: 2000 });
    expect(await text(page, 'notice')).toMatch(
      /^This link could not be opened — at: 2000000 updates of this setup are 7\.88e12 units of work .* the limit is 2e9: at most 507 updates here/,
    );
    expect(await text(page, 'update')).toBe('0');
    expect(hash(page)).not.toContain('at=2000000');
    await screenshot(page, 'over-budget-link');
  });

  it('replays a long link in slices with a progress bar; Cancel keeps the page as it was', async () => {
    const { page } = s;
    const painted = await freshLoad(page, `#${WIDE}&at=300000.0`);
    expect(painted).toBeLessThan(1000);
    await page.getByTestId('job').waitFor({ timeout: 2000 });
    await page.waitForFunction(
      () => Number(document.querySelector('[data-testid="job-progress"]')?.getAttribute('value')) > 0,
    );
    // the page answers while the replay runs
    await page.getByTestId('step').click();
    expect(await page.getByTestId('job').count()).toBe(0); // stepping cancels the replay…
    expect(await text(page, 'phase')).toMatch(/^forward/); // …and steps the page as it was
    await freshLoad(page, `#${WIDE}&at=300000.0`);
    await page.getByTestId('job').waitFor({ timeout: 2000 });
    await screenshot(page, 'replay-progress');
    await page.getByTestId('job-cancel').click();
    expect(await page.locator('[data-testid="notice"] p').textContent()).toBe(
      'Cancelled: the link was not opened; the page is as it was.',
    );
    expect(await page.getByTestId('preset').inputValue()).toBe('textbook-2-2-2');
    expect(hash(page)).not.toContain('at=300000'); // the address bar shows the page
    expect(s.errors).toEqual([]);
  });

  it('finishes a replay at the link’s moment, with the loss curve up to it', async () => {
    const { page } = s;
    await freshLoad(page, `#${WIDE}&at=20000.0`);
    await page.waitForFunction(
      () => document.querySelector('[data-testid="update"]')?.textContent === '20000',
      null,
      {
        timeout: 30_000,
      },
    );
    // one point per epoch of 20 updates (200 rows, batches of 10), and the first
    expect(await page.getByTestId('loss-curve').getAttribute('data-points')).toBe(String(20000 / 20 + 1));
    expect(hash(page)).toMatch(/&at=20000\.0&aw=/);
  });
});

describe('links put into the open tab', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openApp();
  });
  afterAll(async () => {
    await s.close();
  });

  it('follows a pasted link and Back/Forward like a fresh load; the address bar shows the page', async () => {
    const { page } = s;
    await page.getByTestId('step').click();
    const first = hash(page);
    expect(first).toContain('at=0.1');
    await page.evaluate(() => {
      window.location.hash = '#v=1&layers=2-4-1&act=tanh&data=xor&at=3.0&sel=b1.2';
    });
    await page.waitForFunction(() => document.querySelector('[data-testid="update"]')?.textContent === '3');
    expect(await page.locator('[data-testid="chain-panel"] h2').textContent()).toMatch(/^bias b⁽¹⁾₃/); // sel=b1.2: data index 2, the third neuron
    expect(hash(page)).toMatch(/^#v=1&layers=2-4-1&act=tanh&data=xor&n=200/);
    expect(hash(page)).toContain('&at=3.0&aw=');
    expect(hash(page)).toContain('&sel=b1.2');
    await page.goBack();
    await page.waitForFunction(() => document.querySelector('[data-testid="update"]')?.textContent === '0');
    expect(await page.getByTestId('preset').inputValue()).toBe('textbook-2-2-2');
    expect(await text(page, 'phase')).toMatch(/^forward/);
    expect(hash(page)).toBe(first);
    await page.goForward();
    await page.waitForFunction(() => document.querySelector('[data-testid="update"]')?.textContent === '3');
    // a bad one: a notice, the page as it was, and the address bar back on the page
    await page.evaluate(() => {
      window.location.hash = '#v=1&layers=2-2&lr=-1';
    });
    await page.getByTestId('notice').waitFor();
    expect(await text(page, 'notice')).toMatch(/^This link could not be opened — lr \(learningRate\)/);
    expect(await text(page, 'update')).toBe('3');
    expect(hash(page)).toContain('&at=3.0&aw=');
    expect(s.errors).toEqual([]);
  });

  it('view keys alone open the default example with them', async () => {
    const { page } = s;
    await freshLoad(page, '#v=1&present=1&theme=dark');
    await page.getByTestId('presenter').waitFor();
    expect(await page.getByTestId('notice').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.dataset.presenter)).toBe('true');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await page.getByTestId('preset').inputValue()).toBe('textbook-2-2-2');
  });
});

describe('a moment link is the moment', () => {
  let a: Session;
  let b: Session;
  beforeAll(async () => {
    a = await openApp(`#${WIDE.replace('n=200', 'n=100')}`);
    b = await openApp();
  });
  afterAll(async () => {
    await a.close();
    await b.close();
  });

  it('carries the selection, the insight view, the panels and the loss curve', async () => {
    const { page } = a;
    for (let e = 0; e < 12; e++) await page.getByTestId('step-epoch').click();
    await page.evaluate(() =>
      window.backpropLab!.store.getState().actions.select({ kind: 'bias', layer: 2, to: 0 }),
    );
    await page.getByTestId('insight-check').click();
    await page.getByTestId('panels').click();
    await page.getByTestId('show-data').click();
    await page.getByTestId('share-moment').click();
    const url = await page.getByTestId('share-url').inputValue();
    expect(url).toMatch(/&sel=b2\.0&insight=check&hide=data/);
    const title = await page.locator('[data-testid="chain-panel"] h2').textContent();
    const points = await page.getByTestId('loss-curve').getAttribute('data-points');
    expect(points).toBe('13');
    await b.page.goto(url);
    await b.page.reload();
    // 12 epochs of 10 updates (100 rows, batches of 10)
    await b.page.waitForFunction(
      () => document.querySelector('[data-testid="update"]')?.textContent === '120',
    );
    expect(await b.page.locator('[data-testid="chain-panel"] h2').textContent()).toBe(title);
    expect(await b.page.getByTestId('insight-check').getAttribute('aria-selected')).toBe('true');
    expect(await b.page.getByTestId('show-data').isChecked()).toBe(false);
    expect(await b.page.getByTestId('loss-curve').getAttribute('data-points')).toBe(points);
    expect(b.errors).toEqual([]);
  });
});

describe('Go to update and the keyboard', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openApp();
  });
  afterAll(async () => {
    await s.close();
  });

  it('goes to update 10,000 of the textbook example: E_total = 3.5102 × 10⁻⁵', async () => {
    const { page } = s;
    await page.getByLabel('Go to update').fill('10000');
    await page.getByLabel('Go to update').press('Enter');
    await page.waitForFunction(
      () => document.querySelector('[data-testid="update"]')?.textContent === '10000',
    );
    // 10,000 updates of seed 003's example (α = 0.5, biases fixed): 3.5102e-5 (the blog prints 3.51085e-5)
    expect(Number(await page.getByTestId('loss').getAttribute('data-value'))).toBeCloseTo(3.5102e-5, 8);
    await page.getByTestId('goto-update').fill('20');
    await page.getByTestId('goto-go').click();
    expect(await text(page, 'update')).toBe('20');
    await page.getByTestId('goto-update').fill('twenty');
    await page.getByTestId('goto-go').click();
    expect(await text(page, 'goto-problem')).toBe(
      'Go to update: must be a whole number of updates, 0 or more (e.g. 10000)',
    );
    expect(await text(page, 'update')).toBe('20');
  });

  it('leaves Alt+→ to the browser; B steps a batch', async () => {
    const { page } = s;
    await page.getByTestId('reset').click();
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    // record whether the page kept each key from the browser (listeners run in the order added)
    await page.evaluate(() => {
      const w = window as unknown as { kept: string[] };
      w.kept = [];
      window.addEventListener('keydown', (e) => {
        if (e.defaultPrevented) w.kept.push(e.key);
      });
    });
    await page.keyboard.press('Alt+ArrowRight');
    await page.keyboard.press('Meta+ArrowRight');
    await page.keyboard.press('Control+Equal');
    expect(await text(page, 'update')).toBe('0');
    expect(await text(page, 'phase')).toBe('ready');
    expect(await page.evaluate(() => (window as unknown as { kept: string[] }).kept)).toEqual([]);
    await page.keyboard.press('b');
    expect(await text(page, 'update')).toBe('1');
    await page.keyboard.press('Shift+Control+ArrowRight');
    expect(await text(page, 'update')).toBe('1');
    expect(await page.evaluate(() => (window as unknown as { kept: string[] }).kept)).toEqual(['b']);
    expect(s.errors).toEqual([]);
  });
});
