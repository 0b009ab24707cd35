/**
 * The worked solution of one sample as TeX (issue 13 §4): the forward pass, the loss, the backward
 * pass, every gradient and the update, each line in symbols and then with its numbers — the lines of
 * practice mode (practice.ts), in the notes' names: w1…w8, b1, b2, h1, o1 for the textbook 2-2-2 net
 * (note 003), w⁽ˡ⁾ⱼₖ counted from 1 otherwise. Pure: numbers in, TeX out.
 */
import { ACTIVATIONS } from '../core/model/activations.ts';
import type { WorkedParam, WorkedSolution } from '../session/worked.ts';
import type { TexLine } from './chain.ts';
import { fmt, tex } from './format.ts';
import { optimizerNote } from './update.ts';
import {
  activationWorked,
  hiddenGradientWorked,
  lossWorked,
  outputGradientWorked,
  parameterGradientWorked,
  softmaxDeltaWorked,
  sumWorked,
  updateWorked,
} from './practice.ts';
import { LAYERED, partial } from './symbols.ts';
import type { Symbols } from './symbols.ts';

export interface WorkedSection {
  readonly id: 'forward' | 'loss' | 'backward' | 'gradients' | 'update';
  readonly title: string;
  readonly lines: readonly TexLine[];
  /** A remark in words under the title. */
  readonly note?: string;
}

/** A neuron of the textbook net: x1, x2 (inputs), h1, h2 (hidden), o1, o2 (outputs). */
const unit = (l: number, j: number) => `${['x', 'h', 'o'][l]}_{${j + 1}}`;

/** Note 003's symbols: h₁(in), h₁(out), w1…w8 (w1…w4 into h1, h2; w5…w8 into o1, o2), b1, b2. */
export const TEXTBOOK: Symbols = {
  a: (l, j) => (l === 0 ? unit(0, j) : String.raw`${unit(l, j)}(\text{out})`),
  z: (l, j) => String.raw`${unit(l, j)}(\text{in})`,
  w: (l, j, i) => `w_{${(l - 1) * 4 + j * 2 + i + 1}}`,
  b: (l) => `b_{${l}}`,
  delta: (l, j) => String.raw`\delta_{${unit(l, j)}}`,
  named: true,
};

/** The symbols for a network of these sizes: the notes' names for the textbook 2-2-2 net. */
export function workedSymbols(sizes: readonly number[]): Symbols {
  return sizes.length === 3 && sizes.every((n) => n === 2) ? TEXTBOOK : LAYERED;
}

const pid = (p: WorkedParam) => (p.from === null ? `b-${p.layer}-${p.to}` : `w-${p.layer}-${p.to}-${p.from}`);

function updateLine(w: WorkedSolution, p: WorkedParam, s: Symbols): TexLine {
  const sym = p.from === null ? s.b(p.layer, p.to) : s.w(p.layer, p.to, p.from);
  const id = `update-${pid(p)}`;
  const label = `update of ${sym}`;
  if (w.optimizer && p.after !== null)
    return {
      id,
      label,
      tex: String.raw`${sym} \leftarrow ${sym} - \Delta = ${tex(p.before)} - ${tex(p.before - p.after, true)} = ${tex(p.after)}`,
    };
  if (p.after !== null)
    return {
      id,
      label,
      tex: updateWorked(p.layer, p.to, p.from, p.before, w.learningRate, p.gradient, p.after, s),
    };
  if (p.share !== null) {
    const n = w.batchLength;
    const rate =
      w.reduction === 'sum' ? tex(w.learningRate) : String.raw`\tfrac{${tex(w.learningRate)}}{${n}}`;
    return {
      id,
      label,
      tex: String.raw`\Delta ${sym} \mathrel{{+}{=}} -${rate}\,${partial('L', sym)} = -${rate}\cdot ${tex(p.gradient, true)} = ${tex(p.share)}`,
    };
  }
  return { id, label, tex: `${sym} = ${tex(p.before)}` };
}

/** The updates, the biases that are not trained in one line at the end (each name once). */
function updateLines(w: WorkedSolution, s: Symbols): TexLine[] {
  const lines = w.params.map((p) => updateLine(w, p, s));
  const fixed = [
    ...new Set(
      lines.filter((_, k) => w.params[k]!.after === null && w.params[k]!.share === null).map((l) => l.tex),
    ),
  ];
  const moved = lines.filter((_, k) => w.params[k]!.after !== null || w.params[k]!.share !== null);
  if (!fixed.length) return moved;
  return [
    ...moved,
    {
      id: 'update-fixed',
      label: 'not trained',
      tex: String.raw`${fixed.join(String.raw`,\; `)}\quad\text{(biases are not trained)}`,
    },
  ];
}

/** ∂L/∂p of one parameter; the textbook's biases share a name (b1 for h1 and h2), so say whose. */
function gradientLine(p: WorkedParam, s: Symbols): TexLine {
  const line = parameterGradientWorked(p.layer, p.to, p.from, p.delta, p.input, p.gradient, s);
  const whose = s === TEXTBOOK && p.from === null ? String.raw`\quad(${unit(p.layer, p.to)})` : '';
  return { id: `grad-${pid(p)}`, label: 'gradient', tex: line + whose };
}

/** The worked solution's sections, in the order of the computation. */
export function workedTex(w: WorkedSolution, s: Symbols): WorkedSection[] {
  const L = w.layers.length;
  const out = w.layers[L - 1]!;
  const softmax = w.activations[L - 1] === 'softmax';
  const forward: TexLine[] = [];
  for (const layer of w.layers) {
    const zs = layer.map((n) => n.z);
    for (const n of layer) {
      const at = `${n.layer}-${n.index}`;
      const act = w.activations[n.layer - 1]!;
      forward.push({
        id: `z-${at}`,
        label: 'weighted sum',
        tex: sumWorked(n.layer, n.index, n.weights, n.inputs, n.bias, n.z, s),
      });
      forward.push({
        id: `a-${at}`,
        label: 'activation',
        tex: activationWorked(act, n.layer, n.index, zs, n.a, s),
      });
    }
  }
  const outputs = out.map((n) => n.a);
  const loss: TexLine = {
    id: 'loss',
    label: 'loss',
    tex: lossWorked(w.loss, softmax, outputs, w.targets, w.sampleLoss),
  };
  const backward: TexLine[] = [];
  for (let l = L; l >= 1; l--) {
    const layer = w.layers[l - 1]!;
    const f = ACTIVATIONS[w.activations[l - 1]!].tex.symbol;
    for (const n of layer) {
      const at = `${l}-${n.index}`;
      const d = s.delta(l, n.index);
      if (l === L && softmax) {
        const ce = w.loss === 'cross-entropy';
        const other = ce ? w.targets : out.map((m) => m.dLda);
        backward.push({
          id: `delta-${at}`,
          label: 'δ',
          tex: softmaxDeltaWorked(l, n.index, outputs, other, ce, n.delta),
        });
        continue;
      }
      const grad =
        l === L
          ? outputGradientWorked(w.loss, l, n.index, n.a, w.targets[n.index]!, out.length, n.dLda, s)
          : hiddenGradientWorked(
              l,
              n.index,
              w.layers[l]!.map((m) => m.delta),
              w.layers[l]!.map((m) => m.weights[n.index]!),
              n.dLda,
              s,
            );
      backward.push({ id: `dLda-${at}`, label: '∂L/∂a', tex: grad });
      const slope = f ? `${f}'(${s.z(l, n.index)})` : '1';
      backward.push({
        id: `delta-${at}`,
        label: 'δ',
        tex: `${d} = ${partial('L', s.a(l, n.index))}\\,${slope} = ${tex(n.dLda, true)}\\cdot ${tex(n.slope, true)} = ${tex(n.delta)}`,
      });
    }
  }
  const gradients = w.params.map((p) => gradientLine(p, s));
  const n = w.batchLength;
  const how = w.reduction === 'sum' ? 'sum' : 'mean';
  return [
    { id: 'forward', title: 'Forward pass', lines: forward },
    { id: 'loss', title: 'Loss', lines: [loss] },
    { id: 'backward', title: 'Backward pass: ∂L/∂a and δ = ∂L/∂z', lines: backward },
    { id: 'gradients', title: 'Gradients of this sample', lines: gradients },
    {
      id: 'update',
      title:
        n === 1 || w.optimizer
          ? `Update (α = ${fmt(w.learningRate)})`
          : `This sample's share of the update (α = ${fmt(w.learningRate)})`,
      lines: updateLines(w, s),
      ...(w.optimizer
        ? {
            note:
              n === 1
                ? `The step Δ is ${optimizerNote(w.optimizer, w.optimizer.weightDecay > 0)}, from its state now; the chain panel shows its rule with every number.`
                : `The update uses the ${how} of the ${n} samples' gradients with ${optimizerNote(w.optimizer, w.optimizer.weightDecay > 0)}, once the batch completes; the chain panel shows it with every number.`,
          }
        : n > 1
          ? {
              note: `The update uses the ${how} of the ${n} samples' gradients in the batch; it is applied once the batch completes. Each line is this sample's part of the step.`,
            }
          : {}),
    },
  ];
}

/** What the page is about, in words: which sample, at which moment, with which inputs and targets. */
export function workedHeading(w: WorkedSolution): string {
  const list = (v: readonly number[]) => v.map(fmt).join(', ');
  return `Sample ${w.sampleInEpoch + 1} of epoch ${w.epoch + 1} (data row ${w.row + 1}), from the parameters after ${w.update} update${w.update === 1 ? '' : 's'}: inputs (${list(w.inputs)}), targets (${list(w.targets)}).`;
}
