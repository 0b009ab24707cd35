/**
 * Embed (issue 13 §4): the Embed button copies an iframe of this moment; inside a frame on another
 * page, `embed=1` shows the step controls, the network and the chain rule alone, fitted to the frame,
 * with the keyboard working there; "Open in Backprop Lab" opens the same moment as the whole page.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { FrameLocator, Page } from 'playwright-core';
import { openApp } from './browser.ts';
import type { Session } from './browser.ts';
import type {} from '../../src/state/api.ts';

/** The frame's position and what overflows its window. */
const measure = (page: Page) =>
  page.frames()[1]!.evaluate(() => {
    const d = document.documentElement;
    const { update, micro } = window.backpropLab!.store.getState().view.position;
    const circles = [...document.querySelectorAll('svg.network [data-testid^="n-"] circle')];
    const outside = circles.filter((c) => {
      const r = c.getBoundingClientRect();
      return r.top < 0 || r.left < 0 || r.bottom > innerHeight + 0.5 || r.right > innerWidth + 0.5;
    }).length;
    return {
      update,
      micro,
      overflowX: d.scrollWidth - innerWidth,
      overflowY: d.scrollHeight - innerHeight,
      circles: circles.length,
      outside,
    };
  });

describe('the embedded page', () => {
  let s: Session;
  let snippet = '';
  beforeAll(async () => {
    s = await openApp('#v=1', { width: 1366, height: 768 });
    await s.page.getByTestId('network').waitFor();
  });
  afterAll(async () => s.close());

  it('the Embed button gives an iframe of this moment', async () => {
    const { page } = s;
    for (let k = 0; k < 3; k++) await page.getByTestId('step').click();
    await page.getByTestId('share-embed').click();
    snippet = await page.getByTestId('share-url').inputValue();
    expect(snippet).toMatch(
      /^<iframe src="http:\/\/[^"]+\/#v=1&amp;layers=2-2-2&amp;[^"]*&amp;at=0\.3&amp;embed=1" title="Backprop Lab: The textbook 2-2-2 example" width="960" height="540" /,
    );
    expect(snippet.endsWith('></iframe>')).toBe(true);
  });

  it('inside a 960 × 540 frame: controls, network and chain rule only, fitted, keyboard working', async () => {
    const { page } = s;
    await page.setContent(`<!doctype html><body style="margin:0"><h1>A course page</h1>${snippet}</body>`);
    const frame: FrameLocator = page.frameLocator('iframe');
    await frame.getByTestId('embed').waitFor();
    await frame.getByTestId('network').waitFor();
    await frame.getByTestId('chain-panel').waitFor();
    for (const id of ['step', 'step-back', 'play', 'reset', 'now', 'update'])
      expect(await frame.getByTestId(id).count(), id).toBe(1);
    for (const id of [
      'preset',
      'lessons',
      'share-setup',
      'setup',
      'data',
      'loss-curve',
      'start-here',
      'worked-button',
    ])
      expect(await frame.getByTestId(id).count(), id).toBe(0);
    const m = await measure(page);
    expect(m).toMatchObject({ update: 0, micro: 3, outside: 0 });
    expect(m.circles).toBeGreaterThanOrEqual(6);
    expect(m.overflowX).toBeLessThanOrEqual(0);
    expect(m.overflowY).toBeLessThanOrEqual(0);
    // the keyboard inside the frame: → steps, ← goes back
    await frame.getByTestId('update').click();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await measure(page)).toMatchObject({ update: 0, micro: 5 });
    await page.keyboard.press('ArrowLeft');
    expect(await measure(page)).toMatchObject({ update: 0, micro: 4 });
    await frame.getByTestId('step').click();
    expect(await measure(page)).toMatchObject({ micro: 5 });
    // this moment as the whole page
    const open = frame.getByRole('link', { name: /Open in Backprop Lab/ });
    const [full] = await Promise.all([page.context().waitForEvent('page'), open.click()]);
    await full.waitForLoadState();
    expect(full.url()).toMatch(/&at=0\.5(&|$)/);
    expect(full.url()).not.toContain('embed=');
    await full.getByTestId('preset').waitFor();
    expect(await full.getByTestId('update').innerText()).toBe('0');
    await full.close();
    expect(s.errors).toEqual([]);
  });

  it('in a phone-wide frame it stacks without scrolling sideways; a bad value is named', async () => {
    const { page } = s;
    await page.setContent(
      `<body style="margin:0">${snippet.replace('width="960" height="540"', 'width="390" height="700"')}</body>`,
    );
    const frame = page.frameLocator('iframe');
    await frame.getByTestId('network').waitFor();
    const m = await measure(page);
    expect(m.overflowX).toBeLessThanOrEqual(0);
    await page.goto('about:blank');
    await page.goto(new URL('#v=1&embed=yes', inject('baseUrl')).href);
    expect(await page.getByTestId('notice').innerText()).toContain(
      'embed: must be 0 or 1 (1: the diagram, chain panel and step controls alone)',
    );
    expect(await page.getByTestId('preset').count()).toBe(1); // the whole page, as it was
  });
});
