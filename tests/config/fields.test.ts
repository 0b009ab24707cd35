/**
 * The field table (src/config/fields.ts) is the one declaration of each config field: README.md's
 * config-file list has exactly its doc lines, the link's keys are its keys (in the order of link
 * version 1, written out here), and validation names each simple field with its check's message.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ACTIVATION_NAMES } from '../../src/core/model/activations.ts';
import { decodeLink, encodeLink } from '../../src/config/codec.ts';
import { FIELD_LIST, FIELDS } from '../../src/config/fields.ts';
import type { Choice } from '../../src/config/fields.ts';
import { formatError } from '../../src/config/schema.ts';
import { validateConfig } from '../../src/config/validate.ts';
import { DEFAULT_PRESET, findPreset } from '../../src/content/presets.ts';

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

/** The bullets of README.md's "The config file" list, each on one line (wrapped lines joined). */
function readmeBullets(): string[] {
  const start = README.indexOf('### The config file');
  const end = README.indexOf('\n## ', start);
  expect(start).toBeGreaterThan(0);
  const section = README.slice(start, end);
  const bullets: string[] = [];
  for (const line of section.split('\n')) {
    if (/^\s*- /.test(line)) bullets.push(line.replace(/^\s*- /, ''));
    else if (/^\s+\S/.test(line) && bullets.length) bullets[bullets.length - 1] += ` ${line.trim()}`;
  }
  return bullets.map((b) => b.replace(/\s+/g, ' ').trim());
}

describe('the field table', () => {
  it("is README.md's config-file list: one bullet per field, with its doc line", () => {
    // (README.md keeps data's fields together; the table's order is the link's)
    const bullets = readmeBullets().sort();
    const expected = FIELD_LIST.map((f) => `\`${f.path}\`: ${f.doc}`.replace(/\s+/g, ' ')).sort();
    expect(bullets).toEqual(expected);
  });

  it('documents each default and each allowed name', () => {
    for (const f of FIELD_LIST) {
      if (f.default !== undefined) {
        const shown = typeof f.default === 'string' ? `\`${f.default}\`` : String(f.default);
        expect(f.doc, f.path).toContain(`Default: ${shown}`);
      }
      if (f.check.type === 'choice')
        for (const v of (f.check as Choice).values) expect(f.doc, f.path).toContain(`\`${v}\``);
    }
    for (const a of ACTIVATION_NAMES) expect(FIELDS.activations.doc).toContain(`\`${a}\``);
  });

  it("gives the link its keys: link version 1's, in its order", () => {
    const r = decodeLink('v=1&colour=red');
    expect(r.ok).toBe(false);
    const message = r.ok ? '' : r.errors[0]!.message;
    const allowed = message.replace(/^is unknown; allowed: /, '').split(', ');
    // written out by hand: the keys of link version 1 (a link must keep opening as it did)
    expect(allowed).toEqual(
      'v layers act loss red lr batch biases shuffle seed init w b x t data n noise dseed targets test cols std opt mom b1 b2 wd chg at aw ab present theme lesson scene sel insight hide practice embed cmp'.split(
        ' ',
      ),
    );
    const tableKeys = new Set(FIELD_LIST.map((f) => f.link.key));
    const notConfig = [
      'v',
      'at',
      'aw',
      'ab',
      'present',
      'theme',
      'lesson',
      'scene',
      'sel',
      'insight',
      'hide',
      'practice',
      'embed',
      'cmp',
    ];
    expect(allowed.filter((k) => !notConfig.includes(k))).toEqual([...tableKeys]);
  });

  it("gives validation the config file's keys and each simple field's check", () => {
    const r = validateConfig({ ...DEFAULT_PRESET.config, colour: 'red' });
    expect(r.ok ? '' : formatError(r.errors[0]!)).toBe(
      'colour: unknown key "colour"; allowed: "layers", "activations", "loss", "reduction", "learningRate", "batchSize", "trainBiases", "shuffle", "seed", "init", "weights", "biases", "data", "dataset", "standardize", "optimizer", "momentum", "beta1", "beta2", "weightDecay", "changes"',
    );
    const generated = findPreset('xor')!.config; // seed and init, a generated data set
    for (const f of FIELD_LIST) {
      if (f.check.type === 'structure' || f.check.type === 'group') continue;
      const [group, name] = f.path.split('.') as [string, string | undefined];
      const bad = { nope: 1 }; // no simple field allows an object
      const base = name || f.path === 'init' ? generated : DEFAULT_PRESET.config;
      const config = JSON.parse(JSON.stringify(base)) as Record<string, Record<string, unknown>>;
      if (name) config[group]![name] = bad;
      else config[group] = bad;
      const v = validateConfig(config);
      expect(v.ok, f.path).toBe(false);
      if (!v.ok) {
        expect(v.errors[0]!.field, f.path).toBe(f.path);
        expect(v.errors[0]!.message, f.path).toMatch(
          /^must be (one of|a whole number from|a number|true or false)/,
        );
      }
    }
  });

  it('leaves every default out of a link but the options of a generated set', () => {
    const r = validateConfig({ layers: [2, 1], dataset: { name: 'xor' } }); // every default filled in
    expect(r.ok).toBe(true);
    if (r.ok)
      expect(encodeLink(r.config)).toBe('v=1&layers=2-1&data=xor&n=200&noise=0&dseed=1&targets=binary');
    const bad = decodeLink(`${encodeLink(DEFAULT_PRESET.config)}&lr=0`);
    expect(bad.ok ? '' : formatError(bad.errors[0]!)).toMatch(
      /^lr \(learningRate\): must be a number greater than 0/,
    );
  });
});
