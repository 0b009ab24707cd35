/**
 * The decision boundary of a 2-D classifier on a canvas (one ref). The image comes from
 * `boundary.ts`, recomputed when the weights change (`view.params`: about once a second while
 * training fast, on a coarser grid then).
 */
import { useEffect, useMemo, useRef } from 'react';
import type { DataInfo } from '../../state/store.ts';
import type { RunView } from '../../session/snapshot.ts';
import { fmt } from '../../tex/format.ts';
import { BOUNDARY_SIZE, boundaryCells, boundaryImage } from './boundary.ts';
import type { BoundaryImage } from './boundary.ts';

function paint(canvas: HTMLCanvasElement, img: BoundaryImage): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const { cells, cell } = img;
  img.fills.forEach((fill, k) => {
    ctx.fillStyle = fill;
    ctx.fillRect((k % cells) * cell, Math.floor(k / cells) * cell, cell + 0.5, cell + 0.5);
  });
  ctx.strokeStyle = '#ffffff';
  ctx.lineWidth = 1.2;
  for (const p of img.points) {
    ctx.beginPath();
    ctx.arc(p.x, p.y, 3.2, 0, 2 * Math.PI);
    ctx.fillStyle = p.fill;
    if (!p.ring) ctx.fill();
    ctx.stroke();
  }
}

export function BoundaryView({ view, data, fast }: { view: RunView; data: DataInfo; fast: boolean }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const { net, params } = view;
  const cells = boundaryCells(fast);
  const img = useMemo(() => boundaryImage(net, params, data, cells), [net, params, data, cells]);
  useEffect(() => {
    if (ref.current && img) paint(ref.current, img);
  }, [img]);
  if (!img)
    return (
      <p className="note">The decision boundary is drawn for two inputs; this network has {net.sizes[0]}.</p>
    );
  return (
    <div className="insight-boundary">
      <canvas
        ref={ref}
        width={BOUNDARY_SIZE}
        height={BOUNDARY_SIZE}
        data-testid="boundary"
        role="img"
        aria-label="The network's output over the input plane, with the data points"
      />
      <p className="note">
        Colour: the network&rsquo;s output over the plane of {data.columns[0]} and {data.columns[1]} (purple:{' '}
        {fmt(img.range[1])}, orange: {fmt(img.range[0])}); dots are the training points, rings the test
        points.
      </p>
    </div>
  );
}
