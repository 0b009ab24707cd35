import { useMemo } from 'react';
import { buildRun } from '../config/build.ts';
import { DEFAULT_PRESET } from '../config/presets.ts';
import { datasetLoss } from '../core/train.ts';
import { createWorkspace } from '../core/network.ts';

export function App() {
  const loss = useMemo(() => {
    const run = buildRun(DEFAULT_PRESET.config);
    return datasetLoss(run.net, run.params, run.data, createWorkspace(run.net));
  }, []);
  return (
    <main className="app">
      <h1>Backprop Lab</h1>
      <p>{DEFAULT_PRESET.title}</p>
      <p>{DEFAULT_PRESET.description}</p>
      <p>
        Loss at the initial weights: <span data-testid="loss">{loss.toFixed(6)}</span>
      </p>
    </main>
  );
}
