/** The view keys of a moment link (sel, insight, hide) and links of view keys alone. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeLink, encodeLink, linkErrorText } from '../../src/config/codec.ts';
import type { ViewFlags } from '../../src/config/codec.ts';
import { INSIGHTS } from '../../src/content/insights.ts';
import { DEFAULT_PRESET, findPreset } from '../../src/content/presets.ts';
import { PANELS } from '../../src/config/view-link.ts';
import type { LinkSelection } from '../../src/config/view-link.ts';

const XOR = findPreset('xor')!.config; // 2-4-1

function flagsOf(link: string): ViewFlags {
  const r = decodeLink(link);
  if (!r.ok) throw new Error(linkErrorText(r.errors));
  return r.flags;
}

function error(link: string): string {
  const r = decodeLink(link);
  if (r.ok) throw new Error(`opened: ${link}`);
  return linkErrorText(r.errors);
}

describe('the view keys of a moment link', () => {
  it('writes readable keys and reads them back', () => {
    const layers = XOR.layers;
    expect(layers).toEqual([2, 4, 1]);
    const link = encodeLink(XOR, null, {
      selection: { kind: 'weight', layer: 1, to: 3, from: 1 },
      insight: 'check',
      hidden: ['data', 'chain'],
    });
    expect(link).toMatch(/&sel=w1\.3\.1&insight=check&hide=chain,data$/);
    expect(flagsOf(link)).toEqual({
      selection: { kind: 'weight', layer: 1, to: 3, from: 1 },
      insight: 'check',
      hidden: ['chain', 'data'],
    });
    expect(flagsOf(encodeLink(XOR, null, { selection: { kind: 'bias', layer: 2, to: 0 } }))).toEqual({
      selection: { kind: 'bias', layer: 2, to: 0 },
    });
    expect(flagsOf(encodeLink(XOR, null, { selection: { kind: 'neuron', layer: 0, index: 1 } }))).toEqual({
      selection: { kind: 'neuron', layer: 0, index: 1 },
    });
    expect(encodeLink(XOR, null, { selection: null })).toMatch(/&sel=none$/);
    expect(flagsOf(`${encodeLink(XOR)}&sel=none`)).toEqual({ selection: null });
  });

  it('leaves out what the page shows anyway', () => {
    const plain = encodeLink(XOR);
    // the first weight into the first output, the slope view, no panel hidden
    expect(
      encodeLink(XOR, null, {
        selection: { kind: 'weight', layer: 2, to: 0, from: 0 },
        insight: 'slope',
        hidden: [],
      }),
    ).toBe(plain);
    // presenter mode hides setup and data by itself; showing them again must be said
    expect(encodeLink(XOR, null, { presenter: true, hidden: ['setup', 'data'] })).toBe(`${plain}&present=1`);
    expect(encodeLink(XOR, null, { presenter: true, hidden: [] })).toBe(`${plain}&hide=none&present=1`);
    expect(flagsOf(`${plain}&hide=none&present=1`)).toEqual({ presenter: true, hidden: [] });
  });

  it('round-trips every selection, insight and set of panels', () => {
    const sel: fc.Arbitrary<LinkSelection | null> = fc.oneof(
      fc.constant(null),
      fc.record({
        kind: fc.constant('weight' as const),
        layer: fc.integer({ min: 1, max: 2 }),
        to: fc.constant(0),
        from: fc.constant(1),
      }),
      fc.record({
        kind: fc.constant('bias' as const),
        layer: fc.constant(1),
        to: fc.integer({ min: 0, max: 3 }),
      }),
      fc.record({
        kind: fc.constant('neuron' as const),
        layer: fc.integer({ min: 0, max: 2 }),
        index: fc.constant(0),
      }),
    );
    fc.assert(
      fc.property(
        sel,
        fc.constantFrom(...INSIGHTS),
        fc.subarray([...PANELS]),
        fc.boolean(),
        (selection, insight, hidden, presenter) => {
          const r = decodeLink(
            encodeLink(XOR, { update: 3, micro: 1 }, { selection, insight, hidden, presenter }),
          );
          expect(r.ok).toBe(true);
          if (!r.ok) return;
          const f = r.flags;
          expect(
            f.selection === undefined ? { kind: 'weight', layer: 2, to: 0, from: 0 } : f.selection,
          ).toEqual(selection);
          expect(f.insight ?? 'slope').toBe(insight);
          const implied = presenter ? ['setup', 'data'] : [];
          expect([...(f.hidden ?? implied)].sort()).toEqual([...hidden].sort());
        },
      ),
    );
  });

  it('rejects hostile values with a message naming the key', () => {
    const base = encodeLink(XOR);
    expect(error(`${base}&sel=w3.0.0`)).toMatch(/^sel: names layer 3; .* layers 1 to 2/);
    expect(error(`${base}&sel=w1.4.0`)).toMatch(/^sel: names neuron 4 of layer 1, which has 4 \(0 to 3\)/);
    expect(error(`${base}&sel=w1.0.2`)).toMatch(/^sel: names neuron 2 of layer 0, which has 2/);
    expect(error(`${base}&sel=b0.0`)).toMatch(/^sel: names layer 0/);
    for (const bad of ['w1.0', 'b1.0.0', 'x1.0', '<img src=x>', 'w1.0.0.0', 'w01.0.999', ''])
      expect(error(`${base}&sel=${encodeURIComponent(bad)}`)).toMatch(/^sel: must name a weight/);
    expect(error(`${base}&insight=<script>`)).toBe(
      'insight: must be one of slope, check, neuron, layers, boundary',
    );
    expect(error(`${base}&hide=setup,setup`)).toBe('hide: names "setup" twice');
    expect(error(`${base}&hide=__proto__`)).toMatch(/^hide: must be "none" or panels from chain, loss/);
    expect(error(`${base}&sel=w1.0.0&sel=w1.0.0`)).toBe('sel: appears twice');
  });
});

describe('view keys alone', () => {
  it('open the default example with those keys', () => {
    for (const [link, flags] of [
      ['#v=1&present=1', { presenter: true }],
      ['v=1&theme=dark', { theme: 'dark' }],
      ['https://example.org/lab/#v=1&insight=check&theme=dark', { insight: 'check', theme: 'dark' }],
      ['#v=1&sel=b1.1', { selection: { kind: 'bias', layer: 1, to: 1 } }],
    ] as const) {
      const r = decodeLink(link);
      expect(r.ok, link).toBe(true);
      if (!r.ok) continue;
      expect(r.config).toEqual(DEFAULT_PRESET.config);
      expect(r.flags).toEqual(flags);
      expect(r.moment).toBeNull();
    }
    const at = decodeLink('#v=1&at=2.3');
    expect(at.ok && at.moment).toEqual({ update: 2, micro: 3 });
  });

  it('still checks them, and still needs layers with any setup key', () => {
    expect(error('#v=1&present=2')).toBe('present: must be 0 or 1');
    expect(error('#v=1&sel=w9.0.0')).toMatch(/^sel: names layer 9/);
    expect(error('#v=1&lr=0.1')).toMatch(/^layers: must be layer sizes/);
    expect(error('#v=2&present=1')).toMatch(/^v: must be 1/);
    expect(error('#v=1&present=1&bogus=1')).toMatch(/^link parameter "bogus": is unknown/);
  });
});

describe('the embedded page (embed=1)', () => {
  it('is written last, read back, left out when 0, and checked', () => {
    const link = encodeLink(XOR, null, { embed: true, practice: 'all' });
    expect(link.endsWith('&practice=1&embed=1')).toBe(true);
    expect(flagsOf(link).embed).toBe(true);
    expect(flagsOf(`${encodeLink(XOR)}&embed=0`).embed).toBeUndefined();
    expect(flagsOf('#v=1&embed=1').embed).toBe(true);
    for (const bad of ['2', 'true', '', '<b>'])
      expect(error(`${encodeLink(XOR)}&embed=${encodeURIComponent(bad)}`)).toBe(
        'embed: must be 0 or 1 (1: the diagram, chain panel and step controls alone)',
      );
  });
});
