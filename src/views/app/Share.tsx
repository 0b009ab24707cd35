/** Two ways to share: the setup (training starts over from it) and this exact moment. */
import { useState } from 'react';
import { findPreset } from '../../content/presets.ts';
import { embedLink, embedSnippet } from '../../session/links.ts';
import { momentLink, setupLink } from '../../state/store.ts';
import type { LabState } from '../../state/store.ts';
import { useLab, useLabStore } from './store-context.tsx';

type Kind = 'setup' | 'moment' | 'embed';

export function pageUrl(fragment: string): string {
  const { origin, pathname, search } = window.location;
  return `${origin}${pathname}${search}#${fragment}`;
}

const TEXT: Record<Kind, { readonly label: string; readonly what: string }> = {
  setup: { label: 'link to this setup', what: 'Copy this link: ' },
  moment: { label: 'link to this moment', what: 'Copy this link: ' },
  embed: { label: 'HTML that embeds this moment', what: 'Paste into a slide or page: ' },
};

/** What the button copies: a link, or the iframe that embeds this moment. */
function shareText(kind: Kind, state: LabState): string {
  if (kind === 'setup') return pageUrl(setupLink(state));
  if (kind === 'moment') return pageUrl(momentLink(state));
  const preset = state.presetName ? findPreset(state.presetName) : undefined;
  const title = `Backprop Lab: ${preset?.title ?? `a ${state.config.layers.join('-')} network`}`;
  return embedSnippet(pageUrl(embedLink(state)), title);
}

export function Share() {
  const store = useLabStore();
  const [shown, setShown] = useState<{ kind: Kind; url: string; copied: boolean } | null>(null);
  const share = async (kind: Kind) => {
    setShown(null); // never show the previous link while this one is being copied
    // read the state when clicked: no re-render of this component per frame
    const state = store.getState();
    const url = shareText(kind, state);
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
        Setup link
      </button>
      <button
        type="button"
        data-testid="share-moment"
        onClick={() => void share('moment')}
        title="A link to exactly this moment of training"
      >
        Moment link
      </button>
      <button
        type="button"
        data-testid="share-embed"
        onClick={() => void share('embed')}
        title="Copies the HTML of a frame showing this moment's diagram, chain rule and step controls, for slides and course pages"
      >
        Embed
      </button>
      {shown && (
        <span className="shared" role="status">
          {shown.copied ? 'Copied: ' : TEXT[shown.kind].what}
          <input
            readOnly
            data-testid="share-url"
            data-kind={shown.kind}
            value={shown.url}
            aria-label={TEXT[shown.kind].label}
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
