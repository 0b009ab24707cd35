/**
 * Optimisers in the page (issue 13 §2): a link with Adam and weight decay opens with them, the chain
 * panel's update line shows g, m, v, m̂, v̂ and the new w5 as a float64 reference written here computes
 * them (note 003's net, biases fixed), the slope view steps as Adam would, and the setup editor
 * switches to momentum (link, about line) and refuses a μ out of range, naming the field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { katexText as shown, openApp } from './browser.ts';
import { TEXTBOOK_WEIGHTS, textbookGradient } from '../textbook-reference.ts';
import type { Session } from './browser.ts';
import type {} from '../../src/state/api.ts';

const LINK =
  '#v=1&layers=2-2-2&lr=0.05&biases=fixed&w=0.15,0.2,0.25,0.3,0.4,0.45,0.5,0.55&b=0.35,0.35,0.6,0.6&x=0.05,0.1&t=0.01,0.99&opt=adam&wd=0.01';

/** Note 003's net trained by Adam (β 0.9, 0.999, ε 1e-8) with λ = 0.01 on the weights: w5's numbers. */
function reference(updates: number) {
  const w = [...TEXTBOOK_WEIGHTS]; // w1…w8
  const m = new Array<number>(8).fill(0);
  const v = new Array<number>(8).fill(0);
  let last = { g: 0, m: 0, v: 0, mHat: 0, vHat: 0, before: 0, after: 0 };
  for (let u = 1; u <= updates; u++) {
    const grad = textbookGradient(w);
    for (let k = 0; k < 8; k++) {
      const g = grad[k]! + 0.01 * w[k]!;
      m[k] = 0.9 * m[k]! + 0.1 * g;
      v[k] = 0.999 * v[k]! + 0.001 * g * g;
      const mHat = m[k]! / (1 - 0.9 ** u);
      const vHat = v[k]! / (1 - 0.999 ** u);
      const before = w[k]!;
      w[k] = before - (0.05 * mHat) / (Math.sqrt(vHat) + 1e-8);
      if (k === 4) last = { g, m: m[k]!, v: v[k]!, mHat, vHat, before, after: w[k]! };
    }
  }
  return last;
}

/** Four significant digits, as the app shows them (numbers from 1e-4 to 1e5 here). */
const four = (x: number) => String(Number(x.toPrecision(4)));

describe('optimisers in the page', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openApp(LINK, { width: 1366, height: 768 });
    await s.page.getByTestId('network').waitFor();
  });
  afterAll(async () => s.close());

  it('the update line of w5 after two Adam updates with decay is the reference’s, number by number', async () => {
    const { page } = s;
    expect(await page.getByTestId('about').innerText()).toContain(
      'Adam β1 = 0.9, β2 = 0.999 · weight decay λ = 0.01',
    );
    await page.getByTestId('step-batch').click();
    await page.getByTestId('step-batch').click();
    expect(await page.getByTestId('update').innerText()).toBe('2');
    const r = reference(2);
    const text = await shown(page, 'tex-update');
    // g = ∂L/∂w5 + λ·w5, m and v after two updates, m̂ = m/(1 − 0.9²), v̂ = v/(1 − 0.999²), the new w5
    expect(text).toContain(`=${four(r.g)}`);
    expect(text).toContain(`=${four(r.m)}`);
    expect(text).toContain(`${four(r.v * 1e5)}×10`);
    expect(text).toContain(`=${four(r.mHat)}`);
    expect(text).toContain(`=${four(r.vHat)}`);
    expect(text).toContain(`=${four(r.before)}−0.05⋅`);
    expect(text).toMatch(new RegExp(`=${four(r.after).replace('.', '\\.')}$`));
    // the parameter array: w1…w4, b1 b1, then w5…w8 (layer by layer, weights before biases)
    const w5 = await page.evaluate(() => window.backpropLab!.store.getState().view.params[6]!);
    expect(Math.abs(w5 - r.after)).toBeLessThan(1e-14);
    // the slope view's step is Adam's next step from its state now, not α·slope
    const slope = page.getByTestId('slope-values');
    const next = Number(await slope.getAttribute('data-next'));
    const gradient = Number(await slope.getAttribute('data-slope'));
    expect(Math.abs(next - (w5 - 0.05 * gradient))).toBeGreaterThan(1e-4);
    expect(await shown(page, 'slope-tex')).toContain('(Adam,fromitsstatenow)');
    expect(s.errors).toEqual([]);
  });

  it('the setup editor switches to momentum, and refuses μ = 1.5 naming the field', async () => {
    const { page } = s;
    await page.getByTestId('optimizer-select').selectOption('momentum');
    await page.getByTestId('momentum').waitFor();
    expect(await page.getByTestId('about').innerText()).toContain('momentum μ = 0.9');
    // after two updates the change is live: from update 2 on, in the link's change list
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('chg=2:opt:momentum');
    const field = page.getByTestId('momentum');
    await field.fill('1.5');
    await field.press('Enter');
    expect(await page.getByTestId('setup-error').textContent()).toContain('momentum');
    expect(await page.getByTestId('setup-error').textContent()).toContain('0.999');
    expect(await page.getByTestId('about').innerText()).toContain('momentum μ = 0.9');
    expect(s.errors).toEqual([]);
  });
});
