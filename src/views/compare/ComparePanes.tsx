/**
 * Two runs side by side (`compare`): run A (this page's run, with the controls) and run B (the
 * partner store, which follows run A), each with its diagram and its chain panel, the same parameter
 * selected in both; below them, shared, the history, both losses on one chart, the insight views and
 * the setup of run A. Each column is headed by the settings in which the runs differ.
 */
import { useMemo } from 'react';
import type { ReactNode } from 'react';
import { comparisonLabels } from '../../config/compare-link.ts';
import { fmt } from '../../tex/format.ts';
import type { LabStore } from '../../state/store.ts';
import { ChainPanel } from '../chain/ChainPanel.tsx';
import { CurrentStep } from '../chain/CurrentStep.tsx';
import { NetworkDiagram } from '../diagram/Network.tsx';
import { DivergenceBanner } from '../app/Controls.tsx';
import { JobBar } from '../app/Progress.tsx';
import { Notice } from '../app/Share.tsx';
import { StoreContext, useLab, usePartnerState } from '../app/store-context.tsx';

/** A run's column head: its name, what differs, and its loss now (of the store in context). */
function RunHeader({ run, label, children }: { run: 'A' | 'B'; label: string; children?: ReactNode }) {
  const loss = useLab((s) => s.display.datasetLoss);
  const sum = useLab((s) => s.display.reduction === 'sum');
  return (
    <header className="run-header">
      <h2>
        <span className={`run-key run-${run.toLowerCase()}`} aria-hidden="true" />
        Run {run} <span className="run-label">· {label}</span>
      </h2>
      <span className="run-loss" data-testid="run-loss" data-value={loss}>
        {sum ? 'total' : 'mean'} loss <b>{fmt(loss)}</b>
      </span>
      {children}
    </header>
  );
}

/** One run's column: what it computed last, its network and its chain rule. */
function RunPane({ chain }: { chain: boolean }) {
  return (
    <>
      <CurrentStep />
      <NetworkDiagram />
      {chain && <ChainPanel />}
    </>
  );
}

export function ComparePanes({ partner, shared }: { partner: LabStore; shared: ReactNode }) {
  const config = useLab((s) => s.config);
  const hidden = useLab((s) => s.hidden);
  const stop = useLab((s) => s.actions.setCompare);
  const b = usePartnerState(partner, (s) => s.config);
  const labels = useMemo(() => comparisonLabels(config, b), [config, b]);
  return (
    <div className="compare-layout" data-testid="compare">
      <section className="run run-a" data-testid="run-a" aria-label={`Run A: ${labels.a}`}>
        <RunHeader run="A" label={labels.a} />
        <RunPane chain={!hidden.chain} />
      </section>
      <section className="run run-b" data-testid="run-b" aria-label={`Run B: ${labels.b}`}>
        <StoreContext.Provider value={partner}>
          <RunHeader run="B" label={labels.b}>
            <button type="button" className="btn" data-testid="compare-close" onClick={() => stop(null)}>
              Stop comparing
            </button>
          </RunHeader>
          <Notice />
          <JobBar />
          <DivergenceBanner />
          <RunPane chain={!hidden.chain} />
        </StoreContext.Provider>
      </section>
      <div className="compare-shared">
        <p className="compare-note hint" data-testid="compare-note">
          Both runs step together: the step buttons, the history and Back move both, and the loss curve shows
          both (run B dashed). The insight views, the setup and the data below are run A&rsquo;s; a change of
          the setup applies to run B too, except the settings run B changes ({labels.b}).
        </p>
        {shared}
      </div>
    </div>
  );
}
