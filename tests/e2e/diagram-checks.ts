/**
 * Measures of the network diagram in the page, for diagram-sizes.spec.ts: every visible text's size as
 * drawn (font size × the SVG's screen scale), neurons outside the viewport's width, weight labels drawn
 * and left to the tooltip, and the gap between a hover tooltip and its element. Label overlaps:
 * screen-checks.ts `overlaps`.
 */
import type { Page } from 'playwright-core';

export interface DiagramSizes {
  /** the smallest visible text as drawn, in CSS px, and its text */
  smallest: { px: number; text: string } | null;
  /** texts smaller than `min` px as drawn */
  small: string[];
  /** neurons whose circle is not wholly inside [0, innerWidth] */
  outside: string[];
  /** weight labels drawn, and edges without one while the diagram shows numbers */
  weightsShown: number;
  weightsHidden: number;
  /** document scroll width minus the viewport width */
  overflowX: number;
}

export async function diagramSizes(page: Page, min: number): Promise<DiagramSizes> {
  return page.evaluate((min) => {
    const svg = document.querySelector<SVGSVGElement>('svg.network')!;
    const scale = svg.getScreenCTM()!.a;
    let smallest: { px: number; text: string } | null = null;
    const small: string[] = [];
    for (const t of svg.querySelectorAll('text')) {
      const text = (t.textContent ?? '').trim();
      const r = t.getBoundingClientRect();
      if (!text || r.width === 0 || getComputedStyle(t).visibility === 'hidden') continue;
      if (t.closest('.tooltip')) continue;
      const px = parseFloat(getComputedStyle(t).fontSize) * scale;
      if (!smallest || px < smallest.px) smallest = { px, text };
      if (px < min) small.push(`"${text}" ${px.toFixed(1)} px`);
    }
    const outside = [...svg.querySelectorAll('.neuron circle')]
      .filter((c) => {
        const r = c.getBoundingClientRect();
        return r.left < -0.5 || r.right > innerWidth + 0.5;
      })
      .map((c) => c.closest('[data-testid]')?.getAttribute('data-testid') ?? '?');
    const numbers = !!svg.querySelector('.neuron .value');
    const edges = [...svg.querySelectorAll('.edge')];
    const weightsShown = edges.filter((e) => e.querySelector('text')).length;
    return {
      smallest,
      small,
      outside,
      weightsShown,
      weightsHidden: numbers ? edges.length - weightsShown : 0,
      overflowX: document.documentElement.scrollWidth - innerWidth,
    };
  }, min);
}

/**
 * How far in px the hover tooltip's box is from sitting against the hovered part as drawn: the distance
 * between the tooltip's bottom and the part's top (tooltip above) or its top and the part's bottom
 * (below), whichever is less; Infinity when the two boxes do not share any x (the tooltip is beside,
 * not at, the part). A tooltip that covers the part is as far as its edge is from the part's edge.
 */
export async function tooltipGap(page: Page, testId: string, part: string): Promise<number | null> {
  const el = page.locator(`[data-testid="${testId}"] ${part}`);
  // in the middle of the viewport, clear of the sticky control bar; the pointer on the part's centre
  // (its label, in the same element, may be on top)
  await el.evaluate((e) => e.scrollIntoView({ block: 'center' }));
  await el.hover({ force: true });
  await page.getByTestId('tooltip').waitFor();
  return page.evaluate(
    ([testId, part]) => {
      const a = document.querySelector(`[data-testid="${testId}"] ${part}`)?.getBoundingClientRect();
      const b = document.querySelector('[data-testid="tooltip"] rect')?.getBoundingClientRect();
      if (!a || !b) return null;
      if (Math.min(a.right, b.right) - Math.max(a.left, b.left) <= 0) return Infinity;
      return Math.min(Math.abs(b.bottom - a.top), Math.abs(b.top - a.bottom));
    },
    [testId, part] as const,
  );
}
