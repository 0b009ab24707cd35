/**
 * Practice questions of the backward pass and the update: a neuron's ∂L/∂a and δ, the practised
 * parameter's ∂L/∂p at the neuron it feeds, and its new value — each with its inputs, worked line
 * and the typical mistakes its hint names.
 */
import { ACTIVATIONS } from '../core/model/activations.ts';
import type { ElementWise } from '../core/model/activations.ts';
import { LOSSES } from '../core/model/losses.ts';
import type { ParamRef } from '../core/step/chain.ts';
import { weightIndex } from '../core/model/network.ts';
import { fmt } from '../tex/format.ts';
import { backwardNowTex } from '../tex/neuron.ts';
import {
  hiddenGradientWorked,
  outputGradientWorked,
  parameterGradientWorked,
  softmaxDeltaWorked,
} from '../tex/practice.ts';
import { makeQuestion } from './practice-check.ts';
import type { MistakeSpec } from './practice-check.ts';
import { written } from './practice-forward.ts';
import { ACT_TEXT, neuronName, paramKey, paramName, signWord, valueName } from './practice-names.ts';
import type { StepContext } from './practice-names.ts';
import type { PracticeQuestion } from './practice.ts';

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** ∂L/∂a of an output from the loss's derivative. */
function outputGradient(c: StepContext, l: number, j: number): PracticeQuestion {
  const v = c.after;
  const net = v.net;
  const k = net.nOff[l]! + j;
  const K = net.sizes[l]!;
  const code = net.actCodes[l - 1]!;
  const loss = LOSSES[net.loss];
  const who = neuronName(c, l, j);
  const name = `∂L/∂a of ${who}`;
  const a = v.neurons.a[k]!;
  const t = v.target[j]!;
  const d = (u: readonly number[]) => loss.derivative(u[0]!, u[1]!, K, code);
  const shape: Record<string, string> = {
    'half-squared-error': 'a − t',
    'squared-error': '2(a − t)',
    'mean-squared-error': `(2/${K})(a − t)`,
    'cross-entropy': '(a − t)/(a(1 − a))',
  };
  const formula = `${name} = ${shape[net.loss]}`;
  const diff = (u: readonly number[]) => u[0]! - u[1]!;
  const mistakes: MistakeSpec[] = [
    { hint: `Your ${name} has the wrong sign: a − t is ${signWord(a - t)} here.`, compute: (u) => -d(u) },
  ];
  if (net.loss === 'half-squared-error')
    mistakes.push({
      hint: `L = Σ ½(a − t)² gives ${formula}: the ½ cancels the factor 2.`,
      compute: (u) => 2 * diff(u),
    });
  if (net.loss === 'squared-error')
    mistakes.push({ hint: `L = Σ (a − t)² gives ${formula}: keep the factor 2.`, compute: diff });
  if (net.loss === 'mean-squared-error') {
    const hint = `L = (1/${K}) Σ (a − t)² gives ${formula}.`;
    mistakes.push({ hint, compute: (u) => 2 * diff(u) }, { hint, compute: diff });
  }
  if (net.loss === 'cross-entropy')
    mistakes.push({ hint: `That is a − t, the δ of a sigmoid output; ${formula}.`, compute: diff });
  return makeQuestion({
    id: c.id('dLda', `n ${l} ${j}`),
    kind: 'dLda',
    at: `n ${l} ${j}`,
    name,
    formula,
    worked: outputGradientWorked(net.loss, l, j, a, t, K, v.neurons.dLda[k]!),
    expected: v.neurons.dLda[k]!,
    inputs: [
      { name: `a of ${who}`, value: a },
      { name: `t of ${who}`, value: t },
    ],
    compute: d,
    mistakes,
  });
}

/** ∂L/∂a of a hidden neuron: Σ_k δ_k w_kj over the next layer. */
function hiddenGradient(c: StepContext, l: number, j: number): PracticeQuestion {
  const v = c.after;
  const net = v.net;
  const n = net.sizes[l + 1]!;
  const off = net.nOff[l + 1]!;
  const who = neuronName(c, l, j);
  const name = `∂L/∂a of ${who}`;
  const deltas = range(n).map((k) => v.neurons.delta[off + k]!);
  const weights = range(n).map((k) => v.params[weightIndex(net, l + 1, k, j)]!);
  const dn = range(n).map((k) => `δ of ${neuronName(c, l + 1, k)}`);
  const wn = range(n).map((k) => paramName(c, { kind: 'weight', layer: l + 1, to: k, from: j }));
  const terms = range(n).map((k) => `${dn[k]}·${wn[k]}`);
  const sum = (u: readonly number[]) => range(n).reduce((s, k) => s + u[2 * k]! * u[2 * k + 1]!, 0);
  const value = v.neurons.dLda[net.nOff[l]! + j]!;
  const mistakes: MistakeSpec[] = [
    {
      hint: `Your ${name} has the wrong sign: it is ${signWord(value)} here.`,
      compute: (u) => -sum(u),
    },
  ];
  if (n > 1)
    terms.forEach((t, k) =>
      mistakes.push({
        hint: `Your ${name} leaves out ${t}: it sums over every neuron of layer ${l + 1}.`,
        compute: (u) => sum(u) - u[2 * k]! * u[2 * k + 1]!,
      }),
    );
  if (net.activations[l] !== 'softmax')
    mistakes.push({
      hint: `Use the δ of layer ${l + 1}, not their ∂L/∂a: δ = ∂L/∂a · f′(z) already holds the slope.`,
      compute: (u, r) => range(n).reduce((s, k) => s + r(v.neurons.dLda[off + k]!) * u[2 * k + 1]!, 0),
    });
  if (j < n && n <= net.sizes[l]!) {
    const row = range(n).map((k) => paramName(c, { kind: 'weight', layer: l + 1, to: j, from: k }));
    mistakes.push({
      hint: `You used the weights into ${neuronName(c, l + 1, j)} (${row.join(', ')}); ${name} sums over the weights out of ${who}: ${wn.join(', ')}.`,
      compute: (u, r) =>
        range(n).reduce((s, k) => s + u[2 * k]! * r(v.params[weightIndex(net, l + 1, j, k)]!), 0),
    });
  }
  return makeQuestion({
    id: c.id('dLda', `n ${l} ${j}`),
    kind: 'dLda',
    at: `n ${l} ${j}`,
    name,
    formula: `${name} = ${written(terms)}`,
    worked: hiddenGradientWorked(l, j, deltas, weights, value),
    expected: value,
    inputs: range(n).flatMap((k) => [
      { name: dn[k]!, value: deltas[k]! },
      { name: wn[k]!, value: weights[k]! },
    ]),
    compute: sum,
    mistakes,
  });
}

/** δ of a neuron: ∂L/∂a · f′(z); a softmax output's δ mixes its layer. */
function deltaQuestion(c: StepContext, l: number, j: number): PracticeQuestion {
  const v = c.after;
  const net = v.net;
  const k = net.nOff[l]! + j;
  const act = net.activations[l - 1]!;
  const who = neuronName(c, l, j);
  const name = `δ of ${who}`;
  const delta = v.neurons.delta[k]!;
  const base = {
    id: c.id('delta', `n ${l} ${j}`),
    kind: 'delta' as const,
    at: `n ${l} ${j}`,
    name,
    expected: delta,
  };
  if (act === 'softmax') {
    const K = net.sizes[l]!;
    const off = net.nOff[l]!;
    const ce = net.loss === 'cross-entropy';
    const as = range(K).map((m) => v.neurons.a[off + m]!);
    const ts = range(K).map((m) => v.target[m]!);
    // each output's ∂L/∂a from the loss (the other outputs' backward steps have not run yet)
    const dL = (a: number, t: number) => LOSSES[net.loss].derivative(a, t, K, net.actCodes[l - 1]!);
    const value = (u: readonly number[]) => {
      if (ce) return u[2 * j]! * range(K).reduce((s, m) => s + u[2 * m + 1]!, 0) - u[2 * j + 1]!;
      const gs = range(K).map((m) => dL(u[2 * m]!, u[2 * m + 1]!));
      return u[2 * j]! * (gs[j]! - range(K).reduce((s, m) => s + gs[m]! * u[2 * m]!, 0));
    };
    return makeQuestion({
      ...base,
      formula: ce
        ? `${name} = a of ${who} · Σ t − t of ${who}`
        : `${name} = a of ${who} · (∂L/∂a of ${who} − Σ a·∂L/∂a), each ∂L/∂a from the loss`,
      worked: softmaxDeltaWorked(l, j, as, ce ? ts : range(K).map((m) => dL(as[m]!, ts[m]!)), ce, delta),
      inputs: range(K).flatMap((m) => [
        { name: `a of ${neuronName(c, l, m)}`, value: as[m]! },
        { name: `t of ${neuronName(c, l, m)}`, value: ts[m]! },
      ]),
      compute: value,
      mistakes: [
        {
          hint: `Your ${name} has the wrong sign: it is ${signWord(delta)} here.`,
          compute: (u) => -value(u),
        },
      ],
    });
  }
  const rec = ACTIVATIONS[act] as ElementWise;
  const slope = ACT_TEXT[act]!.slope;
  const g = v.neurons.dLda[k]!;
  const z = v.neurons.z[k]!;
  const a = v.neurons.a[k]!;
  const d = (u: readonly number[]) => u[0]! * rec.derivative(u[1]!, u[2]!);
  const mistakes: MistakeSpec[] = [
    { hint: `Your ${name} leaves out the slope ${slope}: δ = ∂L/∂a · f′(z).`, compute: (u) => u[0]! },
    { hint: `Your ${name} has the wrong sign: it is ${signWord(delta)} here.`, compute: (u) => -d(u) },
    { hint: `Multiply ∂L/∂a by the slope ${slope}, not by a itself.`, compute: (u) => u[0]! * u[2]! },
  ];
  if (rec.slopeFrom === 'a')
    mistakes.push({
      hint: `The slope comes from a, not from z: ${slope}, with a = ${fmt(a)}.`,
      compute: (u) => u[0]! * rec.derivative(u[1]!, u[1]!),
    });
  return makeQuestion({
    ...base,
    formula: `${name} = ∂L/∂a of ${who} · f′(z), with ${slope}`,
    worked: backwardNowTex(l, j, g, rec.derivative(z, a), delta, false),
    inputs: [
      { name: `∂L/∂a of ${who}`, value: g },
      { name: `z of ${who}`, value: z },
      { name: `a of ${who}`, value: a },
    ],
    compute: d,
    mistakes,
  });
}

/** This sample's ∂L/∂p of the practised parameter: δ of the neuron it feeds · its input (or 1). */
function gradientQuestion(c: StepContext, p: ParamRef): PracticeQuestion {
  const v = c.after;
  const net = v.net;
  const l = p.layer;
  const j = p.to;
  const k = net.nOff[l]! + j;
  const who = neuronName(c, l, j);
  const pn = paramName(c, p);
  const name = `∂L/∂${pn}`;
  const delta = v.neurons.delta[k]!;
  const weight = p.kind === 'weight';
  const input = weight ? v.neurons.a[net.nOff[l - 1]! + p.from]! : 1;
  const inName = weight ? valueName(c, l - 1, p.from) : '';
  const formula = weight ? `${name} = δ of ${who} · ${inName}` : `${name} = δ of ${who}`;
  const times = (u: readonly number[]) => (weight ? u[0]! * u[1]! : u[0]!);
  const mistakes: MistakeSpec[] = [
    {
      hint: `Your ${name} has the wrong sign: it is ${signWord(delta * input)} here.`,
      compute: (u) => -times(u),
    },
  ];
  if (weight)
    mistakes.push(
      {
        hint: `Your ${name} leaves out the input ${inName} = ${fmt(input)}: ${formula}.`,
        compute: (u) => u[0]!,
      },
      {
        hint: `Multiply δ by the activation that feeds the weight (${inName}), not by a of ${who}.`,
        compute: (u, r) => u[0]! * r(v.neurons.a[k]!),
      },
    );
  if (net.activations[l - 1] !== 'softmax')
    mistakes.push({
      hint: `Use δ of ${who}, not ∂L/∂a of ${who}: ${formula}.`,
      compute: (u, r) => r(v.neurons.dLda[k]!) * (weight ? u[1]! : 1),
    });
  return makeQuestion({
    id: c.id('gradient', paramKey(p)),
    kind: 'gradient',
    at: paramKey(p),
    name,
    formula,
    worked: parameterGradientWorked(l, j, weight ? p.from : null, delta, input, delta * input),
    expected: delta * input,
    inputs: [{ name: `δ of ${who}`, value: delta }, ...(weight ? [{ name: inName, value: input }] : [])],
    compute: times,
    mistakes,
  });
}

/** The backward step of neuron j of layer l: ∂L/∂a (not for softmax outputs), δ, and ∂L/∂p when p feeds it. */
export function backwardQuestions(c: StepContext, l: number, j: number, p: ParamRef): PracticeQuestion[] {
  const net = c.after.net;
  const out: PracticeQuestion[] = [];
  if (net.activations[l - 1] !== 'softmax')
    out.push(l === net.depth ? outputGradient(c, l, j) : hiddenGradient(c, l, j));
  out.push(deltaQuestion(c, l, j));
  if (p.layer === l && p.to === j) out.push(gradientQuestion(c, p));
  return out;
}
