/**
 * Zero label overlaps, measured in the page: for every preset and every lesson scene, in the normal
 * view (1366×768) and in presenter mode (1280×720), with the numbers of a whole sample on show, no
 * text of the diagram overlaps another text, nor a neuron circle, bias node or the loss box it does
 * not belong to (1 px tolerance). Boxes are the rendered ones (getBoundingClientRect); a circle is a
 * circle (its centre and radius), not its bounding square.
 */
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PRESETS } from '../../src/content/presets.ts';
import { LESSONS } from '../../src/content/lessons.ts';
import { openApp } from './browser.ts';
import type { Session } from './browser.ts';

/** Every overlap of the diagram as it is now, described in words (empty: none). */
async function overlaps(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const svg = document.querySelector('svg.network');
    if (!svg) return ['no diagram'];
    type Box = { x0: number; y0: number; x1: number; y1: number };
    const owner = (el: Element) =>
      el.closest('.loss-node')
        ? 'loss-node'
        : (el.closest('[data-testid]')?.getAttribute('data-testid') ?? '');
    const box = (el: Element): Box => {
      const r = el.getBoundingClientRect();
      return { x0: r.left, y0: r.top, x1: r.right, y1: r.bottom };
    };
    const texts: { text: string; owner: string; b: Box }[] = [];
    for (const t of svg.querySelectorAll('text')) {
      if (t.closest('.tooltip')) continue;
      const text = (t.textContent ?? '').trim();
      const b = box(t);
      if (!text || b.x1 - b.x0 === 0 || getComputedStyle(t).visibility === 'hidden') continue;
      texts.push({ text, owner: owner(t), b });
    }
    const circles = [...svg.querySelectorAll('.neuron circle')].map((c) => {
      const b = box(c);
      return { owner: owner(c), cx: (b.x0 + b.x1) / 2, cy: (b.y0 + b.y1) / 2, r: (b.x1 - b.x0) / 2 };
    });
    const rects = [...svg.querySelectorAll('.bias rect, .loss-node rect')].map((r) => ({
      owner: owner(r),
      b: box(r),
    }));
    const TOL = 1;
    const meet = (a: Box, b: Box) =>
      Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > TOL && Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) > TOL;
    const out: string[] = [];
    for (let i = 0; i < texts.length; i++) {
      const a = texts[i]!;
      for (let j = i + 1; j < texts.length; j++) {
        const b = texts[j]!;
        if (meet(a.b, b.b)) out.push(`"${a.text}" (${a.owner}) × "${b.text}" (${b.owner})`);
      }
      for (const c of circles) {
        if (c.owner === a.owner) continue;
        const nx = Math.max(a.b.x0, Math.min(c.cx, a.b.x1));
        const ny = Math.max(a.b.y0, Math.min(c.cy, a.b.y1));
        if (Math.hypot(nx - c.cx, ny - c.cy) < c.r - TOL) out.push(`"${a.text}" (${a.owner}) × ${c.owner}`);
      }
      for (const r of rects) {
        if (r.owner !== a.owner && meet(a.b, r.b)) out.push(`"${a.text}" (${a.owner}) × ${r.owner}`);
      }
    }
    return out;
  });
}

/** Weight labels left to the tooltip for want of room while the diagram shows numbers (reported). */
async function hiddenWeights(page: Page): Promise<number> {
  return page.evaluate(() => {
    if (!document.querySelector('svg.network .neuron .value')) return 0;
    return [...document.querySelectorAll('svg.network .edge')].filter((e) => !e.querySelector('text')).length;
  });
}

const VIEWS = [
  { name: 'normal', viewport: { width: 1366, height: 768 }, flag: '' },
  { name: 'presenter', viewport: { width: 1280, height: 720 }, flag: '&present=1' },
] as const;

for (const v of VIEWS) {
  describe(`label overlaps, ${v.name} view`, () => {
    let s: Session | undefined;
    afterAll(async () => {
      await s?.close();
    });

    it('no overlap for any preset, after a whole sample', async () => {
      s = await openApp(`#v=1${v.flag}`, v.viewport);
      const { page } = s;
      const found: string[] = [];
      let hidden = 0;
      for (const p of PRESETS) {
        await page.getByTestId('preset').selectOption(p.name);
        await page.getByTestId('step-sample').click();
        for (const o of await overlaps(page)) found.push(`${p.name}: ${o}`);
        hidden += await hiddenWeights(page);
      }
      console.log(
        `${v.name}, presets: ${found.length} overlaps, ${hidden} weight labels left to the tooltip`,
      );
      expect(found).toEqual([]);
      expect(s.errors).toEqual([]);
    });

    it('no overlap in any lesson scene, as it opens and after a whole sample', async () => {
      const { page } = s!;
      const found: string[] = [];
      for (const l of LESSONS) {
        for (let k = 1; k <= l.scenes.length; k++) {
          await page.goto('about:blank');
          await page.goto(new URL(`#v=1&lesson=${l.name}&scene=${k}${v.flag}`, inject('baseUrl')).href);
          await page.getByTestId('network').waitFor();
          for (const o of await overlaps(page)) found.push(`${l.name} ${k}: ${o}`);
          await page.getByTestId('step-sample').click();
          for (const o of await overlaps(page)) found.push(`${l.name} ${k} + sample: ${o}`);
        }
      }
      console.log(`${v.name}, lesson scenes: ${found.length} overlaps`);
      expect(found).toEqual([]);
      expect(s!.errors).toEqual([]);
    });
  });
}
