/**
 * The vanishing-gradient view's data: per layer, the mean |∂L/∂w| of its weights over (up to 128
 * rows of) the training data, one point per update it is asked about (at display refreshes) — at most
 * every `CADENCE.layerGradientsMs` while training faster than lecture pace, since each point costs a
 * gradient pass.
 */
import { selectRows } from '../core/model/datasets.ts';
import type { Dataset } from '../core/model/datasets.ts';
import { createWorkspace } from '../core/model/network.ts';
import type { Network, Workspace } from '../core/model/network.ts';
import type { Stepper } from '../core/step/stepper.ts';
import { meanWeightGradients } from '../core/inspect/insights.ts';
import { CADENCE } from './cadence.ts';
import { LossSeries } from './series.ts';
import type { SeriesView } from './series.ts';

const MAX_ROWS = 128;

export class LayerGradients {
  /** One series per layer after the input (index l − 1); replaced when the network changes. */
  series: LossSeries[] = [];
  private net: Network | null = null;
  private ws: Workspace | null = null;
  private g = new Float64Array(0);
  private rows: Dataset | null = null;
  private lastUpdate = -1;
  private lastTime = -Infinity;
  private shown: readonly SeriesView[] = [];

  /** Forget everything (a new run): the next `record` starts fresh series. */
  reset(): void {
    this.net = null;
  }

  /** The series as read-only views: the same array while no series changed. */
  views(): readonly SeriesView[] {
    const views = this.series.map((s) => s.view());
    const same = views.length === this.shown.length && views.every((v, k) => v === this.shown[k]);
    if (!same) this.shown = views;
    return this.shown;
  }

  truncateAfter(x: number): void {
    for (const s of this.series) s.truncateAfter(x);
  }

  /** Records a point at the stepper's parameters, unless this update has one (or it is too soon). */
  record(stepper: Stepper, fast: boolean, now: number): void {
    const net = stepper.net;
    if (this.net !== net) {
      const d = stepper.data;
      this.net = net;
      this.ws = createWorkspace(net);
      this.g = new Float64Array(net.paramCount);
      this.rows =
        d.n > MAX_ROWS
          ? selectRows(
              d,
              Array.from({ length: MAX_ROWS }, (_, k) => Math.floor((k * d.n) / MAX_ROWS)),
            )
          : d;
      this.series = Array.from({ length: net.depth }, () => new LossSeries());
      this.lastUpdate = -1;
    }
    if (stepper.update === this.lastUpdate) return;
    if (fast && now - this.lastTime < CADENCE.layerGradientsMs) return;
    this.lastTime = now;
    this.lastUpdate = stepper.update;
    const x = stepper.epochsDone;
    const sizes = meanWeightGradients(net, stepper.params, this.rows!, this.ws!, this.g);
    sizes.forEach((y, l) => this.series[l]!.push(x, y));
  }
}
