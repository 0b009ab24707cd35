/** Files in real Chromium: export and re-import the config; a broken file changes nothing. */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp } from './browser.ts';
import type { Session } from './browser.ts';
import type {} from '../../src/state/api.ts';

describe('files', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openApp();
  });
  afterAll(async () => {
    await s.close();
  });

  it('exports the config with the current weights and imports it back', async () => {
    const { page } = s;
    await page.getByTestId('step-epoch').click();
    await page.getByTestId('step-epoch').click();
    const w5 = await page.getByTestId('w-2-0-0').getAttribute('data-value');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-config').click(),
    ]);
    const text = readFileSync((await download.path())!, 'utf8');
    const json = JSON.parse(text) as { weights: number[][][] };
    expect(String(json.weights[1]![0]![0])).toBe(w5);
    await page.getByTestId('reset').click();
    await page.setInputFiles('[data-testid="import-file"]', {
      name: 'mine.json',
      mimeType: 'application/json',
      buffer: Buffer.from(text),
    });
    await page.waitForFunction(
      (v) => document.querySelector('[data-testid="w-2-0-0"]')?.getAttribute('data-value') === v,
      w5,
    );
    expect(await page.getByTestId('epoch').textContent()).toBe('1');
  });

  it('exports the loss history as CSV', async () => {
    const { page } = s;
    await page.getByTestId('step-epoch').click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-loss').click(),
    ]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.split('\n')[0]).toBe('epoch,loss');
    expect(csv.trim().split('\n').length).toBe(3);
  });

  it('a broken file gets a message naming the field, and nothing the user had is lost', async () => {
    const { page } = s;
    const before = await page.getByTestId('w-2-0-0').getAttribute('data-value');
    for (const [text, message] of [
      ['{"layers": [2, 2, 2], "learningRate": "fast"}', 'learningRate: must be a number'],
      ['not json', 'config: is not valid JSON'],
      [
        '{"layers": [2, 1], "data": {"inputs": [["<img src=x onerror=alert(1)>", 1]], "targets": [[1]]}}',
        'data.inputs[0][0]: must be a finite number',
      ],
    ] as const) {
      await page.setInputFiles('[data-testid="import-file"]', {
        name: 'bad.json',
        mimeType: 'application/json',
        buffer: Buffer.from(text),
      });
      await page.getByTestId('notice').waitFor();
      expect(await page.getByTestId('notice').textContent()).toContain(message);
      expect(await page.getByTestId('w-2-0-0').getAttribute('data-value')).toBe(before);
      expect(await page.locator('img[src="x"]').count()).toBe(0);
      await page.getByTestId('notice').getByRole('button').click();
    }
    expect(s.errors).toEqual([]);
  });
});
