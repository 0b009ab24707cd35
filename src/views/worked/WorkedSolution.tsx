/**
 * The worked solution of the current sample (issue 13 §4): a full-page dialog with the forward pass,
 * the loss, every δ, every gradient and the update with their numbers (src/session/worked.ts computes
 * them, src/tex/worked.ts writes them), a Print button and print CSS (src/styles/print.css) that prints
 * it alone — one A4 page for the textbook 2-2-2 example. Escape or Close closes it.
 */
import { useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import { createPortal } from 'react-dom';
import { workedSolution } from '../../session/worked.ts';
import { workedHeading, workedSymbols, workedTex } from '../../tex/worked.ts';
import { Tex } from '../widgets/Tex.tsx';
import { useLab } from '../app/store-context.tsx';
import { CopyTex } from '../widgets/CopyTex.tsx';

function WorkedPage({ onClose }: { onClose: () => void }) {
  const view = useLab((s) => s.display);
  const data = useLab((s) => s.data);
  const { heading, sections } = useMemo(() => {
    const w = workedSolution(view, data.train);
    return { heading: workedHeading(w), sections: workedTex(w, workedSymbols(view.net.sizes)) };
  }, [view, data]);
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className="worked-page"
      data-testid="worked"
      aria-labelledby="worked-title"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      // the page's shortcuts (Space, arrows, Esc) stay outside: Escape closes this page
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Escape') {
          e.preventDefault();
          onClose();
        }
      }}
    >
      <header className="worked-head">
        <h2 id="worked-title">Worked solution</h2>
        <div className="worked-actions">
          <button type="button" data-testid="worked-print" onClick={() => window.print()}>
            Print
          </button>
          <button type="button" data-testid="worked-close" autoFocus onClick={onClose}>
            Close
          </button>
        </div>
      </header>
      <p className="worked-about" data-testid="worked-about">
        {heading}
      </p>
      {sections.map((s) => (
        <section key={s.id} className={`worked-section worked-${s.id}`} aria-label={s.title}>
          <h3>{s.title}</h3>
          {s.note && <p className="note">{s.note}</p>}
          <ol className="worked-lines">
            {s.lines.map((l) => (
              <li key={l.id} data-testid={`worked-${l.id}`}>
                <Tex tex={l.tex} />
                <CopyTex tex={l.tex} id={`worked-${l.id}`} what={l.label} />
              </li>
            ))}
          </ol>
        </section>
      ))}
    </dialog>
  );
}

/**
 * Whether the page is open, outside React's tree: the button moves between the toolbar and the
 * "More" menu as the window narrows (printing narrows it too), the page stays open.
 */
let opened = false;
const listeners = new Set<() => void>();
function setOpen(v: boolean): void {
  opened = v;
  for (const l of listeners) l();
}
function useOpen(): boolean {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => opened,
  );
}

/** The "Worked solution" button (in the view controls). */
export function WorkedButton() {
  return (
    <button
      type="button"
      data-testid="worked-button"
      onClick={() => setOpen(true)}
      title="A printable worked solution of the current sample"
    >
      Worked solution
    </button>
  );
}

/** The page, on <body> so that print CSS can print it alone (mounted once, in App). */
export function WorkedSolution() {
  const open = useOpen();
  return open ? createPortal(<WorkedPage onClose={() => setOpen(false)} />, document.body) : null;
}
