/** Tick values for the small charts' axes, as plain numbers (tested in Node). */

/** What ChartAxes needs of a D3 scale; a log scale also has `base`. */
export interface TickScale {
  (v: number): number;
  ticks(count?: number): number[];
  base?: () => number;
}

/**
 * Ticks of a log axis: the powers of ten in the domain, thinned to at most `max` (every 10², 10³, …
 * when the domain spans many decades); within less than a decade, at most `max` of D3's ticks. D3's
 * own log ticks include every 2·10ᵏ … 9·10ᵏ, which print as an unreadable block.
 */
export function logTicks(domain: readonly number[], max: number): number[] {
  const lo = Math.min(domain[0]!, domain[domain.length - 1]!);
  const hi = Math.max(domain[0]!, domain[domain.length - 1]!);
  if (!(lo > 0) || !Number.isFinite(hi)) return [];
  const k0 = Math.ceil(Math.log10(lo) - 1e-9);
  const k1 = Math.floor(Math.log10(hi) + 1e-9);
  if (k1 >= k0) {
    const decades = k1 - k0 + 1;
    const stride = Math.ceil(decades / max);
    const out: number[] = [];
    for (let k = k0; k <= k1; k += stride) out.push(Number(`1e${k}`));
    if (out.length >= 2 || decades === 1) return out;
  }
  // Less than two powers of ten in view: a few round values between them.
  const step = 10 ** Math.floor(Math.log10(hi - lo));
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi && out.length < 50; v += step)
    out.push(Number(v.toPrecision(12)));
  const thin = Math.ceil(out.length / max);
  return out.filter((_, i) => i % thin === 0);
}

/** The ticks of any axis: D3's for linear scales, `logTicks` for log scales. */
export function axisTicks(scale: TickScale & { domain?: () => number[] }, count: number): number[] {
  if (scale.base && scale.domain) return logTicks(scale.domain(), count);
  return scale.ticks(count);
}
