/**
 * The neuron maps (issue 12 §3) in Chromium: on the XOR preset a map for every hidden neuron and the
 * output, clear of every text and neuron of the diagram, changing as the network trains (and only
 * about once a second while training flat out), enlarged on hover and for the selected neuron; none on
 * the notes' one-sample 2-2-2 example; a dense net's maps fill its discs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp } from './browser.ts';
import type { Session } from './browser.ts';
import { settle } from './screen-checks.ts';

/** Every map's test id and picture (a checksum of its pixels, `data-sum`), in document order. */
const maps = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('.neuron-maps .neuron-map')].map((m) => ({
      id: m.getAttribute('data-testid')!,
      sum: m.getAttribute('data-sum') ?? '',
      inside: m.classList.contains('inside'),
    })),
  );

/** Maps drawn beside their neuron that meet a text of the diagram or a neuron circle (1 px tolerance). */
const mapOverlaps = (page: Page) =>
  page.evaluate(() => {
    const svg = document.querySelector('svg.network')!;
    const out: string[] = [];
    const meet = (a: DOMRect, b: DOMRect) =>
      Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 &&
      Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
    for (const m of document.querySelectorAll('.neuron-maps .neuron-map:not(.inside)')) {
      const b = m.getBoundingClientRect();
      for (const t of svg.querySelectorAll('text'))
        if ((t.textContent ?? '').trim() && meet(b, t.getBoundingClientRect()))
          out.push(`${m.getAttribute('data-testid')} × "${t.textContent}"`);
      for (const c of svg.querySelectorAll('.neuron circle, .bias rect, .loss-node rect')) {
        const r = c.getBoundingClientRect();
        if (c.tagName === 'circle') {
          const cx = (r.left + r.right) / 2;
          const cy = (r.top + r.bottom) / 2;
          const nx = Math.max(b.left, Math.min(cx, b.right));
          const ny = Math.max(b.top, Math.min(cy, b.bottom));
          if (Math.hypot(nx - cx, ny - cy) < r.width / 2 - 1)
            out.push(`${m.getAttribute('data-testid')} × circle`);
        } else if (meet(b, r))
          out.push(
            `${m.getAttribute('data-testid')} × ${c.closest('[data-testid]')?.getAttribute('data-testid')}`,
          );
      }
    }
    return out;
  });

const loadPreset = async (page: Page, name: string) => {
  await page.evaluate((n) => window.backpropLab!.store.getState().actions.loadPreset(n), name);
  await settle(page);
};

describe('neuron maps', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openApp('#v=1', { width: 1366, height: 768 });
    await s.page.getByTestId('network').waitFor();
  });
  afterAll(async () => {
    await s.close();
  });

  it('none on the notes’ 2-2-2 example (one sample: no plane of data to map)', async () => {
    expect(await maps(s.page)).toEqual([]);
  });

  it('on XOR, every hidden neuron and the output has its map, clear of labels and neurons', async () => {
    const { page } = s;
    await loadPreset(page, 'xor');
    const found = await maps(page);
    expect(found.map((m) => m.id)).toEqual([
      'neuron-map-1-0',
      'neuron-map-1-1',
      'neuron-map-1-2',
      'neuron-map-1-3',
      'neuron-map-2-0',
    ]);
    for (const m of found) expect(m.sum).toMatch(/^\d+$/);
    // four hidden neurons draw four different features
    expect(new Set(found.map((m) => m.sum)).size).toBe(5);
    expect(await mapOverlaps(page)).toEqual([]);
    await page.evaluate(() =>
      document.querySelector<HTMLButtonElement>('[data-testid="step-sample"]')!.click(),
    );
    await settle(page);
    expect(await mapOverlaps(page)).toEqual([]);
  });

  it('change as the network trains', async () => {
    const { page } = s;
    const before = await maps(page);
    for (let k = 0; k < 5; k++) await page.getByTestId('step-epoch').click();
    await settle(page);
    const after = await maps(page);
    expect(after.map((m) => m.id)).toEqual(before.map((m) => m.id));
    after.forEach((m, k) => expect(m.sum).not.toBe(before[k]!.sum));
  });

  it('enlarge on hover and for the selected neuron; a click on a map selects its neuron', async () => {
    const { page } = s;
    const large = page.getByTestId('neuron-map-large');
    expect(await large.count()).toBe(0);
    const small = (await page.getByTestId('neuron-map-1-1').boundingBox())!;
    await page.getByTestId('neuron-map-1-1').hover();
    expect(await large.getAttribute('data-for')).toBe('neuron-map-1-1');
    const big = (await large.locator('canvas').boundingBox())!;
    expect(big.width).toBeGreaterThan(2 * small.width);
    await page.mouse.move(2, 2);
    expect(await large.count()).toBe(0);
    await page.getByTestId('neuron-map-1-2').click();
    expect(await page.evaluate(() => window.backpropLab!.store.getState().selection)).toEqual({
      kind: 'neuron',
      layer: 1,
      index: 2,
    });
    await page.mouse.move(2, 2);
    expect(await large.getAttribute('data-for')).toBe('neuron-map-1-2');
    expect(s.errors).toEqual([]);
  });

  it('while training flat out, follow about once a second (the decision boundary’s cadence)', async () => {
    const { page } = s;
    await page.evaluate(() => {
      const w = window as unknown as { changes: number; frames: number };
      w.changes = 0;
      w.frames = 0;
      const map = document.querySelector('[data-testid="neuron-map-1-0"]')!;
      new MutationObserver(() => w.changes++).observe(map, {
        attributes: true,
        attributeFilter: ['data-sum'],
      });
      const tick = () => {
        w.frames++;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    await page.getByTestId('speed').fill('7');
    await page.getByTestId('play').click();
    const counts = () =>
      page.evaluate(() => {
        const w = window as unknown as { changes: number; frames: number };
        return { changes: w.changes, frames: w.frames };
      });
    await page.waitForTimeout(500);
    const before = await counts();
    await page.waitForTimeout(3000);
    const after = await counts();
    await page.getByTestId('pause').click();
    const changes = after.changes - before.changes;
    expect(changes).toBeGreaterThanOrEqual(2);
    expect(changes).toBeLessThanOrEqual(6);
    expect(after.frames - before.frames).toBeGreaterThan(3 * changes);
  });

  it('fill the discs of a dense net (two spirals, 2-8-8-8-1: 25 maps)', async () => {
    const { page } = s;
    await loadPreset(page, 'spiral');
    const found = await maps(page);
    expect(found.length).toBe(25);
    expect(found.every((m) => m.inside && /^\d+$/.test(m.sum))).toBe(true);
    // the pointer goes through a map filling its disc: the neuron's tooltip, its map enlarged
    await page.getByTestId('n-2-3').hover({ force: true });
    expect(await page.getByTestId('tooltip').textContent()).toContain('neuron 4 of layer 2');
    expect(await page.getByTestId('neuron-map-large').getAttribute('data-for')).toBe('neuron-map-2-3');
    await page.mouse.move(2, 2);
    expect(s.errors).toEqual([]);
  });
});
