/**
 * Long training the page does in slices (a link's replay, "Go to update"): a progress bar with a
 * Cancel button; and the "Go to update" field beside the history slider.
 */
import { useState } from 'react';
import { useLab } from './store-context.tsx';

const count = new Intl.NumberFormat('en');

export function JobBar() {
  const job = useLab((s) => s.job);
  const cancel = useLab((s) => s.actions.cancelJob);
  if (!job) return null;
  const share = job.total > 0 ? job.done / job.total : 0;
  return (
    <div className="job" role="status" data-testid="job">
      <span>
        {job.label}: update {count.format(job.done)} of {count.format(job.total)}
      </span>
      <progress
        data-testid="job-progress"
        max={job.total}
        value={job.done}
        aria-label={`${job.label}: ${Math.floor(share * 100)} %`}
      />
      <button type="button" data-testid="job-cancel" onClick={cancel}>
        Cancel
      </button>
    </div>
  );
}

export function GoToUpdate() {
  const goTo = useLab((s) => s.actions.goToUpdate);
  const busy = useLab((s) => s.job !== null);
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const go = () => {
    const errors = goTo(text);
    setProblem(errors.length ? errors.join('; ') : null);
  };
  return (
    <span className="goto">
      <label>
        <span>Go to update</span>
        <input
          data-testid="goto-update"
          inputMode="numeric"
          size={10}
          value={text}
          placeholder="e.g. 10000"
          aria-invalid={problem !== null}
          aria-describedby={problem ? 'goto-problem' : undefined}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') go();
          }}
        />
      </label>
      <button type="button" data-testid="goto-go" onClick={go} disabled={busy}>
        Go
      </button>
      {problem && (
        <span className="goto-problem" id="goto-problem" role="alert" data-testid="goto-problem">
          {problem}
        </span>
      )}
    </span>
  );
}
