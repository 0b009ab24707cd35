/**
 * A list of TeX lines with their notes, as the insight views show them. Each formula is set in display
 * style but inline, so that a line too wide for its box (a tablet's, a phone's) wraps after an = or a
 * + instead of being cut; a part that is still too wide scrolls inside its own box.
 */
import type { TexLine } from '../../tex/chain.ts';
import { Tex } from '../widgets/Tex.tsx';

export function InsightLines({ lines, testId }: { lines: readonly TexLine[]; testId: string }) {
  return (
    <div className="insight-lines" data-testid={testId}>
      {lines.map((l) => (
        <div key={l.id} className="line" role="group" aria-label={l.label}>
          <div className="formula">
            <Tex tex={`\\displaystyle ${l.tex}`} className={`tex-${l.id}`} flow />
          </div>
          {l.note && <p className="note">{l.note}</p>}
        </div>
      ))}
    </div>
  );
}
