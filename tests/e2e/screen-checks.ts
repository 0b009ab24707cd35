/**
 * Checks of what is on screen, measured in the page, shared by the specs that walk every preset and
 * lesson scene: label overlaps in the diagram, names counted from 0, rendered sizes of numbers, the
 * element a lesson caption points at, and whether a box shows its whole content.
 */
import type { Page } from 'playwright-core';
import type {} from '../../src/state/api.ts';

/**
 * Every overlap of the diagram as it is now, in words (empty: none): no text of the diagram overlaps
 * another text, nor a neuron circle, bias node or the loss box it does not belong to (1 px
 * tolerance). Boxes are the rendered ones; a circle is a circle (its centre and radius).
 */
export async function overlaps(page: Page, diagram = 'svg.network'): Promise<string[]> {
  return page.evaluate((selector) => {
    const svg = document.querySelector(selector);
    if (!svg) return ['no diagram'];
    type Box = { x0: number; y0: number; x1: number; y1: number };
    const owner = (el: Element) =>
      el.closest('.loss-node')
        ? 'loss-node'
        : (el.closest('[data-testid]')?.getAttribute('data-testid') ?? '');
    const box = (el: Element): Box => {
      const r = el.getBoundingClientRect();
      return { x0: r.left, y0: r.top, x1: r.right, y1: r.bottom };
    };
    const texts: { text: string; owner: string; b: Box }[] = [];
    for (const t of svg.querySelectorAll('text')) {
      if (t.closest('.tooltip')) continue;
      const text = (t.textContent ?? '').trim();
      const b = box(t);
      if (!text || b.x1 - b.x0 === 0 || getComputedStyle(t).visibility === 'hidden') continue;
      texts.push({ text, owner: owner(t), b });
    }
    const circles = [...svg.querySelectorAll('.neuron circle')].map((c) => {
      const b = box(c);
      return { owner: owner(c), cx: (b.x0 + b.x1) / 2, cy: (b.y0 + b.y1) / 2, r: (b.x1 - b.x0) / 2 };
    });
    const rects = [...svg.querySelectorAll('.bias rect, .loss-node rect')].map((r) => ({
      owner: owner(r),
      b: box(r),
    }));
    const TOL = 1;
    const meet = (a: Box, b: Box) =>
      Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > TOL && Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) > TOL;
    const out: string[] = [];
    for (let i = 0; i < texts.length; i++) {
      const a = texts[i]!;
      for (let j = i + 1; j < texts.length; j++) {
        const b = texts[j]!;
        if (meet(a.b, b.b)) out.push(`"${a.text}" (${a.owner}) × "${b.text}" (${b.owner})`);
      }
      for (const c of circles) {
        if (c.owner === a.owner) continue;
        const nx = Math.max(a.b.x0, Math.min(c.cx, a.b.x1));
        const ny = Math.max(a.b.y0, Math.min(c.cy, a.b.y1));
        if (Math.hypot(nx - c.cx, ny - c.cy) < c.r - TOL) out.push(`"${a.text}" (${a.owner}) × ${c.owner}`);
      }
      for (const r of rects) {
        if (r.owner !== a.owner && meet(a.b, r.b)) out.push(`"${a.text}" (${a.owner}) × ${r.owner}`);
      }
    }
    return out;
  }, diagram);
}

/** Weight labels left to the tooltip for want of room while the diagram shows numbers (reported). */
export async function hiddenWeights(page: Page, diagram = 'svg.network'): Promise<number> {
  return page.evaluate((svg) => {
    if (!document.querySelector(`${svg} .neuron .value`)) return 0;
    return [...document.querySelectorAll(`${svg} .edge`)].filter((e) => !e.querySelector('text')).length;
  }, diagram);
}

/** What a 0-based (or blog) name looks like, each with why it is refused. */
export const FORBIDDEN: readonly [RegExp, string][] = [
  [/(?<![\p{L}\p{N}_])[xhow]0(?![\p{N}.,])/u, 'x0, h0, o0 or w0'],
  [/\bneuron 0\b/, '"neuron 0"'],
  [/\blayer 0\b/, '"layer 0"'],
  [/\binput 0\b/, '"input 0"'],
  [/_\{0/, 'a TeX subscript counted from 0'],
  [/\b[wb]\(\d\)\d/, 'the old w(2)00 / b(1)0 titles'],
  [/(?<![\p{L}\p{N}_])i[12](?![\p{N}])/u, 'the blog’s i1/i2'],
  [/\bseed 00\d/i, 'a lecture note called "seed"'],
];

/** Every text on the page a person can read or hear: visible text, SVG text, TeX sources, labels. */
export async function screenText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out = [document.body.innerText];
    for (const t of document.querySelectorAll('svg text')) out.push(t.textContent ?? '');
    for (const a of document.querySelectorAll('annotation[encoding="application/x-tex"]'))
      out.push(a.textContent ?? '');
    for (const e of document.querySelectorAll('[aria-label]')) out.push(e.getAttribute('aria-label') ?? '');
    for (const e of document.querySelectorAll('[title]')) out.push(e.getAttribute('title') ?? '');
    return out;
  });
}

/** The refused names found on the page, each with a little of the text around it. */
export async function zeroBased(page: Page, where: string): Promise<string[]> {
  const problems: string[] = [];
  for (const text of await screenText(page)) {
    for (const [re, what] of FORBIDDEN) {
      const m = re.exec(text);
      if (m) problems.push(`${where}: ${what} in “…${text.slice(Math.max(0, m.index - 30), m.index + 30)}…”`);
    }
  }
  return problems;
}

/** Lets the page settle: no replay job running, and two frames drawn. */
export async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => window.backpropLab!.store.getState().job === null);
  await page.evaluate(
    () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 0)))),
  );
}

/**
 * Rendered font size (px) of every visible text with a digit inside `selectors`' elements (SVG text
 * scaled by its screen transform; KaTeX's MathML copy skipped); with `inViewport`, only texts whose
 * box meets the viewport.
 */
export async function numberSizes(
  page: Page,
  selectors: readonly string[],
  inViewport = false,
): Promise<{ text: string; px: number; where: string }[]> {
  return page.evaluate(
    ([selectors, inViewport]) => {
      const out: { text: string; px: number; where: string }[] = [];
      for (const sel of selectors) {
        for (const root of document.querySelectorAll(sel)) {
          const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const text = n.textContent ?? '';
            const el = n.parentElement;
            if (!el || !/\d/.test(text) || el.closest('.katex-mathml, option, .tooltip, .visually-hidden'))
              continue;
            const rect = el.getBoundingClientRect();
            if (rect.width === 0 || rect.height === 0) continue;
            if (getComputedStyle(el).visibility === 'hidden') continue;
            // the content of a closed <details> keeps a box in Chromium but is not shown
            const d = el.closest('details');
            if (d && !d.open && !el.closest('summary')) continue;
            if (inViewport && (rect.bottom <= 0 || rect.top >= innerHeight)) continue;
            let px = parseFloat(getComputedStyle(el).fontSize);
            const svg = el.closest('svg');
            if (svg && el instanceof SVGElement) px *= svg.getScreenCTM()!.a;
            out.push({ text: text.trim().slice(0, 30), px, where: sel });
          }
        }
      }
      return out;
    },
    [selectors, inViewport] as const,
  );
}

/**
 * Where the element a lesson scene's caption points at is (its insight view, else the chain panel,
 * else the diagram), and whether at least its first 100 px (or all of it, when shorter) are in the
 * viewport.
 */
export async function captionTargetInView(
  page: Page,
  target: 'insights' | 'chain' | 'network',
): Promise<{ inView: boolean; top: number; bottom: number }> {
  return page.evaluate((target) => {
    const sel =
      target === 'insights'
        ? '[data-testid="insights"]'
        : target === 'chain'
          ? '.panel.chain'
          : 'svg.network';
    const el = document.querySelector(sel);
    if (!el) return { inView: false, top: NaN, bottom: NaN };
    const r = el.getBoundingClientRect();
    const header = document.querySelector('.top');
    const covered =
      header && getComputedStyle(header).position === 'sticky' ? header.getBoundingClientRect().bottom : 0;
    const need = Math.min(100, r.height);
    const inView = r.top >= covered - 1 && r.top + need <= innerHeight + 1;
    return { inView, top: r.top, bottom: r.bottom };
  }, target);
}

/**
 * Boxes that cut their content (content wider or taller than the box and not scrollable there, or
 * the box reaching past the viewport's right edge): the chain panel, its lines, the "just computed"
 * line, the insight view and the lesson caption.
 */
export async function clipped(page: Page, selectors: readonly string[]): Promise<string[]> {
  return page.evaluate((selectors) => {
    const out: string[] = [];
    for (const sel of selectors) {
      for (const el of document.querySelectorAll(sel)) {
        const r = el.getBoundingClientRect();
        if (r.width === 0) continue;
        if (r.right > innerWidth + 1) out.push(`${sel} reaches ${Math.round(r.right)} px`);
        const cs = getComputedStyle(el);
        const wide = el.scrollWidth > el.clientWidth + 1;
        if (wide && cs.overflowX !== 'auto' && cs.overflowX !== 'scroll' && cs.overflowX !== 'visible')
          out.push(`${sel} cuts its content sideways (${el.scrollWidth} > ${el.clientWidth})`);
      }
    }
    return out;
  }, selectors);
}
