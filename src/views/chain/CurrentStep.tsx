/**
 * The computation just done, as one line with its numbers — large in presenter mode, so the back row
 * can follow each step: a neuron's weighted sum and activation, the loss, a neuron's δ, the update.
 */
import { useMemo } from 'react';
import { stepLine } from './lines.ts';
import { Tex } from '../widgets/Tex.tsx';
import { useLab } from '../app/store-context.tsx';

export function CurrentStep() {
  const view = useLab((s) => s.display);
  const loss = useLab((s) => s.config.loss);
  const line = useMemo(() => stepLine(view, loss), [view, loss]);
  if (!line) return null;
  return (
    <div
      className="current-step"
      data-testid="now"
      role="group"
      aria-label="The computation just done"
      tabIndex={0}
    >
      <span className="now-label">Just computed — {line.what}:</span> <Tex tex={line.tex} />
    </div>
  );
}
