/** Opens the built app in Debian's Chromium (see scripts/chromium.ts) and collects page errors. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from '../../scripts/chromium.ts';
import type { BrowserContext, Page } from 'playwright-core';
import { inject } from 'vitest';

export const SCREENSHOTS = join(process.cwd(), 'tests/e2e/screenshots');

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Uncaught page errors and console errors seen so far. */
  errors: string[];
  close(): Promise<void>;
}

export async function openApp(
  path = '',
  viewport = { width: 1280, height: 800 },
  device: { hasTouch?: boolean; colorScheme?: 'light' | 'dark' } = {},
): Promise<Session> {
  const browser = await launchChromium(viewport, device);
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  await page.goto(new URL(path, inject('baseUrl')).href);
  return { context: browser.context, page, errors, close: browser.close };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Every number the diagram and the status line show, by element and attribute. */
export async function shownNumbers(page: Page): Promise<Record<string, string | null>> {
  return page.evaluate(() => {
    const out: Record<string, string | null> = {};
    for (const el of document.querySelectorAll('[data-testid]')) {
      const id = el.getAttribute('data-testid')!;
      for (const a of ['data-z', 'data-a', 'data-delta', 'data-value', 'data-grad']) {
        if (el.hasAttribute(a)) out[`${id} ${a}`] = el.getAttribute(a);
      }
      if (/^(epoch|update|phase|sample|loss)$/.test(id)) out[id] = el.textContent;
    }
    return out;
  });
}

/** The formulas' visible text in an element (KaTeX's MathML copy left out, white space removed). */
export const katexText = (page: Page, testId: string): Promise<string> =>
  page.evaluate(
    (id) =>
      [...document.querySelectorAll(`[data-testid="${id}"] .katex-html`)]
        .map((k) => (k as HTMLElement).innerText.replace(/[\s\u200b]+/g, ''))
        .join(' '),
    testId,
  );
