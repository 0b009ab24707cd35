/**
 * Every number of the chain panel, on random small nets, against a float64 reference computed here
 * (chain-reference.ts, not the app's core): every activation and loss, batch size 1 and mini-batches,
 * at the end of each sample's backward pass (the last one: the end of the batch, update pending) and
 * just after each update; to the digits shown, and the shown factors multiply to the shown product.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp } from './browser.ts';
import type { Session } from './browser.ts';
import { batchRows, randomConfig, rng, train } from './chain-reference.ts';
import type { Param, RefConfig } from './chain-reference.ts';
import { checkLine, expectedLines } from './chain-tex-check.ts';
import type { Moment } from './chain-tex-check.ts';
import type {} from '../../src/state/api.ts';

/** `reduction: "sum" | "mean"` joins the random configs once the config schema has it. */
const SCHEMA = readFileSync(new URL('../../src/config/schema.ts', import.meta.url), 'utf8');
const HAS_REDUCTION = /\breduction\b/.test(SCHEMA);
const CASES = Array.from({ length: 20 }, (_, k) => randomConfig(k, HAS_REDUCTION));
/** Updates stepped through per case (two: the second batch may differ in length from the first). */
const UPDATES = 2;

function caseName(c: RefConfig, k: number): string {
  const acts = c.activations.join(',');
  const red = c.reduction ? ` ${c.reduction}` : '';
  const bias = c.trainBiases ? '' : ' fixed biases';
  return `#${k} ${c.layers.join('-')} ${acts} ${c.loss} batch ${c.batchSize}/${c.data.inputs.length} rows${red}${bias}`;
}

/** A weight and a bias in every layer, and a second weight of another output neuron when there is one. */
function chooseParams(c: RefConfig, k: number): Param[] {
  const r = rng(k + 17);
  const pick = (n: number) => Math.floor(r() * n);
  const out: Param[] = [];
  const L = c.layers.length - 1;
  for (let l = 1; l <= L; l++) {
    const j = pick(c.layers[l]!);
    out.push({ kind: 'w', l, j, i: pick(c.layers[l - 1]!) });
    out.push({ kind: 'b', l, j: pick(c.layers[l]!) });
    if (l === L && c.layers[l]! > 1)
      out.push({ kind: 'w', l, j: (j + 1) % c.layers[l]!, i: pick(c.layers[l - 1]!) });
  }
  return out;
}

const selOf = (p: Param) => (p.kind === 'w' ? `w ${p.l} ${p.j} ${p.i}` : `b ${p.l} ${p.j}`);
/** Digits as Unicode sub- and superscripts. */
const script = (n: number, digits: string) => [...String(n)].map((d) => digits[Number(d)]).join('');
const sub = (n: number) => script(n, '₀₁₂₃₄₅₆₇₈₉');
const sup = (n: number) => `⁽${script(n, '⁰¹²³⁴⁵⁶⁷⁸⁹')}⁾`;
/** The symbol the panel's title holds, counted from 1 (data index j is neuron j + 1): w⁽²⁾₁₁, b⁽¹⁾₂. */
const titleOf = (p: Param) =>
  p.kind === 'w'
    ? `w${sup(p.l)}${sub(p.j + 1)}${p.j >= 9 || p.i >= 9 ? ',' : ''}${sub(p.i + 1)}`
    : `b${sup(p.l)}${sub(p.j + 1)}`;

interface Panel {
  title: string;
  lines: Record<string, string>;
}

/**
 * Selects each parameter by clicking it in the diagram (waiting for the panel to name it) and reads
 * the panel's TeX from KaTeX's annotation.
 */
async function readPanels(page: Page, params: Param[]): Promise<(Panel | null)[]> {
  const targets = params.map((p) => [selOf(p), titleOf(p)] as const);
  return page.evaluate(async (targets) => {
    const out: (Panel | null)[] = [];
    for (const [sel, title] of targets) {
      const el = document.querySelector(`[data-testid="network"] [data-sel="${sel}"]`);
      if (!el) {
        out.push(null);
        continue;
      }
      el.dispatchEvent(new MouseEvent('click', { bubbles: true }));
      const heading = () => document.querySelector('[data-testid="chain-panel"] h2')?.textContent ?? '';
      for (let k = 0; k < 500 && !heading().includes(title); k++) await new Promise((r) => setTimeout(r, 0));
      const panel = document.querySelector('[data-testid="chain-panel"]');
      const lines: Record<string, string> = {};
      for (const li of panel?.querySelectorAll('li[data-testid^="tex-"]') ?? []) {
        const ann = li.querySelector('annotation[encoding="application/x-tex"]');
        lines[li.getAttribute('data-testid')!.slice(4)] = ann?.textContent ?? `[no TeX: ${li.textContent}]`;
      }
      out.push({ title: panel?.querySelector('h2')?.textContent ?? '', lines });
    }
    return out;
  }, targets);
}

/** Clicks Step n times, then checks the position (updates done, micro-steps into the batch). */
async function step(page: Page, n: number, update: number, micro: number): Promise<void> {
  const pos = await page.evaluate(async (n) => {
    const button = document.querySelector<HTMLButtonElement>('[data-testid="step"]')!;
    for (let k = 0; k < n; k++) button.click();
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const p = window.backpropLab!.store.getState().display.position;
    return { update: p.update, micro: p.micro };
  }, n);
  expect(pos).toEqual({ update, micro });
}

async function checkMoment(
  page: Page,
  c: RefConfig,
  params: Param[],
  m: Moment,
  when: string,
): Promise<string[]> {
  const panels = await readPanels(page, params);
  const problems: string[] = [];
  const softmax = c.activations[c.activations.length - 1] === 'softmax';
  params.forEach((p, k) => {
    const panel = panels[k];
    const where = `${when}, ${selOf(p)}`;
    if (!panel) return void problems.push(`${where}: no diagram element [data-sel="${selOf(p)}"]`);
    if (!panel.title.includes(titleOf(p))) problems.push(`${where}: the panel is titled "${panel.title}"`);
    const want = expectedLines(c, p, m);
    const ids =
      p.l === c.layers.length - 1 && softmax
        ? ['chain', 'delta', 'dzdp', 'product', 'update']
        : ['chain', 'dLda', 'dadz', 'dzdp', 'product', 'update'];
    if (Object.keys(panel.lines).join() !== ids.join())
      return void problems.push(
        `${where}: the panel's lines are ${Object.keys(panel.lines).join()}, not ${ids.join()}`,
      );
    for (const id of ids)
      problems.push(...checkLine(`${where}, ${id}`, id, panel.lines[id]!, want[id]!, m, c));
  });
  return problems;
}

describe('the chain panel against a float64 reference, on random small nets', () => {
  let s: Session;
  beforeAll(async () => {
    s = await openApp();
  });
  afterAll(async () => {
    await s.close();
  });

  it('covers every activation, every loss, batch size 1 and mini-batches', () => {
    const acts = new Set(CASES.flatMap((c) => c.activations));
    const losses = new Set(CASES.map((c) => c.loss));
    const softmaxLosses = new Set(CASES.filter((c) => c.activations.at(-1) === 'softmax').map((c) => c.loss));
    expect([...acts].sort()).toEqual(['leaky-relu', 'linear', 'relu', 'sigmoid', 'softmax', 'tanh']);
    expect(losses.size).toBe(4);
    const hidden = new Set(CASES.flatMap((c) => c.activations.slice(0, -1)));
    expect([...hidden].sort()).toEqual(['leaky-relu', 'linear', 'relu', 'sigmoid', 'tanh']);
    expect(CASES.some((c) => c.activations.at(-1) === 'sigmoid' && c.loss === 'cross-entropy')).toBe(true);
    expect(softmaxLosses.size).toBe(4);
    expect(new Set(CASES.map((c) => (c.batchSize === 1 ? 1 : 'mini'))).size).toBe(2);
    expect(CASES.some((c) => c.batchSize > 1 && c.data.inputs.length % c.batchSize !== 0)).toBe(true);
    if (HAS_REDUCTION) expect(new Set(CASES.map((c) => c.reduction)).size).toBe(2);
  });

  it.each(CASES.map((c, k) => [caseName(c, k), c, k] as const))('%s', async (_name, c, k) => {
    const { page } = s;
    expect(await page.evaluate((cfg) => window.backpropLab!.loadConfig(cfg), c)).toEqual([]);
    const params = chooseParams(c, k);
    const perSample = 2 * c.layers.slice(1).reduce((x, y) => x + y, 0) + 1;
    const problems: string[] = [];
    for (const [u, upd] of train(c, UPDATES).entries()) {
      const n = upd.rows.length;
      for (let slot = 0; slot < n; slot++) {
        await step(page, perSample, u, (slot + 1) * perSample);
        const when =
          slot + 1 < n
            ? `update ${u + 1}, end of sample ${slot + 1}/${n}'s backward pass`
            : `update ${u + 1}, end of the batch of ${n} (update pending)`;
        problems.push(...(await checkMoment(page, c, params, { kind: 'sample', upd, slot }, when)));
      }
      await step(page, 1, u + 1, 0);
      const m: Moment = { kind: 'update', upd, nextRow: batchRows(c, u + 1)[0]! };
      problems.push(...(await checkMoment(page, c, params, m, `just after update ${u + 1} (batch of ${n})`)));
    }
    expect(problems.join('\n')).toBe('');
    expect(s.errors).toEqual([]);
  });
});
