/**
 * "Copy TeX" (issue 13 §4): a small icon button beside a formula that copies its TeX source — for
 * slides and exam papers — and says "Copied" for a moment (aria-live). The Clipboard API, or where it
 * is missing or refused, a temporary textarea and `document.execCommand('copy')`.
 */
import { useEffect, useRef, useState } from 'react';

/** Copies `text`; `near`: where the fallback's textarea goes (inside an open modal dialog, say). */
export async function copyText(text: string, near: HTMLElement | null): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // refused (permissions, an insecure context): the fallback below
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.setAttribute('aria-hidden', 'true');
  area.className = 'copy-fallback';
  const host = near?.parentElement ?? document.body;
  host.appendChild(area);
  area.select();
  let ok: boolean;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  area.remove();
  near?.focus();
  return ok;
}

/** `id`: the line's id (data-testid `copy-tex-<id>`); `what`: the line in words, for its name. */
export function CopyTex({ tex, id, what }: { tex: string; id: string; what: string }) {
  const [said, setSaid] = useState('');
  const button = useRef<HTMLButtonElement>(null);
  const timer = useRef(0);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  const copy = async () => {
    const ok = await copyText(tex, button.current);
    setSaid(ok ? 'Copied' : 'Copy failed');
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => setSaid(''), 1500);
  };
  return (
    <span className="copy-tex">
      <button
        ref={button}
        type="button"
        className="copy-tex-button"
        data-testid={`copy-tex-${id}`}
        aria-label={`Copy TeX of ${what}`}
        title={`Copy TeX of ${what}`}
        onClick={() => void copy()}
      >
        <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
          <rect
            x="5"
            y="5"
            width="9"
            height="9"
            rx="1.5"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.5"
          />
          <path d="M3 11V3.5A1.5 1.5 0 0 1 4.5 2H11" fill="none" stroke="currentColor" strokeWidth="1.5" />
        </svg>
      </button>
      <span className="copy-said" role="status" aria-live="polite">
        {said}
      </span>
    </span>
  );
}
