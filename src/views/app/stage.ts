/**
 * Presenter mode fits one screen (tests/e2e/screens.spec.ts measures it): the page's measured offsets
 * as CSS variables on the root — `--stage-top` (where the panels start, below the toolbar, the lesson
 * strip and the status line) and `--diagram-top` (where the network starts) — so the chain rule's box
 * and the diagram's width fit between them and the viewport's bottom; and the chain rule's box shows
 * its end (the product and the update) when it overflows.
 */
import { useEffect } from 'react';
import { useLab } from './store-context.tsx';

/** The elements whose size moves the panels: everything above them, and the "just computed" line. */
const WATCHED = '.app > :not(.layout), .current-step';

function showChainEnd() {
  const chain = document.querySelector('.panel.chain');
  if (!chain) return;
  chain.scrollTop = chain.scrollHeight;
  // a box that scrolls can be reached and scrolled from the keyboard
  for (const el of [chain, ...chain.querySelectorAll('.tex-lines > li')]) {
    const scrolls = el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1;
    if (scrolls && !el.hasAttribute('tabindex')) el.setAttribute('tabindex', '0');
  }
}

export function useStageTop() {
  useEffect(() => {
    const root = document.documentElement;
    const measure = () => {
      const top = (selector: string) => {
        const el = document.querySelector(selector);
        return el ? `${el.getBoundingClientRect().top + window.scrollY}px` : null;
      };
      const stage = top('.layout');
      const diagram = top('.diagram');
      if (stage) root.style.setProperty('--stage-top', stage);
      if (diagram) root.style.setProperty('--diagram-top', diagram);
      if (root.dataset.presenter === 'true') showChainEnd();
    };
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    const watch = () => {
      observer.disconnect();
      for (const el of document.querySelectorAll(WATCHED)) observer.observe(el);
    };
    const children = new MutationObserver(() => {
      watch();
      measure();
    });
    for (const el of document.querySelectorAll('.app, .left')) children.observe(el, { childList: true });
    watch();
    measure();
    return () => {
      observer.disconnect();
      children.disconnect();
    };
  }, []);
}

/** In presenter mode the chain rule's box shows its end whenever the selection or the run changes. */
export function useChainAtEnd() {
  const presenter = useLab((s) => s.presenter);
  const selection = useLab((s) => s.selection);
  const view = useLab((s) => s.display);
  useEffect(() => {
    if (!presenter) return;
    const frame = requestAnimationFrame(showChainEnd);
    return () => cancelAnimationFrame(frame);
  }, [presenter, selection, view]);
}
