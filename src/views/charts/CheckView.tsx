/**
 * The gradient check of the selected weight or bias: backpropagation beside the central difference.
 * The numbers come from `check.ts`, recomputed only when the weights change (`view.params`).
 */
import { useMemo } from 'react';
import type { DataInfo } from '../../state/store.ts';
import type { RunView, Selection } from '../../session/snapshot.ts';
import { useNames } from '../app/store-context.tsx';
import { selectionTitle } from '../chain/lines.ts';
import { checkValues } from './check.ts';
import { symbolOf } from './insight-frame.ts';
import { InsightLines } from './InsightLines.tsx';

type ParamSelection = Exclude<Selection, { kind: 'neuron' }>;

export function CheckView({ view, data, sel }: { view: RunView; data: DataInfo; sel: ParamSelection }) {
  const symbol = symbolOf(sel);
  const title = selectionTitle(sel, useNames());
  const { net, params, reduction } = view;
  const train = data.train;
  const d = useMemo(
    () => checkValues(net, params, train, sel, { reduction, symbol }),
    [net, params, train, sel, reduction, symbol],
  );
  return (
    <div data-testid="check-values" data-analytic={d.analytic} data-numeric={d.numeric} data-error={d.error}>
      <p className="note" data-testid="insight-param">
        {title}
      </p>
      <InsightLines testId="check-tex" lines={d.lines} />
    </div>
  );
}
