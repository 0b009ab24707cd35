/**
 * The chain panel's TeX in presenter mode: one text row tall per row, flowing onto as many rows as
 * the box needs (KaTeX inline mode breaks after a relation or an operator at the outer level).
 * - ∂-fractions are slashed: \frac{\partial L}{\partial w} → \partial L/\partial w, in parentheses
 *   when something stands beside them (a product of factors), bare between relations;
 * - aligned rows flow into one expression (\begin{aligned}, & and \\ go);
 * - every script, and each part of a plain fraction (\tfrac), is set at 0.8 of the base
 *   (\footnotesize) rather than KaTeX's 0.7, so the base can be smaller with scripts still ≥ 24 px; a
 *   fraction with scripts in it is a \dfrac (never a text-style fraction with scripts at 0.5);
 * - \textstyle and \displaystyle go (inline is text style: sums keep their limits beside them);
 * - a row breaks only after a relation or a + or − between terms: \nobreak follows every operator
 *   inside parentheses and every \cdot and \times, so a product and a number stay on one row (a
 *   term too long for a row may break after its operators); the
 *   symbolic chain (∂L/∂a)(∂a/∂z)(∂z/∂w) may break between its factors (\allowbreak); a short
 *   last result stays on the row of what it equals;
 * - a sum of more than four terms keeps its first and its last: a + \dots + z; a sum of two
 *   short terms stays on one row.
 * "Short" and "long" count the characters shown (tested in tests/tex/compact.test.ts; the fit is
 * measured in the page by tests/e2e/presenter-chain.spec.ts).
 */

interface Group {
  readonly items: Item[];
}
interface Slash {
  readonly num: Item[];
  readonly den: Item[];
}
type Item = string | Group | Slash;

const isGroup = (x: Item): x is Group => typeof x !== 'string' && 'items' in x;
const isSlash = (x: Item): x is Slash => typeof x !== 'string' && 'num' in x;

const TOKEN = /\\[a-zA-Z]+|\\.|\s+|./gsu;
const SPACING = new Set(['\\,', '\\;', '\\!', '\\ ', '\\quad', '\\qquad', '\\nobreak']);
const RELATIONS = new Set(['=', '<', '>', '\\le', '\\ge', '\\leftarrow', '\\approx']);
const OPERATORS = new Set(['+', '-', '\\cdot', '\\times', '\\pm']);
const OPEN = new Set(['(', '[']);
const CLOSE = new Set([')', ']']);

/** Tokens into items, each {…} a group (unbalanced braces are kept as they are). */
function parse(tokens: string[]): Item[] {
  const stack: Item[][] = [[]];
  for (const t of tokens) {
    if (t === '{') stack.push([]);
    else if (t === '}' && stack.length > 1) {
      const items = stack.pop()!;
      stack.at(-1)!.push({ items });
    } else stack.at(-1)!.push(t);
  }
  while (stack.length > 1) {
    const items = stack.pop()!;
    stack.at(-1)!.push('{', ...items);
  }
  return stack[0]!;
}

const blank = (x: Item) => typeof x === 'string' && (/^\s+$/.test(x) || SPACING.has(x));

function firstToken(items: Item[]): string | undefined {
  for (const x of items) {
    if (typeof x === 'string') {
      if (!/^\s+$/.test(x)) return x;
    } else if (isGroup(x)) return firstToken(x.items);
    else return '\\partial';
  }
  return undefined;
}

function hasScript(items: Item[]): boolean {
  return items.some((x) =>
    typeof x === 'string' ? x === '^' || x === '_' : isGroup(x) ? hasScript(x.items) : true,
  );
}

/** A script's content at 0.8 of the base rather than KaTeX's 0.7 (\footnotesize sets text style). */
const small = (items: Item[]): Group => ({ items: ['\\footnotesize', ' ', ...items] });

/** The next argument of a command: its items and where the rest starts. */
function argument(items: Item[], from: number): [Item[], number] {
  let k = from;
  while (k < items.length && typeof items[k] === 'string' && /^\s+$/.test(items[k] as string)) k++;
  const x = items[k];
  if (x === undefined) return [[], k];
  return [isGroup(x) ? x.items : [x], k + 1];
}

function transform(items: Item[]): Item[] {
  const out: Item[] = [];
  for (let k = 0; k < items.length; k++) {
    const x = items[k]!;
    if (x === '\\textstyle' || x === '\\displaystyle') {
      // its trailing space goes too
      if (typeof items[k + 1] === 'string' && /^\s+$/.test(items[k + 1] as string)) k++;
      continue;
    }
    if (x === '^' || x === '_') {
      const [a, end] = argument(items, k + 1);
      out.push(x, small(transform(a)));
      k = end - 1;
      continue;
    }
    if (x === '\\frac' || x === '\\tfrac' || x === '\\dfrac') {
      const [a, next] = argument(items, k + 1);
      const [b, end] = argument(items, next);
      const num = transform(a);
      const den = transform(b);
      k = end - 1;
      if (firstToken(num) === '\\partial' && firstToken(den) === '\\partial') out.push({ num, den });
      else if (hasScript(num) || hasScript(den)) out.push('\\dfrac', { items: num }, { items: den });
      else out.push('\\tfrac', small(num), small(den));
      continue;
    }
    out.push(isGroup(x) ? { items: transform(x.items) } : x);
  }
  return out;
}

function write(items: Item[]): string {
  return items
    .map((x, k) => {
      if (typeof x === 'string') {
        // a control word before a letter needs its space (\nobreak a)
        const next = items[k + 1];
        const glued = typeof next === 'string' && /^[a-zA-Z]/.test(next) && /^\\[a-zA-Z]+$/.test(x);
        return glued ? `${x} ` : x;
      }
      if (isGroup(x)) return `{${write(x.items)}}`;
      const slash = `${write(x.num)}/${write(x.den)}`;
      return alone(items, k) ? slash : `(${slash})`;
    })
    .join('');
}

/** Whether a slashed fraction stands between relations (or the ends), with no factor beside it. */
function alone(items: Item[], k: number): boolean {
  const edge = (step: 1 | -1) => {
    let i = k + step;
    while (i >= 0 && i < items.length && blank(items[i]!)) i += step;
    const x = items[i];
    return x === undefined || (typeof x === 'string' && RELATIONS.has(x));
  };
  return edge(-1) && edge(1);
}

/** A rough width: the characters a segment shows (a command such as \partial counts one). */
function glyphs(items: Item[]): number {
  let n = 0;
  for (const x of items) {
    if (typeof x !== 'string') n += isGroup(x) ? glyphs(x.items) : glyphs(x.num) + glyphs(x.den) + 3;
    else if (!blank(x) && x !== '\\footnotesize' && x !== '\\allowbreak') n++;
  }
  return n;
}
/** Two terms up to this many characters never break between them (1 - (0.1273)^2 has 11). */
const SHORT = 14;

const isSign = (x: Item) => typeof x === 'string' && (OPERATORS.has(x) || RELATIONS.has(x));

/**
 * Sums of more than four terms at the outer level keep their first and their last term:
 * a + \dots + z (a lecture hall cannot read eight products; the sum's value follows); a sum of
 * two terms never breaks between them.
 */
function shorten(items: Item[]): Item[] {
  const out: Item[] = [];
  let segment: Item[] = [];
  let plus: number[] = [];
  let depth = 0;
  let unary = true;
  const flush = () => {
    if (plus.length >= 4) {
      out.push(...segment.slice(0, plus[0]! + 1), ' \\dots ', ...segment.slice(plus.at(-1)!));
    } else if (plus.length === 1 && glyphs(segment) <= SHORT) {
      // two short terms stay on one row: 1 - (a)^2, never "1 −" at a row's end
      out.push(...segment.slice(0, plus[0]! + 1), '\\nobreak', ...segment.slice(plus[0]! + 1));
    } else out.push(...segment);
    segment = [];
    plus = [];
  };
  for (const x of items) {
    if (typeof x === 'string' && RELATIONS.has(x) && depth === 0) {
      flush();
      out.push(x);
      unary = true;
      continue;
    }
    if (typeof x === 'string' && (x === '+' || x === '-') && depth === 0 && !unary) plus.push(segment.length);
    segment.push(x);
    if (blank(x)) continue;
    if (typeof x === 'string' && OPEN.has(x)) depth++;
    else if (typeof x === 'string' && CLOSE.has(x)) depth = Math.max(0, depth - 1);
    unary = isSign(x) || (typeof x === 'string' && OPEN.has(x));
  }
  flush();
  return out;
}

/** A last result this short (0.08217, 9.929 × 10^{-5}) never starts a row on its own. */
const LAST = 12;

/** A term longer than this many characters (a row holds about 28) may break after its operators. */
const LONG = 24;

/** For each item: the characters of the outer-level term it belongs to (terms end at + − =). */
function termLengths(items: Item[]): number[] {
  const lengths: number[] = new Array<number>(items.length).fill(0);
  let start = 0;
  let depth = 0;
  let unary = true;
  const close = (end: number) => {
    const n = glyphs(items.slice(start, end));
    for (let i = start; i < end; i++) lengths[i] = n;
    start = end;
  };
  items.forEach((x, i) => {
    if (blank(x)) return;
    if (typeof x === 'string') {
      if (OPEN.has(x)) depth++;
      else if (CLOSE.has(x)) depth = Math.max(0, depth - 1);
      else if (depth === 0 && (RELATIONS.has(x) || ((x === '+' || x === '-') && !unary))) close(i + 1);
    }
    unary = isSign(x) || (typeof x === 'string' && OPEN.has(x));
  });
  close(items.length);
  return lengths;
}

/**
 * \nobreak after the outer level's products and after every operator inside parentheses — unless
 * the term is too long for a row (more than LONG characters): then it may break after them too.
 */
function breaks(items: Item[]): Item[] {
  const out: Item[] = [];
  const terms = termLengths(items);
  let depth = 0;
  // a sign after an opening, an operator or a relation is unary: no break there anyway
  let unary = true;
  let factor = false;
  // a short last result whose row has room for it: glued to the term it follows
  const short = (i: number) => {
    const tail = glyphs(items.slice(i + 1));
    return tail <= LAST && terms[i]! + tail <= LONG;
  };
  items.forEach((x, i) => {
    // between two ∂-factors side by side, (∂L/∂a)(∂a/∂z), the row may break if it must
    if (isSlash(x) && factor && depth === 0) out.push('\\allowbreak');
    out.push(x);
    if (blank(x)) return;
    factor = isSlash(x);
    const sign = isSign(x);
    if (typeof x === 'string') {
      if (OPEN.has(x)) depth++;
      else if (CLOSE.has(x)) depth = Math.max(0, depth - 1);
      else if (depth === 0 && RELATIONS.has(x) && short(i)) {
        // a short result stays with what it equals: never "= ?" alone on a row
        out.push('\\nobreak');
      } else if (sign && !unary && (depth > 0 || x === '\\cdot' || x === '\\times')) {
        if (x === '\\times' || terms[i]! <= LONG) out.push('\\nobreak');
      }
    }
    unary = sign || (typeof x === 'string' && OPEN.has(x));
  });
  return out;
}

/** The compact, flowing form of a chain-panel line (see the module's comment). */
export function compactTex(t: string): string {
  const flat = t
    .replace(/\\begin\{aligned\}\s*|\s*\\end\{aligned\}/g, '')
    .replace(/\s*\\\\\s*&?\s*(\\quad\b)?\s*/g, ' ')
    .replace(/&/g, '');
  return write(breaks(shorten(transform(parse(flat.match(TOKEN) ?? [])))));
}
