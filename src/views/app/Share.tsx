/** Two ways to share: the setup (training starts over from it) and this exact moment. */
import { useState } from 'react';
import { momentLink, setupLink } from '../../state/store.ts';
import { useLab, useLabStore } from './store-context.tsx';

type Kind = 'setup' | 'moment';

function pageUrl(fragment: string): string {
  const { origin, pathname, search } = window.location;
  return `${origin}${pathname}${search}#${fragment}`;
}

export function Share() {
  const store = useLabStore();
  const [shown, setShown] = useState<{ kind: Kind; url: string; copied: boolean } | null>(null);
  const share = async (kind: Kind) => {
    setShown(null); // never show the previous link while this one is being copied
    // read the state when clicked: no re-render of this component per frame
    const state = store.getState();
    const url = pageUrl(kind === 'setup' ? setupLink(state) : momentLink(state));
    let copied = false;
    try {
      await navigator.clipboard.writeText(url);
      copied = true;
    } catch {
      // no clipboard (permissions, insecure context): the link is shown to copy by hand
    }
    setShown({ kind, url, copied });
  };
  return (
    <div className="share">
      <button
        type="button"
        data-testid="share-setup"
        onClick={() => void share('setup')}
        title="A link that starts this setup from its initial weights"
      >
        Link to setup
      </button>
      <button
        type="button"
        data-testid="share-moment"
        onClick={() => void share('moment')}
        title="A link to exactly this moment of training"
      >
        Link to this moment
      </button>
      {shown && (
        <span className="shared" role="status">
          {shown.copied ? 'Copied: ' : 'Copy this link: '}
          <input
            readOnly
            data-testid="share-url"
            data-kind={shown.kind}
            value={shown.url}
            aria-label={`link to this ${shown.kind}`}
            onFocus={(e) => e.currentTarget.select()}
          />
          <button type="button" onClick={() => setShown(null)} aria-label="Close">
            ×
          </button>
        </span>
      )}
    </div>
  );
}

export function Notice() {
  const notice = useLab((s) => s.notice);
  const notify = useLab((s) => s.actions.notify);
  if (!notice) return null;
  return (
    <div className="notice" role="alert" data-testid="notice">
      <p>{notice}</p>
      <button type="button" onClick={() => notify(null)}>
        Dismiss
      </button>
    </div>
  );
}
