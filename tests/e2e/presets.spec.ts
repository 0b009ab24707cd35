/** Every preset loads, steps and renders without page errors; big nets fall back to hover labels. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRESETS } from '../../src/content/presets.ts';
import { openApp, screenshot } from './browser.ts';
import type { Session } from './browser.ts';
import type {} from '../../src/state/api.ts';

describe('presets and larger networks', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openApp();
  });
  afterAll(async () => {
    await s.close();
  });

  it('loads every preset from the picker and steps through a sample', async () => {
    const { page } = s;
    for (const p of PRESETS) {
      await page.getByTestId('preset').selectOption(p.name);
      expect(await page.getByTestId('about').textContent()).toContain(p.config.layers.join('-'));
      await page.getByTestId('step-sample').click();
      expect(await page.getByTestId('phase').textContent()).toMatch(/^backward/);
      expect(await page.getByTestId('chain-panel').count()).toBe(1);
    }
    await page.getByTestId('preset').selectOption('face-car');
    await page.getByTestId('step-sample').click();
    await screenshot(page, 'face-car');
    expect(s.errors).toEqual([]);
  });

  it('writes the softmax δ of a cross-entropy output as a sum over all outputs', async () => {
    const { page } = s;
    const errors = await page.evaluate(() =>
      window.backpropLab!.loadConfig({
        layers: [2, 3, 2],
        activations: ['relu', 'softmax'],
        loss: 'cross-entropy',
        learningRate: 0.1,
        seed: 5,
        init: 'he',
        dataset: { name: 'gaussians', n: 20, targets: 'one-hot' },
      }),
    );
    expect(errors).toEqual([]);
    await page.getByTestId('step-sample').click();
    const tex = await page.getByTestId('tex-delta').locator('[data-tex]').getAttribute('data-tex');
    expect(tex).toContain('\\sum_m');
    expect(await page.getByTestId('chain-panel').textContent()).toContain('softmax mixes every output');
  });

  it('keeps 8 hidden layers of 8 legible: numbers move into a hover tooltip', async () => {
    const { page } = s;
    const hidden = Array.from({ length: 8 }, () => 8);
    await page.evaluate(
      (h) =>
        window.backpropLab!.loadConfig({
          layers: [2, ...h, 1],
          activations: [...h.map(() => 'tanh'), 'tanh'],
          seed: 2,
          dataset: { name: 'spiral', n: 100, targets: 'sign' },
        }),
      hidden,
    );
    for (let k = 0; k < 30; k++) await page.getByTestId('step').click();
    expect(await page.locator('.edge-label').count()).toBe(0);
    await page.getByTestId('n-2-3').hover({ force: true });
    const tip = await page.getByTestId('tooltip').textContent();
    expect(tip).toContain('neuron 4 of layer 2'); // n-2-3: the fourth, counted from 1
    expect(tip).toMatch(/z = −?\d/);
    await screenshot(page, 'deep-8x8');
    expect(s.errors).toEqual([]);
  });
});
