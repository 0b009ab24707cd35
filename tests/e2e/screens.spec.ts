/**
 * The page at the sizes people use, measured in Chromium (tests/e2e/measure.ts): presenter 1280×720
 * and 1920×1080 fit the network, the chain rule's product and update and the "just computed" line in
 * the viewport for every preset; 1366×768 shows the network beside the chain rule above the fold;
 * 1024×768 touch has no control under 44 px; 390×844 never scrolls sideways. Also the first visit's
 * "Start here" and a lesson scene bringing its insight view on screen. Saves the README screenshots.
 * Every lesson scene at the four sizes: fit-matrix.spec.ts.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PRESETS } from '../../src/content/presets.ts';
import { openApp } from './browser.ts';
import { pickLesson } from './lesson-menu.ts';
import { measure, stepSome } from './measure.ts';

const DOCS = join(process.cwd(), 'docs/screenshots');

async function docShot(page: Page, name: string) {
  mkdirSync(DOCS, { recursive: true });
  await page.screenshot({ path: join(DOCS, `${name}.png`) });
}

/** Loads a preset, steps into its forward pass, and selects a weight into the output layer. */
async function preparePreset(page: Page, name: string) {
  await page.getByTestId('preset').selectOption(name);
  await stepSome(page, 2);
  if ((await page.getByTestId('tex-product').count()) === 0) {
    const sel = await page.evaluate(() => {
      const edges = [...document.querySelectorAll('svg.network [data-sel^="w"]')];
      return edges.at(-1)?.getAttribute('data-sel') ?? null;
    });
    expect(sel).not.toBeNull();
    await page.locator(`svg.network [data-sel="${sel}"]`).first().dispatchEvent('click');
  }
  await page.getByTestId('tex-update').waitFor();
}

describe('presenter mode fits one screen', () => {
  for (const viewport of [
    { width: 1280, height: 720 },
    { width: 1920, height: 1080 },
  ]) {
    it(`${viewport.width}×${viewport.height}: every neuron, the product, the update and the just-computed line in view, for every preset`, async () => {
      const s = await openApp('#v=1&present=1', viewport);
      const { page } = s;
      try {
        for (const p of PRESETS) {
          await preparePreset(page, p.name);
          const m = await measure(page);
          const where = `${p.name}: ${JSON.stringify(m)}`;
          expect(m.neuronsInView, where).toBe(m.neurons);
          expect(m.productBottom!, where).toBeLessThanOrEqual(viewport.height);
          expect(m.updateBottom!, where).toBeLessThanOrEqual(viewport.height);
          expect(m.nowBottom!, where).toBeLessThanOrEqual(viewport.height);
          expect(m.nowRight!, where).toBeLessThanOrEqual(viewport.width);
          expect(m.overflowX, where).toBeLessThanOrEqual(0);
          // side by side: the chain rule right of the network
          expect(m.chain!.left, where).toBeGreaterThanOrEqual(m.network!.right - 1);
          if (viewport.width === 1280 && p.name === PRESETS[0]!.name) await docShot(page, 'presenter');
        }
        expect(s.errors).toEqual([]);
      } finally {
        await s.close();
      }
    });
  }
});

describe('laptop, tablet and phone', () => {
  it('1366×768: the network and the chain panel side by side above the fold', async () => {
    const s = await openApp('', { width: 1366, height: 768 });
    const { page } = s;
    try {
      for (const p of PRESETS.slice(0, 4)) {
        await preparePreset(page, p.name);
        const m = await measure(page);
        const where = `${p.name}: ${JSON.stringify(m)}`;
        expect(m.chain!.left, where).toBeGreaterThanOrEqual(m.network!.right - 1);
        expect(m.network!.top, where).toBeLessThan(768 / 2);
        expect(m.chain!.top, where).toBeLessThan(768 / 2);
        expect(m.overflowX, where).toBeLessThanOrEqual(0);
      }
      await preparePreset(page, PRESETS[0]!.name);
      await docShot(page, 'default');
      expect(s.errors).toEqual([]);
    } finally {
      await s.close();
    }
  });

  it('1366×768: opening a lesson scene brings the view its caption points at on screen', async () => {
    const s = await openApp('', { width: 1366, height: 768 });
    const { page } = s;
    try {
      await pickLesson(page, 'gradient-descent');
      await page.waitForFunction(() => {
        const r = document.querySelector('[data-testid="insights"]')?.getBoundingClientRect();
        return r !== undefined && r.top < innerHeight && r.bottom > 0;
      });
      const r = await page.getByTestId('insights').boundingBox();
      expect(r!.y).toBeLessThan(768 - 100); // at least its first 100 px on screen
      await docShot(page, 'lesson');
      expect(s.errors).toEqual([]);
    } finally {
      await s.close();
    }
  });

  it('1024×768 touch: every visible control is at least 44 px, also in a lesson', async () => {
    const s = await openApp('', { width: 1024, height: 768 }, { hasTouch: true });
    const { page } = s;
    try {
      await stepSome(page, 2);
      let m = await measure(page);
      expect(m.smallestTarget!.px, JSON.stringify(m.smallestTarget)).toBeGreaterThanOrEqual(44);
      await pickLesson(page, 'backprop', 'tap');
      m = await measure(page);
      expect(m.smallestTarget!.px, JSON.stringify(m.smallestTarget)).toBeGreaterThanOrEqual(44);
      expect(m.overflowX).toBeLessThanOrEqual(0);
      expect(s.errors).toEqual([]);
    } finally {
      await s.close();
    }
  });

  it('390×844: no horizontal scrolling, the diagram fits the width, controls ≥ 44 px', async () => {
    const s = await openApp('', { width: 390, height: 844 }, { hasTouch: true });
    const { page } = s;
    try {
      for (const p of PRESETS.slice(0, 5)) {
        await preparePreset(page, p.name);
        const m = await measure(page);
        const where = `${p.name}: ${JSON.stringify(m)}`;
        expect(m.overflowX, where).toBeLessThanOrEqual(0);
        expect(m.network!.right, where).toBeLessThanOrEqual(390);
        expect(m.smallestTarget!.px, where).toBeGreaterThanOrEqual(44);
      }
      await pickLesson(page, 'forward', 'tap');
      expect((await measure(page)).overflowX).toBeLessThanOrEqual(0);
      await page.evaluate(() => window.scrollTo(0, 0));
      await docShot(page, 'phone');
      expect(s.errors).toEqual([]);
    } finally {
      await s.close();
    }
  });

  it('a first visit offers "Start here", which opens lesson 1; later visits do not', async () => {
    const s = await openApp('', { width: 1366, height: 768 });
    const { page } = s;
    try {
      await page.getByTestId('start-here').click();
      expect(await page.getByTestId('scene-count').textContent()).toMatch(/^scene 1 of/);
      expect(await page.getByTestId('lesson-neuron').getAttribute('aria-current')).toBe('true');
      await page.goto(page.url().split('#')[0]!); // no link: only the remembered visit can hide it
      await page.getByTestId('network').waitFor();
      expect(await page.getByTestId('start-here').count()).toBe(0);
      expect(s.errors).toEqual([]);
    } finally {
      await s.close();
    }
  });
});
