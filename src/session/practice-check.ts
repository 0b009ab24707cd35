/**
 * Practice mode's answers (issue 12 §1): reading what the student typed (untrusted text), the rule
 * "right to the digits shown, ± one in the last", the hint that names the factor that differs (the
 * first typical mistake the answer matches), and the state machine of one practice run — immutable
 * and serialisable (plain data), for the store slice to hold.
 */
import { fmt } from '../tex/format.ts';
import type { PracticeKind, PracticeQuestion } from './practice.ts';

/** One input of a question: what it is called and its exact value. */
export interface Input {
  readonly name: string;
  readonly value: number;
}

/** Rounds a value to the digits the app shows (identity: exact values). */
export type Rounding = (v: number) => number;

/** A typical mistake: the hint naming the factor that differs, and the value it gives. */
export interface MistakeSpec {
  readonly hint: string;
  readonly compute: (v: readonly number[], r: Rounding) => number;
}

/** What a question builder gives: the question but its shown digits and mistakes' values. */
export interface QuestionSpec {
  readonly id: string;
  readonly kind: PracticeKind;
  readonly at: string;
  readonly name: string;
  readonly formula: string;
  readonly worked: string;
  readonly expected: number;
  readonly inputs: readonly Input[];
  /** The value from the inputs' values, in order (as the formula says). */
  readonly compute: (v: readonly number[], r: Rounding) => number;
  readonly mistakes: readonly MistakeSpec[];
}

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** The number a shown string stands for: "0.3775", "−0.0381", "1.5×10⁻⁵". */
export function readShown(s: string): number {
  const [m, e] = s.replace(/−/g, '-').split('×10') as [string, string | undefined];
  if (e === undefined) return Number(m);
  const exp = [...e].map((c) => (c === '⁻' ? '-' : String(SUPERSCRIPT.indexOf(c)))).join('');
  return Number(`${m}e${exp}`);
}

/** v rounded to the digits the app shows. */
export const roundShown: Rounding = (v) => (Number.isFinite(v) ? readShown(fmt(v)) : v);

/** Whether x is within one unit of the last digit the app shows for `target` (4 significant digits). */
export function near(x: number, target: number): boolean {
  if (!Number.isFinite(target) || !Number.isFinite(x)) return false;
  const shown = readShown(fmt(target));
  if (shown === 0) return x === 0;
  const e = Number(Math.abs(shown).toExponential().split('e')[1]);
  const unit = Number(`1e${e - 3}`);
  return Math.abs(x - shown) <= unit * (1 + 1e-9);
}

/** The question, with its shown digits and the values of its mistakes (exact and from shown inputs). */
export function makeQuestion(s: QuestionSpec): PracticeQuestion {
  const exact = s.inputs.map((i) => i.value);
  const rounded = exact.map(roundShown);
  const id = (v: number) => v;
  const fromShown = s.compute(rounded, roundShown);
  const right = (v: number) => near(v, s.expected) || near(v, fromShown);
  const mistakes = s.mistakes
    .map((m) => ({
      hint: m.hint,
      values: [m.compute(exact, id), m.compute(rounded, roundShown)].filter(Number.isFinite),
    }))
    .filter((m) => m.values.length > 0 && !m.values.some(right));
  return {
    id: s.id,
    kind: s.kind,
    at: s.at,
    name: s.name,
    formula: s.formula,
    expected: s.expected,
    shown: fmt(s.expected),
    fromShown,
    inputs: s.inputs.map((i) => ({ name: i.name, shown: fmt(i.value) })),
    worked: s.worked,
    mistakes,
  };
}

const ALLOWED =
  'one number, e.g. 0.3775, -0.04, .5, 1e-3 or 1.5×10⁻³ (an optional sign, digits with one decimal point, an optional exponent)';
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
/** m×10⁻³ as the app writes it, or m×10^-3, m*10^-3, m x 10^-3. */
const TIMES_TEN = /^([+-]?(?:\d+\.?\d*|\.\d+))\s*[×x*]\s*10\s*(?:\^\s*([+-]?\d+)|([⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+))$/i;

/** Superscript digits and signs as plain ones. */
const plain = (e: string) =>
  [...e].map((c) => (c === '⁻' ? '-' : c === '⁺' ? '+' : String(SUPERSCRIPT.indexOf(c)))).join('');

/** What was typed, as a number, or why not (naming what is allowed). Never throws. */
export function parseAnswer(typed: string, name: string): number | string {
  let s = String(typed)
    .trim()
    .replace(/\u2212/g, '-');
  if (s === '') return `Your answer for ${name}: type ${ALLOWED}.`;
  const t = s.length <= 40 ? TIMES_TEN.exec(s) : null;
  if (t) s = `${t[1]}e${t[2] ?? plain(t[3]!)}`;
  if (s.length > 40 || !NUMBER.test(s)) return `Your answer for ${name} is not ${ALLOWED}.`;
  const v = Number(s);
  if (!Number.isFinite(v)) return `Your answer for ${name} is too large: type ${ALLOWED}.`;
  return v;
}

export interface Check {
  readonly correct: boolean;
  /** Not a number: the attempt does not count. */
  readonly refused: boolean;
  /** The second miss: show the worked line. */
  readonly reveal: boolean;
  readonly message: string;
}

/** Checks the answer typed at attempt `attempt` (1: the first try). */
export function checkAnswer(q: PracticeQuestion, typed: string, attempt: number): Check {
  const v = parseAnswer(typed, q.name);
  if (typeof v === 'string') return { correct: false, refused: true, reveal: false, message: v };
  if (near(v, q.expected) || near(v, q.fromShown))
    return { correct: true, refused: false, reveal: false, message: `Right: ${q.name} = ${q.shown}.` };
  // two mistakes can give the same number (α = 0.5 on a batch of 2): name both
  const found = [...new Set(q.mistakes.filter((m) => m.values.some((x) => near(v, x))).map((m) => m.hint))];
  const hint =
    found.length === 0
      ? `Not quite: recompute ${q.formula}, with the values shown.`
      : found.slice(0, 2).join(' Or: ');
  if (attempt < 2) return { correct: false, refused: false, reveal: false, message: hint };
  return {
    correct: false,
    refused: false,
    reveal: true,
    message: `${hint} ${q.name} = ${q.shown}: the worked line shows how.`,
  };
}

export type Outcome = 'first' | 'hinted' | 'shown';

/** Right first time, right after a hint, shown after the second miss. */
export interface Score {
  readonly first: number;
  readonly hinted: number;
  readonly shown: number;
}

export interface Feedback {
  /** The question answered. */
  readonly id: string;
  readonly correct: boolean;
  readonly refused: boolean;
  readonly reveal: boolean;
  readonly message: string;
  /** The worked line (TeX) once revealed, else null. */
  readonly worked: string | null;
}

export interface PracticeState {
  readonly questions: readonly PracticeQuestion[];
  /** The question being asked (questions.length: all answered). */
  readonly index: number;
  /** Wrong answers to it so far. */
  readonly misses: number;
  readonly feedback: Feedback | null;
  /** The questions done, in order. */
  readonly results: readonly { readonly id: string; readonly outcome: Outcome }[];
  readonly score: Score;
}

const NO_SCORE: Score = { first: 0, hinted: 0, shown: 0 };

/** A practice run of `questions` (one step's), the score carried on from the steps before. */
export function practiceStart(
  questions: readonly PracticeQuestion[],
  score: Score = NO_SCORE,
): PracticeState {
  return { questions, index: 0, misses: 0, feedback: null, results: [], score };
}

/** The question asked now, or null when all are done. */
export function practiceCurrent(s: PracticeState): PracticeQuestion | null {
  return s.questions[s.index] ?? null;
}

/** The state after an answer (the same state once every question is done). */
export function practiceAnswer(s: PracticeState, typed: string): PracticeState {
  const q = practiceCurrent(s);
  if (!q) return s;
  const c = checkAnswer(q, typed, s.misses + 1);
  const feedback: Feedback = { id: q.id, ...c, worked: c.reveal ? q.worked : null };
  if (c.refused) return { ...s, feedback };
  if (!c.correct && !c.reveal) return { ...s, misses: s.misses + 1, feedback };
  const outcome: Outcome = c.correct ? (s.misses === 0 ? 'first' : 'hinted') : 'shown';
  return {
    ...s,
    index: s.index + 1,
    misses: 0,
    feedback,
    results: [...s.results, { id: q.id, outcome }],
    score: { ...s.score, [outcome]: s.score[outcome] + 1 },
  };
}
