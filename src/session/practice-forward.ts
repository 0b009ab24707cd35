/**
 * Practice questions of the forward pass: a neuron's weighted sum z and activation a, and the
 * sample's loss — each with its inputs, its worked line and the typical mistakes its hint names.
 */
import { ACTIVATIONS, ACTIVATION_LIST } from '../core/model/activations.ts';
import type { ElementWise } from '../core/model/activations.ts';
import { exp, log, sigmoid } from '../core/model/math.ts';
import { biasIndex, weightIndex } from '../core/model/network.ts';
import { fmt } from '../tex/format.ts';
import { activationWorked, lossWorked, sumWorked } from '../tex/practice.ts';
import { makeQuestion } from './practice-check.ts';
import type { Input, MistakeSpec } from './practice-check.ts';
import { ACT_TEXT, neuronName, paramName, signWord, valueName } from './practice-names.ts';
import type { StepContext } from './practice-names.ts';
import type { PracticeQuestion } from './practice.ts';

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** A sum written out, at most four terms (then …). */
export function written(parts: readonly string[]): string {
  return parts.length > 4
    ? [...parts.slice(0, 3), '…', parts[parts.length - 1]!].join(' + ')
    : parts.join(' + ');
}

/** z of neuron j of layer l = Σ w·a + b: asked by the neuron's forward step. */
export function sumQuestion(c: StepContext, l: number, j: number): PracticeQuestion {
  const v = c.after;
  const net = v.net;
  const nin = net.sizes[l - 1]!;
  const w = (row: number, i: number) => v.params[weightIndex(net, l, row, i)]!;
  const x = range(nin).map((i) => v.neurons.a[net.nOff[l - 1]! + i]!);
  const wn = (row: number) =>
    range(nin).map((i) => paramName(c, { kind: 'weight', layer: l, to: row, from: i }));
  const xn = range(nin).map((i) => valueName(c, l - 1, i));
  const bias = v.params[biasIndex(net, l, j)]!;
  const bn = paramName(c, { kind: 'bias', layer: l, to: j });
  const own = wn(j);
  const name = `z of ${neuronName(c, l, j)}`;
  const inputs: Input[] = [
    ...range(nin).flatMap((i) => [
      { name: own[i]!, value: w(j, i) },
      { name: xn[i]!, value: x[i]! },
    ]),
    { name: bn, value: bias },
  ];
  const products = (u: readonly number[]) => range(nin).map((i) => u[2 * i]! * u[2 * i + 1]!);
  const total = (u: readonly number[]) => products(u).reduce((s, p) => s + p, 0) + u[2 * nin]!;
  const factor = (x: string) => (x.includes(' ') ? `(${x})` : x);
  const formula = `${name} = ${written([...range(nin).map((i) => `${own[i]}·${factor(xn[i]!)}`), bn])}`;
  const z = v.neurons.z[net.nOff[l]! + j]!;
  const mistakes: MistakeSpec[] = [
    {
      hint: `Your ${name} leaves out the bias ${bn} = ${fmt(bias)}: ${formula}.`,
      compute: (u) => total(u) - u[2 * nin]!,
    },
    ...range(nin).map((i) => ({
      hint: `Your ${name} leaves out the product ${own[i]}·${factor(xn[i]!)} = ${fmt(w(j, i))}·${fmt(x[i]!)}.`,
      compute: (u: readonly number[]) => total(u) - products(u)[i]!,
    })),
    { hint: `Your ${name} has the wrong sign: it is ${signWord(z)} here.`, compute: (u) => -total(u) },
    ...range(net.sizes[l]!)
      .filter((row) => row !== j)
      .slice(0, 3)
      .map((row) => ({
        hint: `You used the weights into ${neuronName(c, l, row)} (${wn(row).join(', ')}); ${name} takes the weights into ${neuronName(c, l, j)}: ${own.join(', ')}.`,
        compute: (u: readonly number[], r: (x: number) => number) =>
          range(nin).reduce((s, i) => s + r(w(row, i)) * u[2 * i + 1]!, 0) + u[2 * nin]!,
      })),
  ];
  return makeQuestion({
    id: c.id('z', `n ${l} ${j}`),
    kind: 'z',
    at: `n ${l} ${j}`,
    name,
    formula,
    worked: sumWorked(
      l,
      j,
      range(nin).map((i) => w(j, i)),
      x,
      bias,
      z,
    ),
    expected: z,
    inputs,
    compute: total,
    mistakes,
  });
}

/** softmax_j of the sums u. */
function softmax(u: readonly number[], j: number): number {
  const max = Math.max(...u);
  const e = u.map((z) => exp(z - max));
  return e[j]! / e.reduce((s, x) => s + x, 0);
}

/** a of neuron j of layer l = f(z) (softmax: of the whole layer, asked at its last neuron). */
export function activationQuestion(c: StepContext, l: number, j: number): PracticeQuestion {
  const v = c.after;
  const net = v.net;
  const act = net.activations[l - 1]!;
  const off = net.nOff[l]!;
  const who = neuronName(c, l, j);
  const name = `a of ${who}`;
  const a = v.neurons.a[off + j]!;
  const base = { id: c.id('a', `n ${l} ${j}`), kind: 'a' as const, at: `n ${l} ${j}`, name, expected: a };
  if (act === 'softmax') {
    const n = net.sizes[l]!;
    const zs = range(n).map((k) => v.neurons.z[off + k]!);
    const inputs = zs.map((z, k) => ({ name: `z of ${neuronName(c, l, k)}`, value: z }));
    return makeQuestion({
      ...base,
      formula: `${name} = e^(z of ${who}) / (${written(inputs.map((i) => `e^(${i.name})`))})`,
      worked: activationWorked(act, l, j, zs, a),
      inputs,
      compute: (u) => softmax(u, j),
      mistakes: [
        {
          hint: `You applied σ to z of ${who} alone: softmax divides e^(z of ${who}) by the sum of e^z over the layer.`,
          compute: (u) => sigmoid(u[j]!),
        },
        { hint: `Your ${name} is z itself: apply softmax over the layer.`, compute: (u) => u[j]! },
      ],
    });
  }
  const rec = ACTIVATIONS[act] as ElementWise;
  const text = ACT_TEXT[act]!;
  const z = v.neurons.z[off + j]!;
  // other activations, where they give another number than a = z and the right one
  const others = ACTIVATION_LIST.filter(
    (g): g is ElementWise =>
      g.kind === 'element-wise' && g.name !== act && g.value(z) !== z && g.value(z) !== rec.value(z),
  );
  const mistakes: MistakeSpec[] = [
    { hint: `Your ${name} is z itself: apply the activation, a = ${text.f}.`, compute: (u) => u[0]! },
    {
      hint: `You gave the slope ${text.slope}; ${name} is the activation itself, a = ${text.f}.`,
      compute: (u) => rec.derivative(u[0]!, rec.value(u[0]!)),
    },
    { hint: `Mind the sign of z = ${fmt(z)}: a = ${text.f}.`, compute: (u) => rec.value(-u[0]!) },
    ...others.map((g) => ({
      hint: `That is ${g.label}(z); this layer’s activation is ${rec.label}: a = ${text.f}.`,
      compute: (u: readonly number[]) => g.value(u[0]!),
    })),
  ];
  return makeQuestion({
    ...base,
    formula: `${name} = ${text.f}`,
    worked: activationWorked(
      act,
      l,
      j,
      range(net.sizes[l]!).map((k) => v.neurons.z[off + k]!),
      a,
    ),
    inputs: [{ name: `z of ${who}`, value: z }],
    compute: (u) => rec.value(u[0]!),
    mistakes,
  });
}

/** One output's term of the loss: output a, target t, K outputs. */
function term(loss: string, softmax: boolean, a: number, t: number, K: number): number {
  const d = (a - t) * (a - t);
  if (loss === 'half-squared-error') return 0.5 * d;
  if (loss === 'mean-squared-error') return d / K;
  if (loss === 'squared-error') return d;
  if (softmax) return t === 0 ? 0 : -t * log(a);
  return -(t * log(a) + (1 - t) * log(1 - a));
}

/** The sample's loss over the outputs (asked by the loss step). */
export function lossQuestion(c: StepContext): PracticeQuestion {
  const v = c.after;
  const net = v.net;
  const L = net.depth;
  const K = net.sizes[L]!;
  const off = net.nOff[L]!;
  const softmaxOut = net.activations[L - 1] === 'softmax';
  const loss = net.loss;
  const a = range(K).map((k) => v.neurons.a[off + k]!);
  const t = range(K).map((k) => v.target[k]!);
  const out = range(K).map((k) => neuronName(c, L, k));
  const inputs = range(K).flatMap((k) => [
    { name: `a of ${out[k]}`, value: a[k]! },
    { name: `t of ${out[k]}`, value: t[k]! },
  ]);
  const terms = (u: readonly number[]) =>
    range(K).map((k) => term(loss, softmaxOut, u[2 * k]!, u[2 * k + 1]!, K));
  const total = (u: readonly number[]) => terms(u).reduce((s, x) => s + x, 0);
  const diffs = (u: readonly number[]) => range(K).reduce((s, k) => s + u[2 * k]! - u[2 * k + 1]!, 0);
  const squared = loss !== 'cross-entropy';
  const shape: Record<string, string> = {
    'half-squared-error': 'Σ ½(a − t)²',
    'squared-error': 'Σ (a − t)²',
    'mean-squared-error': `(1/${K}) Σ (a − t)²`,
    'cross-entropy': softmaxOut ? '−Σ t·log a' : '−Σ [t·log a + (1 − t)·log(1 − a)]',
  };
  const formula = `L = ${shape[loss]} over the ${K === 1 ? 'output' : `${K} outputs`}`;
  const mistakes: MistakeSpec[] = [];
  if (loss === 'half-squared-error')
    mistakes.push({ hint: `You left out the ½: ${formula}.`, compute: (u) => 2 * total(u) });
  if (loss === 'squared-error')
    mistakes.push({ hint: `This loss has no ½: ${formula}.`, compute: (u) => total(u) / 2 });
  if (loss === 'mean-squared-error' && K > 1)
    mistakes.push({ hint: `Divide by the ${K} outputs: ${formula}.`, compute: (u) => total(u) * K });
  if (squared) mistakes.push({ hint: `Square each difference a − t: ${formula}.`, compute: diffs });
  else mistakes.push({ hint: `Mind the minus in front: ${formula}.`, compute: (u) => -total(u) });
  if (K > 1)
    out.forEach((o, k) =>
      mistakes.push({
        hint: `You kept only the term of ${o}: L sums over every output.`,
        compute: (u) => terms(u)[k]!,
      }),
    );
  return makeQuestion({
    id: c.id('loss', 'loss'),
    kind: 'loss',
    at: 'loss',
    name: 'L',
    formula,
    worked: lossWorked(loss, softmaxOut, a, t, v.sampleLoss),
    expected: v.sampleLoss,
    inputs,
    compute: total,
    mistakes,
  });
}
