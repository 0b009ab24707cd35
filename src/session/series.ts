/**
 * A growing series of (epoch, loss) points in typed arrays, and its downsampling for drawing: one
 * min/max pair per pixel column, so a million epochs draw as a path of a few hundred points.
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

export class LossSeries {
  private xs = new Float64Array(1024);
  private ys = new Float64Array(1024);
  private n = 0;

  get length(): number {
    return this.n;
  }

  x(k: number): number {
    return this.xs[k]!;
  }

  y(k: number): number {
    return this.ys[k]!;
  }

  /** Appends a point; x must not decrease (a point at the same x replaces the last one). */
  push(x: number, y: number): void {
    if (this.n > 0 && this.xs[this.n - 1]! >= x) {
      this.truncateAfter(x);
      if (this.n > 0 && this.xs[this.n - 1] === x) this.n--;
    }
    if (this.n === this.xs.length) {
      const grow = (a: Float64Array) => {
        const b = new Float64Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.xs = grow(this.xs);
      this.ys = grow(this.ys);
    }
    this.xs[this.n] = x;
    this.ys[this.n] = y;
    this.n++;
  }

  /** Drops the points after x (after stepping back). */
  truncateAfter(x: number): void {
    while (this.n > 0 && this.xs[this.n - 1]! > x) this.n--;
  }

  clear(): void {
    this.n = 0;
  }

  /** Becomes a copy of `other`. */
  assign(other: LossSeries): void {
    this.clear();
    for (let k = 0; k < other.length; k++) this.push(other.x(k), other.y(k));
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
