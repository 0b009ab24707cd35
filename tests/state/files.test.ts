/** The exported files: a config that reopens the same moment's weights, and the loss history as CSV. */
import { csvParse } from 'd3-dsv';
import { describe, expect, it } from 'vitest';
import { buildRun } from '../../src/config/build.ts';
import { findPreset } from '../../src/content/presets.ts';
import { parseConfigText } from '../../src/config/validate.ts';
import { configFile, lossCsv } from '../../src/state/files.ts';
import { createLabStore } from '../../src/state/store.ts';

const idle = { scheduler: { request: () => 0, cancel: () => undefined } };

describe('exported files', () => {
  it('the config file holds the current weights, the data and the settings, and validates', () => {
    const store = createLabStore(findPreset('circle')!.config, idle);
    for (let e = 0; e < 5; e++) store.getState().actions.step('epoch');
    const text = configFile(store.getState());
    const r = parseConfigText(text);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.config.init).toBeUndefined();
    expect(r.config.dataset).toEqual(findPreset('circle')!.config.dataset);
    expect(Array.from(buildRun(r.config).params)).toEqual(Array.from(store.getState().view.params));
  });

  it('the loss CSV has a header and one row per recorded point, exact numbers', () => {
    const store = createLabStore(undefined, idle);
    for (let k = 0; k < 3; k++) store.getState().actions.step('batch');
    const rows = csvParse(lossCsv(store.getState().series));
    expect(rows.columns).toEqual(['epoch', 'loss']);
    expect(rows.map((r) => Number(r.epoch))).toEqual([0, 1, 2, 3]);
    expect(Number(rows[0]!.loss)).toBe(0.2983711087600027);
    expect(Number(rows[3]!.loss)).toBe(store.getState().view.datasetLoss);
  });
});
