/**
 * Launches Debian's Chromium (never a downloaded browser) headless with a fresh profile, for the
 * end-to-end tests and the browser benchmark. Returns the context and a cleanup.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

export async function launchChromium(
  viewport = { width: 1280, height: 800 },
  device: { hasTouch?: boolean; colorScheme?: 'light' | 'dark' } = {},
): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'backprop-lab-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    viewport,
    args: CHROMIUM_ARGS,
    ...(device.hasTouch ? { hasTouch: true } : {}),
    ...(device.colorScheme ? { colorScheme: device.colorScheme } : {}),
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
