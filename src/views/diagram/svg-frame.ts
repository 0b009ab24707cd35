/**
 * The diagram SVG's drawn box within its figure (left, top, the scale from viewBox units to pixels),
 * kept up to date as the page resizes: HTML layers over the diagram (the practice card, the neuron
 * maps) place themselves with it.
 */
import { useLayoutEffect, useState } from 'react';
import type { RefObject } from 'react';

export interface SvgFrame {
  readonly left: number;
  readonly top: number;
  readonly scale: number;
  readonly width: number;
  readonly height: number;
}

export function useSvgFrame(svg: RefObject<SVGSVGElement | null>, viewWidth: number): SvgFrame | null {
  const [frame, setFrame] = useState<SvgFrame | null>(null);
  useLayoutEffect(() => {
    const el = svg.current;
    const fig = el?.parentElement;
    if (!el || !fig) return;
    const measure = () => {
      const r = el.getBoundingClientRect();
      const f = fig.getBoundingClientRect();
      const next = {
        left: r.left - f.left,
        top: r.top - f.top,
        scale: r.width / viewWidth,
        width: f.width,
        height: f.height,
      };
      setFrame((old) =>
        old && Object.keys(next).every((k) => old[k as keyof SvgFrame] === next[k as keyof SvgFrame])
          ? old
          : next,
      );
    };
    measure();
    const ro = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    ro?.observe(el);
    ro?.observe(fig);
    return () => ro?.disconnect();
  }, [svg, viewWidth]);
  return frame;
}
