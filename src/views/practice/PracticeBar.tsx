/**
 * Practice mode's strip above the diagram (issue 12 §1): what is asked (the scope), the running score
 * (right first time / with a hint / shown), how the controls behave while practising, and the way
 * out. The toggle that turns practice mode on is `PracticeToggle`, among the view controls.
 */
import { PRACTICE_SCOPES } from '../../config/view-link.ts';
import type { PracticeScopeName } from '../../config/view-link.ts';
import { useLab } from '../app/store-context.tsx';

const SCOPE_LABELS: Record<PracticeScopeName, string> = {
  forward: 'forward pass and loss',
  backward: 'backward pass',
  all: 'everything',
  update: 'the update',
};

export function PracticeBar() {
  const on = useLab((s) => s.practice);
  const scope = useLab((s) => s.practiceScope);
  const score = useLab((s) => s.score);
  const actions = useLab((s) => s.actions);
  if (!on) return null;
  return (
    <section className="practice-bar" data-testid="practice" aria-label="Practice mode">
      <strong>Practice</strong>
      <label>
        Ask{' '}
        <select
          data-testid="practice-scope"
          value={scope}
          onChange={(e) => actions.setPracticeScope(e.target.value as PracticeScopeName)}
        >
          {PRACTICE_SCOPES.map((s) => (
            <option key={s} value={s}>
              {SCOPE_LABELS[s]}
            </option>
          ))}
        </select>
      </label>
      <span className="practice-score" data-testid="practice-score" aria-live="polite">
        <span data-testid="score-first">{score.first}</span> right first time ·{' '}
        <span data-testid="score-hinted">{score.hinted}</span> with a hint ·{' '}
        <span data-testid="score-shown">{score.shown}</span> shown
      </span>
      <span className="practice-help">
        → asks the next value · Play stops at each question · bigger steps, Back and the history skip it
      </span>
      <button type="button" data-testid="practice-leave" onClick={() => actions.setPractice(false)}>
        Leave practice (Esc)
      </button>
    </section>
  );
}

/**
 * Practice mode on / off, among the view controls: a button, or in presenter mode's compact bar a
 * checkbox under Panels (Q toggles it too).
 */
export function PracticeToggle({ checkbox = false }: { checkbox?: boolean }) {
  const on = useLab((s) => s.practice);
  const setPractice = useLab((s) => s.actions.setPractice);
  const title = 'Practice: compute each value before it is shown (Q)';
  if (checkbox)
    return (
      <label title={title}>
        <input type="checkbox" data-testid="practice-toggle" checked={on} onChange={() => setPractice(!on)} />{' '}
        Practice mode <kbd>Q</kbd>
      </label>
    );
  return (
    <button
      type="button"
      data-testid="practice-toggle"
      aria-pressed={on}
      onClick={() => setPractice(!on)}
      title={title}
    >
      Practice
    </button>
  );
}
