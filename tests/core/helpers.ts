/** Test helpers: an independent numeric gradient (central differences of the data-set loss). */
import type { Dataset } from '../../src/core/model/datasets.ts';
import { createWorkspace } from '../../src/core/model/network.ts';
import type { Network } from '../../src/core/model/network.ts';
import { datasetLoss } from '../../src/core/train/train.ts';

export function numericGradient(net: Network, params: Float64Array, data: Dataset, h = 1e-6): Float64Array {
  const ws = createWorkspace(net);
  const g = new Float64Array(params.length);
  const p = params.slice();
  for (let k = 0; k < p.length; k++) {
    const v = p[k]!;
    p[k] = v + h;
    const up = datasetLoss(net, p, data, ws);
    p[k] = v - h;
    const down = datasetLoss(net, p, data, ws);
    p[k] = v;
    g[k] = (up - down) / (2 * h);
  }
  return g;
}
