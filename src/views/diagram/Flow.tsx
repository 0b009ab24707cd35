/**
 * The motion of the computation just done, drawn over the diagram's edges (what moves where and for
 * how long: flow.ts): dots along the edges, a ring where the result appears, and at the update each
 * changed weight flashing with its old value under the new one. CSS animations (flow.css) on
 * React-rendered SVG.
 *
 * It never holds anything up: the numbers are drawn at once, underneath. It runs only after a single
 * step at lecture pace (or while paused), a new step replaces it, a key press or a pointer press
 * ends it at once, and it is off with `prefers-reduced-motion: reduce`. While it runs its group
 * carries data-testid `flow` and data-phase.
 */
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { CSSProperties } from 'react';
import type { RunView } from '../../session/snapshot.ts';
import { SPEEDS } from '../../session/speeds.ts';
import { useLab } from '../app/store-context.tsx';
import type { Arranged } from './arrange.ts';
import { biasPlace } from './arrange.ts';
import { flowMs, flowPlan, oneStepOn, sameMoment } from './flow.ts';
import type { FlowScene } from './flow.ts';
import type { DiagramLayout } from './layout.ts';
import { measureText } from './measure.ts';
import '../../styles/flow.css';

const REDUCE = '(prefers-reduced-motion: reduce)';

function subscribeReduced(onChange: () => void): () => void {
  if (typeof matchMedia === 'undefined') return () => undefined;
  const q = matchMedia(REDUCE);
  q.addEventListener('change', onChange);
  return () => q.removeEventListener('change', onChange);
}

/** Whether the system asks for reduced motion, following its changes. */
function useReducedMotion(): boolean {
  return useSyncExternalStore(
    subscribeReduced,
    () => typeof matchMedia !== 'undefined' && matchMedia(REDUCE).matches,
    () => false,
  );
}

interface Props {
  readonly view: RunView;
  readonly layout: DiagramLayout;
  readonly placed: Arranged;
}

export function Flow({ view, layout, placed }: Props) {
  const playing = useLab((s) => s.playing);
  const speed = useLab((s) => SPEEDS[s.speed]!);
  const reduced = useReducedMotion();
  const [seen, setSeen] = useState(view);
  const [anim, setAnim] = useState<{ view: RunView; ms: number; id: number } | null>(null);
  // each motion's own key, so that one replacing another restarts every animation
  const [serial, setSerial] = useState(0);
  // a new moment: one step on at lecture pace moves; anything else ends the motion (while playing,
  // the same moment comes again every frame)
  // (another net — a preset, a link, a new shape — is never the same moment, and never moves)
  if (view !== seen && (view.net !== seen.net || !sameMoment(view, seen))) {
    // faster than lecture pace this is all it costs: no motion
    const last = view.position.last;
    const ms = last && !reduced ? flowMs(last.phase, playing, speed) : null;
    const step = ms !== null && view.net === seen.net && oneStepOn(seen.position, view.position);
    setAnim(step ? { view, ms, id: serial + 1 } : null);
    if (step) setSerial(serial + 1);
  }
  if (view !== seen) setSeen(view);
  // where things are drawn now (the labels move when the diagram's size changes under the motion)
  const plan = useMemo(() => {
    // the layout drawn now must be the animated view's net (a motion never outlives its net)
    if (!anim || anim.view.net !== view.net) return null;
    const scene: FlowScene = {
      layout,
      loss: placed.loss,
      edges: placed.edges,
      bias: (sel) => biasPlace(placed, sel),
      edgeFont: placed.fonts.edge,
      measure: measureText,
    };
    return flowPlan(anim.view, scene, anim.ms);
  }, [anim, view.net, layout, placed]);
  useEffect(() => {
    if (!anim) return;
    const end = () => setAnim(null);
    const timer = setTimeout(end, anim.ms);
    // any key or pointer press finishes it at once (captured before the page acts on it)
    window.addEventListener('keydown', end, true);
    window.addEventListener('pointerdown', end, true);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('keydown', end, true);
      window.removeEventListener('pointerdown', end, true);
    };
  }, [anim]);
  if (!anim || !plan || reduced) return null;
  const p = plan;
  const at = (delay: number, span: number): CSSProperties => ({
    animationDelay: `${Math.round(delay * p.ms)}ms`,
    animationDuration: `${Math.round(span * p.ms)}ms`,
  });
  return (
    <g
      key={anim.id}
      className={`flow flow-${p.phase}`}
      data-testid="flow"
      data-phase={p.phase}
      pointerEvents="none"
      aria-hidden="true"
    >
      {p.flashes.map((f) => (
        <line key={f.key} className="flow-flash" x1={f.x1} y1={f.y1} x2={f.x2} y2={f.y2} style={at(0, 1)} />
      ))}
      {p.glows.map((g) => (
        <rect
          key={g.key}
          className="flow-glow"
          x={g.x - g.w / 2}
          y={g.y - g.h / 2}
          width={g.w}
          height={g.h}
          rx={g.rx}
          style={at(g.delay, 1 - g.delay)}
        />
      ))}
      {p.travels.map((t) => (
        <circle
          key={t.key}
          className={t.delta ? 'flow-dot delta' : 'flow-dot'}
          r={p.dot}
          style={
            {
              ...at(t.delay, t.span),
              '--from': `translate(${t.x1}px, ${t.y1}px)`,
              '--to': `translate(${t.x2}px, ${t.y2}px)`,
            } as CSSProperties
          }
        />
      ))}
      {p.olds.map((o) => (
        <text
          key={o.key}
          className="flow-old"
          x={o.x}
          y={o.y}
          textAnchor="middle"
          style={{ ...at(0, 1), fontSize: placed.fonts.edge }}
        >
          {o.text}
        </text>
      ))}
    </g>
  );
}
