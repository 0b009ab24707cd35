/**
 * The chain rule of one weight or bias as TeX lines, from the core's chain data: the chain in
 * symbols, each factor with its formula and number, the product, and the update. Factors that the
 * steps so far have not computed show as "?" — never a stale number. Each factor's formula comes from
 * its activation's or loss's record (src/core/model); the softmax output's δ is written out here.
 */
import { ACTIVATIONS } from '../core/model/activations.ts';
import type { ActivationName } from '../core/model/activations.ts';
import type { DLda, StepChain } from '../core/step/chain.ts';
import { LOSSES } from '../core/model/losses.ts';
import type { Reduction } from '../core/model/losses.ts';
import type { OptimizerOptions, ParamStep } from '../core/train/optimizers.ts';
import { tex } from './format.ts';
import { optimizerNote, optimizerUpdateTex } from './update.ts';
import { PENDING, aSym, bSym, deltaSym, jk, partial, tSym, wSym, zSym } from './symbols.ts';

export interface TexLine {
  /** A stable name: chain, dLda, dadz, dzdp, delta, product, update, sum, activation, input. */
  readonly id: string;
  /** What the line shows, in words (for the panel's labels and for screen readers). */
  readonly label: string;
  readonly tex: string;
  /** A short remark in words, e.g. "cached from the forward pass". */
  readonly note?: string;
}

export interface UpdateContext {
  readonly learningRate: number;
  /** Samples in the batch, and how many of them have been back-propagated. */
  readonly batchLength: number;
  readonly samplesDone: number;
  /** Σ over finished samples of ∂L/∂p in this batch. */
  readonly accumulated: number;
  readonly trainable: boolean;
  /** What the update uses: the mean (absent: the default) or the sum of the samples' gradients. */
  readonly reduction?: Reduction;
  /** The update just made to this parameter, if the last step was an update. */
  readonly applied: { readonly before: number; readonly gradient: number; readonly after: number } | null;
  /**
   * Momentum, Adam or weight decay (absent: the notes' gradient descent): the step applied, or the
   * one the batch will apply (`known`: its gradient is complete).
   */
  readonly optimizer?: {
    readonly options: OptimizerOptions;
    readonly step: ParamStep;
    readonly known: boolean;
    readonly decays: boolean;
  };
}

const v = (x: number, ready: boolean, paren = false) => (ready ? tex(x, paren) : PENDING);

function paramSym(c: StepChain): string {
  const p = c.rule.param;
  return p.kind === 'weight' ? wSym(p.layer, p.to, p.from) : bSym(p.layer, p.to);
}

/** ∂L/∂a for an output, from the loss's record: the formula in symbols and with numbers. */
function lossFactor(
  d: Extract<DLda, { kind: 'loss' }>,
  j: number,
  l: number,
  ready: boolean,
): [string, string] {
  const derivative = LOSSES[d.loss].tex.derivative;
  return [derivative(aSym(l, j), tSym(j), d.K), derivative(v(d.a, ready), tex(d.t, true), d.K)];
}

/** ∂a/∂z from the activation's record, from the cached a (or z for the ReLUs). */
function activationFactor(
  act: ActivationName,
  l: number,
  j: number,
  z: number,
  a: number,
  ready: boolean,
): [string, string] {
  const f = ACTIVATIONS[act];
  if (f.kind !== 'element-wise') return ['1', '1'];
  const zs = zSym(l, j);
  const numbers =
    f.slopeFrom === 'z' && !ready
      ? PENDING
      : f.tex.slopeNumbers({ a: v(a, ready), z, zTex: tex(z), zSym: zs });
  return [f.tex.slope(zs, aSym(l, j)), numbers];
}

/** Splits a long sum over several aligned lines, three terms per line. */
function wrapSum(terms: string[]): string {
  const lines: string[] = [];
  for (let k = 0; k < terms.length; k += 3) lines.push(terms.slice(k, k + 3).join(' + '));
  return lines.join(' \\\\ &\\quad + ');
}

export function chainTex(c: StepChain, u: UpdateContext): TexLine[] {
  const { rule, ready } = c;
  const p = rule.param;
  const l = p.layer;
  const j = p.to;
  const ps = paramSym(c);
  const dz = partial(zSym(l, j), ps);
  const lines: TexLine[] = [];

  // ∂z/∂p: the sending activation (cached in the forward pass), the input, or 1.
  const dzSymbol = p.kind === 'bias' ? '1' : aSym(l - 1, p.from);
  const dzNote =
    rule.dzdp.kind === 'one'
      ? 'z = Σ w·a + b, so ∂z/∂b = 1'
      : rule.dzdp.kind === 'input'
        ? 'the input of this sample'
        : 'cached from the forward pass';
  const dzValue = rule.dzdp.kind === 'one' ? '1' : v(rule.dzdp.value, ready.dzdp);
  // The same inside a product: a negative factor keeps its parentheses.
  const dzFactor = rule.dzdp.kind === 'one' ? '1' : v(rule.dzdp.value, ready.dzdp, true);

  if (rule.softmax) {
    const sm = rule.softmax;
    lines.push({
      id: 'chain',
      label: 'chain rule',
      tex: `${partial('L', ps)} = ${partial('L', zSym(l, j))}\\,${dz} = ${deltaSym(l, j)}\\,${dz}`,
    });
    const deltaFormula = sm.crossEntropy
      ? `${aSym(l, j)}\\textstyle\\sum_m t_m - ${tSym(j)}`
      : `${aSym(l, j)}\\big(${partial('L', aSym(l, j))} - \\textstyle\\sum_m ${partial('L', `a^{(${l})}_m`)} a^{(${l})}_m\\big)`;
    const deltaNumbers = sm.crossEntropy
      ? `${v(sm.a[j]!, ready.delta)}\\cdot ${tex(sm.t.reduce((s, x) => s + x, 0))} - ${tex(sm.t[j]!, true)}`
      : `${v(sm.a[j]!, ready.delta)}\\,(${v(sm.dLda[j]!, ready.delta)} - \\dots)`;
    lines.push({
      id: 'delta',
      label: 'softmax output δ',
      tex: `${deltaSym(l, j)} = \\textstyle\\sum_m ${partial('L', `a^{(${l})}_m`)}\\,${partial(`a^{(${l})}_m`, zSym(l, j))} = ${deltaFormula} = ${deltaNumbers} = ${v(rule.delta, ready.delta)}`,
      note: 'softmax mixes every output, so δ sums over all of them',
    });
    lines.push({ id: 'dzdp', label: '∂z/∂p', tex: `${dz} = ${dzSymbol} = ${dzValue}`, note: dzNote });
    lines.push({
      id: 'product',
      label: 'product',
      tex: `${partial('L', ps)} = ${v(rule.delta, ready.delta, true)}\\cdot ${dzFactor} = ${v(rule.gradient, ready.delta)}`,
    });
  } else {
    const dLda = rule.dLda!;
    const dadz = rule.dadz!;
    const da = partial('L', aSym(l, j));
    const az = partial(aSym(l, j), zSym(l, j));
    lines.push({ id: 'chain', label: 'chain rule', tex: `${partial('L', ps)} = ${da}\\,${az}\\,${dz}` });
    if (dLda.kind === 'loss') {
      const [formula, numbers] = lossFactor(dLda, j, l, ready.delta || ready.loss);
      lines.push({
        id: 'dLda',
        label: '∂L/∂a',
        tex: `\\begin{aligned} ${da} &= ${formula} \\\\ &= ${numbers} = ${v(dLda.value, ready.delta)} \\end{aligned}`,
        note: 'from the loss: this is an output neuron',
      });
    } else {
      const terms = dLda.terms.map(
        (t, k) => `${v(t.delta, ready.downstream[k] ?? false, true)}\\cdot ${tex(t.weight, true)}`,
      );
      const symbolic = `\\textstyle\\sum_k \\delta^{(${l + 1})}_{k}\\, w^{(${l + 1})}_{${jk('k', j + 1)}}`;
      lines.push({
        id: 'dLda',
        label: '∂L/∂a',
        tex: `\\begin{aligned} ${da} &= ${symbolic} \\\\ &= ${wrapSum(terms)} \\\\ &= ${v(dLda.value, ready.delta)} \\end{aligned}`,
        note: `summed over the ${dLda.terms.length} neuron${dLda.terms.length === 1 ? '' : 's'} of layer ${l + 1}, whose δ came back first`,
      });
    }
    const f = ACTIVATIONS[dadz.activation];
    const [aFormula, aNumbers] = activationFactor(dadz.activation, l, j, dadz.z, dadz.a, ready.dadz);
    lines.push({
      id: 'dadz',
      label: '∂a/∂z',
      tex: `\\begin{aligned} ${az} &= ${aFormula} \\\\ &= ${aNumbers}${f.slopeFrom === 'none' ? '' : ` = ${v(dadz.value, ready.dadz)}`} \\end{aligned}`,
      note: `${f.label}: from ${f.slopeFrom === 'a' ? 'a' : 'z'}, cached from the forward pass`,
    });
    lines.push({ id: 'dzdp', label: '∂z/∂p', tex: `${dz} = ${dzSymbol} = ${dzValue}`, note: dzNote });
    lines.push({
      id: 'product',
      label: 'product',
      tex: `${partial('L', ps)} = ${v(dLda.value, ready.delta, true)}\\cdot ${v(dadz.value, ready.dadz, true)}\\cdot ${dzFactor} = ${v(rule.gradient, ready.delta)}`,
      note: 'this sample’s share of the gradient',
    });
  }

  // The update: after it happened, or what it will be once the batch is complete.
  const alpha = tex(u.learningRate);
  const summed = u.reduction === 'sum';
  const mean =
    u.batchLength === 1
      ? partial('L', ps)
      : `${summed ? '' : `\\tfrac{1}{${u.batchLength}}`}\\textstyle\\sum_s ${partial('L_s', ps)}`;
  if (!u.trainable) {
    lines.push({
      id: 'update',
      label: 'update',
      tex: `${ps} = ${tex(rule.value)}`,
      note: 'biases are not trained in this setup',
    });
  } else if (u.optimizer) {
    const o = u.optimizer;
    const done = u.samplesDone;
    lines.push({
      id: 'update',
      label: 'update',
      tex: optimizerUpdateTex({
        ps,
        mean,
        optimizer: o.options,
        rate: u.learningRate,
        decays: o.decays,
        step: o.step,
        known: o.known,
      }),
      note: `${optimizerNote(o.options, o.decays)} · ${
        u.applied
          ? 'applied'
          : done === u.batchLength
            ? 'the next step applies it'
            : `once the batch is back-propagated (${done} of ${u.batchLength} done)`
      }`,
    });
  } else if (u.applied) {
    lines.push({
      id: 'update',
      label: 'update',
      tex: `${ps} \\leftarrow ${ps} - \\alpha\\, ${mean} = ${tex(u.applied.before)} - ${alpha}\\cdot ${tex(u.applied.gradient, true)} = ${tex(u.applied.after)}`,
      note: 'applied',
    });
  } else {
    const done = u.samplesDone;
    const meanValue =
      done === u.batchLength ? tex(summed ? u.accumulated : u.accumulated / u.batchLength, true) : PENDING;
    lines.push({
      id: 'update',
      label: 'update',
      tex: `${ps} \\leftarrow ${ps} - \\alpha\\, ${mean} = ${tex(rule.value)} - ${alpha}\\cdot ${meanValue}`,
      note:
        done === u.batchLength
          ? 'the next step applies it'
          : u.batchLength === 1
            ? 'once this sample has been back-propagated'
            : `once all ${u.batchLength} samples of the batch are back-propagated (${done} done)`,
    });
  }
  return lines;
}
