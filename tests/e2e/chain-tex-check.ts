/**
 * Reads the numbers out of the chain panel's TeX and checks them against the float64 reference of
 * chain-reference.ts: each line's numbers in order (a value, a constant of the formula, or "?" not
 * computed yet), each to the digits shown (4 significant, scientific outside [1e-4, 1e5)), negative
 * factors of a product in parentheses, and the shown factors multiplying to the shown product.
 */
import { accumulated, actDerivative, paramValue, sampleGradient } from './chain-reference.ts';
import type { Param, RefConfig, RefUpdate } from './chain-reference.ts';

/** A number (or "?") as the panel shows it. */
export interface Tok {
  /** The digits as written, without the sign (scientific as 1.5e-5). */
  text: string;
  /** null: not computed yet ("?"). */
  value: number | null;
  /** A negative number written in parentheses, and one written bare right after ·, + or −. */
  paren: boolean;
  bare: boolean;
}

/** The part of a line that holds numbers (symbols carry digits only in scripts). */
export function numericPart(id: string, tex: string): string {
  const eq = tex.split(' = ');
  if (id === 'dLda' || id === 'dadz') {
    const k = tex.indexOf('\\\\');
    return k < 0 ? '' : tex.slice(k + 2).replace(/\\end\{aligned\}/g, '');
  }
  if (id === 'delta') return eq.slice(-2).join(' = ');
  if (id === 'dzdp') return eq[eq.length - 1]!;
  if (id === 'product' || id === 'update') return eq.slice(1).join(' = ');
  return '';
}

export function tokens(part: string): Tok[] {
  const s = part
    .replace(/\\color\{gray\}\{\?\}/g, '?')
    .replace(/(\d+(?:\.\d+)?)\\times\s*10\^\{(-?\d+)\}/g, '$1e$2')
    .replace(/[_^](\{[^{}]*\}|[A-Za-z0-9])/g, '');
  const out: Tok[] = [];
  for (const m of s.matchAll(/\?|\d+(?:\.\d+)?(?:e-?\d+)?/g)) {
    if (m[0] === '?') {
      out.push({ text: '?', value: null, paren: false, bare: false });
      continue;
    }
    const before = s.slice(0, m.index).trimEnd();
    let negative = false;
    let paren = false;
    let bare = false;
    if (before.endsWith('-')) {
      const prior = before.slice(0, -1).trimEnd();
      const c = prior[prior.length - 1];
      negative = !(c !== undefined && /[0-9)}?.]/.test(c));
      paren = negative && c === '(';
      bare = negative && /(\\cdot|[-+])$/.test(prior);
    }
    out.push({ text: m[0], value: (negative ? -1 : 1) * Number(m[0]), paren, bare });
  }
  return out;
}

/** How the app writes |v|: 4 significant digits, trailing zeros dropped; scientific outside [1e-4, 1e5). */
export function shownText(v: number): string {
  const a = Math.abs(v);
  if (a === 0) return '0';
  if (a >= 1e-4 && a < 1e5) return String(Number(a.toPrecision(4)));
  const [m, e] = a.toExponential(3).split('e') as [string, string];
  return `${Number(m)}e${Number(e)}`;
}

/** Half a unit in the 4th significant digit of a shown number (plus a hair for float noise). */
export function halfUnit(v: number): number {
  if (v === 0) return 1e-12;
  const e = Number(Math.abs(v).toExponential().split('e')[1]);
  return 0.5 * 10 ** (e - 3) * (1 + 1e-9) + 1e-12;
}

/** What a number of a line should be. */
export type Expect =
  { label: string; ref: number } | { label: string; c: number } | { label: string; pending: true };

const R = (label: string, ref: number): Expect => ({ label, ref });
const C = (label: string, c: number): Expect => ({ label, c });
const Q = (label: string): Expect => ({ label, pending: true });

/** A moment: the end of sample `slot`'s backward pass in update `upd`, or just after `upd` was applied. */
export type Moment =
  { kind: 'sample'; upd: RefUpdate; slot: number } | { kind: 'update'; upd: RefUpdate; nextRow: number };

/** The numbers each line of the panel should show for parameter p at moment m, in order. */
export function expectedLines(c: RefConfig, p: Param, m: Moment): Record<string, Expect[]> {
  const L = c.layers.length - 1;
  const { l, j } = p;
  const tr = m.kind === 'sample' ? m.upd.traces[m.slot]! : null;
  const W = m.kind === 'sample' ? m.upd.W : m.upd.after.W;
  const B = m.kind === 'sample' ? m.upd.B : m.upd.after.B;
  const t = c.data.targets[m.kind === 'update' ? m.nextRow : tr!.row]!;
  const sumT = t.reduce((x, y) => x + y, 0);
  const f = c.activations[l - 1]!;
  const val = (label: string, x: () => number) => (tr ? R(label, x()) : Q(label));
  const lines: Record<string, Expect[]> = { chain: [] };
  const dz = p.kind === 'b' ? C('∂z/∂b', 1) : val(`a(${l - 1})${p.i}`, () => tr!.a[l - 1]![p.i]!);
  lines.dzdp = [dz];
  const grad = val('∂L/∂p', () => sampleGradient(tr!, p));
  const delta = val(`δ(${l})${j}`, () => tr!.delta[l]![j]!);
  const a = val(`a(${l})${j}`, () => tr!.a[l]![j]!);
  const g = val(`∂L/∂a(${l})${j}`, () => tr!.dLda[l]![j]!);
  if (f === 'softmax') {
    lines.delta = c.loss === 'cross-entropy' ? [a, R('Σt', sumT), R(`t${j}`, t[j]!), delta] : [a, g, delta];
    lines.product = [delta, dz, grad];
  } else {
    if (l === L) {
      const tt = R(`t${j} (row ${tr ? tr.row : 'next'})`, t[j]!);
      const K = c.layers[L]!;
      lines.dLda = {
        'squared-error': [C('2', 2), a, tt, g],
        'half-squared-error': [a, tt, g],
        'mean-squared-error': [C('2', 2), C('K', K), a, tt, g],
        'cross-entropy': [a, tt, a, C('1', 1), a, g],
      }[c.loss];
    } else {
      lines.dLda = W[l]!.flatMap((wk, k) => [
        val(`δ(${l + 1})${k}`, () => tr!.delta[l + 1]![k]!),
        R(`w(${l + 1})${k}${j}`, wk[j]!),
      ]);
      lines.dLda.push(g);
    }
    const z = tr ? tr.z[l]![j]! : NaN;
    const fp = val('∂a/∂z', () => actDerivative(f, z, tr!.a[l]![j]!));
    const kink = (slope: number) =>
      tr ? [C('slope', z > 0 ? 1 : slope), R(`z(${l})${j}`, z), C('0', 0), fp] : [Q('slope'), fp];
    lines.dadz = {
      sigmoid: [a, C('1', 1), a, fp],
      tanh: [C('1', 1), a, fp],
      relu: kink(0),
      'leaky-relu': kink(0.01),
      linear: [C('1', 1)],
    }[f as 'sigmoid'];
    lines.product = [g, fp, dz, grad];
  }
  const trainable = p.kind === 'w' || c.trainBiases;
  const n = m.upd.rows.length;
  const sum = c.reduction === 'sum';
  const name = p.kind === 'w' ? 'w' : 'b';
  if (!trainable) {
    lines.update = [R(name, paramValue(W, B, p))];
  } else if (m.kind === 'sample') {
    const done = m.slot + 1 === n;
    const acc = accumulated(m.upd, p, n);
    lines.update = [
      R(name, paramValue(W, B, p)),
      C('α', c.learningRate),
      done ? R(sum ? 'batch sum' : 'batch mean', sum ? acc : acc / n) : Q('batch gradient'),
    ];
  } else {
    const acc = accumulated(m.upd, p, n);
    lines.update = [
      R(`${name} before`, paramValue(m.upd.W, m.upd.B, p)),
      C('α', c.learningRate),
      R(sum ? 'batch sum applied' : 'batch mean applied', sum ? acc : acc / n),
      R(`${name} after`, paramValue(W, B, p)),
    ];
  }
  return lines;
}

/** [lo, hi] of a product of shown factors, each within half a unit of its true value. */
function productRange(factors: Tok[]): [number, number] {
  let lo = 1;
  let hi = 1;
  for (const f of factors) {
    const h = halfUnit(f.value!);
    const ends = [lo * (f.value! - h), lo * (f.value! + h), hi * (f.value! - h), hi * (f.value! + h)];
    lo = Math.min(...ends);
    hi = Math.max(...ends);
  }
  return [lo, hi];
}

const overlaps = ([lo, hi]: [number, number], v: number) => v + halfUnit(v) >= lo && v - halfUnit(v) <= hi;

/** Every problem with one line; `where` names the case, moment, parameter and line. */
export function checkLine(
  where: string,
  id: string,
  tex: string,
  want: Expect[],
  m: Moment,
  c: RefConfig,
): string[] {
  const got = tokens(numericPart(id, tex));
  const problems: string[] = [];
  const show = (k: number) =>
    got[k]!.value !== null && got[k]!.value! < 0 ? `-${got[k]!.text}` : got[k]!.text;
  if (got.length !== want.length) {
    return [
      `${where}: ${want.length} numbers expected (${want.map((w) => w.label).join(', ')}), shown ${got.length}: ${tex}`,
    ];
  }
  want.forEach((w, k) => {
    const t = got[k]!;
    if ('pending' in w) {
      if (t.value !== null)
        problems.push(`${where}: ${w.label} should be "?" (not computed yet), shows ${show(k)}`);
    } else if (t.value === null) {
      problems.push(`${where}: ${w.label} shows "?", expected ${'c' in w ? w.c : shownText(w.ref)}`);
    } else if ('c' in w) {
      if (t.value !== w.c) problems.push(`${where}: ${w.label} shows ${show(k)}, expected ${w.c}`);
    } else {
      if (shownText(t.value) !== t.text)
        problems.push(`${where}: ${w.label} is written ${t.text}, not to 4 digits`);
      if (Math.abs(t.value - w.ref) > halfUnit(t.value))
        problems.push(
          `${where}: ${w.label} shows ${show(k)}, reference ${w.ref < 0 ? '-' : ''}${shownText(w.ref)} (${w.ref})`,
        );
    }
    if (t.bare && id !== 'product')
      problems.push(`${where}: negative ${w.label} ${show(k)} written without parentheses after an operator`);
  });
  if (id === 'product' && got.every((t) => t.value !== null)) {
    const factors = got.slice(0, -1);
    factors.forEach((f, k) => {
      if (f.value! < 0 && !f.paren)
        problems.push(`${where}: negative factor ${want[k]!.label} ${show(k)} lacks parentheses`);
    });
    const shown = got[got.length - 1]!.value!;
    const range = productRange(factors);
    if (!overlaps(range, shown))
      problems.push(
        `${where}: the factors multiply to [${range[0]}, ${range[1]}], the product shows ${shown}`,
      );
  }
  if (id === 'update' && got.length === 4 && got.every((t) => t.value !== null)) {
    const [before, alpha, grad, after] = got.map((t) => t.value!) as [number, number, number, number];
    const [lo, hi] = productRange([got[1]!, got[2]!]);
    const range: [number, number] = [before - halfUnit(before) - hi, before + halfUnit(before) - lo];
    if (!overlaps(range, after))
      problems.push(`${where}: ${before} − ${alpha}·${grad} is not ${after} to the digits shown`);
  }
  if (id === 'update' && want.length > 1) problems.push(...checkMeanSymbol(where, tex, m.upd.rows.length, c));
  return problems;
}

/** The update line's symbols name the batch that is (or was) averaged: ∂L/∂p, (1/n)Σ_s, or Σ_s. */
function checkMeanSymbol(where: string, tex: string, n: number, c: RefConfig): string[] {
  const symbolic = tex.split(' = ')[0]!;
  const frac = /\\t?frac\{1\}\{(\d+)\}/.exec(symbolic);
  if (c.reduction === 'sum') {
    return frac
      ? [`${where}: the update sums the batch (reduction "sum"), but its symbols show 1/${frac[1]}`]
      : [];
  }
  if (n === 1 && (frac || symbolic.includes('\\sum')))
    return [
      `${where}: the batch had 1 sample, but the update's symbols show ${frac ? `1/${frac[1]}` : 'a sum'}`,
    ];
  if (n > 1 && (!frac || Number(frac[1]) !== n))
    return [
      `${where}: the batch mean of ${n} samples should be written 1/${n}·Σ_s, the symbols show "${symbolic}"`,
    ];
  return [];
}
