import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, screenshot } from './browser.ts';
import type { Session } from './browser.ts';

describe('the app', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openApp();
  });
  afterAll(async () => {
    await s.close();
  });

  it('opens on the textbook example with its initial loss E_total = 0.298371', async () => {
    await expect(s.page.getByTestId('loss').textContent()).resolves.toBe('0.298371');
    await screenshot(s.page, 'app');
    expect(s.errors).toEqual([]);
  });
});
