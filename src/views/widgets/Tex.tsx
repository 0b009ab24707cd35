/**
 * The only place that calls KaTeX. TeX comes from src/tex (numbers and fixed symbols only); `trust`
 * is off. A KaTeX error message contains unescaped source, so it is shown as text, never as HTML.
 */
import { useLayoutEffect, useRef } from 'react';
import katex from 'katex';
import { projected } from '../../tex/format.ts';
import { useLab } from '../app/store-context.tsx';

export function Tex({
  tex,
  display = false,
  className,
}: {
  tex: string;
  display?: boolean;
  className?: string;
}) {
  const ref = useRef<HTMLSpanElement>(null);
  const presenter = useLab((s) => s.presenter);
  const source = presenter ? projected(tex) : tex;
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    try {
      katex.render(source, el, {
        displayMode: display,
        throwOnError: true,
        trust: false,
        strict: 'warn',
        output: 'htmlAndMathml',
      });
    } catch (e) {
      el.textContent = `[formula error: ${e instanceof Error ? e.message : String(e)}]`;
    }
  }, [source, display]);
  return <span ref={ref} className={className} data-tex={tex} />;
}
