/** Numbers as TeX: 4 significant digits, scientific notation outside [10⁻⁴, 10⁵), ∞ and NaN named. */
import { format } from 'd3-format';

const sig = format('.4~r');
const sci = format('.3~e');

const SUPERSCRIPT: Record<string, string> = {
  '-': '⁻',
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
};

/** A plain-text rendering (for SVG labels): the same digits, with a true minus sign. */
export function fmt(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e-4 && a < 1e5) return sig(v).replace('-', '−');
  const [m, e] = sci(v).split('e') as [string, string];
  return `${m.replace('-', '−')}×10${[...String(Number(e.replace('−', '-')))].map((c) => SUPERSCRIPT[c] ?? c).join('')}`;
}

/**
 * m × 10^e in TeX: the one place that writes the times sign (String.raw keeps the backslash, so no
 * JavaScript escape such as \t can slip into the TeX).
 */
export function timesTenTo(mantissa: string, exponent: number): string {
  return String.raw`${mantissa}\times 10^{${exponent}}`;
}

/** A number for TeX: negative numbers in parentheses when `paren` (inside a product). */
export function tex(v: number, paren = false): string {
  if (Number.isNaN(v)) return '\\text{NaN}';
  if (!Number.isFinite(v)) return v > 0 ? '\\infty' : '-\\infty';
  if (v === 0) return '0';
  const a = Math.abs(v);
  let body: string;
  if (a >= 1e-4 && a < 1e5) {
    body = sig(a);
  } else {
    const [m, e] = sci(a).split('e') as [string, string];
    body = timesTenTo(m, Number(e.replace('−', '-')));
  }
  const s = v < 0 ? `-${body}` : body;
  return paren && v < 0 ? `(${s})` : s;
}

/**
 * TeX for a projector: no text-style fractions or sums, whose scripts KaTeX sets at half size
 * (presenter mode keeps every number at least 24 px: scripts at 0.7 of a 36 px base, never 0.5).
 */
export function projected(t: string): string {
  return t.replace(/\\textstyle/g, '\\displaystyle').replace(/\\tfrac/g, '\\dfrac');
}
