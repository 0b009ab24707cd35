/** The work budget: counted by hand for three networks, and the message that names the limit. */
import { describe, expect, it } from 'vitest';
import {
  budgetError,
  maxUpdatesWithin,
  parameterCount,
  replayWork,
  samplesPerUpdate,
  WORK_BUDGET,
} from '../../src/config/budget.ts';
import { decodeLink } from '../../src/config/codec.ts';
import { DEFAULT_PRESET } from '../../src/content/presets.ts';
import type { Config } from '../../src/config/schema.ts';

function config(link: string): Config {
  const r = decodeLink(link);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.config;
}

const DEEP = 'v=1&layers=2-16-16-16-16-16-16-16-16-1&act=tanh&batch=2000&data=spiral&n=2000';

describe('the work budget', () => {
  it('counts parameters, samples per update and work by hand', () => {
    // 2-2-2: (2+1)·2 + (2+1)·2 = 12 parameters, one sample per update
    expect(parameterCount([2, 2, 2])).toBe(12);
    expect(samplesPerUpdate(DEFAULT_PRESET.config)).toBe(1);
    expect(replayWork(DEFAULT_PRESET.config, 10_000)).toBe(120_000);
    // 2-16×8-1: 3·16 + 7·17·16 + 17·1 = 48 + 1904 + 17 = 1969 parameters, batches of 2000
    const deep = config(DEEP);
    expect(parameterCount(deep.layers)).toBe(1969);
    expect(samplesPerUpdate(deep)).toBe(2000);
    expect(replayWork(deep, 2_000_000)).toBe(2_000_000 * 2000 * 1969);
    // 2000 / (2000 · 1969) rounds down to 507 updates
    expect(maxUpdatesWithin(deep)).toBe(Math.floor(2e9 / 3_938_000));
    expect(maxUpdatesWithin(deep)).toBe(507);
    // a test fraction is not trained on: 250 points, 20 % held out → 200 rows, the full batch
    const held = config('v=1&layers=2-3-1&batch=200&data=circle&n=250&test=0.2');
    expect(samplesPerUpdate(held)).toBe(200);
    expect(parameterCount(held.layers)).toBe(13);
  });

  it('limits work, not updates', () => {
    expect(WORK_BUDGET).toBe(2e9);
    // a hundred million updates of the 2-2-2 example are fine; 508 of the deep net are not
    expect(budgetError(DEFAULT_PRESET.config, 100_000_000, 'at')).toBeNull();
    expect(budgetError(config(DEEP), 507, 'at')).toBeNull();
    const e = budgetError(config(DEEP), 2_000_000, 'at');
    expect(e).toBe(
      'at: 2000000 updates of this setup are 7.88e12 units of work (updates × 2000 samples per update × 1969 parameters); the limit is 2e9: at most 507 updates here',
    );
  });
});
