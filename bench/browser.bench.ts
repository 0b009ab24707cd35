/**
 * `npm run bench:browser`: builds the app, plays the core benchmark's W1 and W2 workloads at full
 * speed in the real page in headless Chromium (drawing as usual), and prints exactly:
 *   W1 epochs/s <n>
 *   W2 epochs/s <n>
 *   frame-ms p95 <n>
 * then details: p95 frame time per 10-second window (flat over the run?), and how long one
 * micro-step on a 2-8-8-1 net takes to paint. `--seconds N` sets the run per workload (default 20).
 */
import type { Page } from 'playwright-core';
import { build, preview } from 'vite';
import { launchChromium } from '../scripts/chromium.ts';
import type {} from '../src/state/api.ts';
import { W1, W2, circleWorkload } from './workloads.ts';

const secondsArg = process.argv.indexOf('--seconds');
const SECONDS = secondsArg > 0 ? Number(process.argv[secondsArg + 1]) : 20;

const p95 = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * 0.95))] ?? NaN;
};

/** Plays `config` (null: the setup on show) at full speed for `seconds`. */
async function run(page: Page, config: unknown, seconds: number) {
  if (config !== null) {
    const errors = await page.evaluate((c) => window.backpropLab!.loadConfig(c), config);
    if (errors.length) throw new Error(errors.join('; '));
  }
  await page.getByTestId('speed').fill('7');
  // frame intervals, recorded in the page
  await page.evaluate(() => {
    const w = window as unknown as { frames: number[]; stopFrames: boolean };
    w.frames = [];
    w.stopFrames = false;
    let last = performance.now();
    const tick = (t: number) => {
      w.frames.push(t - last);
      last = t;
      if (!w.stopFrames) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const start = await page.evaluate(() => ({
    t: performance.now(),
    e: window.backpropLab!.progress().epochs,
  }));
  await page.getByTestId('play').click();
  await page.waitForTimeout(seconds * 1000);
  await page.getByTestId('pause').click();
  const end = await page.evaluate(() => {
    const w = window as unknown as { frames: number[]; stopFrames: boolean };
    w.stopFrames = true;
    return { t: performance.now(), e: window.backpropLab!.progress().epochs, frames: w.frames };
  });
  const frames = end.frames.slice(5); // the first frames include the click
  const windows: number[] = [];
  let acc = 0;
  let bucket: number[] = [];
  for (const f of frames) {
    bucket.push(f);
    acc += f;
    if (acc >= 10_000) {
      windows.push(p95(bucket));
      bucket = [];
      acc = 0;
    }
  }
  if (bucket.length >= 100) windows.push(p95(bucket)); // a last partial window, if long enough
  return {
    epochsPerSecond: ((end.e - start.e) / (end.t - start.t)) * 1000,
    p95: p95(frames),
    windows,
    frames: frames.length,
  };
}

async function main() {
  await build({ logLevel: 'warn' });
  const server = await preview({ preview: { host: '127.0.0.1', port: 0 }, logLevel: 'warn' });
  const url = server.resolvedUrls!.local[0]!;
  const browser = await launchChromium();
  const context = browser.context;
  // tsx compiles with esbuild's keepNames, which wraps functions in __name(); the page has none.
  await context.addInitScript('globalThis.__name = (f) => f;');
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(url);
    const w1 = await run(page, W1, SECONDS);
    const w2 = await run(page, W2, SECONDS);
    console.log(`W1 epochs/s ${Math.round(w1.epochsPerSecond)}`);
    console.log(`W2 epochs/s ${Math.round(w2.epochsPerSecond)}`);
    console.log(`frame-ms p95 ${Math.max(w1.p95, w2.p95).toFixed(1)}`);
    const fmt = (xs: number[]) => xs.map((x) => x.toFixed(1)).join(' ');
    console.log(`W1: ${w1.frames} frames, p95 ${w1.p95.toFixed(1)} ms; per 10 s: ${fmt(w1.windows)}`);
    console.log(`W2: ${w2.frames} frames, p95 ${w2.p95.toFixed(1)} ms; per 10 s: ${fmt(w2.windows)}`);
    // W1 beside a second run (Compare: run B with momentum), both trained every frame
    await page.evaluate((c) => window.backpropLab!.loadConfig(c), W1);
    await page.evaluate(() => window.backpropLab!.store.getState().actions.setCompare('opt:momentum'));
    const pair = await run(page, null, SECONDS / 2);
    const b = await page.evaluate(() => {
      const s = window.backpropLab!.store.getState();
      const partner = s.partner!.getState();
      return { a: s.view.epochs, b: partner.view.epochs };
    });
    await page.evaluate(() => window.backpropLab!.store.getState().actions.setCompare(null));
    console.log(
      `W1 compared with run B: ${Math.round(pair.epochsPerSecond)} epochs/s per run, p95 ${pair.p95.toFixed(1)} ms (run A at epoch ${b.a.toFixed(1)}, run B at ${b.b.toFixed(1)})`,
    );
    // one micro-step on a 2-8-8-1 net: from the action to the next frame (React renders synchronously)
    const small = circleWorkload([8, 8]);
    await page.evaluate((c) => window.backpropLab!.loadConfig(c), small);
    // Each step starts right after a frame; its work (the core step, the snapshot, React's render,
    // which flushes before the next frame) must be done by the following frame.
    const { work, frames } = await page.evaluate(async () => {
      const work: number[] = [];
      const frames: number[] = [];
      for (let k = 0; k < 60; k++) {
        const start = await new Promise<number>((r) => requestAnimationFrame((t) => r(t)));
        const t0 = performance.now();
        window.backpropLab!.store.getState().actions.step('step');
        await Promise.resolve();
        work.push(performance.now() - t0);
        const next = await new Promise<number>((r) => requestAnimationFrame((t) => r(t)));
        frames.push(Math.round((next - start) / 16.67));
      }
      return { work, frames };
    });
    const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
    const inOne = frames.filter((f) => f <= 1).length;
    console.log(
      `2-8-8-1 micro-step: work median ${med(work).toFixed(1)} ms, p95 ${p95(work).toFixed(1)} ms; painted by the next frame in ${inOne}/${frames.length}`,
    );
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
