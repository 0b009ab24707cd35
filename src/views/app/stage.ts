/**
 * Presenter mode fits one screen (tests/e2e/screens.spec.ts and presenter-chain.spec.ts measure it):
 * the page's measured offsets as CSS variables on the root — `--stage-top` (where the panels start,
 * below the toolbar, the lesson strip and the status line) and `--diagram-top` (where the network
 * starts: below the "just computed" line) — so the chain rule's box and the diagram's width fit
 * between them and the viewport's bottom. The chain rule fits its box without scrolling
 * (src/tex/compact.ts); ChainPanel itself shows the box's end should a formula ever outgrow it.
 */
import { useEffect } from 'react';
import type { RefObject } from 'react';

export interface StageRefs {
  /** the whole page: it changes size whenever anything above the panels does */
  readonly app: RefObject<HTMLElement | null>;
  /** the panels' grid */
  readonly layout: RefObject<HTMLElement | null>;
}

/**
 * Keeps `--stage-top` and `--diagram-top` up to date. `now` is the "just computed" line (absent
 * before the first step), the row above the network in presenter mode.
 */
export function useStageTop({ app, layout }: StageRefs, now: HTMLElement | null) {
  useEffect(() => {
    const root = document.documentElement;
    const page = app.current;
    const grid = layout.current;
    if (!page || !grid) return;
    const measure = () => {
      const stage = grid.getBoundingClientRect().top + window.scrollY;
      const gap = parseFloat(getComputedStyle(grid).rowGap) || 0;
      const diagram = now ? now.getBoundingClientRect().bottom + window.scrollY + gap : stage;
      root.style.setProperty('--stage-top', `${stage}px`);
      root.style.setProperty('--diagram-top', `${diagram}px`);
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(page);
    if (now) observer.observe(now);
    return () => observer.disconnect();
  }, [app, layout, now]);
}
