/**
 * The loss along a weight or bias, ready to draw (note 001): the curve, the tangent and the
 * gradient-descent step in the chart's pixels, the note and the TeX beside it. The numbers are the
 * core's (`lossAlong`); this places them.
 */
import { OPTIMIZER_LABELS, previewStep } from '../../core/train/optimizers.ts';
import type { OptimizerOptions } from '../../core/train/optimizers.ts';
import { scaleLinear } from 'd3-scale';
import type { ScaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import type { Dataset } from '../../core/model/datasets.ts';
import type { Reduction } from '../../core/model/losses.ts';
import type { Network } from '../../core/model/network.ts';
import { lossAlong } from '../../core/inspect/insights.ts';
import type { Point } from '../../core/inspect/insights.ts';
import { paramIndex } from '../../core/step/chain.ts';
import type { ParamRef } from '../../core/step/chain.ts';
import type { TexLine } from '../../tex/chain.ts';
import { fmt } from '../../tex/format.ts';
import { slopeTex } from '../../tex/insight.ts';
import { FRAME } from './insight-frame.ts';
import type { Frame } from './insight-frame.ts';

export interface Segment {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

export interface Dot {
  readonly cx: number;
  readonly cy: number;
}

export interface SlopeChart {
  readonly x: ScaleLinear<number, number>;
  readonly y: ScaleLinear<number, number>;
  /** The loss curve (its finite stretches). */
  readonly path: string | null;
  /** The tangent at the parameter's value, its ends kept inside the plot. */
  readonly tangent: Segment;
  /** The step of gradient descent, drawn just above the x axis. */
  readonly arrow: Segment;
  /** The parameter now, and after the step (null if the loss there is not finite). */
  readonly now: Dot;
  readonly next: Dot | null;
  readonly slope: number;
  /** The parameter's value after the step. */
  readonly nextValue: number;
  readonly label: string;
  readonly note: string;
  readonly lines: TexLine[];
}

/**
 * The chart of the loss of `train` (its first 500 rows) along parameter `sel`, or null when the
 * loss, the slope or the value is not a finite number (nothing to draw).
 */
export function slopeChart(
  net: Network,
  params: Float64Array,
  train: Dataset,
  sel: ParamRef,
  o: {
    readonly learningRate: number;
    readonly reduction: Reduction;
    readonly symbol: string;
    /** Momentum, Adam or weight decay, and its state now: the step is the optimiser's. */
    readonly optimizer?: OptimizerOptions | null;
    readonly state?: Float64Array;
  },
  frame: Frame = FRAME,
): SlopeChart | null {
  const { width: W, height: H, margin: M } = frame;
  const k = paramIndex(net, sel);
  const opt = o.optimizer;
  const decays = sel.kind === 'weight' && (opt?.weightDecay ?? 0) > 0;
  const stepTo = opt
    ? (slope: number, w: number) =>
        previewStep(opt, k, decays, slope, w, o.state ?? new Float64Array(0), o.learningRate).after
    : undefined;
  const c = lossAlong(net, params, train, k, o.learningRate, o.reduction, stepTo);
  if (!Number.isFinite(c.loss) || !Number.isFinite(c.slope) || !Number.isFinite(c.w)) return null;
  const x = scaleLinear()
    .domain([c.w - c.R, c.w + c.R])
    .range([M.left, W - M.right]);
  const y = scaleLinear()
    .domain([c.lo, c.hi === c.lo ? c.lo + 1 : c.hi])
    .range([H - M.bottom, M.top])
    .nice();
  const path = line<Point>()
    .defined((q) => Number.isFinite(q.y))
    .x((q) => x(q.x))
    .y((q) => y(q.y))(c.points);
  const clampY = (v: number) => Math.max(M.top, Math.min(H - M.bottom, y(v)));
  const [t0, t1] = c.tangent;
  const E = o.reduction === 'sum' ? 'E' : 'L';
  const whole = o.reduction === 'sum' ? 'total loss E = Σₛ Lₛ' : 'mean loss';
  const of = c.rows === train.n ? 'the training set' : `its first ${c.rows} rows`;
  return {
    x,
    y,
    path,
    tangent: { x1: x(t0.x), y1: clampY(t0.y), x2: x(t1.x), y2: clampY(t1.y) },
    arrow: { x1: x(c.w), y1: H - M.bottom - 8, x2: x(c.next), y2: H - M.bottom - 8 },
    now: { cx: x(c.w), cy: y(c.loss) },
    next: Number.isFinite(c.nextLoss) ? { cx: x(c.next), cy: clampY(c.nextLoss) } : null,
    slope: c.slope,
    nextValue: c.next,
    label: `The loss as a function of the selected parameter, with the tangent at ${fmt(c.w)} and the step to ${fmt(c.next)}`,
    note:
      `${E} = ${fmt(c.loss)} at ${fmt(c.w)}; after the step ${E} = ${fmt(c.nextLoss)} at ${fmt(c.next)}` +
      ` (the other parameters fixed; the ${whole} of ${of}).`,
    lines: slopeTex({
      symbol: o.symbol,
      value: c.w,
      loss: c.loss,
      slope: c.slope,
      rate: o.learningRate,
      reduction: o.reduction,
      ...(opt
        ? {
            optimizer: {
              name: opt.name === 'sgd' ? 'weight decay' : OPTIMIZER_LABELS[opt.name],
              next: c.next,
            },
          }
        : {}),
    }),
  };
}
