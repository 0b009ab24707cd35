/**
 * The update line of a parameter under momentum, Adam or weight decay (plain gradient descent keeps
 * the notes' one line in chain.ts): the batch gradient g (with λ·w when the weight decays), then the
 * optimiser's state and the step, each as its rule with its numbers — v for momentum; m, v, the bias
 * corrections m̂ and v̂ for Adam. Pure: the numbers come from `core/train/optimizers.ts`.
 */
import type { OptimizerOptions, ParamStep } from '../core/train/optimizers.ts';
import { tex } from './format.ts';
import { PENDING } from './symbols.ts';

export interface OptimizerUpdate {
  /** The parameter's symbol, and the batch gradient in symbols (∂L/∂w or its mean over the batch). */
  readonly ps: string;
  readonly mean: string;
  readonly optimizer: OptimizerOptions;
  readonly rate: number;
  /** Whether weight decay applies to this parameter (a weight, with λ > 0). */
  readonly decays: boolean;
  readonly step: ParamStep;
  /** Whether the batch gradient is known (false: its numbers show as "?", the state's stay). */
  readonly known: boolean;
}

/** The rows of the update, as one `aligned` block. */
export function optimizerUpdateTex(u: OptimizerUpdate): string {
  const { ps, mean, optimizer: o, step: s, known } = u;
  const n = (x: number | undefined, paren = false) => (known && x !== undefined ? tex(x, paren) : PENDING);
  const alpha = tex(u.rate);
  const st = s.state;
  // each quantity: its rule on one row, its numbers on the next (the panel is narrow); a comma ends
  // each but the last, so they stay apart when presenter mode flows the rows onto one line
  const rows: string[] = [];
  const ends: number[] = [];
  const push = (lhs: string, rel: string, rule: string, numbers: string) => {
    rows.push(`${lhs} &${rel} ${rule}`, `&= ${numbers}`);
    ends.push(rows.length - 1);
  };
  if (u.decays)
    push(
      'g',
      '=',
      `${mean} + \\lambda\\, ${ps}`,
      `${n(s.gradient)} + ${tex(o.weightDecay)}\\cdot ${tex(s.before, true)} = ${n(s.g)}`,
    );
  else {
    rows.push(`g &= ${mean} = ${n(s.g)}`);
    ends.push(rows.length - 1);
  }
  if (o.name === 'sgd') {
    push(
      ps,
      '\\leftarrow',
      `${ps} - \\alpha\\, g`,
      `${tex(s.before)} - ${alpha}\\cdot ${n(s.g, true)} = ${n(s.after)}`,
    );
  } else if (o.name === 'momentum') {
    push(
      'v',
      '\\leftarrow',
      '\\mu\\, v + g',
      `${tex(o.momentum)}\\cdot ${tex(st.v0!, true)} + ${n(s.g, true)} = ${n(st.v)}`,
    );
    push(
      ps,
      '\\leftarrow',
      `${ps} - \\alpha\\, v`,
      `${tex(s.before)} - ${alpha}\\cdot ${n(st.v, true)} = ${n(s.after)}`,
    );
  } else {
    const t = st.t!;
    push(
      'm',
      '\\leftarrow',
      '\\beta_1 m + (1 - \\beta_1)\\, g',
      `${tex(o.beta1)}\\cdot ${tex(st.m0!, true)} + ${tex(1 - o.beta1)}\\cdot ${n(s.g, true)} = ${n(st.m)}`,
    );
    push(
      'v',
      '\\leftarrow',
      '\\beta_2 v + (1 - \\beta_2)\\, g^2',
      `${tex(o.beta2)}\\cdot ${tex(st.v0!, true)} + ${tex(1 - o.beta2)}\\cdot (${n(s.g)})^2 = ${n(st.v)}`,
    );
    push(
      '\\hat m',
      '=',
      `\\frac{m}{1 - \\beta_1^{${t}}}`,
      `\\frac{${n(st.m)}}{${tex(st.c1!)}} = ${n(st.mHat)}`,
    );
    push(
      '\\hat v',
      '=',
      `\\frac{v}{1 - \\beta_2^{${t}}}`,
      `\\frac{${n(st.v)}}{${tex(st.c2!)}} = ${n(st.vHat)}`,
    );
    push(
      ps,
      '\\leftarrow',
      `${ps} - \\alpha\\, \\frac{\\hat m}{\\sqrt{\\hat v} + \\epsilon}`,
      `${tex(s.before)} - ${alpha}\\cdot \\frac{${n(st.mHat)}}{\\sqrt{${n(st.vHat)}} + \\epsilon} = ${n(s.after)}`,
    );
  }
  for (const k of ends.slice(0, -1)) rows[k] += ',';
  return `\\begin{aligned} ${rows.join(' \\\\ ')} \\end{aligned}`;
}

/** The rule in words, for the line's note. */
export function optimizerNote(o: OptimizerOptions, decays: boolean): string {
  const decay = decays ? `, with weight decay λ = ${o.weightDecay}` : '';
  if (o.name === 'sgd') return `gradient descent${decay}`;
  if (o.name === 'momentum')
    return `momentum μ = ${o.momentum}: v is this parameter's velocity, 0 at the start${decay}`;
  return `Adam (β1 = ${o.beta1}, β2 = ${o.beta2}, ε = 10⁻⁸): m and v are running means of g and g², 0 at the start; m̂ and v̂ divide out that start (t: Adam's updates so far, counted from when it was switched on)${decays ? `${decay}, added to g (L2, not AdamW's decoupled decay)` : ''}`;
}

/** The rule of every weight's update in one line (the just-computed line after an update). */
export function ruleTex(o: OptimizerOptions, rate: number): string {
  const alpha = tex(rate);
  const g =
    o.weightDecay > 0
      ? `g = \\frac{\\partial L}{\\partial w} + ${tex(o.weightDecay)}\\,w`
      : `g = \\frac{\\partial L}{\\partial w}`;
  if (o.name === 'sgd') return `${g},\\ w \\leftarrow w - ${alpha}\\, g`;
  if (o.name === 'momentum')
    return `${g},\\ v \\leftarrow ${tex(o.momentum)}\\, v + g,\\ w \\leftarrow w - ${alpha}\\, v`;
  return `${g},\\ m \\leftarrow ${tex(o.beta1)}\\, m + ${tex(1 - o.beta1)}\\, g,\\ v \\leftarrow ${tex(o.beta2)}\\, v + ${tex(1 - o.beta2)}\\, g^2,\\ w \\leftarrow w - ${alpha}\\, \\frac{\\hat m}{\\sqrt{\\hat v} + \\epsilon}`;
}
