/**
 * The neuron maps (two-input data): each hidden and output neuron's activation over the input plane,
 * one small canvas beside its neuron (or filling its disc in a dense net), at the places `maps.ts`
 * computes; the labels are arranged around them. They follow the training as the decision boundary
 * does (`useSlowDisplay`: every change at lecture pace and when paused, once a second while training
 * runs faster) and are recomputed only when the weights change. Hovering a map, or selecting its
 * neuron, draws it enlarged on top; clicking it selects its neuron. A map filling a disc lets the
 * pointer through to its neuron (its tooltip, its click), and is enlarged while the neuron is hovered.
 *
 * The maps are an HTML layer over the SVG, in a compositing layer of their own: the diagram redraws
 * its edges and numbers ten times a second while training runs, and maps inside the SVG were
 * repainted each time (on `npm run bench:browser`'s 49-map net that halved the epochs per second).
 * Each map's `data-sum` (a checksum of its pixels) changes when its picture does.
 */
import { memo, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { RefObject } from 'react';
import { parseSelection, selectionKey } from '../../session/snapshot.ts';
import { useLab, useNames, useSlowDisplay } from '../app/store-context.tsx';
import type { DiagramLayout } from './layout.ts';
import { enlarged, mapBoxes, mapCells, mapImages, placeMaps, showsMaps } from './maps.ts';
import type { MapPlace } from './maps.ts';
import { useSvgFrame } from './svg-frame.ts';
import '../../styles/maps.css';

/** The maps' places for the diagram's layout (none without two-input data), and their boxes. */
export function useMapPlaces(layout: DiagramLayout) {
  const shows = useLab((s) => showsMaps(s.display.net.sizes, s.data.raw.n));
  return useMemo(() => {
    const places = shows ? placeMaps(layout) : [];
    return { places, boxes: mapBoxes(places) };
  }, [shows, layout]);
}

/** Puts a map's RGBA cells into its canvas (the canvas is as many pixels as the map has cells). */
function paint(
  canvas: HTMLCanvasElement | null | undefined,
  px: Uint8ClampedArray | undefined,
  cells: number,
) {
  if (!canvas || !px) return;
  if (canvas.width !== cells) canvas.width = cells;
  if (canvas.height !== cells) canvas.height = cells;
  canvas.getContext('2d')?.putImageData(new ImageData(new Uint8ClampedArray(px), cells, cells), 0, 0);
}

/**
 * Draws every map into the one canvas of the layer, `scale` device pixels per viewBox unit: each map
 * scaled from its cells to its square, a disc's map clipped to 47 % of its side. One canvas, not one
 * per map: Chromium composites every canvas as a layer of its own on every frame, and 49 of them
 * (the benchmark's 2-8×6-1 net) cost most of each frame while training ran flat out.
 */
function paintAll(
  canvas: HTMLCanvasElement | null,
  places: readonly MapPlace[],
  images: readonly Uint8ClampedArray[],
  cells: number,
  scale: number,
) {
  const ctx = canvas?.getContext('2d');
  if (!canvas || !ctx) return;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  const cell = document.createElement('canvas');
  places.forEach((p, m) => {
    paint(cell, images[m], cells);
    const side = p.side * scale;
    const x = (p.x - p.side / 2) * scale;
    const y = (p.y - p.side / 2) * scale;
    ctx.save();
    if (p.inside) {
      ctx.beginPath();
      ctx.arc(p.x * scale, p.y * scale, side * 0.47, 0, 2 * Math.PI);
      ctx.clip();
    }
    ctx.drawImage(cell, x, y, side, side);
    ctx.restore();
  });
}

/** A checksum of a map's pixels: it changes when the picture does. */
function checksum(px: Uint8ClampedArray): number {
  let h = 0;
  for (let i = 0; i < px.length; i++) h = (h * 31 + px[i]!) >>> 0;
  return h;
}

const pct = (v: number, of: number) => `${(v / of) * 100}%`;

export const NeuronMaps = memo(function NeuronMaps({
  places,
  svg,
  hovered,
  width,
  height,
}: {
  places: readonly MapPlace[];
  svg: RefObject<SVGSVGElement | null>;
  /** The neuron under the pointer in the diagram (a map filling its disc lets the pointer through). */
  hovered: string;
  width: number;
  height: number;
}) {
  const view = useSlowDisplay();
  const data = useLab((s) => s.data);
  const select = useLab((s) => s.actions.select);
  const selected = useLab((s) => (s.selection?.kind === 'neuron' ? selectionKey(s.selection) : ''));
  const [hover, setHover] = useState('');
  const names = useNames();
  const frame = useSvgFrame(svg, width);
  const { net, params } = view;
  // the slow view can lag the layout by a moment after a change of shape: then nothing is drawn yet
  const fits = places.length === net.sizes.slice(1).reduce((a, b) => a + b, 0);
  const cells = mapCells(places);
  const images = useMemo(
    () => (fits && net.sizes[0] === 2 ? mapImages(net, params, data, cells) : null),
    [fits, net, params, data, cells],
  );
  const sums = useMemo(() => images?.map(checksum) ?? [], [images]);
  const layer = useRef<HTMLCanvasElement>(null);
  const largeCanvas = useRef<HTMLCanvasElement>(null);
  const big = places.find((p) => p.sel === (hover || hovered || selected));
  const bigIndex = big ? places.indexOf(big) : -1;
  const shown = frame !== null && places.length > 0;
  // device pixels per viewBox unit, and the layer's size in device pixels
  const dpr = typeof devicePixelRatio === 'number' && devicePixelRatio > 0 ? devicePixelRatio : 1;
  const px = (frame?.scale ?? 0) * dpr;
  const pw = Math.max(1, Math.round(width * px));
  const ph = Math.max(1, Math.round(height * px));
  useLayoutEffect(() => {
    if (!images || !shown) return;
    paintAll(layer.current, places, images, cells, px);
  }, [images, places, cells, shown, px, pw, ph]);
  useLayoutEffect(() => {
    if (images && bigIndex >= 0) paint(largeCanvas.current, images[bigIndex], cells);
  }, [images, bigIndex, cells]);
  if (!shown) return null;
  const large = big && enlarged(big, width, height);
  return (
    <div
      className="neuron-maps"
      style={{ left: frame.left, top: frame.top, width: width * frame.scale, height: height * frame.scale }}
      onPointerOver={(e) =>
        setHover((e.target as Element).closest('.neuron-map')?.getAttribute('data-sel') ?? '')
      }
      onPointerLeave={() => setHover('')}
    >
      <canvas ref={layer} className="neuron-maps-layer" width={pw} height={ph} aria-hidden="true" />
      {places.map((p, m) => (
        <div
          key={p.sel}
          className={p.inside ? 'neuron-map inside' : 'neuron-map'}
          style={{
            left: pct(p.x - p.side / 2, width),
            top: pct(p.y - p.side / 2, height),
            width: pct(p.side, width),
            height: pct(p.side, height),
          }}
          data-testid={p.testId}
          data-sel={p.sel}
          data-sum={sums[m]}
          data-enlarged={p === big || undefined}
          role="img"
          aria-label={`${names[p.sel] || 'neuron'}: its activation over the input plane (purple high, orange low)`}
          onClick={() => {
            const sel = parseSelection(p.sel);
            if (sel) select(sel);
          }}
        />
      ))}
      {big && large && (
        <div
          className="neuron-map-large"
          data-testid="neuron-map-large"
          data-for={big.testId}
          style={{
            left: pct(large.x - large.side / 2, width),
            top: pct(large.y - large.side / 2, height),
            width: pct(large.side, width),
            height: pct(large.side, height),
          }}
        >
          <canvas ref={largeCanvas} />
        </div>
      )}
    </div>
  );
});
