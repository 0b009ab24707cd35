/**
 * Practice mode's answer card over the network diagram (issue 12 §1): a ring on the place the value
 * will appear and, beside it, the question in the notes' names (its formula, its inputs with the
 * values shown), the answer field (Enter checks), the feedback (the hint after a miss, the worked
 * line after the second), and once the step is taken a "Next" button. The card is an HTML layer
 * positioned over the SVG (place.ts says where). Typed text is only ever React text, never HTML.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { RefObject } from 'react';
import { practiceCurrent } from '../../session/practice-check.ts';
import type { PracticeQuestion } from '../../session/practice.ts';
import { shownQuiz } from '../../state/practice-slice.ts';
import type { Arranged } from '../diagram/arrange.ts';
import type { DiagramLayout } from '../diagram/layout.ts';
import { useLab } from '../app/store-context.tsx';
import { Tex } from '../widgets/Tex.tsx';
import { cardPlace, practiceAnchor } from './place.ts';
import { useSvgFrame } from '../diagram/svg-frame.ts';

export function PracticeLayer({
  svg,
  layout,
  placed,
}: {
  svg: RefObject<SVGSVGElement | null>;
  layout: DiagramLayout;
  placed: Arranged;
}) {
  const quiz = useLab(shownQuiz);
  const frame = useSvgFrame(svg, layout.width);
  const asks = quiz ? (practiceCurrent(quiz.run)?.kind ?? null) : null;
  // what would give the answer away (the insight views, the data set's loss) is veiled meanwhile
  useEffect(() => {
    const root = document.documentElement;
    if (asks) root.dataset.practiceAsks = asks;
    else delete root.dataset.practiceAsks;
    return () => void delete root.dataset.practiceAsks;
  }, [asks]);
  if (!quiz || !frame) return null;
  const q = practiceCurrent(quiz.run) ?? quiz.run.questions[quiz.run.questions.length - 1]!;
  const a = practiceAnchor(q.at, layout, placed);
  if (!a) return null;
  const anchor = {
    x: frame.left + a.x * frame.scale,
    y: frame.top + a.y * frame.scale,
    r: a.r * frame.scale,
  };
  return (
    <>
      <span
        className="practice-ring"
        aria-hidden="true"
        style={{ left: anchor.x - anchor.r - 4, top: anchor.y - anchor.r - 4, width: 2 * anchor.r + 8 }}
      />
      <PracticeCard anchor={anchor} figure={frame} />
    </>
  );
}

function PracticeCard({
  anchor,
  figure,
}: {
  anchor: { x: number; y: number; r: number };
  figure: { width: number; height: number };
}) {
  const quiz = useLab(shownQuiz)!;
  const actions = useLab((s) => s.actions);
  const presenter = useLab((s) => s.presenter);
  const q = practiceCurrent(quiz.run);
  const feedback = quiz.run.feedback;
  const card = useRef<HTMLDivElement>(null);
  const next = useRef<HTMLButtonElement>(null);
  const width = Math.min(presenter ? 440 : 320, figure.width - 8);
  const { x, y, r } = anchor;
  const done = q === null;
  // all answered: the focus on "Next"
  useLayoutEffect(() => {
    if (done) next.current?.focus({ preventScroll: true });
  }, [done]);
  // placed beside the value's place once its height is known (a DOM write, no re-render)
  useLayoutEffect(() => {
    const el = card.current;
    if (!el) return;
    const row = el.querySelector<HTMLElement>('.practice-row');
    const fieldY = row ? row.offsetTop + row.offsetHeight / 2 : 0;
    const p = cardPlace({ x, y, r }, { width, height: el.offsetHeight, fieldY }, figure);
    el.style.left = `${p.left}px`;
    el.style.top = `${p.top}px`;
    el.dataset.side = p.side;
  });
  const leave = () => actions.setPractice(false);
  return (
    <div
      ref={card}
      className="practice-card"
      data-testid="practice-card"
      style={{ width }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          leave();
        }
      }}
    >
      {q && <Question key={q.id} q={q} answer={actions.answerPractice} />}
      {feedback && (
        <div
          className="practice-feedback"
          data-testid="practice-feedback"
          data-correct={String(feedback.correct)}
          role="status"
          aria-live="polite"
        >
          <p>{feedback.message}</p>
          {feedback.worked && (
            <div className="practice-worked">
              <Tex tex={feedback.worked} flow />
            </div>
          )}
        </div>
      )}
      {done && (
        <p className="practice-row">
          <button type="button" ref={next} onClick={() => actions.step('step')}>
            Next computation →
          </button>
        </p>
      )}
    </div>
  );
}

/** One question: its name and formula, its inputs as shown, and the field (focused when it appears). */
function Question({ q, answer }: { q: PracticeQuestion; answer: (text: string) => void }) {
  const [text, setText] = useState('');
  const field = useRef<HTMLInputElement>(null);
  useLayoutEffect(() => {
    field.current?.focus({ preventScroll: true });
  }, []);
  return (
    <>
      <p className="practice-q">
        <strong>{q.name}</strong> = ? <span className="practice-formula">{q.formula}</span>
      </p>
      <p className="practice-inputs">
        {q.inputs.map((i) => (
          <span key={i.name}>
            {i.name} = {i.shown}
          </span>
        ))}
      </p>
      <form
        className="practice-row"
        onSubmit={(e) => {
          e.preventDefault();
          answer(text);
          field.current?.select();
        }}
      >
        <label htmlFor="practice-answer">{q.name} =</label>
        <input
          id="practice-answer"
          ref={field}
          data-testid="practice-answer"
          type="text"
          inputMode="decimal"
          autoComplete="off"
          spellCheck={false}
          maxLength={40}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit">Check</button>
      </form>
    </>
  );
}
