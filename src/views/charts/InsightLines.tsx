/** A list of TeX lines with their notes, as the insight views show them. */
import type { TexLine } from '../../tex/chain.ts';
import { Tex } from '../widgets/Tex.tsx';

export function InsightLines({ lines, testId }: { lines: readonly TexLine[]; testId: string }) {
  return (
    <div className="insight-lines" data-testid={testId}>
      {lines.map((l) => (
        <div key={l.id} className="line" role="group" aria-label={l.label}>
          <Tex tex={l.tex} display className={`tex-${l.id}`} />
          {l.note && <p className="note">{l.note}</p>}
        </div>
      ))}
    </div>
  );
}
