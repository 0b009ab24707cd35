/**
 * The gradients by layer, ready to draw (vanishing gradients, note 003): per layer its recorded mean
 * |∂L/∂w| over training on a log axis, the key with the last sizes and their ratios, and the bound
 * 0.25 per sigmoid layer that the note states.
 */
import { scaleLinear, scaleLog } from 'd3-scale';
import type { ScaleLinear, ScaleLogarithmic } from 'd3-scale';
import { schemeTableau10 } from 'd3-scale-chromatic';
import { line } from 'd3-shape';
import type { SeriesView } from '../../session/series.ts';
import { fmt } from '../../tex/format.ts';
import { FRAME } from './insight-frame.ts';
import type { Frame } from './insight-frame.ts';

/** Points per layer drawn (the series are downsampled to this many columns). */
const COLUMNS = 200;

export interface LayerKey {
  /** The last recorded size (0 before any), where its dot goes (null: none), the colour of its line. */
  readonly value: number;
  readonly dot: { readonly cx: number; readonly cy: number } | null;
  readonly colour: string;
  /** "layer 1 (sigmoid): mean |∂L/∂w| = 0.001 = 0.02 × layer 2’s" */
  readonly text: string;
}

export interface LayersChart {
  readonly x: ScaleLinear<number, number>;
  readonly y: ScaleLogarithmic<number, number>;
  /** Per layer, its line (null with fewer than two points). */
  readonly paths: readonly (string | null)[];
  readonly keys: readonly LayerKey[];
  /** The sigmoid layers before the output, the count the note names (at least 1), and 0.25 to its power. */
  readonly bound: { readonly sigmoidLayers: number; readonly through: number; readonly factor: number };
}

/** The chart of `series` (index l − 1: layer l) for a network with these activations. */
export function layersChart(
  series: readonly SeriesView[],
  activations: readonly string[],
  frame: Frame = FRAME,
): LayersChart {
  const { width: W, height: H, margin: M } = frame;
  // sizes of 0 have no place on a log axis
  const lines = series.map((s) =>
    s
      .downsample(0, Math.max(1, s.length ? s.x(s.length - 1) : 1), COLUMNS)
      .filter((q) => q.y > 0 && Number.isFinite(q.y)),
  );
  const all = lines.flat();
  const lo = all.length ? Math.min(...all.map((q) => q.y)) : 1e-6;
  const hi = all.length ? Math.max(...all.map((q) => q.y)) : 1;
  const xEnd = Math.max(1, ...all.map((q) => q.x));
  const x = scaleLinear()
    .domain([0, xEnd])
    .range([M.left, W - M.right]);
  const y = scaleLog()
    .domain([lo / 2, hi * 2])
    .range([H - M.bottom, M.top]);
  const shape = line<{ x: number; y: number }>()
    .x((q) => x(q.x))
    .y((q) => y(q.y));
  const last = lines.map((pts) => pts[pts.length - 1] ?? null);
  const keys = last.map((q, l): LayerKey => {
    const below = last[l + 1];
    const ratio = q && below ? ` = ${fmt(q.y / below.y)} × layer ${l + 2}’s` : '';
    return {
      value: q?.y ?? 0,
      dot: q ? { cx: x(q.x), cy: y(q.y) } : null,
      colour: schemeTableau10[l % 10]!,
      text: `layer ${l + 1} (${activations[l]}): mean |∂L/∂w| = ${q ? fmt(q.y) : '0'}${ratio}`,
    };
  });
  const sigmoidLayers = activations.slice(0, -1).filter((a) => a === 'sigmoid').length;
  const through = Math.max(sigmoidLayers, 1);
  return {
    x,
    y,
    paths: lines.map((pts) => (pts.length > 1 ? shape(pts) : null)),
    keys,
    bound: { sigmoidLayers, through, factor: 0.25 ** through },
  };
}
