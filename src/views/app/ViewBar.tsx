/**
 * How the page shows itself: theme, presenter mode, fullscreen, which panels are visible, the list of
 * keyboard shortcuts; and the history scrubber.
 */
import { useEffect, useRef } from 'react';
import { PANELS } from '../../state/store.ts';
import type { PanelName } from '../../state/store.ts';
import { SHORTCUTS, toggleFullscreen } from './keyboard.ts';
import { GoToUpdate } from './Progress.tsx';
import { useLab } from './store-context.tsx';
import { PracticeToggle } from '../practice/PracticeBar.tsx';
import { WorkedButton } from '../worked/WorkedSolution.tsx';

const PANEL_LABELS: Record<PanelName, string> = {
  chain: 'Chain rule',
  loss: 'Loss',
  insight: 'Insights',
  setup: 'Setup',
  data: 'Data',
};

export function ViewControls() {
  const theme = useLab((s) => s.theme);
  const presenter = useLab((s) => s.presenter);
  const hidden = useLab((s) => s.hidden);
  const actions = useLab((s) => s.actions);
  return (
    <div className="view-controls" role="group" aria-label="View">
      <button
        type="button"
        data-testid="presenter"
        aria-pressed={presenter}
        onClick={() => actions.setPresenter(!presenter)}
        title="Presenter mode: large numbers, high contrast (P)"
      >
        Presenter
      </button>
      <button
        type="button"
        data-testid="theme"
        aria-pressed={theme === 'dark'}
        onClick={() => actions.setTheme(theme === 'dark' ? 'light' : 'dark')}
        title="Light or dark theme (T)"
      >
        Dark theme
      </button>
      {!presenter && <PracticeToggle />}
      {!presenter && <WorkedButton />}
      <button type="button" data-testid="fullscreen" onClick={toggleFullscreen} title="Fullscreen (F)">
        Fullscreen
      </button>
      <details className="panel-toggles">
        <summary data-testid="panels">Panels</summary>
        <div className="panel-list">
          {PANELS.map((p, k) => (
            <label key={p}>
              <input
                type="checkbox"
                data-testid={`show-${p}`}
                checked={!hidden[p]}
                onChange={() => actions.togglePanel(p)}
              />{' '}
              {PANEL_LABELS[p]} <kbd>{k + 1}</kbd>
            </label>
          ))}
          {presenter && <PracticeToggle checkbox />}
        </div>
      </details>
      <button
        type="button"
        data-testid="shortcuts-button"
        onClick={() => actions.setHelp(true)}
        title="Keyboard shortcuts (?)"
        aria-label="Keyboard shortcuts"
      >
        ?
      </button>
    </div>
  );
}

export function HelpDialog() {
  const open = useLab((s) => s.help);
  const setHelp = useLab((s) => s.actions.setHelp);
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="help"
      data-testid="shortcuts"
      aria-labelledby="shortcuts-title"
      onClose={() => setHelp(false)}
    >
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <table>
        <tbody>
          {SHORTCUTS.map((k) => (
            <tr key={k.keys}>
              <th scope="row">
                <kbd>{k.keys}</kbd>
              </th>
              <td>{k.does}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">
              <kbd>Tab</kbd>, <kbd>Enter</kbd>
            </th>
            <td>move to a control, a neuron, a weight or a bias; select it</td>
          </tr>
        </tbody>
      </table>
      <button type="button" data-testid="shortcuts-close" autoFocus onClick={() => setHelp(false)}>
        Close
      </button>
    </dialog>
  );
}

export function Scrubber() {
  const horizon = useLab((s) => s.horizon);
  const floor = useLab((s) => s.floor);
  // follows the display (~10 Hz while training fast): a slider moving every frame costs layout
  const update = useLab((s) => s.display.position.update);
  const epoch = useLab((s) => s.display.position.epoch);
  const seek = useLab((s) => s.actions.seek);
  return (
    <div className="history">
      {horizon > floor && (
        <label className="scrubber">
          <span>History</span>
          <input
            type="range"
            data-testid="scrubber"
            min={floor}
            max={horizon}
            step={1}
            value={Math.max(floor, Math.min(update, horizon))}
            onChange={(e) => seek(Number(e.target.value))}
            aria-valuetext={`update ${update} of ${horizon} (epoch ${epoch + 1})`}
          />
          <output data-testid="scrubber-value">
            update {update} / {horizon}
          </output>
        </label>
      )}
      <GoToUpdate />
    </div>
  );
}
