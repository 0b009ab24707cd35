import { useState } from 'react';
import { findPreset } from '../config/presets.ts';
import { createLabStore } from '../state/store.ts';
import type { LabStore } from '../state/store.ts';
import { ChainPanel } from './ChainPanel.tsx';
import { Controls, DivergenceBanner, Status } from './Controls.tsx';
import { DataTable } from './DataTable.tsx';
import { Files } from './Files.tsx';
import { LossCurve } from './LossCurve.tsx';
import { Notice, Share } from './Share.tsx';
import { SetupEditor } from './SetupEditor.tsx';
import { NetworkDiagram } from './Network.tsx';
import { useKeyboard } from './keyboard.ts';
import { StoreContext, useLab } from './store-context.tsx';

function About() {
  const name = useLab((s) => s.presetName);
  const preset = name ? findPreset(name) : undefined;
  const config = useLab((s) => s.config);
  return (
    <p className="about" data-testid="about">
      {preset ? `${preset.description} ` : ''}
      <span className="setup">
        {config.layers.join('-')} · {config.loss} · α = {config.learningRate} · batch {config.batchSize}
        {config.trainBiases ? '' : ' · biases fixed'}
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

export function App({ store: given }: { store?: LabStore }) {
  const [store] = useState(() => given ?? createLabStore());
  useKeyboard(store);
  return (
    <StoreContext.Provider value={store}>
      <main className="app">
        <header className="top">
          <h1>Backprop Lab</h1>
          <Controls />
        </header>
        <div className="secondary">
          <Share />
          <Files />
        </div>
        <Notice />
        <Status />
        <About />
        <DivergenceBanner />
        <div className="layout">
          <div className="left">
            <NetworkDiagram />
            <Legend />
            <LossCurve />
          </div>
          <div className="right">
            <ChainPanel />
            <SetupEditor />
            <DataTable />
          </div>
        </div>
      </main>
    </StoreContext.Provider>
  );
}
