/**
 * The insight views, one at a time, behind tabs: the loss along the selected parameter with its
 * tangent and the step (note 001), the gradient check, a neuron's weights against its input (note
 * 000), the gradient size per layer over training (vanishing gradients, note 003), the decision
 * boundary of a 2-D classifier. Each view gets the displayed moment and draws numbers computed in
 * its own `.ts` module. While training runs faster than lecture pace, the views of one moment hold
 * still and the others follow once a second (`useSlowDisplay`).
 */
import { INSIGHTS } from '../../content/insights.ts';
import type { InsightName } from '../../content/insights.ts';
import { CADENCE } from '../../session/cadence.ts';
import { SPEEDS } from '../../session/speeds.ts';
import { useLab, useSlowDisplay } from '../app/store-context.tsx';
import { BoundaryView } from './BoundaryView.tsx';
import { CheckView } from './CheckView.tsx';
import { LayersView } from './LayersView.tsx';
import { NeuronView } from './NeuronView.tsx';
import { SlopeView } from './SlopeView.tsx';

const TAB_LABELS: Record<InsightName, string> = {
  slope: 'Loss along a weight',
  check: 'Gradient check',
  neuron: 'Neuron: dot product',
  layers: 'Gradients by layer',
  boundary: 'Decision boundary',
};

export function Insights() {
  const insight = useLab((s) => s.insight);
  const setInsight = useLab((s) => s.actions.setInsight);
  // views of one moment (slope, check, neuron) hold still while training runs fast; the boundary and
  // the gradients by layer follow once a second
  const fast = useLab((s) => s.playing && SPEEDS[s.speed]!.kind !== 'steps');
  const moment = insight === 'slope' || insight === 'check' || insight === 'neuron';
  const view = useSlowDisplay(CADENCE.slowViewMs, moment);
  const data = useLab((s) => s.data);
  const selection = useLab((s) => s.selection);
  const param = selection && selection.kind !== 'neuron' ? selection : null;
  return (
    <section className="panel insights" aria-label="Insight views" data-testid="insights">
      <div className="tabs" role="tablist" aria-label="Insight views">
        {INSIGHTS.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={`tab-${name}`}
            aria-selected={insight === name}
            aria-controls="insight-panel"
            data-testid={`insight-${name}`}
            onClick={() => setInsight(name)}
          >
            {TAB_LABELS[name]}
          </button>
        ))}
      </div>
      <div id="insight-panel" role="tabpanel" aria-labelledby={`tab-${insight}`}>
        {fast && moment && (
          <p className="note" data-testid="insight-frozen">
            Shown for update {view.position.update}: this view follows again when training pauses or steps.
          </p>
        )}
        {(insight === 'slope' || insight === 'check') && !param && (
          <p className="note">Select a weight or a bias in the diagram.</p>
        )}
        {insight === 'slope' && param && <SlopeView view={view} data={data} sel={param} />}
        {insight === 'check' && param && <CheckView view={view} data={data} sel={param} />}
        {insight === 'neuron' && selection && <NeuronView view={view} data={data} sel={selection} />}
        {insight === 'neuron' && !selection && <p className="note">Select a neuron.</p>}
        {insight === 'layers' && <LayersView view={view} />}
        {insight === 'boundary' && <BoundaryView view={view} data={data} fast={fast} />}
      </div>
    </section>
  );
}
