/**
 * Presenter mode measured in the page (sizes of every number, contrast of every text), axe-core in
 * the normal and the presenter view (light and dark), and the SVG/PNG exports as valid files.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, screenshot } from './browser.ts';
import type { Session } from './browser.ts';
import { pickLesson } from './lesson-menu.ts';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Rendered font size (px) of every visible text with a digit in the diagram and the chain panel. */
async function numberSizes(page: Page): Promise<{ text: string; px: number }[]> {
  return page.evaluate(() => {
    const out: { text: string; px: number }[] = [];
    const roots = [
      document.querySelector('svg.network'),
      document.querySelector('[data-testid="chain-panel"]'),
    ];
    for (const root of roots) {
      if (!root) continue;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const text = n.textContent ?? '';
        const el = n.parentElement;
        if (!el || !/\d/.test(text) || el.closest('.katex-mathml')) continue;
        const rect = el.getBoundingClientRect();
        if (rect.width === 0 || rect.height === 0) continue;
        let px = parseFloat(getComputedStyle(el).fontSize);
        const svg = el.closest('svg');
        if (svg && el instanceof SVGElement) px *= svg.getScreenCTM()!.a;
        out.push({ text: text.trim(), px });
      }
    }
    return out;
  });
}

/** WCAG contrast of every visible, enabled text against the background it sits on. */
async function contrasts(page: Page): Promise<{ text: string; ratio: number }[]> {
  return page.evaluate(() => {
    const rgb = (c: string): [number, number, number, number] | null => {
      const m = /rgba?\(([^)]+)\)/.exec(c);
      if (!m) return null;
      const p = m[1]!
        .split(/[ ,/]+/)
        .filter(Boolean)
        .map(Number);
      return [p[0]!, p[1]!, p[2]!, p[3] ?? 1];
    };
    const lum = ([r, g, b]: number[]) =>
      [r!, g!, b!]
        .map((v) => v / 255)
        .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
        .reduce((a, v, k) => a + v * [0.2126, 0.7152, 0.0722][k]!, 0);
    const background = (el: Element | null): number[] => {
      for (let e = el; e; e = e.parentElement) {
        const c = rgb(getComputedStyle(e).backgroundColor);
        if (c && c[3] > 0.5) return c;
      }
      return rgb(getComputedStyle(document.documentElement).backgroundColor) ?? [255, 255, 255];
    };
    const out: { text: string; ratio: number }[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      const text = (n.textContent ?? '').trim();
      if (!el || !text || el.closest('.katex-mathml, :disabled, dialog:not([open]), option, script, style'))
        continue;
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      const cs = getComputedStyle(el);
      if (cs.visibility === 'hidden') continue;
      const fg = rgb(el instanceof SVGElement ? cs.fill : cs.color);
      if (!fg) continue;
      const L1 = lum(fg);
      const L2 = lum(background(el));
      out.push({ text: text.slice(0, 30), ratio: (Math.max(L1, L2) + 0.05) / (Math.min(L1, L2) + 0.05) });
    }
    return out;
  });
}

async function axe(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const w = window as unknown as {
      axe: {
        run: (
          ctx: Document,
          o: object,
        ) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
      };
    };
    const r = await w.axe.run(document, { resultTypes: ['violations'] });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) =>
          `${v.id} (${v.impact}): ${v.nodes
            .slice(0, 3)
            .map((n) => n.target.join(' '))
            .join(' | ')}`,
      );
  });
}

describe('presenter mode and accessibility', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openApp('', { width: 1280, height: 720 });
  });
  afterAll(async () => {
    await s.close();
  });

  it('normal view: no serious or critical axe violations, in light and dark', async () => {
    const { page } = s;
    await pickLesson(page, 'backprop');
    expect(await axe(page)).toEqual([]);
    await page.getByTestId('theme').click();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await axe(page)).toEqual([]);
    await screenshot(page, 'dark');
    await page.getByTestId('theme').click();
  });

  it('at 1280×720 every number of the diagram and the chain panel is at least 24 px', async () => {
    const { page } = s;
    const before = await numberSizes(page);
    expect(Math.min(...before.map((n) => n.px))).toBeLessThan(24); // the normal view is denser
    await page.getByTestId('presenter').click();
    for (const scene of [1, 2, 3]) {
      await pickLesson(page, 'backprop');
      for (let k = 1; k < scene; k++) await page.getByTestId('scene-next').click();
      const sizes = await numberSizes(page);
      expect(sizes.length).toBeGreaterThan(30);
      const small = sizes.filter((n) => n.px < 24);
      expect(small, JSON.stringify(small.slice(0, 5))).toEqual([]);
    }
    await screenshot(page, 'presenter');
  });

  it('presenter text contrast is at least 7:1 in light and dark; axe finds nothing serious', async () => {
    const { page } = s;
    for (const theme of ['light', 'dark']) {
      if ((await page.evaluate(() => document.documentElement.dataset.theme)) !== theme)
        await page.getByTestId('theme').click();
      const c = await contrasts(page);
      expect(c.length).toBeGreaterThan(50);
      const low = c.filter((x) => x.ratio < 7);
      expect(low, `${theme}: ${JSON.stringify(low.slice(0, 6))}`).toEqual([]);
      expect(await axe(page)).toEqual([]);
    }
    await screenshot(page, 'presenter-dark');
    await page.getByTestId('theme').click();
    await page.getByTestId('presenter').click();
    expect(s.errors).toEqual([]);
  });

  it('exports the diagram and the loss curve as valid SVG and PNG files', async () => {
    const { page } = s;
    for (const name of ['network', 'loss']) {
      const [svgDownload] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId(`export-${name}-svg`).click(),
      ]);
      expect(svgDownload.suggestedFilename()).toBe(`backprop-lab-${name}.svg`);
      const svg = readFileSync((await svgDownload.path())!, 'utf8');
      expect(svg.startsWith('<?xml')).toBe(true);
      const parsed = await page.evaluate((text) => {
        const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
        return {
          error: doc.querySelector('parsererror') !== null,
          root: doc.documentElement.nodeName,
          texts: doc.querySelectorAll('text').length,
          scripts: doc.querySelectorAll('script').length,
        };
      }, svg);
      expect(parsed).toMatchObject({ error: false, root: 'svg', scripts: 0 });
      expect(parsed.texts).toBeGreaterThan(5);

      const [pngDownload] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId(`export-${name}-png`).click(),
      ]);
      expect(pngDownload.suggestedFilename()).toBe(`backprop-lab-${name}.png`);
      const png = readFileSync((await pngDownload.path())!);
      expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      expect(png.toString('ascii', 12, 16)).toBe('IHDR');
      const width = png.readUInt32BE(16);
      expect(width).toBe(name === 'network' ? 1640 : 1440); // twice the drawing's width
      expect(png.length).toBeGreaterThan(5000);
    }
    expect(s.errors).toEqual([]);
  });
});
