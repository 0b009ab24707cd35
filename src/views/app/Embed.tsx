/**
 * The embedded page (`embed=1` in a link): the step controls, the network and the chain rule, sized to
 * its frame, for slides and course pages. The keyboard works inside the frame (the shortcuts listen
 * on the frame's window); "Open in Backprop Lab" opens this moment as the whole page in a new tab.
 */
import { useRef, useState } from 'react';
import type { MouseEvent } from 'react';
import { ChainPanel } from '../chain/ChainPanel.tsx';
import { CurrentStep } from '../chain/CurrentStep.tsx';
import { NetworkDiagram } from '../diagram/Network.tsx';
import { PracticeBar } from '../practice/PracticeBar.tsx';
import { momentLink } from '../../state/store.ts';
import type { LabState } from '../../state/store.ts';
import { Controls, DivergenceBanner, Status } from './Controls.tsx';
import { pageUrl, Notice } from './Share.tsx';
import { HelpDialog } from './ViewBar.tsx';
import { useStageTop } from './stage.ts';
import { useLabStore } from './store-context.tsx';

/** This moment as the whole page (not embedded). */
const fullPage = (s: LabState) => pageUrl(momentLink({ ...s, embed: false }));

export function EmbedLayout() {
  const store = useLabStore();
  const appRef = useRef<HTMLElement>(null);
  const layoutRef = useRef<HTMLDivElement>(null);
  const [now, setNow] = useState<HTMLDivElement | null>(null);
  useStageTop({ app: appRef, layout: layoutRef }, now);
  const [href] = useState(() => fullPage(store.getState()));
  // the moment as it is when clicked (rendering the link every step would re-render this bar)
  const open = (e: MouseEvent<HTMLAnchorElement>) => {
    e.currentTarget.href = fullPage(store.getState());
  };
  return (
    <main className="app embed" ref={appRef} data-testid="embed">
      <header className="top">
        <div className="bar">
          <Controls picker={false} />
          <a className="btn open-full" href={href} target="_blank" rel="noopener" onClick={open}>
            Open in Backprop Lab ↗
          </a>
        </div>
        <Status />
      </header>
      <Notice />
      <DivergenceBanner />
      <div className="layout" ref={layoutRef}>
        <div className="left">
          <PracticeBar />
          <CurrentStep ref={setNow} />
          <NetworkDiagram />
        </div>
        <div className="right">
          <ChainPanel />
        </div>
      </div>
      <HelpDialog />
    </main>
  );
}
