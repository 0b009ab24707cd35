/**
 * The diagram readable at every width, measured in the page: at 1024×768 and 390×844 by touch, for
 * every preset (after a whole sample) and every lesson scene (as it opens and after a sample), every
 * visible diagram text is ≥ 11 px as drawn (font size × the SVG's screen scale), every neuron lies
 * inside the viewport's width, the page does not scroll sideways and no label overlaps another (the
 * rule of screen-checks.ts, used by fit-matrix.spec.ts). A bias's hover tooltip touches the bias node as drawn.
 */
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PRESETS } from '../../src/content/presets.ts';
import { LESSONS } from '../../src/content/lessons.ts';
import { openApp } from './browser.ts';
import type { Session } from './browser.ts';
import { diagramSizes, tooltipGap } from './diagram-checks.ts';
import { overlaps } from './screen-checks.ts';

const MIN_PX = 11;

const SIZES = [
  { name: 'tablet', viewport: { width: 1024, height: 768 } },
  { name: 'phone', viewport: { width: 390, height: 844 } },
] as const;

/** Every failure of the diagram as it is now, prefixed with `where`; `log` collects the measures. */
async function check(page: Page, where: string, log: string[]): Promise<string[]> {
  const m = await diagramSizes(page, MIN_PX);
  log.push(
    `${where}: smallest ${m.smallest ? `${m.smallest.px.toFixed(1)} px "${m.smallest.text}"` : '-'}, weights ${m.weightsShown} shown / ${m.weightsHidden} in tooltips`,
  );
  return [
    ...m.small.map((s) => `${where}: small text ${s}`),
    ...m.outside.map((n) => `${where}: ${n} outside the viewport's width`),
    ...(m.overflowX > 0 ? [`${where}: page ${m.overflowX} px wider than the viewport`] : []),
    ...(await overlaps(page)).map((o) => `${where}: overlap ${o}`),
  ];
}

for (const size of SIZES) {
  describe(`diagram sizes, ${size.name} ${size.viewport.width}×${size.viewport.height}`, () => {
    let s: Session | undefined;
    afterAll(async () => {
      await s?.close();
    });

    it('every preset: texts ≥ 11 px, neurons in the width, no overlap', async () => {
      s = await openApp('#v=1', size.viewport, { hasTouch: true });
      const { page } = s;
      const found: string[] = [];
      const log: string[] = [];
      for (const p of PRESETS) {
        await page.getByTestId('preset').selectOption(p.name);
        found.push(...(await check(page, p.name, log)));
        await page.getByTestId('step-sample').click();
        found.push(...(await check(page, `${p.name} + sample`, log)));
      }
      console.log(`${size.name}, presets:\n  ${log.join('\n  ')}`);
      expect(found).toEqual([]);
      expect(s.errors).toEqual([]);
    });

    it('every lesson scene: texts ≥ 11 px, neurons in the width, no overlap', async () => {
      const { page } = s!;
      const found: string[] = [];
      const log: string[] = [];
      for (const l of LESSONS) {
        for (let k = 1; k <= l.scenes.length; k++) {
          await page.goto('about:blank');
          await page.goto(new URL(`#v=1&lesson=${l.name}&scene=${k}`, inject('baseUrl')).href);
          await page.getByTestId('network').waitFor();
          found.push(...(await check(page, `${l.name} ${k}`, log)));
          await page.getByTestId('step-sample').click();
          found.push(...(await check(page, `${l.name} ${k} + sample`, log)));
        }
      }
      console.log(`${size.name}, lesson scenes:\n  ${log.join('\n  ')}`);
      expect(found).toEqual([]);
      expect(s!.errors).toEqual([]);
    });
  });
}

const TIP_SIZES = [
  { name: 'laptop', viewport: { width: 1366, height: 768 }, touch: false, flag: '' },
  { name: 'presenter', viewport: { width: 1280, height: 720 }, touch: false, flag: '&present=1' },
  { name: 'tablet', viewport: { width: 1024, height: 768 }, touch: true, flag: '' },
  { name: 'phone', viewport: { width: 390, height: 844 }, touch: true, flag: '' },
] as const;

describe('bias tooltips', () => {
  for (const size of TIP_SIZES) {
    it(`sit against the bias node as drawn (within 3 px), textbook net and face-car, ${size.name}`, async () => {
      const s = await openApp(`#v=1${size.flag}`, size.viewport, { hasTouch: size.touch });
      try {
        const { page } = s;
        const far: string[] = [];
        for (const preset of ['textbook-2-2-2', 'face-car']) {
          await page.getByTestId('preset').selectOption(preset);
          await page.getByTestId('step-sample').click();
          const ids = await page.$$eval('svg.network .bias', (bs) =>
            bs.map((b) => b.getAttribute('data-testid')!),
          );
          expect(ids.length).toBeGreaterThan(0);
          for (const id of ids) {
            const gap = await tooltipGap(page, id, 'rect');
            if (gap === null || gap > 3) far.push(`${preset} ${id}: ${gap?.toFixed(1)} px`);
          }
        }
        expect(far).toEqual([]);
        expect(s.errors).toEqual([]);
      } finally {
        await s.close();
      }
    });
  }
});
