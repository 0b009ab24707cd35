/** The chain rule of the selected weight or bias, or the computation of the selected neuron, with live numbers. */
import { useMemo, useState } from 'react';
import type { ParamRef } from '../../core/step/chain.ts';
import { weightIndex } from '../../core/model/network.ts';
import { chainTex } from '../../tex/chain.ts';
import type { TexLine } from '../../tex/chain.ts';
import { neuronTex } from '../../tex/neuron.ts';
import type { NeuronData } from '../../tex/neuron.ts';
import { paramOf, selectedIndex, selectionKey } from '../../session/snapshot.ts';
import type { RunView, Selection } from '../../session/snapshot.ts';
import { NumberField } from '../widgets/NumberField.tsx';
import { Tex } from '../widgets/Tex.tsx';
import { useLab, useNaming } from '../app/store-context.tsx';

function title(sel: Selection): string {
  if (sel.kind === 'neuron')
    return sel.layer === 0 ? `input x${sel.index}` : `neuron ${sel.index} of layer ${sel.layer}`;
  if (sel.kind === 'bias') return `bias b(${sel.layer})${sel.to}`;
  return `weight w(${sel.layer})${sel.to}${sel.from}`;
}

/** What the panels need of neuron j of layer l at the displayed moment. */
export function neuronData(view: RunView, l: number, j: number): NeuronData {
  const net = view.net;
  const k = net.nOff[l]! + j;
  const nin = l > 0 ? net.sizes[l - 1]! : 0;
  return {
    layer: l,
    index: j,
    activation: l > 0 ? net.activations[l - 1]! : null,
    weights: Array.from({ length: nin }, (_, i) => view.params[weightIndex(net, l, j, i)]!),
    inputs: Array.from({ length: nin }, (_, i) => view.neurons.a[net.nOff[l - 1]! + i]!),
    bias: l > 0 ? view.params[net.bOff[l]! + j]! : 0,
    z: view.neurons.z[k]!,
    a: view.neurons.a[k]!,
    delta: view.neurons.delta[k]!,
    sumDone: view.neurons.sumDone[k] === 1,
    actDone: view.neurons.actDone[k] === 1,
    backDone: view.neurons.backDone[k] === 1,
    inputsReady: l === 0 ? view.neurons.actDone[k] === 1 : view.neurons.actDone[net.nOff[l - 1]!] === 1,
  };
}

function linesFor(view: RunView, sel: Selection): TexLine[] {
  if (sel.kind === 'neuron') return neuronTex(neuronData(view, sel.layer, sel.index));
  const chain = view.chain!;
  const p = selectedIndex(view, sel);
  const pos = view.position;
  const justUpdated = pos.last?.phase === 'update' && pos.micro === 0 && view.lastUpdate !== null;
  const applied =
    justUpdated && view.lastUpdate
      ? { before: view.lastUpdate.before[p]!, gradient: view.lastUpdate.gradient[p]!, after: view.params[p]! }
      : null;
  const samplesDone = Math.min(pos.batchLength, Math.floor(pos.micro / view.stepsPerSample));
  return chainTex(chain, {
    learningRate: view.learningRate,
    // After an update: the batch it applied (the batch now starting may be shorter).
    batchLength: applied && view.lastUpdate ? view.lastUpdate.batchLength : pos.batchLength,
    samplesDone,
    accumulated: view.grads[p]!,
    trainable: sel.kind === 'weight' || view.trainBiases,
    reduction: view.reduction,
    applied,
  });
}

/** Type a new value for the selected weight or bias: training then starts from the edited parameters. */
function ParamEditor({ sel, value }: { sel: ParamRef; value: number }) {
  const setParam = useLab((s) => s.actions.setParam);
  const [errors, setErrors] = useState<string[]>([]);
  return (
    <p className="param-editor">
      <label>
        value <NumberField testId="param-value" value={value} onApply={(v) => setErrors(setParam(sel, v))} />
      </label>{' '}
      <span className="note">
        type a new value: training restarts from the current weights with this one changed
      </span>
      {errors.length > 0 && (
        <span className="field-error" role="alert" data-testid="param-error">
          {' '}
          {errors.join('; ')}
        </span>
      )}
    </p>
  );
}

export function ChainPanel() {
  const view = useLab((s) => s.display);
  const naming = useNaming();
  const selection = useLab((s) => s.selection);
  const lines = useMemo(
    () => (selection && (paramOf(selection) === null || view.chain) ? linesFor(view, selection) : null),
    [view, selection],
  );
  if (!selection || !lines) {
    return (
      <section className="panel chain" aria-label="Chain rule">
        <h2>Chain rule</h2>
        <p className="hint">Click a weight, a bias or a neuron in the diagram.</p>
      </section>
    );
  }
  const about = naming.about[selectionKey(selection)];
  const pos = view.position;
  const started = pos.micro > 0 || (pos.last?.phase === 'update' && view.lastUpdate !== null);
  return (
    <section className="panel chain" aria-label="Chain rule" data-testid="chain-panel">
      <h2>
        {title(selection)}
        {about && <span className="alias"> · {about}</span>}
      </h2>
      {selection.kind !== 'neuron' && (
        <ParamEditor sel={selection} value={view.params[selectedIndex(view, selection)]!} />
      )}
      {!started && (
        <p className="hint">Nothing computed yet for this sample: step forward to fill in the numbers.</p>
      )}
      <ol className="tex-lines">
        {lines.map((line, k) => (
          <li key={k} data-testid={`tex-${line.id}`} aria-label={line.label}>
            <Tex tex={line.tex} display />
            {line.note && <span className="note">{line.note}</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}
