/**
 * The only place that calls KaTeX. TeX comes from src/tex (numbers and fixed symbols only); `trust`
 * is off. A KaTeX error message contains unescaped source, so it is shown as text, never as HTML.
 * In presenter mode a `flow` formula (the chain panel's) is written compactly and set inline, so it
 * wraps onto as many rows as its box needs (src/tex/compact.ts); other formulas are projected.
 */
import { useLayoutEffect, useRef } from 'react';
import katex from 'katex';
import { compactTex } from '../../tex/compact.ts';
import { projected } from '../../tex/format.ts';
import { useLab } from '../app/store-context.tsx';

export function Tex({
  tex,
  display = false,
  flow = false,
  className,
}: {
  tex: string;
  display?: boolean;
  flow?: boolean;
  className?: string;
}) {
  const ref = useRef<HTMLSpanElement>(null);
  const presenter = useLab((s) => s.presenter);
  const flowing = presenter && flow;
  const source = flowing ? compactTex(tex) : presenter ? projected(tex) : tex;
  const displayMode = display && !flowing;
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    try {
      katex.render(source, el, {
        displayMode,
        throwOnError: true,
        trust: false,
        strict: 'warn',
        output: 'htmlAndMathml',
      });
    } catch (e) {
      el.textContent = `[formula error: ${e instanceof Error ? e.message : String(e)}]`;
    }
  }, [source, displayMode]);
  return <span ref={ref} className={className} data-tex={tex} />;
}
