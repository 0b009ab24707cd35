/** The gradient check, ready to show: backpropagation beside the central difference, and its TeX. */
import type { Dataset } from '../../core/model/datasets.ts';
import type { Reduction } from '../../core/model/losses.ts';
import type { Network } from '../../core/model/network.ts';
import { gradientCheck } from '../../core/inspect/insights.ts';
import { paramIndex } from '../../core/step/chain.ts';
import type { ParamRef } from '../../core/step/chain.ts';
import type { TexLine } from '../../tex/chain.ts';
import { checkTex, relativeError } from '../../tex/insight.ts';

export interface CheckValues {
  /** ∂L/∂θ by backpropagation, and by the central difference. */
  readonly analytic: number;
  readonly numeric: number;
  /** |analytic − numeric| / max(|analytic|, |numeric|). */
  readonly error: number;
  readonly lines: TexLine[];
}

/** The check of parameter `sel` over `train` (its first 500 rows). */
export function checkValues(
  net: Network,
  params: Float64Array,
  train: Dataset,
  sel: ParamRef,
  o: { readonly reduction: Reduction; readonly symbol: string },
): CheckValues {
  const d = gradientCheck(net, params, train, paramIndex(net, sel), o.reduction);
  return {
    analytic: d.analytic,
    numeric: d.numeric,
    error: relativeError(d.analytic, d.numeric),
    lines: checkTex({ symbol: o.symbol, reduction: o.reduction, ...d }),
  };
}
