/** Step, back, play/pause, speed, reset and the preset picker; the status line below them. */
import { PRESETS } from '../../content/presets.ts';
import { fmt } from '../../tex/format.ts';
import { SPEEDS } from '../../session/speeds.ts';
import { useLab } from './store-context.tsx';

/** `picker`: the example picker (the embedded page shows its own setup only). */
export function Controls({ picker = true }: { picker?: boolean }) {
  const actions = useLab((s) => s.actions);
  const playing = useLab((s) => s.playing);
  const speed = useLab((s) => s.speed);
  const presetName = useLab((s) => s.presetName);
  const atStart = useLab((s) => s.view.position.update === 0 && s.view.position.micro === 0);
  const diverged = useLab((s) => s.view.divergence !== null);
  return (
    <div className="controls" role="toolbar" aria-label="Training controls">
      {picker && (
        <label className="preset">
          <span>Example</span>
          <select
            data-testid="preset"
            value={presetName ?? ''}
            onChange={(e) => actions.loadPreset(e.target.value)}
          >
            {presetName === null && <option value="">(custom)</option>}
            {PRESETS.map((p) => (
              <option key={p.name} value={p.name}>
                {p.title}
                {p.source ? ` (${p.source})` : ''}
              </option>
            ))}
          </select>
        </label>
      )}
      <div className="group steps" role="group" aria-label="Step">
        <button
          type="button"
          data-testid="reset"
          onClick={actions.reset}
          title="Reset to the initial weights"
        >
          ↺<span className="label"> Reset</span>
        </button>
        <button
          type="button"
          data-testid="step-back"
          onClick={actions.back}
          disabled={atStart}
          title="Back one computation (←)"
        >
          ◀<span className="label"> Back</span>
        </button>
        <button
          type="button"
          data-testid="step"
          onClick={() => actions.step('step')}
          disabled={diverged}
          title="Next computation (→)"
        >
          Step ▶
        </button>
        <button
          type="button"
          data-testid="step-sample"
          onClick={() => actions.step('sample')}
          disabled={diverged}
          title="To the end of this sample (Shift+→)"
        >
          <span className="label">Sample </span>▶▶
        </button>
        <button
          type="button"
          data-testid="step-batch"
          onClick={() => actions.step('batch')}
          disabled={diverged}
          title="To the next update (B)"
        >
          <span className="label">Batch </span>▶|
        </button>
        <button
          type="button"
          data-testid="step-epoch"
          onClick={() => actions.step('epoch')}
          disabled={diverged}
          title="To the end of the epoch (Ctrl+→ or E)"
        >
          <span className="label">Epoch </span>▶▶|
        </button>
      </div>
      <div className="group play" role="group" aria-label="Play">
        {playing ? (
          <button
            type="button"
            className="btn-primary primary"
            data-testid="pause"
            onClick={actions.pause}
            title="Pause (Space)"
          >
            ❚❚<span className="label"> Pause</span>
          </button>
        ) : (
          <button
            type="button"
            className="btn-primary primary"
            data-testid="play"
            onClick={actions.play}
            disabled={diverged}
            title="Play (Space)"
          >
            ▶<span className="label"> Play</span>
          </button>
        )}
        <label className="speed">
          <span>Speed</span>
          <input
            type="range"
            data-testid="speed"
            min={0}
            max={SPEEDS.length - 1}
            step={1}
            value={speed}
            onChange={(e) => actions.setSpeed(Number(e.target.value))}
            aria-valuetext={SPEEDS[speed]!.label}
          />
          <output>{SPEEDS[speed]!.label}</output>
        </label>
      </div>
    </div>
  );
}

const PHASE_TEXT = { forward: 'forward', loss: 'loss', backward: 'backward', update: 'update' } as const;

export function Status() {
  const view = useLab((s) => s.view);
  const pos = view.position;
  const phase = pos.last ? PHASE_TEXT[pos.last.phase] : 'ready';
  const what =
    pos.last?.phase === 'forward' || pos.last?.phase === 'backward'
      ? ` · neuron ${pos.last.neuron + 1} of layer ${pos.last.layer}`
      : '';
  return (
    <dl className="status" aria-live="polite">
      <div>
        <dt>epoch</dt>
        <dd data-testid="epoch" data-value={view.epochs}>
          {pos.epoch + 1}
        </dd>
      </div>
      <div>
        <dt>sample</dt>
        <dd data-testid="sample">
          {pos.sampleInEpoch + 1} / {view.samples}
        </dd>
      </div>
      <div>
        <dt>update</dt>
        <dd data-testid="update">{pos.update}</dd>
      </div>
      <div>
        <dt>phase</dt>
        <dd data-testid="phase">
          {phase}
          {what}
        </dd>
      </div>
      <div>
        <dt>{view.reduction === 'sum' ? 'total loss E = Σₛ Lₛ (data set)' : 'mean loss (data set)'}</dt>
        <dd data-testid="loss" data-value={view.datasetLoss}>
          {fmt(view.datasetLoss)}
        </dd>
      </div>
    </dl>
  );
}

export function DivergenceBanner() {
  const divergence = useLab((s) => s.view.divergence);
  const actions = useLab((s) => s.actions);
  const lr = useLab((s) => s.view.learningRate);
  const follower = useLab((s) => s.follower);
  if (!divergence) return null;
  if (follower)
    return (
      <div className="divergence" role="alert" data-testid="divergence">
        <p>{divergence.message}</p>
        <p>
          With α = {fmt(lr)} this run&rsquo;s steps overshoot so far that the numbers grow without bound; it
          stays here while run A trains on.
        </p>
      </div>
    );
  return (
    <div className="divergence" role="alert" data-testid="divergence">
      <p>{divergence.message}</p>
      <p>
        A learning rate of {fmt(lr)} makes each step overshoot so far that the numbers grow without bound.
      </p>
      <button type="button" onClick={actions.lowerLearningRate} data-testid="lower-rate">
        Restart with α = {fmt(lr / 10)}
      </button>
      <button type="button" onClick={actions.back}>
        Step back
      </button>
      <button type="button" onClick={actions.reset}>
        Reset
      </button>
    </div>
  );
}
