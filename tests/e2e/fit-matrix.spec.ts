/**
 * Every preset and every lesson scene at the four sizes people use (issue 11 §5), measured in
 * Chromium: presenter 1280×720 and 1920×1080, laptop 1366×768, tablet 1024×768 by touch and phone
 * 390×844 by touch.
 * Each page is checked as it opens and after one whole sample (numbers on every neuron):
 * - everywhere: no horizontal scroll, zero label overlaps in the diagram, no name counted from 0,
 *   what the lesson caption points at (its insight view, else the chain panel) in view, no box that
 *   cuts its formula;
 * - presenter: every neuron in view, the chain rule from its title to its update inside its box and
 *   the viewport, the "just computed" line in view, every number of the diagram and the chain panel
 *   ≥ 24 px and every other number on screen ≥ 18 px;
 * - laptop: the network beside the chain panel, both starting above the fold;
 * - tablet and phone: every control ≥ 44 px; phone: the diagram within the width.
 * Findings are collected over the whole walk and reported together, with the smallest target and the
 * counts printed for the closing note.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { LESSONS } from '../../src/content/lessons.ts';
import { PRESETS } from '../../src/content/presets.ts';
import { openApp } from './browser.ts';
import type { Session } from './browser.ts';
import { measure } from './measure.ts';
import { captionTargetInView, clipped, numberSizes, overlaps, settle, zeroBased } from './screen-checks.ts';

interface Size {
  readonly name: 'presenter' | 'laptop' | 'tablet' | 'phone';
  readonly viewport: { width: number; height: number };
  readonly touch: boolean;
  readonly flag: string;
}

const SIZES: readonly Size[] = [
  { name: 'presenter', viewport: { width: 1280, height: 720 }, touch: false, flag: '&present=1' },
  { name: 'presenter', viewport: { width: 1920, height: 1080 }, touch: false, flag: '&present=1' },
  { name: 'laptop', viewport: { width: 1366, height: 768 }, touch: false, flag: '' },
  { name: 'tablet', viewport: { width: 1024, height: 768 }, touch: true, flag: '' },
  { name: 'phone', viewport: { width: 390, height: 844 }, touch: true, flag: '' },
];

/** Formula boxes that must wrap or scroll inside themselves, never cut or push the page wider. */
const FORMULA_BOXES = ['.current-step', '.panel.chain', '.tex-lines > li', '.insights', '.lesson-bar'];

/** Everything the size's rules find wrong with the page as it is now. */
async function check(page: Page, size: Size, where: string, target: 'insights' | 'chain' | null) {
  const found: string[] = [];
  const m = await measure(page);
  const { width, height } = size.viewport;
  if (m.overflowX > 0) found.push(`${where}: the page scrolls sideways by ${m.overflowX} px`);
  for (const o of await overlaps(page)) found.push(`${where}: overlap ${o}`);
  found.push(...(await zeroBased(page, where)));
  for (const c of await clipped(page, FORMULA_BOXES)) found.push(`${where}: ${c}`);
  if (target) {
    const t = await captionTargetInView(page, target);
    if (!t.inView) found.push(`${where}: the caption's ${target} is not in view (top ${Math.round(t.top)})`);
  }
  if (size.name === 'presenter') {
    if (m.neuronsInView < m.neurons) found.push(`${where}: ${m.neuronsInView}/${m.neurons} neurons in view`);
    const chain = await page.evaluate(() => {
      const c = document.querySelector('[data-testid="chain-panel"]');
      // the scene's insight view beside the network: the chain rule is below the fold
      if (!c || document.querySelector('.layout[data-side="insight"]')) return null;
      const r = c.getBoundingClientRect();
      return { bottom: r.bottom, top: r.top, scroll: c.scrollHeight - c.clientHeight };
    });
    if (chain) {
      if (chain.scroll > 1) found.push(`${where}: the chain rule overflows its box by ${chain.scroll} px`);
      if (chain.bottom > height + 1) found.push(`${where}: the chain panel ends at ${chain.bottom} px`);
      for (const [what, y] of [
        ['product', m.productBottom],
        ['update', m.updateBottom],
      ] as const)
        if (y !== null && y > height) found.push(`${where}: the ${what} line ends at ${y} px`);
    }
    if (m.nowBottom !== null && (m.nowBottom > height || m.nowRight! > width))
      found.push(`${where}: the just-computed line is outside the viewport`);
    const big = await numberSizes(page, ['svg.network', '[data-testid="chain-panel"]'], true);
    for (const n of big.filter((n) => n.px < 24)) found.push(`${where}: "${n.text}" at ${n.px} px (< 24)`);
    const rest = await numberSizes(
      page,
      ['.top', '.status', '.insights', '.loss-curve', '.current-step'],
      true,
    );
    for (const n of rest.filter((n) => n.px < 18)) found.push(`${where}: "${n.text}" at ${n.px} px (< 18)`);
  }
  if (size.name === 'tablet' || size.name === 'phone') {
    if (m.smallestTarget && m.smallestTarget.px < 44)
      found.push(`${where}: ${m.smallestTarget.what} is ${m.smallestTarget.px} px`);
  }
  if (size.name === 'phone' && m.network && m.network.right > width + 0.5)
    found.push(`${where}: the diagram reaches ${m.network.right} px`);
  return { found, m };
}

/** Selects the last weight into the output layer when nothing with a chain rule is selected. */
async function selectOutputWeight(page: Page) {
  await page.evaluate(() => {
    const api = window.backpropLab!.store.getState();
    if (api.selection && api.selection.kind !== 'neuron') return;
    const net = api.display.net;
    const L = net.sizes.length - 1;
    api.actions.select({ kind: 'weight', layer: L, to: net.sizes[L]! - 1, from: net.sizes[L - 1]! - 1 });
  });
  await settle(page);
}

/** One whole sample, as the Sample button does (without scrolling the page to the button). */
async function stepSample(page: Page) {
  await page.evaluate(() =>
    document.querySelector<HTMLButtonElement>('[data-testid="step-sample"]')!.click(),
  );
  await settle(page);
}

for (const size of SIZES) {
  describe(`${size.name} ${size.viewport.width}×${size.viewport.height}${size.touch ? ' touch' : ''}`, () => {
    let s: Session;
    beforeAll(async () => {
      s = await openApp(`#v=1${size.flag}`, size.viewport, { hasTouch: size.touch });
      await s.page.getByTestId('network').waitFor();
    });
    afterAll(async () => {
      await s.close();
    });

    it('every preset, with an output weight selected, before and after a whole sample', async () => {
      const { page } = s;
      const found: string[] = [];
      let smallest = Infinity;
      for (const p of PRESETS) {
        await page.evaluate((name) => window.backpropLab!.store.getState().actions.loadPreset(name), p.name);
        await settle(page);
        await selectOutputWeight(page);
        await page.evaluate(() => window.scrollTo(0, 0));
        for (const moment of ['opened', 'after a sample']) {
          if (moment !== 'opened') {
            await stepSample(page);
          }
          const r = await check(page, size, `${p.name} (${moment})`, null);
          found.push(...r.found);
          smallest = Math.min(smallest, r.m.smallestTarget?.px ?? Infinity);
          if (size.name === 'laptop') {
            const { network, chain } = r.m;
            if (!network || !chain || chain.left < network.right - 1)
              found.push(`${p.name}: the chain panel is not beside the network`);
            else if (network.top > height(size) / 2 || chain.top > height(size) / 2)
              found.push(`${p.name}: the network or the chain panel starts below the fold's half`);
          }
        }
      }
      console.log(`${size.name}, presets: ${found.length} findings, smallest target ${smallest} px`);
      if (found.length) console.log(found.join('\n'));
      expect(found).toEqual([]);
      expect(s.errors).toEqual([]);
    }, 240_000);

    it('every lesson scene, as it opens and after a whole sample', async () => {
      const { page } = s;
      const found: string[] = [];
      for (const l of LESSONS) {
        for (let k = 1; k <= l.scenes.length; k++) {
          const scene = l.scenes[k - 1]!;
          const target = scene.insight ? 'insights' : scene.select ? 'chain' : null;
          await page.goto('about:blank');
          await page.goto(new URL(`#v=1&lesson=${l.name}&scene=${k}${size.flag}`, inject('baseUrl')).href);
          await page.getByTestId('network').waitFor();
          await settle(page);
          found.push(...(await check(page, size, `${l.name} ${k}`, target)).found);
          await stepSample(page);
          found.push(...(await check(page, size, `${l.name} ${k} + sample`, null)).found);
        }
      }
      console.log(`${size.name}, lesson scenes: ${found.length} findings`);
      if (found.length) console.log(found.join('\n'));
      expect(found).toEqual([]);
      expect(s.errors).toEqual([]);
    }, 240_000);
  });
}

function height(size: Size): number {
  return size.viewport.height;
}
