/**
 * The guided lessons: a menu (one entry per lesson, `lesson-<name>`), "Start here" on a first visit, and while one is open a caption
 * bar over the diagram — the scene's title, what to look at, the next thing to try — with the
 * previous and next scenes (also [ and ] on the keyboard).
 */
import { useEffect, useState } from 'react';
import type { RefObject } from 'react';
import { LESSONS, findLesson } from '../../content/lessons.ts';
import type { Scene } from '../../content/lessons/lesson.ts';
import { useLab } from './store-context.tsx';

/** Set once the visitor has opened a lesson (or dismissed "Start here"): later visits skip the offer. */
const VISITED = 'backprop-lab-visited';

function remember() {
  try {
    localStorage.setItem(VISITED, '1');
  } catch {
    // storage refused (private mode): the offer shows again next time, nothing else changes
  }
}

/** A first visit: no link in the address bar and nothing remembered from an earlier visit. */
function firstVisit(): boolean {
  try {
    return window.location.hash.length <= 1 && localStorage.getItem(VISITED) === null;
  } catch {
    return false;
  }
}
/** Read when the page loads, before the address bar is written. */
const FIRST_VISIT = typeof window !== 'undefined' && firstVisit();

/** The nine lessons in one menu (`lessons-menu`); each entry keeps its `lesson-<name>` test id. */
export function LessonList() {
  const openLesson = useLab((s) => s.actions.openLesson);
  const current = useLab((s) => s.lesson?.name ?? null);
  const [open, setOpen] = useState(false);
  const title = LESSONS.find((l) => l.name === current)?.title;
  return (
    <details
      className="lessons menu"
      open={open}
      onToggle={(e) => setOpen(e.currentTarget.open)}
      aria-label="Guided lessons"
    >
      <summary data-testid="lessons-menu" className="btn" title={title ? `Lesson: ${title}` : 'Lessons'}>
        <span className="menu-label">Lessons</span>
        {current && <span className="menu-current">{LESSONS.findIndex((l) => l.name === current) + 1}</span>}
      </summary>
      <ol className="menu-list">
        {LESSONS.map((l, k) => (
          <li key={l.name}>
            <button
              type="button"
              data-testid={`lesson-${l.name}`}
              aria-current={current === l.name ? 'true' : undefined}
              onClick={() => {
                remember();
                setOpen(false);
                openLesson(l.name, 0);
              }}
            >
              <span className="lesson-number">{k + 1}</span> {l.title}
              <small> ({l.source})</small>
            </button>
          </li>
        ))}
      </ol>
    </details>
  );
}

/** On a first visit, a clear way in: lesson 1 (`start-here`). */
export function StartHere() {
  const openLesson = useLab((s) => s.actions.openLesson);
  const lesson = useLab((s) => s.lesson);
  const presenter = useLab((s) => s.presenter);
  const [shown, setShown] = useState(FIRST_VISIT);
  if (!shown || lesson || presenter) return null;
  const first = LESSONS[0]!;
  return (
    <section className="start-here" aria-label="Start here" data-testid="start-here-box">
      <p>
        <strong>New here?</strong> Lesson 1 walks through one neuron: its weighted sum, its activation and how
        a weight learns. Then step through the network below with <kbd>→</kbd>.
      </p>
      <button
        type="button"
        className="btn-primary"
        data-testid="start-here"
        onClick={() => {
          remember();
          setShown(false);
          openLesson(first.name, 0);
        }}
      >
        Start here: {first.title}
      </button>
      <button
        type="button"
        className="btn-icon"
        aria-label="Dismiss"
        title="Dismiss"
        onClick={() => {
          remember();
          setShown(false);
        }}
      >
        ×
      </button>
    </section>
  );
}

/** Which element a scene's caption points at: its insight view, else the selected item's chain panel. */
function sceneTarget(scene: Scene): string | null {
  if (scene.insight) return '[data-testid="insights"]';
  if (scene.select) return '.panel.chain';
  return null;
}

/** Scrolls the page (never sideways) so that `el` shows below the sticky header `top`, when it does not. */
function bringIntoView(el: Element, top: Element | null) {
  const covered = top && getComputedStyle(top).position === 'sticky' ? top.getBoundingClientRect().bottom : 0;
  const r = el.getBoundingClientRect();
  if (r.top >= covered && r.bottom <= window.innerHeight) return;
  window.scrollBy({ top: r.top - covered - 8, behavior: 'instant' });
}

/** The lesson strip; `app` is the page's root element, where the caption's target is looked up. */
export function LessonBar({ app }: { app: RefObject<HTMLElement | null> }) {
  const lesson = useLab((s) => s.lesson);
  const actions = useLab((s) => s.actions);
  const l = lesson ? findLesson(lesson.name) : undefined;
  const scene = lesson ? l?.scenes[lesson.scene] : undefined;
  const presenter = useLab((s) => s.presenter);
  // when a scene opens, what its caption points at is brought on screen (presenter mode keeps the
  // network and the chain rule in view: the insight views are below them)
  useEffect(() => {
    const selector = scene && !presenter ? sceneTarget(scene) : null;
    if (!selector) return;
    const frame = requestAnimationFrame(() => {
      const root = app.current;
      const el = root?.querySelector(selector);
      if (el) bringIntoView(el, root?.querySelector('.top') ?? null);
    });
    return () => cancelAnimationFrame(frame);
  }, [scene, presenter, app]);
  if (!lesson || !l || !scene) return null;
  const n = l.scenes.length;
  return (
    <section className="lesson-bar" aria-label={`Lesson: ${l.title}`} data-testid="lesson-bar">
      <header>
        <span className="lesson-title">
          {l.title} <small>({l.source})</small>
        </span>
        <span className="scene-count" data-testid="scene-count">
          scene {lesson.scene + 1} of {n}
        </span>
        <span className="scene-nav">
          <button
            type="button"
            data-testid="scene-prev"
            disabled={lesson.scene === 0}
            onClick={() => actions.openLesson(l.name, lesson.scene - 1)}
            title="Previous scene ([)"
          >
            ◀ <span className="label">Previous</span>
          </button>
          <button
            type="button"
            className="btn-primary"
            data-testid="scene-next"
            disabled={lesson.scene >= n - 1}
            onClick={() => actions.openLesson(l.name, lesson.scene + 1)}
            title="Next scene (])"
          >
            <span className="label">Next scene</span> ▶
          </button>
          <button
            type="button"
            data-testid="scene-replay"
            onClick={() => actions.openLesson(l.name, lesson.scene)}
            title="Back to the start of this scene"
            aria-label="Replay scene"
          >
            ↺ <span className="label">Replay</span>
          </button>
          <button
            type="button"
            className="btn-icon"
            data-testid="lesson-close"
            onClick={actions.closeLesson}
            aria-label="Close the lesson"
          >
            ×
          </button>
        </span>
      </header>
      <div className="scene-text">
        <h3 data-testid="scene-title">{scene.title}</h3>
        <p className="caption" data-testid="lesson-caption" aria-live="polite">
          {scene.caption}
        </p>
        <p className="try-next" data-testid="lesson-next">
          <strong>Try next: </strong>
          {scene.next}
        </p>
      </div>
    </section>
  );
}
