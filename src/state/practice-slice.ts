/**
 * The practice slice (issue 12 §1): with practice mode on, a single Step computes the next
 * computation, makes its questions (`session/practice.ts`) and, while any is unanswered, steps back
 * so that everything the page draws — the diagram, the chain panel, the just-computed line, the
 * address bar — stays the moment before the step: the value is not revealed. The last answer (right,
 * or shown after a hint and a second try) takes the step. A step with no question for the scope goes
 * on. Play steps at lecture pace (at most 5 steps/s) and stops at every question, going on once it
 * is answered; the bigger steps (sample, batch, epoch), Back, Reset and the history drop the question
 * (unscored): a question belongs to its moment, and shows only there.
 */
import type { PracticeScopeName } from '../config/view-link.ts';
import { practiceAnswer, practiceCurrent, practiceStart } from '../session/practice-check.ts';
import type { PracticeState, Score } from '../session/practice-check.ts';
import { practiceQuestions } from '../session/practice.ts';
import type { PracticeQuestion } from '../session/practice.ts';
import type { RunView } from '../session/snapshot.ts';
import { SPEEDS } from '../session/speeds.ts';
// the notes' names (pure): the questions name neurons and weights as the diagram does
import { networkNames } from '../session/names.ts';
import type { Kit, LabActions, LabState } from './types.ts';

/** One step's questions, at the moment they belong to. */
export interface Quiz {
  readonly run: PracticeState;
  /** Where the quiz shows: the moment before the step while a question is open, after it when done. */
  readonly net: RunView['net'];
  readonly at: string;
  /** Play stopped for it: play on once it is answered. */
  readonly resume: boolean;
}

export const NO_SCORE: Score = { first: 0, hinted: 0, shown: 0 };

/** Play in practice mode: the chosen speed, at most lecture pace. */
export const PRACTICE_MAX_STEPS_PER_SECOND = 5;

const momentKey = (v: RunView) => `${v.position.update}.${v.position.micro}`;

/** The quiz of the moment on show (its question open, or its feedback after the step), or null. */
export function shownQuiz(s: Pick<LabState, 'practice' | 'quiz' | 'view'>): Quiz | null {
  const q = s.quiz;
  return s.practice && q && q.net === s.view.net && q.at === momentKey(s.view) ? q : null;
}

/** The question waiting for an answer now, or null. */
export function openQuestion(s: Pick<LabState, 'practice' | 'quiz' | 'view'>): PracticeQuestion | null {
  const q = shownQuiz(s);
  return q ? practiceCurrent(q.run) : null;
}

/** One computation in practice mode: true when it asks a question (and so stays before it). */
function advance(kit: Kit, resume: boolean): boolean {
  const { session, get, publish } = kit;
  const s = get();
  const before = session.snapshot(s.selection).view;
  session.step('step');
  const after = session.snapshot(s.selection).view;
  const names = networkNames(session.data.columns, s.config.layers).names;
  const questions = practiceQuestions(before, after, s.practiceScope ?? 'all', names);
  if (!questions.length) {
    publish({ quiz: null });
    return false;
  }
  session.back();
  const run = practiceStart(questions, s.score);
  publish({ playing: false, quiz: { run, net: before.net, at: momentKey(before), resume } });
  return true;
}

type PracticeActions = Pick<
  LabActions,
  'step' | 'play' | 'togglePlay' | 'setPractice' | 'setPracticeScope' | 'answerPractice'
>;

/** The slice's actions; `run` is the run slice's, whose single step practice mode takes over. */
export function practiceActions(kit: Kit, run: Pick<LabActions, 'step' | 'play' | 'pause'>): PracticeActions {
  const { session, get, set, publish } = kit;
  const actions: PracticeActions = {
    step(g) {
      const s = get();
      if (!s.practice) return run.step(g);
      if (g !== 'step') {
        // a bigger step leaves the question behind, unscored
        run.step(g);
        return set({ quiz: null });
      }
      if (openQuestion(s)) return; // answer first: the field has the focus
      kit.halt();
      if (!advance(kit, false)) set({ playing: false });
    },
    play() {
      // practice plays at lecture pace at most: a faster speed is brought down to it, visibly
      const cap = SPEEDS.findIndex(
        (v) => v.kind === 'steps' && v.perSecond === PRACTICE_MAX_STEPS_PER_SECOND,
      );
      if (get().practice && get().speed > cap) set({ speed: cap });
      run.play();
    },
    togglePlay() {
      if (get().playing) run.pause();
      else actions.play();
    },
    setPractice(on) {
      if (on === get().practice) return;
      kit.halt();
      // practice hides the numbers it asks for: a second run beside it would show them
      publish({
        practice: on,
        quiz: null,
        playing: false,
        ...(on ? { score: NO_SCORE, compare: null } : {}),
      });
    },
    setPracticeScope(scope: PracticeScopeName) {
      set({ practiceScope: scope, quiz: null });
    },
    answerPractice(text) {
      const s = get();
      const quiz = shownQuiz(s);
      if (!quiz || !practiceCurrent(quiz.run)) return;
      const next = practiceAnswer(quiz.run, text);
      if (practiceCurrent(next)) return set({ quiz: { ...quiz, run: next }, score: next.score });
      // the last answer: the step is taken, and its feedback stays beside the value now shown
      session.step('step');
      const after = session.snapshot(s.selection).view;
      publish({ quiz: { ...quiz, run: next, at: momentKey(after) }, score: next.score });
      if (quiz.resume) actions.play();
    },
  };
  return actions;
}

/**
 * The play loop's frame in practice mode: steps at the chosen pace (at most lecture pace) and stops
 * at a question; outside practice mode, `inner`.
 */
export function practiceFrame(kit: Kit, inner: (dt: number) => boolean): (dt: number) => boolean {
  let owed = 0;
  let running = false;
  return (dt) => {
    const s = kit.get();
    if (!s.practice) {
      running = false;
      return inner(dt);
    }
    if (!running) owed = 1; // the first computation at once
    running = true;
    const speed = SPEEDS[s.speed]!;
    const perSecond = Math.min(
      speed.kind === 'steps' ? speed.perSecond : PRACTICE_MAX_STEPS_PER_SECOND,
      PRACTICE_MAX_STEPS_PER_SECOND,
    );
    owed += (dt * perSecond) / 1000;
    let asked = openQuestion(s) !== null;
    while (!asked && owed >= 1 && !kit.session.diverged) {
      owed -= 1;
      asked = advance(kit, true);
    }
    const go = !asked && !kit.session.diverged && kit.get().playing;
    if (!go) {
      running = false;
      kit.session.pause();
      if (kit.get().playing) kit.set({ playing: false });
    }
    return go;
  };
}
