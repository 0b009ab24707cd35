/**
 * The drawn scale of the diagram (presenter fonts follow it), and text widths for the label placement, measured with a canvas in the page's font (cached), a little
 * generous for the italic ∂ and δ; the character estimate of `placement.ts` where there is no canvas.
 */
import { useLayoutEffect, useState } from 'react';
import type { RefObject } from 'react';
import { estimateWidth } from './placement.ts';

/**
 * Pixels per viewBox unit of the drawn SVG (`width` units wide), floored to 0.02 so that a resize by
 * a pixel does not re-place every label; 1 before the first measure.
 */
export function useDrawnScale(ref: RefObject<SVGSVGElement | null>, width: number): number {
  const [scale, setScale] = useState(1);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const update = () => {
      const w = el.getBoundingClientRect().width;
      if (w > 0) setScale(Math.floor((w / width) * 50) / 50);
    };
    update();
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(update);
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref, width]);
  return scale;
}

let ctx: CanvasRenderingContext2D | null | undefined;
let family = '';
const cache = new Map<string, number>();

export function measureText(text: string, size: number): number {
  const key = `${size} ${text}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  if (ctx === undefined) {
    ctx = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
    family = typeof document === 'undefined' ? '' : getComputedStyle(document.body).fontFamily;
  }
  let w: number;
  if (ctx) {
    ctx.font = `${size}px ${family || 'sans-serif'}`;
    w = ctx.measureText(text).width * 1.05 + 1;
  } else w = estimateWidth(text, size);
  if (cache.size > 5000) cache.clear();
  cache.set(key, w);
  return w;
}
