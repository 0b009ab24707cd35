/**
 * A growing series of (epoch, loss) points in typed arrays, and its downsampling for drawing: one
 * min/max pair per pixel column, so a million epochs draw as a path of a few hundred points.
 *
 * Identity: a `LossSeries` is mutable and keeps its identity; `view()` hands out a `SeriesView`, a
 * read-only copy of what the series holds now, with a `version` — the same object as long as the
 * series has not changed, a new one (with a higher version) after any change. The store publishes
 * views, so a view's identity says whether its data changed (no copying: the series copies its arrays
 * only before overwriting a point a view still shows, which happens after a step back).
 */

/**
 * Whether the curve keeps the loss at the end of epoch `epoch` while training runs flat out: every
 * epoch up to 4096, then every 2^k-th once past 4096·2^(k−1), so the curve keeps ~4000+ points.
 * The play loop and the replay of a link follow the same rule, so they draw the same curve.
 */
export function keepsEpoch(epoch: number): boolean {
  let stride = 1;
  while (epoch >= 4096 * stride) stride *= 2;
  return epoch % stride === 0;
}

/** Points of a series, read-only: the first `n` of `xs` and `ys`. */
export class SeriesView {
  constructor(
    protected xs: Float64Array,
    protected ys: Float64Array,
    protected n: number,
    protected ver: number,
  ) {}

  /** Changes (increases) with every change of the series it was taken from. */
  get version(): number {
    return this.ver;
  }

  get length(): number {
    return this.n;
  }

  x(k: number): number {
    return this.xs[k]!;
  }

  y(k: number): number {
    return this.ys[k]!;
  }

  /**
   * Points to draw: for each of `columns` equal x-buckets over [x0, x1], the first, min, max and last
   * point in it (keeps the shape exactly at pixel resolution). Small series come back whole.
   */
  downsample(x0: number, x1: number, columns: number): { x: number; y: number }[] {
    const n = this.n;
    if (n <= columns * 4) return Array.from({ length: n }, (_, k) => ({ x: this.xs[k]!, y: this.ys[k]! }));
    const out: { x: number; y: number }[] = [];
    const width = (x1 - x0) / columns || 1;
    let k = 0;
    while (k < n) {
      const bucket = Math.floor((this.xs[k]! - x0) / width);
      let lo = k;
      let hi = k;
      const first = k;
      while (k < n && Math.floor((this.xs[k]! - x0) / width) === bucket) {
        if (this.ys[k]! < this.ys[lo]!) lo = k;
        if (this.ys[k]! > this.ys[hi]!) hi = k;
        k++;
      }
      const last = k - 1;
      for (const q of [...new Set([first, lo, hi, last])].sort((a, b) => a - b))
        out.push({ x: this.xs[q]!, y: this.ys[q]! });
    }
    return out;
  }
}

export class LossSeries extends SeriesView {
  /** The view handed out for the current version, if any. */
  private handed: SeriesView | null = null;
  /** Points some view handed out still shows (slots below this are copied before being overwritten). */
  private shown = 0;

  constructor() {
    super(new Float64Array(1024), new Float64Array(1024), 0, 0);
  }

  /** What the series holds now, read-only (the same object until the series changes). */
  view(): SeriesView {
    if (!this.handed) {
      this.handed = new SeriesView(this.xs, this.ys, this.n, this.ver);
      this.shown = Math.max(this.shown, this.n);
    }
    return this.handed;
  }

  private changed(): void {
    this.ver++;
    this.handed = null;
  }

  /** Appends a point; x must not decrease (a point at the same x replaces the last one). */
  push(x: number, y: number): void {
    if (this.n > 0 && this.xs[this.n - 1]! >= x) {
      this.truncateAfter(x);
      if (this.n > 0 && this.xs[this.n - 1] === x) this.n--;
    }
    if (this.n < this.shown || this.n === this.xs.length) {
      // a view still shows this slot (or the arrays are full): write into fresh arrays
      const size = this.n === this.xs.length ? this.xs.length * 2 : this.xs.length;
      const copy = (a: Float64Array) => {
        const b = new Float64Array(size);
        b.set(a.subarray(0, this.n));
        return b;
      };
      this.xs = copy(this.xs);
      this.ys = copy(this.ys);
      this.shown = 0;
    }
    this.xs[this.n] = x;
    this.ys[this.n] = y;
    this.n++;
    this.changed();
  }

  /** Drops the points after x (after stepping back). */
  truncateAfter(x: number): void {
    const n = this.n;
    while (this.n > 0 && this.xs[this.n - 1]! > x) this.n--;
    if (this.n !== n) this.changed();
  }

  clear(): void {
    if (this.n === 0) return;
    this.n = 0;
    this.changed();
  }

  /** Becomes a copy of `other`. */
  assign(other: SeriesView): void {
    this.clear();
    for (let k = 0; k < other.length; k++) this.push(other.x(k), other.y(k));
  }
}
