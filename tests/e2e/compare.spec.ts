/**
 * Comparing two runs by link (issue 13 §3): `cmp=lr:5` opens note 003's net beside itself with
 * α = 5; both step together, both diagrams and both losses show each run's numbers as note 003's
 * gradient computed here says, one parameter is selected in both chain panels, Back moves both, the
 * address carries the comparison to a fresh page, a bad `cmp` is refused naming it, and the Compare
 * menu starts and stops one. Screens at 1366 × 768, presenter 1280 × 720 and 390 × 844, with no
 * overlapping numbers in either diagram.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, screenshot } from './browser.ts';
import type { Session } from './browser.ts';
import { hiddenWeights, overlaps } from './screen-checks.ts';
import { TEXTBOOK_WEIGHTS, textbookGradient, textbookLoss } from '../textbook-reference.ts';
import type { Page } from 'playwright-core';

const LINK = '#v=1&cmp=lr:5&sel=w2.1.1';

/** Note 003's weights after one update of plain gradient descent with rate `lr`. */
const after = (lr: number) => {
  const g = textbookGradient(TEXTBOOK_WEIGHTS);
  return TEXTBOOK_WEIGHTS.map((w, k) => w - lr * g[k]!);
};

/** Four significant digits, as the page shows them. */
const four = (x: number) => String(Number(x.toPrecision(4)));

/** A weight's exact value as run `run`'s diagram holds it (`w-l-j-k`: layer l, to j, from k, 0-based). */
async function weight(page: Page, run: 'a' | 'b', id: string): Promise<number> {
  return Number(await page.getByTestId(`run-${run}`).getByTestId(id).getAttribute('data-value'));
}

describe('comparison by link', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openApp(LINK, { width: 1366, height: 768 });
    await s.page.getByTestId('run-b').getByTestId('network').waitFor();
  });
  afterAll(async () => s.close());

  it('opens two runs of the same data, each named by what differs', async () => {
    const { page } = s;
    expect(await page.locator('svg.network').count()).toBe(2);
    expect(await page.getByTestId('run-a').locator('h2').first().innerText()).toBe('Run A · α = 0.5');
    expect(await page.getByTestId('run-b').locator('h2').first().innerText()).toBe('Run B · α = 5');
    // one data set: the same targets beside both networks
    for (const run of ['a', 'b'] as const)
      expect(await page.getByTestId(`run-${run}`).getByTestId('target-0').getAttribute('data-value')).toBe(
        '0.01',
      );
    expect(await page.getByTestId('partner-curve').count()).toBe(1);
  });

  it('steps both runs together, each as note 003’s gradient says, both losses on one chart', async () => {
    const { page } = s;
    await page.getByTestId('step-batch').click();
    expect(await page.getByTestId('update').innerText()).toBe('1');
    const a = after(0.5);
    const b = after(5);
    // w5 and w1 in each run's diagram
    expect(Math.abs((await weight(page, 'a', 'w-2-0-0')) - a[4]!)).toBeLessThan(1e-12);
    expect(Math.abs((await weight(page, 'b', 'w-2-0-0')) - b[4]!)).toBeLessThan(1e-12);
    expect(Math.abs((await weight(page, 'b', 'w-1-0-0')) - b[0]!)).toBeLessThan(1e-12);
    // each column's head gives its run's loss now
    const headLoss = async (run: 'a' | 'b') =>
      Number(await page.getByTestId(`run-${run}`).getByTestId('run-loss').getAttribute('data-value'));
    expect(Math.abs((await headLoss('a')) - textbookLoss(a))).toBeLessThan(1e-12);
    expect(Math.abs((await headLoss('b')) - textbookLoss(b))).toBeLessThan(1e-12);
    const key = page.getByTestId('compare-key');
    expect(Math.abs(Number(await key.getAttribute('data-a')) - textbookLoss(a))).toBeLessThan(1e-12);
    expect(Math.abs(Number(await key.getAttribute('data-b')) - textbookLoss(b))).toBeLessThan(1e-12);
    expect((await key.innerText()).replace(/\s+/g, ' ')).toContain(
      `A (α = 0.5) ${four(textbookLoss(a))} B (α = 5) ${four(textbookLoss(b))}`,
    );
  });

  it('selects one parameter in both chain panels, from either diagram', async () => {
    const { page } = s;
    const title = (run: 'a' | 'b') =>
      page.getByTestId(`run-${run}`).getByTestId('chain-panel').locator('h3, h2').first().innerText();
    expect(await title('a')).toMatch(/weight w8/);
    expect(await title('b')).toMatch(/weight w8/);
    await page.getByTestId('run-b').getByTestId('w-1-0-0').dispatchEvent('click');
    expect(await title('a')).toMatch(/weight w1/);
    expect(await title('b')).toMatch(/weight w1/);
  });

  it('goes back with run A, and the address opens the same comparison in a fresh page', async () => {
    const { page } = s;
    await page.getByTestId('step-batch').click();
    await page.getByTestId('step-back').click();
    const bw5 = await weight(page, 'b', 'w-2-0-0');
    const address = page.url();
    expect(address).toContain('cmp=lr:5');
    const fresh = await openApp(address.slice(address.indexOf('#')), { width: 1366, height: 768 });
    try {
      await fresh.page.getByTestId('run-b').getByTestId('network').waitFor();
      expect(await weight(fresh.page, 'b', 'w-2-0-0')).toBe(bw5);
      expect(fresh.errors).toEqual([]);
    } finally {
      await fresh.close();
    }
    expect(s.errors).toEqual([]);
  });

  it('starts and stops a comparison from the Compare menu', async () => {
    const { page } = s;
    await page.getByTestId('compare-menu').click();
    await page.getByTestId('compare-adam').click();
    expect(await page.getByTestId('run-b').locator('h2').first().innerText()).toBe('Run B · Adam');
    expect(page.url()).toContain('cmp=opt:adam');
    await page.getByTestId('compare-menu').click();
    await page.getByTestId('compare-text').fill('layers:3');
    await page.getByTestId('compare-text').press('Enter');
    expect(await page.getByTestId('compare-error').innerText()).toMatch(/^cmp: "layers" cannot differ/);
    await page.getByTestId('compare-stop').click();
    expect(await page.getByTestId('run-b').count()).toBe(0);
    expect(await page.locator('svg.network').count()).toBe(1);
    expect(page.url()).not.toContain('cmp=');
  });

  it('refuses a bad cmp in a link, naming it, and opens nothing of it', async () => {
    const bad = await openApp('#v=1&cmp=layers:2-9-2', { width: 1366, height: 768 });
    try {
      await bad.page.getByTestId('notice').waitFor();
      expect(await bad.page.getByTestId('notice').innerText()).toMatch(/cmp: "layers" cannot differ/);
      expect(await bad.page.getByTestId('run-b').count()).toBe(0);
    } finally {
      await bad.close();
    }
  });
});

describe('comparison screens', () => {
  for (const [name, viewport, hash, touch] of [
    ['compare-1366x768', { width: 1366, height: 768 }, '#v=1&cmp=act:relu,sigmoid&sel=w1.1.1', false],
    ['compare-presenter-1280x720', { width: 1280, height: 720 }, '#v=1&cmp=lr:5&present=1', false],
    ['compare-1024x768', { width: 1024, height: 768 }, '#v=1&cmp=opt:momentum', true],
    ['compare-390x844', { width: 390, height: 844 }, '#v=1&cmp=opt:adam', true],
  ] as const) {
    it(`${name}: no sideways scrolling, no number over another in either diagram`, async () => {
      const t = await openApp(hash, viewport, { hasTouch: touch });
      try {
        const { page } = t;
        await page.getByTestId('run-b').getByTestId('network').waitFor();
        await page.getByTestId('step-batch').click();
        for (let k = 0; k < 5; k++) await page.getByTestId('step').click();
        await page.waitForTimeout(200);
        expect(await overlaps(page, '.run-a svg.network')).toEqual([]);
        expect(await overlaps(page, '.run-b svg.network')).toEqual([]);
        // every weight keeps its label beside its own edge (none left to the tooltip)
        expect(await hiddenWeights(page, '.run-a svg.network')).toBe(0);
        expect(await hiddenWeights(page, '.run-b svg.network')).toBe(0);
        const sideways = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(sideways).toBeLessThanOrEqual(0);
        await screenshot(page, name);
        expect(t.errors).toEqual([]);
      } finally {
        await t.close();
      }
    });
  }
});
