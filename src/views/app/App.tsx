import { settingsAt } from '../../config/changes.ts';
import { FIELDS } from '../../config/fields.ts';
import { useEffect, useMemo, useRef, useState } from 'react';
import { findLesson } from '../../content/lessons.ts';
import { findPreset } from '../../content/presets.ts';
import { createLabStore } from '../../state/store.ts';
import type { LabStore } from '../../state/store.ts';
import { ChainPanel } from '../chain/ChainPanel.tsx';
import { Controls, DivergenceBanner, Status } from './Controls.tsx';
import { DataTable } from '../data/DataTable.tsx';
import { Files } from './Files.tsx';
import { LossCurve } from '../charts/LossCurve.tsx';
import { Notice, Share } from './Share.tsx';
import { JobBar } from './Progress.tsx';
import { SetupEditor } from '../setup/SetupEditor.tsx';
import { NetworkDiagram } from '../diagram/Network.tsx';
import { CurrentStep } from '../chain/CurrentStep.tsx';
import { Insights } from '../charts/Insights.tsx';
import { LessonBar, LessonList, StartHere } from './Lessons.tsx';
import { HelpDialog, Scrubber, ViewControls } from './ViewBar.tsx';
import { WorkedSolution } from '../worked/WorkedSolution.tsx';
import { EmbedLayout } from './Embed.tsx';
import { useKeyboard } from './keyboard.ts';
import { useStageTop } from './stage.ts';
import { PracticeBar } from '../practice/PracticeBar.tsx';
import { StoreContext, useLab } from './store-context.tsx';
import { CompareMenu } from '../compare/CompareMenu.tsx';
import { ComparePanes } from '../compare/ComparePanes.tsx';

function About() {
  const name = useLab((s) => s.presetName);
  const preset = name ? findPreset(name) : undefined;
  const run = useLab((s) => s.config);
  const update = useLab((s) => s.display.position.update);
  const config = useMemo(() => settingsAt(run, update), [run, update]);
  const comparing = useLab((s) => s.compare !== null && s.partner !== null);
  return (
    <p className="about" data-testid="about">
      {comparing && <b>Run A: </b>}
      {preset ? `${preset.description} ` : ''}
      <span className="setup">
        {config.layers.join('-')} · {config.loss} ({config.reduction ?? 'mean'} over samples) · α ={' '}
        {config.learningRate} · batch {config.batchSize}
        {config.trainBiases ? '' : ' · biases fixed'}
        {config.optimizer === 'momentum'
          ? ` · momentum μ = ${config.momentum ?? FIELDS.momentum.default!}`
          : ''}
        {config.optimizer === 'adam'
          ? ` · Adam β1 = ${config.beta1 ?? FIELDS.beta1.default!}, β2 = ${config.beta2 ?? FIELDS.beta2.default!}`
          : ''}
        {config.weightDecay ? ` · weight decay λ = ${config.weightDecay}` : ''}
      </span>
    </p>
  );
}

function Legend() {
  return (
    <p className="legend" aria-label="Legend">
      <span className="swatch positive" /> positive weight <span className="swatch negative" /> negative
      (thickness: size) <span className="swatch step" /> the computation just done{' '}
      <span className="swatch chain" /> the selected parameter&rsquo;s path to the loss · z weighted sum, a
      activation, δ = ∂L/∂z, ∂ = ∂L/∂w · click anything to see its chain rule
    </p>
  );
}

/** The theme and presenter mode live on the root element, so every CSS variable follows them. */
function useRootAttributes() {
  const theme = useLab((s) => s.theme);
  const presenter = useLab((s) => s.presenter);
  const embed = useLab((s) => s.embed);
  useEffect(() => {
    const root = document.documentElement;
    root.dataset.theme = theme;
    root.dataset.presenter = String(presenter);
    root.dataset.embed = String(embed);
  }, [theme, presenter, embed]);
}

/**
 * What presenter mode shows beside the network: the chain rule, or the insight view when the lesson
 * scene points at one (or the chain panel is hidden); the other goes below the fold.
 */
function usePresenterSide(): 'chain' | 'insight' {
  const hidden = useLab((s) => s.hidden);
  const lesson = useLab((s) => s.lesson);
  const scene = lesson ? findLesson(lesson.name)?.scenes[lesson.scene] : undefined;
  if (hidden.insight) return 'chain';
  return scene?.insight || hidden.chain ? 'insight' : 'chain';
}

/** A tablet- or phone-sized window: share, files and view controls fold into one "More" menu. */
const NARROW = '(max-width: 1100px)';
function useNarrow(): boolean {
  const [narrow, setNarrow] = useState(() => window.matchMedia?.(NARROW).matches ?? false);
  useEffect(() => {
    if (!window.matchMedia) return;
    const query = window.matchMedia(NARROW);
    const change = () => setNarrow(query.matches);
    query.addEventListener('change', change);
    return () => query.removeEventListener('change', change);
  }, []);
  return narrow;
}

/** The whole page, or the embedded one (`embed=1`). */
function Page() {
  useRootAttributes();
  return useLab((s) => s.embed) ? <EmbedLayout /> : <Layout />;
}

function Layout() {
  const narrow = useNarrow();
  const appRef = useRef<HTMLElement>(null);
  const layoutRef = useRef<HTMLDivElement>(null);
  const [now, setNow] = useState<HTMLDivElement | null>(null);
  useStageTop({ app: appRef, layout: layoutRef }, now);
  const hidden = useLab((s) => s.hidden);
  const presenter = useLab((s) => s.presenter);
  const side = usePresenterSide();
  const partner = useLab((s) => (s.compare ? s.partner : null));
  return (
    <main className="app" ref={appRef}>
      <header className="top">
        <div className="bar">
          <h1>Backprop Lab</h1>
          <Controls />
          <div className="group lesson-group">
            <LessonList />
            <CompareMenu />
          </div>
          {narrow ? (
            <details className="menu more">
              <summary className="btn" data-testid="more-menu">
                More
              </summary>
              <div className="menu-list">
                <ViewControls />
                <Share />
                <Files />
              </div>
            </details>
          ) : (
            <>
              <div className="group files-group" role="group" aria-label="Share and files">
                <Share />
                <Files />
              </div>
              <ViewControls />
            </>
          )}
        </div>
        {!presenter && <LessonBar app={appRef} />}
      </header>
      <StartHere />
      <Notice />
      <JobBar />
      {(!presenter || partner) && <Status />}
      {!presenter && <About />}
      <DivergenceBanner />
      {partner ? (
        <ComparePanes
          partner={partner as LabStore}
          shared={
            <>
              <Legend />
              <Scrubber />
              {!hidden.loss && <LossCurve />}
              {!hidden.insight && <Insights />}
              {!hidden.setup && <SetupEditor />}
              {!hidden.data && <DataTable />}
            </>
          }
        />
      ) : (
        <div className="layout" ref={layoutRef} data-side={presenter ? side : undefined}>
          <div className="left">
            {presenter && <Status />}
            {presenter && <LessonBar app={appRef} />}
            <PracticeBar />
            <CurrentStep ref={setNow} />
            <NetworkDiagram />
            <Legend />
            <Scrubber />
            {!hidden.loss && <LossCurve />}
            {!hidden.insight && <Insights />}
          </div>
          <div className="right">
            {!hidden.chain && <ChainPanel />}
            {!hidden.setup && <SetupEditor />}
            {!hidden.data && <DataTable />}
          </div>
        </div>
      )}
      <HelpDialog />
      <WorkedSolution />
    </main>
  );
}

export function App({ store: given }: { store?: LabStore }) {
  const [store] = useState(() => given ?? createLabStore());
  useKeyboard(store);
  return (
    <StoreContext.Provider value={store}>
      <Page />
    </StoreContext.Provider>
  );
}
