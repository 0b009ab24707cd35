/** Axis ticks (issue 9 §1: the log axis of "Gradients by layer" printed every minor tick). */
import { scaleLinear, scaleLog } from 'd3-scale';
import { describe, expect, it } from 'vitest';
import { axisTicks, logTicks } from '../../src/views/charts/ticks.ts';

describe('log axis ticks', () => {
  it('are the powers of ten in the domain, no 2·10ᵏ … 9·10ᵏ', () => {
    expect(logTicks([3e-4, 0.5], 4)).toEqual([1e-3, 1e-2, 1e-1]);
    expect(axisTicks(scaleLog().domain([3e-4, 0.5]), 4)).toEqual([1e-3, 1e-2, 1e-1]);
  });

  it('thin out over many decades: at most the number asked for', () => {
    const t = logTicks([1e-12, 1], 4);
    expect(t).toEqual([1e-12, 1e-8, 1e-4, 1]);
    expect(logTicks([1e-12, 1], 4).length).toBeLessThanOrEqual(4);
    expect(logTicks([1e-9, 1e-1], 3)).toEqual([1e-9, 1e-6, 1e-3]);
  });

  it('inside one decade: a few round values', () => {
    expect(logTicks([0.21, 0.48], 4)).toEqual([0.3, 0.4]);
    expect(logTicks([2, 9], 4)).toEqual([2, 4, 6, 8]);
    expect(logTicks([0.5, 2], 4)).toEqual([1]);
  });

  it('leave linear scales to D3', () => {
    expect(axisTicks(scaleLinear().domain([0, 10]), 5)).toEqual([0, 2, 4, 6, 8, 10]);
  });
});
