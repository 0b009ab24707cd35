/**
 * Take it to class (issue 13 §4): the worked solution of the textbook example shows note 003's
 * numbers (corrected where the notes slip) as the app formats them, prints to one A4 page and closes
 * with Escape; Copy TeX puts a chain line's and the just-computed line's TeX in the clipboard — by the
 * Clipboard API, and by the fallback when the API is missing.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { katexText as shown, openApp } from './browser.ts';
import type { Session } from './browser.ts';
import type {} from '../../src/state/api.ts';

describe('the worked solution and Copy TeX', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openApp('#v=1', { width: 1366, height: 768 });
    await s.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: new URL(inject('baseUrl')).origin,
    });
    await s.page.getByTestId('network').waitFor();
  });
  afterAll(async () => s.close());

  it('shows the textbook numbers, prints to one A4 page, and Escape closes it', async () => {
    const { page } = s;
    await page.getByTestId('step').click(); // how far the stepper is does not matter
    await page.getByTestId('worked-button').click();
    await page.getByTestId('worked').waitFor();
    expect(await page.getByTestId('worked-about').innerText()).toMatch(
      /inputs \(0\.05, 0\.1\), targets \(0\.01, 0\.99\)/,
    );
    const text = await shown(page, 'worked');
    // out_o1 = 0.75136507, E_total = 0.298371109 (the notes: 0.50), ∂E/∂w5 = 0.082167041,
    // w5+ = 0.35891648, w1+ = 0.149780716, h1(in) = 0.3775 (the notes: 0.377), o1(in) = 1.1059 (1.175)
    for (const n of ['=0.7514', '=0.2984', '=0.08217', '=0.3589', '=0.1498', '=0.3775', '=1.106'])
      expect(text).toContain(n);
    expect(await shown(page, 'worked-update-w-2-0-0')).toBe('w5←w5−α∂w5∂L=0.4−0.5⋅0.08217=0.3589');
    expect(await shown(page, 'worked-z-1-0')).toBe('h1(in)=w1x1+w2x2+b1=0.15⋅0.05+0.2⋅0.1+0.35=0.3775');
    const pdf = await page.pdf({ format: 'A4' });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? [];
    expect(pages.length).toBe(1);
    await page.keyboard.press('Escape');
    await page.getByTestId('worked').waitFor({ state: 'detached' });
    expect(s.errors).toEqual([]);
  });

  it('copies a chain line’s and the just-computed line’s TeX, by the Clipboard API and by the fallback', async () => {
    const { page } = s;
    await page.evaluate(() => {
      const a = window.backpropLab!.store.getState().actions;
      a.reset();
      a.select({ kind: 'weight', layer: 2, to: 0, from: 0 });
      for (let k = 0; k < 6; k++) a.step('step');
    });
    const button = page.getByTestId('copy-tex-dLda');
    expect(await button.getAttribute('aria-label')).toMatch(/^Copy TeX of /);
    await button.focus(); // keyboard reachable: a button, Enter copies
    await page.keyboard.press('Enter');
    const said = page.getByTestId('tex-dLda').locator('.copy-said');
    await page.waitForFunction(
      () => document.querySelector('[data-testid="tex-dLda"] .copy-said')?.textContent !== '',
    );
    expect(await said.textContent()).toBe('Copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    // ∂L/∂a of o1 with the half squared error: a − t = 0.7514 − 0.01 = 0.7414 (the normal TeX, not
    // presenter mode's compact one)
    expect(copied).toBe(
      String.raw`\begin{aligned} \frac{\partial L}{\partial a^{(2)}_{1}} &= a^{(2)}_{1}-t_{1} \\ &= 0.7514-0.01 = 0.7414 \end{aligned}`,
    );
    expect(copied).toBe(await page.getByTestId('tex-dLda').locator('[data-tex]').getAttribute('data-tex'));

    // the Clipboard API missing: the textarea and execCommand('copy')
    await page.evaluate(() => {
      Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
      document.addEventListener('copy', (e) => {
        const t = e.target as HTMLTextAreaElement;
        (window as unknown as { copied: string }).copied = t.value ?? '';
      });
    });
    await page.getByTestId('copy-tex-now').click();
    const now = await page.evaluate(() => (window as unknown as { copied?: string }).copied);
    // the 6th step (4 neurons forward, the loss): o1's δ = 0.7414 · σ′ = 0.7414 · 0.1868 = 0.1385
    expect(now).toBe(await page.getByTestId('now').locator('[data-tex]').getAttribute('data-tex'));
    expect(now).toBe(
      String.raw`\delta^{(2)}_{1} = \frac{\partial L}{\partial a^{(2)}_{1}}\,f'(z^{(2)}_{1}) = 0.7414\cdot 0.1868 = 0.1385`,
    );
    expect(s.errors).toEqual([]);
  });
});
