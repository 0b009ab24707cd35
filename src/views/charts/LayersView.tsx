/**
 * The gradient size per layer over training (vanishing gradients, note 003). The numbers come from
 * `layers.ts`, recomputed when a layer's series changes (`curves.layers` keeps its identity until
 * then: at most every `CADENCE.layerGradientsMs` while training fast).
 */
import { useMemo } from 'react';
import type { RunView } from '../../session/snapshot.ts';
import { fmt } from '../../tex/format.ts';
import { useLab } from '../app/store-context.tsx';
import { ChartAxes } from './ChartAxes.tsx';
import { frameFor } from './insight-frame.ts';
import { layersChart } from './layers.ts';

export function LayersView({ view }: { view: RunView }) {
  const layers = useLab((s) => s.curves.layers);
  const activations = view.net.activations;
  const frame = frameFor(useLab((s) => s.presenter));
  const chart = useMemo(() => layersChart(layers, activations, frame), [layers, activations, frame]);
  const { width: W, height: H, margin: M, font } = frame;
  const { sigmoidLayers, through, factor } = chart.bound;
  return (
    <div className="insight-layers">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        style={{ fontSize: font }}
        data-testid="layers-chart"
        role="img"
        aria-label="Mean size of the weight gradients of each layer over training, log scale"
      >
        <ChartAxes
          x={chart.x}
          y={chart.y}
          width={W}
          height={H}
          margin={M}
          font={font}
          xTitle="epochs"
          format={fmt}
        />
        {chart.paths.map((d, l) =>
          d ? <path key={l} className="layer-line" d={d} stroke={chart.keys[l]!.colour} /> : null,
        )}
        {chart.keys.map((k, l) =>
          k.dot ? <circle key={l} cx={k.dot.cx} cy={k.dot.cy} r={3.5} fill={k.colour} /> : null,
        )}
      </svg>
      <ul className="layer-key" data-testid="layer-gradients">
        {chart.keys.map((k, l) => (
          <li key={l} data-layer={l + 1} data-value={k.value}>
            <span className="swatch" style={{ background: k.colour }} /> {k.text}
          </li>
        ))}
      </ul>
      <p className="note" data-testid="sigma-bound">
        Going back one layer multiplies the signal by w · f′(z). For the sigmoid f′(z) = σ(z)(1 − σ(z)) ≤ 0.25
        (at z = 0),{' '}
        {sigmoidLayers === 0 ? (
          'so each sigmoid layer would shrink it by up to 0.25'
        ) : (
          <>
            so through {through} sigmoid layer
            {through === 1 ? ' it shrinks by up to 0.25' : 's it shrinks by up to 0.25'}
            {through > 1 ? (
              <>
                <sup>{through}</sup> = {fmt(factor)}
              </>
            ) : null}
          </>
        )}{' '}
        unless the weights are large. ReLU passes 1 where z &gt; 0.
      </p>
    </div>
  );
}
