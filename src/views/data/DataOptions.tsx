/**
 * The data panel's options: standardisation, with what the raw values do to the first layer measured
 * (seed 003's X1 X2 Y lesson), and the points, noise, seed and test fraction of a generated set.
 */
import { useMemo, useState } from 'react';
import { fmt } from '../../tex/format.ts';
import { inputRanges, SATURATED_SLOPE, saturationOf } from './rows.ts';
import { NumberField } from '../widgets/NumberField.tsx';
import { useLab, useSlowDisplay } from '../app/store-context.tsx';

export function Scaling() {
  const config = useLab((s) => s.config);
  const data = useLab((s) => s.data);
  const view = useSlowDisplay();
  const setStandardize = useLab((s) => s.actions.setStandardize);
  const [errors, setErrors] = useState<string[]>([]);
  const depth = config.layers.length - 1;
  const linearOut = config.activations[depth - 1] === 'linear';
  const nIn = config.layers[0]!;
  // `view.params` is the same array until the weights change (an update or a new setup)
  const sat = useMemo(() => saturationOf(view.net, view.params, data), [view.net, view.params, data]);
  const ranges = useMemo(() => inputRanges(data), [data]);
  const wide = ranges.some((r) => Math.max(Math.abs(r.lo), Math.abs(r.hi)) > 4);
  const firstSat = sat?.perLayer[0] ?? 0;

  return (
    <div className="scaling">
      <label>
        <input
          type="checkbox"
          data-testid="standardize-inputs"
          checked={!!config.standardize}
          onChange={(e) => setErrors(setStandardize(e.target.checked ? 'inputs' : null))}
        />{' '}
        standardise inputs
      </label>
      <label title={linearOut ? '' : 'for regression: needs a linear output layer'}>
        <input
          type="checkbox"
          data-testid="standardize-targets"
          disabled={!linearOut}
          checked={config.standardize === 'inputs-targets'}
          onChange={(e) =>
            setErrors(
              setStandardize(e.target.checked ? 'inputs-targets' : config.standardize ? 'inputs' : null),
            )
          }
        />{' '}
        and targets
      </label>
      {data.scaling ? (
        <p className="scaling-stats" data-testid="scaling">
          The network sees (value − mean) / sd, with the training rows&rsquo; statistics:{' '}
          {ranges.map((r, c) => (
            <span key={c}>
              {r.name}: mean {fmt(data.scaling!.inMean[c]!)}, sd {fmt(data.scaling!.inSd[c]!)}
              {'; '}
            </span>
          ))}
          {data.scaling.outMean &&
            data.scaling.outSd &&
            `targets likewise (${data.columns[nIn]}: mean ${fmt(data.scaling.outMean[0]!)}, sd ${fmt(data.scaling.outSd[0]!)}); predictions are shown back in the table’s units.`}
        </p>
      ) : (
        wide && (
          <p className="scaling-hint" data-testid="scale-hint">
            Raw inputs ({ranges.map((r) => `${r.name} ${fmt(r.lo)}…${fmt(r.hi)}`).join(', ')}): the first
            layer&rsquo;s weighted sums reach |z| = {fmt(sat?.maxAbsZ ?? 0)}
            {sat && firstSat > 0
              ? `, and ${Math.round(firstSat * 100)}% of its neuron values sit where the slope f′(z) < ${SATURATED_SLOPE}: almost no gradient gets through them`
              : ''}
            . Standardise the inputs and compare the loss curves.
          </p>
        )
      )}
      {sat && (data.scaling || !wide) && firstSat > 0 && (
        <p className="scaling-stats" data-testid="saturation">
          Saturated (f′(z) &lt; {SATURATED_SLOPE}):{' '}
          {sat.perLayer.map((f, l) => `layer ${l + 1} ${Math.round(f * 100)}%`).join(', ')}
        </p>
      )}
      {errors.length > 0 && (
        <p className="field-error" role="alert">
          {errors.join('; ')}
        </p>
      )}
    </div>
  );
}

export function GeneratedOptions({ onErrors }: { onErrors: (e: string[]) => void }) {
  const config = useLab((s) => s.config);
  const setGenerated = useLab((s) => s.actions.setGenerated);
  const d = config.dataset;
  if (!d || !('n' in d)) return null;
  return (
    <div className="fields generated">
      <label className="field">
        <span>points</span>
        <NumberField testId="data-n" value={d.n} onApply={(v) => onErrors(setGenerated({ n: v }))} />
      </label>
      <label className="field">
        <span>noise</span>
        <NumberField
          testId="data-noise"
          value={d.noise}
          onApply={(v) => onErrors(setGenerated({ noise: v }))}
        />
      </label>
      <label className="field">
        <span>data seed</span>
        <NumberField testId="data-seed" value={d.seed} onApply={(v) => onErrors(setGenerated({ seed: v }))} />
      </label>
      <label className="field">
        <span>test fraction</span>
        <NumberField
          testId="test-fraction"
          value={d.test}
          onApply={(v) => onErrors(setGenerated({ test: v }))}
        />
      </label>
    </div>
  );
}
