/** Links: round trips are exact; hostile or broken links give field-naming errors, never a throw. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeLink, encodeLink, MAX_LINK_CHARS } from '../../src/config/codec.ts';
import { DEFAULT_PRESET, PRESETS } from '../../src/content/presets.ts';
import type { Config } from '../../src/config/schema.ts';
import { formatError } from '../../src/config/schema.ts';
import { parseConfigText, validateConfig } from '../../src/config/validate.ts';

/** Valid configs with explicit weights and data: every number a link must carry exactly. */
const arbConfig: fc.Arbitrary<Config> = fc
  .record({
    hidden: fc.array(fc.integer({ min: 1, max: 6 }), { maxLength: 3 }),
    nIn: fc.integer({ min: 1, max: 4 }),
    nOut: fc.integer({ min: 1, max: 3 }),
    act: fc.constantFrom('sigmoid', 'tanh', 'relu', 'leaky-relu', 'linear'),
    loss: fc.constantFrom('squared-error', 'half-squared-error', 'mean-squared-error'),
    lr: fc.double({ min: 1e-9, max: 100, noNaN: true }),
    rows: fc.integer({ min: 1, max: 5 }),
    trainBiases: fc.boolean(),
    shuffle: fc.boolean(),
    seed: fc.integer({ min: 0, max: 0xffffffff }),
    numbers: fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 400, maxLength: 400 }),
    // column names with the characters a link must escape: , & = % # + space, quotes, non-ASCII
    names: fc.option(
      fc.uniqueArray(
        fc
          .string({
            unit: fc.constantFrom('a', 'Z', '1', ',', '&', '=', '%', '#', '+', ' ', '"', 'é', '→', '😀'),
            minLength: 1,
            maxLength: 12,
          })
          .filter((n) => n.trim() !== ''),
        { minLength: 24, maxLength: 24 },
      ),
    ),
    standardize: fc.constantFrom(undefined, 'inputs', 'inputs-targets'),
    reduction: fc.constantFrom(undefined, 'sum' as const),
  })
  .map((c): Config => {
    const layers = [c.nIn, ...c.hidden, c.nOut];
    let k = 0;
    const next = () => c.numbers[k++ % c.numbers.length]!;
    const depth = layers.length - 1;
    return {
      layers,
      activations: Array.from({ length: depth }, () => c.act as Config['activations'][number]),
      loss: c.loss as Config['loss'],
      ...(c.reduction ? { reduction: c.reduction } : {}),
      learningRate: c.lr,
      batchSize: Math.min(c.rows, 2),
      trainBiases: c.trainBiases,
      shuffle: c.shuffle,
      seed: c.seed,
      weights: layers
        .slice(1)
        .map((n, l) => Array.from({ length: n }, () => Array.from({ length: layers[l]! }, next))),
      biases: layers.slice(1).map((n) => Array.from({ length: n }, next)),
      data: {
        inputs: Array.from({ length: c.rows }, () => Array.from({ length: c.nIn }, next)),
        targets: Array.from({ length: c.rows }, () => Array.from({ length: c.nOut }, next)),
        ...(c.names ? { columns: c.names.slice(0, c.nIn + c.nOut) } : {}),
      },
      ...(c.standardize === 'inputs' || (c.standardize && c.act === 'linear')
        ? { standardize: c.standardize as NonNullable<Config['standardize']> }
        : {}),
    };
  });

/** Valid configs on generated sets, with a test split. */
const arbGenerated: fc.Arbitrary<Config> = fc
  .record({
    name: fc.constantFrom('xor', 'circle', 'spiral', 'gaussians'),
    n: fc.integer({ min: 2, max: 2000 }),
    noise: fc.double({ min: 0, max: 1, noNaN: true }),
    seed: fc.integer({ min: 0, max: 0xffffffff }),
    test: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 0.5, noNaN: true })),
    std: fc.boolean(),
  })
  .map((c): Config => ({
    layers: [2, 3, 1],
    activations: ['tanh', 'tanh'],
    loss: 'half-squared-error',
    learningRate: 0.1,
    batchSize: 1,
    trainBiases: true,
    shuffle: true,
    seed: 1,
    init: 'xavier',
    dataset: {
      name: c.name as 'xor',
      n: c.n,
      noise: c.noise,
      seed: c.seed,
      targets: 'sign',
      test: Object.is(c.test, -0) ? 0 : c.test,
    },
    ...(c.std ? { standardize: 'inputs' as const } : {}),
  }));

describe('links', () => {
  it('carry the textbook example with its explicit weights in 110 characters', () => {
    const link = encodeLink(DEFAULT_PRESET.config);
    expect(link).toBe(
      'v=1&layers=2-2-2&biases=fixed&w=0.15,0.2,0.25,0.3,0.4,0.45,0.5,0.55&b=0.35,0.35,0.6,0.6&x=0.05,0.1&t=0.01,0.99',
    );
    expect(link.length).toBeLessThanOrEqual(200);
  });

  it('round-trip every preset, with and without a moment, from a fragment or a whole link', () => {
    for (const p of PRESETS) {
      const link = encodeLink(p.config, { update: 12, micro: 3 });
      for (const text of [link, `#${link}`, `https://example.org/lab/#${link}`]) {
        const r = decodeLink(text);
        expect(r.ok && r.config).toEqual(validateConfig(JSON.parse(JSON.stringify(p.config))).ok && p.config);
        expect(r.ok && r.moment).toEqual({ update: 12, micro: 3 });
      }
    }
  });

  it('round-trip random configs bit for bit (every number, −0 included)', () => {
    fc.assert(
      fc.property(arbConfig, (config) => {
        const r = decodeLink(encodeLink(config));
        if (!r.ok) throw new Error(r.errors.map(formatError).join('; '));
        expect(r.config).toStrictEqual(config);
        const flat = (c: Config) => [...c.weights!.flat(2), ...c.biases!.flat(), c.learningRate];
        flat(r.config).forEach((v, k) => expect(Object.is(v, flat(config)[k])).toBe(true));
      }),
      { numRuns: 2000, seed: 4 },
    );
    fc.assert(
      fc.property(arbGenerated, (config) => {
        const r = decodeLink(encodeLink(config));
        if (!r.ok) throw new Error(r.errors.map(formatError).join('; '));
        expect(r.config).toStrictEqual(config);
      }),
      { numRuns: 1000, seed: 5 },
    );
  });

  it('carry the reduction as red=sum; the mean is the default and left out', () => {
    const sum: Config = { ...DEFAULT_PRESET.config, reduction: 'sum' };
    const link = encodeLink(sum);
    expect(link).toBe(
      'v=1&layers=2-2-2&red=sum&biases=fixed&w=0.15,0.2,0.25,0.3,0.4,0.45,0.5,0.55&b=0.35,0.35,0.6,0.6&x=0.05,0.1&t=0.01,0.99',
    );
    const r = decodeLink(link);
    expect(r.ok && r.config).toStrictEqual(sum);
    expect(encodeLink({ ...DEFAULT_PRESET.config, reduction: 'mean' })).toBe(
      encodeLink(DEFAULT_PRESET.config),
    );
    const mean = decodeLink(`${encodeLink(DEFAULT_PRESET.config)}&red=mean`);
    expect(mean.ok && mean.config).toStrictEqual(DEFAULT_PRESET.config);
  });

  it('carry a moment with its parameters exactly', () => {
    const config = DEFAULT_PRESET.config;
    const weights = [
      [
        [0.1497807161327628, -0],
        [1e-300, 0.29950228726473915],
      ],
      [
        [0.35891647971788465, 0.4086661860762334],
        [0.5113012702387375, 5e-324],
      ],
    ];
    const biases = [
      [0.35, 0.35],
      [0.6, 0.6],
    ];
    const r = decodeLink(encodeLink(config, { update: 7, micro: 4, weights, biases }));
    expect(r.ok && r.moment).toStrictEqual({ update: 7, micro: 4, weights, biases });
    expect(Object.is(r.ok && r.moment!.weights![0]![0]![1], -0)).toBe(true);
    const bad = (link: string) => {
      const d = decodeLink(link);
      return d.ok ? 'ok' : formatError(d.errors[0]!);
    };
    const base = encodeLink(config);
    expect(bad(`${base}&at=1.0&aw=1,2,3,4,5,6,7,8`)).toBe('ab: is needed with the other');
    expect(bad(`${base}&aw=1,2,3,4,5,6,7,8&ab=1,2,3,4`)).toBe('at: is needed with aw and ab');
    expect(bad(`${base}&at=1.0&aw=1,2,3&ab=1,2,3,4`)).toBe('aw: must hold 8 weights (it holds 3)');
    expect(bad(`${base}&at=1.0&aw=1,2,3,4,5,6,7,1e9&ab=1,2,3,4`)).toMatch(
      /^aw \(weights\[1\]\[1\]\[1\]\): must be a finite number/,
    );
  });

  it('reject broken links with a message naming the parameter', () => {
    const cases: [string, string][] = [
      ['layers=2-2-2', 'v: is missing'],
      ['v=2&layers=2-2', 'v: must be 1'],
      ['v=1&lr=0.1', 'layers: must be layer sizes'], // `v=1` alone opens the default example
      ['v=1&layers=2-x', 'layers: must be layer sizes'],
      ['v=1&layers=2-2&colour=red', 'link parameter "colour": is unknown'],
      ['v=1&layers=2-2&__proto__=1', 'link parameter "__proto__": is unknown'],
      ['v=1&layers=2-2&lr=1&lr=2', 'lr: appears twice'],
      ['v=1&layers=2-2&lr=-1&x=1,2&t=1,2', 'lr (learningRate): must be a number greater than 0'],
      ['v=1&layers=2-2&lr=NaN&x=1,2&t=1,2', 'lr (learningRate): must be a number'],
      ['v=1&layers=2-2&lr=1,2&x=1,2&t=1,2', 'lr: must be one number (it is a list)'],
      ['v=1&layers=2-2&batch=1,1&x=1,2&t=1,2', 'batch: must be one number (it is a list)'],
      ['v=1&layers=2-2&red=median&x=1,2&t=1,2', 'red (reduction): must be one of "mean", "sum"'],
      ['v=1&layers=2-2&red=&x=1,2&t=1,2', 'red (reduction): must be one of "mean", "sum"'],
      ['v=1&layers=2-2&w=1,2,3&x=1,2&t=1,2', 'w: must hold 4 weights (it holds 3)'],
      ['v=1&layers=2-2&x=1,2,3&t=1,2', 'x: must hold whole rows of 2 inputs'],
      ['v=1&layers=2-2&x=1,oops&t=1,2', 'x (data.inputs[0][1]): must be a finite number'],
      ['v=1&layers=2-1&data=mnist', 'data (dataset.name): must be one of'],
      ['v=1&layers=2-1&data=circle&n=99999', 'n (dataset.n): must be a whole number from 2 to 2000'],
      ['v=1&layers=2-1&n=5', 'data: is needed with n'],
      ['v=1&layers=2-2&x=1,2&t=1,2&at=-1.0', 'at: must be U.M'],
      ['v=1&layers=2-2&x=%E0%A4%A', 'x: is not properly %-encoded'],
      ['v=1&layers=99-2&x=1&t=1,2', 'layers[0]: must be a whole number of inputs from 1 to 16'],
      ['v=1&layers=2-2&act=swish&x=1,2&t=1,2', 'act (activations[0]): must be one of'],
      ['v=1&layers=2-1&x=1,2&t=1&cols=a,b', 'cols (data.columns): must be a list of 3 names'],
      ['v=1&layers=2-1&x=1,2&t=1&cols=a,a,b', 'cols (data.columns[1]): repeats the name "a"'],
      ['v=1&layers=2-1&x=1,2&t=1&cols=a,%0A,b', 'cols (data.columns[1]): must be a name of 1 to 40'],
      ['v=1&layers=2-1&x=1,2&t=1&cols=a,b%01,c', 'cols (data.columns[1]): must not contain control'],
      ['v=1&layers=2-1&x=1,2&t=1&cols=a,%E0%A4%A,c', 'cols: is not properly %-encoded'],
      ['v=1&layers=2-1&data=xor&cols=a,b,c', 'cols: is needed only with x and t'],
      ['v=1&layers=2-1&x=1,2&t=1&std=yes', 'std (standardize): must be one of "inputs", "inputs-targets"'],
      [
        'v=1&layers=2-1&x=1,2&t=1&std=inputs-targets',
        'std (standardize): "inputs-targets" is for regression',
      ],
      ['v=1&layers=2-1&data=xor&test=0.9', 'test (dataset.test): must be a number from 0 to 0.5'],
      ['v=1&layers=2-1&test=0.2', 'data: is needed with n, noise, dseed, targets or test'],
      [
        'v=1&layers=2-1&data=xor&n=10&test=0.5&batch=6',
        'batch (batchSize): must be a whole number from 1 to 5',
      ],
    ];
    for (const [link, message] of cases) {
      const r = decodeLink(link);
      expect(r.ok, link).toBe(false);
      if (!r.ok) expect(formatError(r.errors[0]!), link).toContain(message);
    }
    expect(decodeLink('v=1&' + 'x'.repeat(MAX_LINK_CHARS)).ok).toBe(false);
  });
});

describe('fuzz: no input throws, hangs or echoes itself unbounded', () => {
  const base = encodeLink(DEFAULT_PRESET.config);
  const fragments = fc.oneof(
    fc.string({ maxLength: 300 }),
    fc.string({ unit: 'binary', maxLength: 300 }),
    // valid links with one parameter's value replaced by junk
    fc.tuple(fc.nat(20), fc.string({ maxLength: 60 })).map(([k, junk]) => {
      const parts = base.split('&');
      const i = k % parts.length;
      parts[i] = `${parts[i]!.split('=')[0]}=${junk}`;
      return parts.join('&');
    }),
    // valid links with a parameter dropped or duplicated
    fc.tuple(fc.nat(20), fc.boolean()).map(([k, dup]) => {
      const parts = base.split('&');
      const i = k % parts.length;
      if (dup) parts.push(parts[i]!);
      else parts.splice(i, 1);
      return parts.join('&');
    }),
  );

  it('10,000 generated links', () => {
    let ok = 0;
    fc.assert(
      fc.property(fragments, (link) => {
        const r = decodeLink(link);
        if (r.ok) ok++;
        else {
          expect(r.errors.length).toBeGreaterThan(0);
          for (const e of r.errors) {
            expect(e.field.length).toBeGreaterThan(0);
            expect(e.message.length).toBeGreaterThan(0);
            expect(formatError(e).length).toBeLessThan(400);
          }
        }
      }),
      { numRuns: 10_000, seed: 11 },
    );
    expect(ok).toBeGreaterThan(0);
  });

  it('10,000 generated config files', () => {
    const files = fc.oneof(
      fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
      fc.string({ maxLength: 200 }),
      fc
        .record(
          {
            layers: fc.oneof(fc.array(fc.integer({ min: -2, max: 20 }), { maxLength: 12 }), fc.jsonValue()),
            activations: fc.oneof(
              fc.array(fc.constantFrom('sigmoid', 'tanh', 'relu', 'softmax', 'nope')),
              fc.jsonValue(),
            ),
            loss: fc.oneof(fc.constantFrom('cross-entropy', 'squared-error', 'toString'), fc.jsonValue()),
            learningRate: fc.oneof(fc.double(), fc.jsonValue()),
            batchSize: fc.oneof(fc.integer(), fc.jsonValue()),
            data: fc.jsonValue({ maxDepth: 3 }),
            dataset: fc.record(
              {
                name: fc.constantFrom('xor', 'circle', 'x1x2y', '__proto__'),
                n: fc.integer(),
                test: fc.oneof(fc.double(), fc.jsonValue()),
              },
              { requiredKeys: ['name'] },
            ),
            standardize: fc.oneof(
              fc.constantFrom('inputs', 'inputs-targets', 'all', 'toString'),
              fc.jsonValue(),
            ),
            constructor: fc.jsonValue(),
          },
          { requiredKeys: [] },
        )
        .map((o) => JSON.stringify(o)),
    );
    fc.assert(
      fc.property(files, (text) => {
        const r = parseConfigText(text);
        if (!r.ok) for (const e of r.errors) expect(formatError(e).length).toBeLessThan(400);
      }),
      { numRuns: 10_000, seed: 12 },
    );
  });
});
