/**
 * The `cmp` link value: run B's settings that differ from run A's. Canonical text, labels, what it
 * refuses (naming cmp and the setting), and which of run A's live changes run B shares.
 */
import { describe, expect, it } from 'vitest';
import {
  comparedConfig,
  comparisonLabels,
  comparisonText,
  readComparison,
} from '../../src/config/compare-link.ts';
import { decodeLink, encodeLink } from '../../src/config/codec.ts';
import type { Config } from '../../src/config/schema.ts';
import { DEFAULT_PRESET, findPreset } from '../../src/content/presets.ts';
import { buildRun } from '../../src/config/build.ts';
import { COMPARISONS } from '../../src/content/comparisons.ts';

const A = DEFAULT_PRESET.config;

function read(text: string, a: Config = A) {
  const r = readComparison(a, text);
  if ('ok' in r) throw new Error(r.errors.map((e) => `${e.field}: ${e.message}`).join('; '));
  return r;
}

function refusal(text: string, a: Config = A): string {
  const r = readComparison(a, text);
  if (!('ok' in r)) throw new Error(`accepted ${text}`);
  return r.errors.map((e) => `${e.field}: ${e.message}`).join('; ');
}

describe('cmp', () => {
  it('changes only the settings it names, and writes them in one order', () => {
    const r = read('opt:adam;lr:0.01;act:relu,sigmoid');
    expect(r.text).toBe('act:relu,sigmoid;lr:0.01;opt:adam');
    expect(r.config).toEqual({
      ...A,
      activations: ['relu', 'sigmoid'],
      learningRate: 0.01,
      optimizer: 'adam',
    });
    expect(comparisonText(A, r.config)).toBe(r.text);
    // a setting equal to run A's is left out of the text
    expect(read('lr:0.5;seed:7').text).toBe('seed:7');
  });

  it('names each run by the settings in which they differ', () => {
    expect(comparisonLabels(A, read('lr:5').config)).toEqual({ a: 'α = 0.5', b: 'α = 5' });
    expect(comparisonLabels(A, read('act:relu,sigmoid').config)).toEqual({
      a: 'sigmoid hidden',
      b: 'ReLU hidden',
    });
    expect(comparisonLabels(A, read('act:tanh').config)).toEqual({
      a: 'sigmoid in every layer',
      b: 'tanh in every layer',
    });
    expect(comparisonLabels(A, read('opt:momentum').config)).toEqual({ a: 'SGD', b: 'momentum · μ = 0.9' });
    // β1 means nothing to SGD: run A's label leaves it out
    expect(comparisonLabels(A, read('opt:adam;b1:0.8').config)).toEqual({ a: 'SGD', b: 'Adam · β1 = 0.8' });
  });

  it('refuses what would make the runs differ in shape or data, and bad values, naming cmp', () => {
    expect(refusal('layers:2-3-2')).toMatch(/^cmp: "layers" cannot differ between the runs/);
    expect(refusal('data:xor')).toMatch(/^cmp: "data" cannot differ/);
    expect(refusal('lr:5;lr:6')).toBe('cmp: names lr twice');
    expect(refusal('lr')).toMatch(/^cmp: must be settings of run B as "key:value" joined by ";"/);
    expect(refusal('lr:')).toMatch(/^cmp: must be settings/);
    expect(refusal('lr:0.5')).toMatch(/^cmp: changes nothing/);
    expect(refusal('lr:-2')).toMatch(/^cmp: lr \(learningRate\): /);
    expect(refusal('act:relu,relu,relu')).toMatch(/^cmp: act \(activations\): /);
    expect(refusal('x'.repeat(3000))).toMatch(/^cmp: is too long/);
  });

  it('shares run A’s live changes except of the settings run B overrides', () => {
    const a: Config = {
      ...A,
      changes: [
        { at: 2, learningRate: 2, batchSize: 1 },
        { at: 4, weightDecay: 0.01 },
      ],
    };
    const b = comparedConfig(a, 'lr:5');
    expect('ok' in b).toBe(false);
    expect((b as Config).learningRate).toBe(5);
    expect((b as Config).changes).toEqual([
      { at: 2, batchSize: 1 },
      { at: 4, weightDecay: 0.01 },
    ]);
    const c = comparedConfig({ ...A, changes: [{ at: 3, learningRate: 1 }] }, 'lr:5') as Config;
    expect(c.changes).toBeUndefined();
  });

  it('rides in a link, canonical, beside the setup', () => {
    const link = encodeLink(A, null, { compare: read('opt:momentum;act:relu,sigmoid').text });
    expect(link).toMatch(/&cmp=act:relu,sigmoid;opt:momentum$/);
    const d = decodeLink(
      `${link.replace('cmp=act:relu,sigmoid;opt:momentum', 'cmp=opt:momentum;act:relu,sigmoid')}`,
    );
    expect(d.ok && d.flags.compare).toBe('act:relu,sigmoid;opt:momentum');
    const bad = decodeLink(`${encodeLink(A)}&cmp=layers:2-9-2`);
    expect(bad.ok).toBe(false);
  });

  it('each quick comparison of the menu changes something of the textbook and of a generated setup', () => {
    const circle = findPreset('circle')!.config;
    const rows = buildRun(circle).data.n;
    for (const c of COMPARISONS) {
      for (const [config, samples] of [
        [A, 1],
        [circle, rows],
      ] as const) {
        if (!(c.applies?.(config, samples) ?? true)) continue;
        expect(read(c.cmp(config, samples), config).text, c.name).not.toBe('');
      }
    }
    expect(COMPARISONS.find((c) => c.name === 'rate-up')!.cmp({ ...A, learningRate: 0.03 }, 1)).toBe(
      'lr:0.3',
    );
    expect(COMPARISONS.find((c) => c.name === 'seed')!.applies!(A, 1)).toBe(false);
  });
});
