/**
 * The computation just done, as one line with its numbers — large in presenter mode, so the back row
 * can follow each step: a neuron's weighted sum and activation, the loss, a neuron's δ, the update.
 */
import { useMemo } from 'react';
import type { Ref } from 'react';
import { stepLine } from './lines.ts';
import { Tex } from '../widgets/Tex.tsx';
import { CopyTex } from '../widgets/CopyTex.tsx';
import { useLab } from '../app/store-context.tsx';

/** `ref`: the line's element, for the presenter layout's measures (src/views/app/stage.ts). */
export function CurrentStep({ ref }: { ref?: Ref<HTMLDivElement> }) {
  const view = useLab((s) => s.display);
  const loss = useLab((s) => s.config.loss);
  const line = useMemo(() => stepLine(view, loss), [view, loss]);
  if (!line) return null;
  return (
    <div
      ref={ref}
      className="current-step"
      data-testid="now"
      role="group"
      aria-label="The computation just done"
      tabIndex={0}
    >
      <span className="now-label">Just computed — {line.what}:</span> <Tex tex={line.tex} flow />
      <CopyTex tex={line.tex} id="now" what={`the just-computed line (${line.what})`} />
    </div>
  );
}
