/**
 * The "Compare" menu: a second run beside this one, with one setting changed (the classic pairs of
 * `content/comparisons.ts`, computed from this setup) or with settings typed as a link writes them
 * (`lr:5;act:relu`); and "Stop comparing".
 */
import { useState } from 'react';
import { COMPARE_KEYS, readComparison } from '../../config/compare-link.ts';
import { COMPARISONS } from '../../content/comparisons.ts';
import { useLab, useLabStore } from '../app/store-context.tsx';

export function CompareMenu() {
  const store = useLabStore();
  const compare = useLab((s) => s.compare);
  const config = useLab((s) => s.config);
  const samples = useLab((s) => s.view.samples);
  const embed = useLab((s) => s.embed);
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  if (embed) return null;
  const start = (text: string | null) => {
    const problems = store.getState().actions.setCompare(text);
    setErrors(problems);
    if (!problems.length) {
      setOpen(false);
      setDraft('');
    }
  };
  const picks = COMPARISONS.filter((c) => c.applies?.(config, samples) ?? true)
    .map((c) => ({ ...c, text: c.cmp(config, samples) }))
    .filter((c) => !('ok' in readComparison(config, c.text)));
  return (
    <details
      className="compare-menu menu"
      open={open}
      onToggle={(e) => setOpen(e.currentTarget.open)}
      aria-label="Compare two runs"
    >
      <summary className="btn" data-testid="compare-menu" aria-pressed={compare !== null}>
        <span className="menu-label">Compare</span>
        {compare && <span className="menu-current">B</span>}
      </summary>
      <div className="menu-list">
        <p className="menu-note">
          Run B trains on the same data beside this run (run A), with one setting changed; both step together.
        </p>
        <ol>
          {picks.map((c) => (
            <li key={c.name}>
              <button
                type="button"
                data-testid={`compare-${c.name}`}
                aria-current={compare === c.text ? 'true' : undefined}
                onClick={() => start(c.text)}
              >
                {c.title}{' '}
                <small>
                  ({c.text.replace(':', ' ')}): {c.shows}
                </small>
              </button>
            </li>
          ))}
        </ol>
        <form
          className="compare-custom"
          onSubmit={(e) => {
            e.preventDefault();
            start(draft.trim());
          }}
        >
          <label>
            Run B&rsquo;s settings{' '}
            <input
              data-testid="compare-text"
              value={draft}
              placeholder="lr:5;act:relu"
              spellCheck={false}
              autoCapitalize="off"
              onChange={(e) => setDraft(e.target.value)}
            />
          </label>{' '}
          <button type="submit" className="btn">
            Compare
          </button>
          <small className="note"> keys: {COMPARE_KEYS.join(', ')}</small>
        </form>
        {errors.length > 0 && (
          <p className="field-error" role="alert" data-testid="compare-error">
            {errors.join('; ')}
          </p>
        )}
        {compare && (
          <button type="button" className="btn" data-testid="compare-stop" onClick={() => start(null)}>
            Stop comparing
          </button>
        )}
      </div>
    </details>
  );
}
