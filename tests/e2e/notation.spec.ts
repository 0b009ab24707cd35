/**
 * One notation on screen (issue 11 §3), in real Chromium: for every preset, with its first and last
 * weights, a bias, an input and an output selected, no name counted from 0 is shown (x0, h0, o0, w0, "neuron 0", "layer 0", a TeX subscript _{0…},
 * w(2)00), no blog name i1/i2, and the lecture notes are never called "seed 000…004"; the textbook
 * 2-2-2 net keeps the names of note 003 (x1, h1, o1, w1…w8) after its learning rate is edited.
 * Every lesson scene at the four screen sizes: fit-matrix.spec.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PRESETS } from '../../src/content/presets.ts';
import { openApp } from './browser.ts';
import type { Session } from './browser.ts';
import { screenText, settle, zeroBased } from './screen-checks.ts';

async function select(page: Page, sel: string): Promise<void> {
  await page.evaluate((sel) => {
    const [kind, ...n] = sel.split(' ');
    const [a, b, c] = n.map(Number) as [number, number, number];
    const s =
      kind === 'w'
        ? ({ kind: 'weight', layer: a, to: b, from: c } as const)
        : kind === 'b'
          ? ({ kind: 'bias', layer: a, to: b } as const)
          : ({ kind: 'neuron', layer: a, index: b } as const);
    window.backpropLab!.store.getState().actions.select(s);
  }, sel);
  await settle(page);
}

describe('one notation, counted from 1', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openApp('', { width: 1366, height: 768 });
  });
  afterAll(async () => {
    await s.close();
  });

  it('shows no 0-based name for any preset: its first weight, bias, input and output', async () => {
    const { page } = s;
    const problems: string[] = [];
    for (const p of PRESETS) {
      await page.evaluate((name) => window.backpropLab!.store.getState().actions.loadPreset(name), p.name);
      await settle(page);
      // through the first sample: forward, loss and backward, so every number is on screen
      for (let k = 0; k < 12; k++) await page.getByTestId('step').click();
      const L = p.config.layers.length - 1;
      for (const sel of ['w 1 0 0', `w ${L} 0 0`, `b ${L} 0`, 'n 0 0', `n ${L} 0`, 'n 1 0']) {
        await select(page, sel);
        const text = await screenText(page);
        problems.push(...(await zeroBased(page, `${p.name}, ${sel}`)));
        // the check reads the panel's TeX: the first weight is w^{(1)}_{11} there (data index 1 0 0)
        if (sel === 'w 1 0 0' && !text.some((t) => t.includes('\\partial w^{(1)}_{11}')))
          problems.push(`${p.name}: the chain TeX of w 1 0 0 was not read`);
      }
      await page.getByTestId('n-1-0').hover({ force: true });
      problems.push(...(await zeroBased(page, `${p.name}, tooltip of n-1-0`)));
    }
    expect(problems).toEqual([]);
  });

  it('keeps note 003’s names on the textbook net after the learning rate is edited', async () => {
    const { page } = s;
    await page.evaluate(() => window.backpropLab!.store.getState().actions.loadPreset('textbook-2-2-2'));
    await settle(page);
    await page.getByTestId('learning-rate').fill('0.1');
    await page.getByTestId('learning-rate').press('Enter');
    await settle(page);
    expect(await page.evaluate(() => window.backpropLab!.store.getState().config.learningRate)).toBe(0.1);
    const names = await page.locator('[data-testid="network"] text.name').allTextContents();
    expect([...names].sort()).toEqual(['h1', 'h2', 'o1', 'o2', 'x1', 'x2']);
    // note 003: w1 x1→h1, w2 x2→h1, w3 x1→h2, w4 x2→h2, w5 h1→o1, w6 h2→o1, w7 h1→o2, w8 h2→o2
    const edges = [
      ['w-1-0-0', 'w1'],
      ['w-1-0-1', 'w2'],
      ['w-1-1-0', 'w3'],
      ['w-1-1-1', 'w4'],
      ['w-2-0-0', 'w5'],
      ['w-2-0-1', 'w6'],
      ['w-2-1-0', 'w7'],
      ['w-2-1-1', 'w8'],
    ];
    for (const [id, name] of edges) {
      const label = await page
        .locator(`[data-testid="${id}"] [aria-label]`)
        .first()
        .getAttribute('aria-label');
      expect(label).toMatch(new RegExp(`^${name}: `));
    }
    await select(page, 'w 2 0 0');
    expect(await page.locator('[data-testid="chain-panel"] h2').textContent()).toContain(
      'weight w5 = w⁽²⁾₁₁',
    );
    // the insight views name it the same way, and write the same TeX as the chain panel
    for (const view of ['slope', 'check'] as const) {
      await page.evaluate((v) => window.backpropLab!.store.getState().actions.setInsight(v), view);
      await settle(page);
      expect(await page.getByTestId('insight-param').textContent()).toBe('weight w5 = w⁽²⁾₁₁');
      const tex = (await screenText(page)).join(' ');
      expect(tex).toContain(view === 'slope' ? '\\partial w^{(2)}_{11}}' : 'L(w^{(2)}_{11}+h)');
    }
    await select(page, 'b 2 1');
    expect(await page.locator('[data-testid="chain-panel"] h2').textContent()).toContain('bias b2 = b⁽²⁾₂');
    await select(page, 'n 1 0');
    expect(await page.locator('[data-testid="chain-panel"] h2').textContent()).toContain(
      'h1: neuron 1 of layer 1',
    );
    expect(await zeroBased(page, 'textbook after the edit')).toEqual([]);
  });
});
