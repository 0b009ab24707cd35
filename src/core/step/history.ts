/**
 * Parameters (and the optimiser's state) at any earlier update, cheaply: checkpoints at every
 * `stride`-th update, where the stride doubles (and every other checkpoint is dropped) whenever more
 * than `cap` are kept, plus the most recent updates exactly. Anything in between is replayed with the
 * fast path from the nearest earlier checkpoint, which gives the same bits (the schedule is a pure
 * function of the update index). A checkpoint is the parameters followed by the state, in one array.
 */
import type { Trainer } from '../train/schedule.ts';
import { runUpdates } from '../train/train.ts';

export class ParamHistory {
  private stride = 1;
  private readonly checkpoints = new Map<number, Float64Array>();
  private readonly recent = new Map<number, Float64Array>();
  /** Parameters given from outside (a shared moment): kept for good, never thinned. */
  private readonly pinned = new Map<number, Float64Array>();
  private readonly count: number;

  constructor(
    private readonly trainer: Trainer,
    initial: Float64Array,
    initialState: Float64Array,
    private readonly cap = 512,
    private readonly recentCap = 64,
  ) {
    this.count = initial.length;
    this.checkpoints.set(0, this.pack(initial, initialState));
  }

  private pack(params: Float64Array, state: Float64Array): Float64Array {
    const out = new Float64Array(this.count + state.length);
    out.set(params);
    out.set(state, this.count);
    return out;
  }

  /** The stride of the sparse checkpoints (a power of two). */
  get checkpointStride(): number {
    return this.stride;
  }

  /** Whether `record` would keep the parameters of update `u` as a checkpoint. */
  wantsCheckpoint(u: number): boolean {
    return u % this.stride === 0;
  }

  /** Records the parameters and state reached after `u` updates. */
  record(u: number, params: Float64Array, state: Float64Array): void {
    const snap = this.pack(params, state);
    this.recent.set(u, snap);
    if (this.recent.size > this.recentCap) {
      const oldest = this.recent.keys().next().value!;
      this.recent.delete(oldest);
    }
    if (u % this.stride !== 0) return;
    this.checkpoints.set(u, snap);
    if (this.checkpoints.size > this.cap) {
      this.stride *= 2;
      for (const k of [...this.checkpoints.keys()]) if (k % this.stride !== 0) this.checkpoints.delete(k);
    }
  }

  /** Forgets everything after update u (it was computed with settings that have changed since). */
  forgetAfter(u: number): void {
    for (const m of [this.checkpoints, this.recent, this.pinned])
      for (const k of [...m.keys()]) if (k > u) m.delete(k);
  }

  /** Keeps what was reached after `u` updates for good (it came from outside: no replay). */
  pin(u: number, params: Float64Array, state: Float64Array): void {
    this.pinned.set(u, this.pack(params, state));
  }

  /**
   * How many updates `paramsAt(u)` replays: at most the stride over a run computed here, but up to u
   * before a moment given from outside (`pin`) whose past was never computed.
   */
  replayDistance(u: number): number {
    let best = 0;
    for (const m of [this.checkpoints, this.recent, this.pinned])
      for (const k of m.keys()) if (k <= u && k > best) best = k;
    return u - best;
  }

  /**
   * Writes the parameters and state after `u` updates into `out` and `state` (u must not exceed the
   * last recorded update's run).
   */
  paramsAt(u: number, out: Float64Array, state: Float64Array): void {
    const exact = this.recent.get(u) ?? this.pinned.get(u) ?? this.checkpoints.get(u);
    // a snapshot from before a live change to a bigger optimiser state holds less of it (zeros)
    const unpack = (snap: Float64Array) => {
      out.set(snap.subarray(0, this.count));
      state.fill(0);
      state.set(snap.subarray(this.count, this.count + state.length));
    };
    if (exact) {
      unpack(exact);
      return;
    }
    let best = 0;
    for (const k of this.checkpoints.keys()) if (k <= u && k > best) best = k;
    for (const k of this.recent.keys()) if (k <= u && k > best) best = k;
    for (const k of this.pinned.keys()) if (k <= u && k > best) best = k;
    unpack((this.recent.get(best) ?? this.pinned.get(best) ?? this.checkpoints.get(best))!);
    this.trainer.grads.fill(0);
    runUpdates(this.trainer, out, best, u - best, state);
  }
}
