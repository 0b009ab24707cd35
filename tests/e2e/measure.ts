/**
 * Measures of the screen in the page: how much of the network is in the viewport, where the network
 * and the chain rule's product line are, the smallest touch target, and horizontal overflow.
 */
import type { Page } from 'playwright-core';

export interface ScreenMeasure {
  /** neurons whose circle lies wholly inside the viewport, and all neurons */
  neuronsInView: number;
  neurons: number;
  /** top of the network diagram, in CSS px from the top of the viewport (scroll 0) */
  networkTop: number | null;
  /** bottom of the chain panel's product, update and "just computed" lines (null when absent) */
  productBottom: number | null;
  updateBottom: number | null;
  nowBottom: number | null;
  /** right of the "just computed" line (the page must not scroll sideways to show it) */
  nowRight: number | null;
  /** smallest side of a visible button, field, select, checkbox or summary, with its name */
  smallestTarget: { px: number; what: string } | null;
  /** document scroll width minus the viewport width */
  overflowX: number;
  /** the network's and the chain panel's boxes */
  network: Box | null;
  chain: Box | null;
}

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export async function measure(page: Page): Promise<ScreenMeasure> {
  return page.evaluate(() => {
    const box = (el: Element | null) => {
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    };
    const w = innerWidth;
    const h = innerHeight;
    const circles = [...document.querySelectorAll('svg.network .neuron circle')];
    const inView = circles.filter((c) => {
      const r = c.getBoundingClientRect();
      return r.width > 0 && r.left >= -0.5 && r.top >= -0.5 && r.right <= w + 0.5 && r.bottom <= h + 0.5;
    }).length;
    const controls = [...document.querySelectorAll('button, input, select, textarea, summary')].filter(
      (el) => {
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) return false;
        if (el.closest('dialog:not([open])')) return false;
        // a control inside a closed <details> is not shown
        const d = el.closest('details');
        if (d && !d.open && el.tagName !== 'SUMMARY') return false;
        return getComputedStyle(el).visibility !== 'hidden';
      },
    );
    let smallest: { px: number; what: string } | null = null;
    for (const el of controls) {
      const r = el.getBoundingClientRect();
      const px = Math.min(r.width, r.height);
      if (!smallest || px < smallest.px) {
        const id = el.getAttribute('data-testid') ?? el.getAttribute('aria-label') ?? el.textContent;
        smallest = { px, what: `${el.tagName.toLowerCase()} ${(id ?? '').trim().slice(0, 40)}` };
      }
    }
    const bottom = (sel: string) => box(document.querySelector(sel))?.bottom ?? null;
    const scroller = document.scrollingElement ?? document.documentElement;
    return {
      neuronsInView: inView,
      neurons: circles.length,
      networkTop: box(document.querySelector('svg.network'))?.top ?? null,
      productBottom: bottom('[data-testid="tex-product"]'),
      updateBottom: bottom('[data-testid="tex-update"]'),
      nowBottom: bottom('[data-testid="now"]'),
      nowRight: box(document.querySelector('[data-testid="now"]'))?.right ?? null,
      smallestTarget: smallest,
      overflowX: scroller.scrollWidth - w,
      network: box(document.querySelector('svg.network')),
      chain: box(document.querySelector('.panel.chain')),
    };
  });
}

/** Steps the run until the "just computed" line and the chain panel's lines are on screen. */
export async function stepSome(page: Page, steps = 3): Promise<void> {
  for (let k = 0; k < steps; k++) await page.getByTestId('step').click();
}
