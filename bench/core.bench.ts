/**
 * `npm run bench`: the core's training speed on three fixed workloads, median of 5 runs after a
 * warm-up. Prints exactly `W1 epochs/s <n>`, `W2 epochs/s <n>`, `W3 updates/s <n>`, then details.
 *
 * W1: 2 inputs, hidden [4, 2] tanh, 1 tanh output, half-squared-error, lr 0.03, batch 10, 250 points
 *     of the circle set (labels ±1). W2: the same with hidden [8, 8, 8, 8, 8, 8]. W3: the textbook
 *     2-2-2 net on its one sample.
 */
import { buildRun } from '../src/config/build.ts';
import { DEFAULT_PRESET } from '../src/content/presets.ts';
import type { Config } from '../src/config/schema.ts';
import { createTrainer, newState } from '../src/core/train/schedule.ts';
import { runUpdates } from '../src/core/train/train.ts';
import { W1, W2 } from './workloads.ts';

const RUNS = 5;
const RUN_MS = 600;

/** Updates per second of a config: runs chunks of `chunk` updates for RUN_MS, RUNS times; the median. */
function measure(
  config: Config,
  chunkUpdates: number,
): { perSecond: number; runs: number[]; updatesPerEpoch: number } {
  const { net, data, params, options } = buildRun(config);
  const tr = createTrainer(net, data, options);
  const state = newState(net, options);
  let u = 0;
  const burn = performance.now();
  while (performance.now() - burn < 400) {
    runUpdates(tr, params, u, chunkUpdates, state);
    u += chunkUpdates;
  }
  const runs: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    let n = 0;
    const t0 = performance.now();
    let t = t0;
    while (t - t0 < RUN_MS) {
      if (runUpdates(tr, params, u, chunkUpdates, state)) throw new Error('benchmark diverged');
      u += chunkUpdates;
      n += chunkUpdates;
      t = performance.now();
    }
    runs.push((n / (t - t0)) * 1000);
  }
  const sorted = [...runs].sort((a, b) => a - b);
  return { perSecond: sorted[Math.floor(RUNS / 2)]!, runs, updatesPerEpoch: tr.updatesPerEpoch };
}

const w1 = measure(W1, 25 * 20);
const w2 = measure(W2, 25 * 4);
const w3 = measure(DEFAULT_PRESET.config, 10_000);

const fmt = (v: number) => Math.round(v).toString();
console.log(`W1 epochs/s ${fmt(w1.perSecond / w1.updatesPerEpoch)}`);
console.log(`W2 epochs/s ${fmt(w2.perSecond / w2.updatesPerEpoch)}`);
console.log(`W3 updates/s ${fmt(w3.perSecond)}`);
const spread = (m: typeof w1, per: number) => m.runs.map((v) => fmt(v / per)).join(' ');
console.log(
  `runs (epochs/s): W1 ${spread(w1, w1.updatesPerEpoch)} | W2 ${spread(w2, w2.updatesPerEpoch)} | W3 (updates/s) ${spread(w3, 1)}`,
);
console.log(`node ${process.version}, ${RUNS} runs of ${RUN_MS} ms after a 400 ms warm-up each`);
