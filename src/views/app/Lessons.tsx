/**
 * The guided lessons: a list (one entry per lesson, `lesson-<name>`), and while one is open a caption
 * bar over the diagram — the scene's title, what to look at, the next thing to try — with the
 * previous and next scenes (also [ and ] on the keyboard).
 */
import { LESSONS, findLesson } from '../../content/lessons.ts';
import { useLab } from './store-context.tsx';

export function LessonList() {
  const openLesson = useLab((s) => s.actions.openLesson);
  const current = useLab((s) => s.lesson?.name ?? null);
  return (
    <nav className="lessons" aria-label="Guided lessons">
      <h2 id="lessons-title">Lessons</h2>
      <ol aria-labelledby="lessons-title">
        {LESSONS.map((l) => (
          <li key={l.name}>
            <button
              type="button"
              data-testid={`lesson-${l.name}`}
              aria-current={current === l.name ? 'true' : undefined}
              onClick={() => openLesson(l.name, 0)}
            >
              {l.title}
              <small> ({l.source})</small>
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}

export function LessonBar() {
  const lesson = useLab((s) => s.lesson);
  const actions = useLab((s) => s.actions);
  if (!lesson) return null;
  const l = findLesson(lesson.name);
  const scene = l?.scenes[lesson.scene];
  if (!l || !scene) return null;
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
        <button
          type="button"
          data-testid="scene-prev"
          disabled={lesson.scene === 0}
          onClick={() => actions.openLesson(l.name, lesson.scene - 1)}
          title="Previous scene ([)"
        >
          ◀ Previous scene
        </button>
        <button
          type="button"
          data-testid="scene-next"
          disabled={lesson.scene >= n - 1}
          onClick={() => actions.openLesson(l.name, lesson.scene + 1)}
          title="Next scene (])"
        >
          Next scene ▶
        </button>
        <button
          type="button"
          data-testid="scene-replay"
          onClick={() => actions.openLesson(l.name, lesson.scene)}
          title="Back to the start of this scene"
        >
          Replay scene
        </button>
        <button
          type="button"
          data-testid="lesson-close"
          onClick={actions.closeLesson}
          aria-label="Close the lesson"
        >
          ×
        </button>
      </header>
      <h3 data-testid="scene-title">{scene.title}</h3>
      <p className="caption" data-testid="lesson-caption" aria-live="polite">
        {scene.caption}
      </p>
      <p className="try-next" data-testid="lesson-next">
        <strong>Try next: </strong>
        {scene.next}
      </p>
    </section>
  );
}
