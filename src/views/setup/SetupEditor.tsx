/**
 * The setup: hidden layers (0–8, 1–16 neurons each) and their activations, the loss and how a batch
 * or data set combines it (sum or mean over the samples), the learning rate, the optimiser (its μ,
 * β1, β2) and weight decay, batch size, biases, shuffling and initialisation. Inputs and outputs follow the data. Every
 * change goes through the same validation as a file; a rejected value shows why and changes nothing.
 */
import { settingsAt } from '../../config/changes.ts';
import { FIELDS } from '../../config/fields.ts';
import { useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import type { ConfigPatch } from '../../config/edits.ts';
import type { Config } from '../../config/schema.ts';
import {
  addHidden,
  HIDDEN_ACTIVATIONS,
  hiddenLayers,
  INIT_CHOICES,
  LIMITS,
  LOSS_CHOICES,
  OPTIMIZER_CHOICES,
  OUTPUT_ACTIVATIONS,
  REDUCTION_CHOICES,
  removeHidden,
  resizeHidden,
  setHiddenActivation,
  setOutputActivation,
} from './options.ts';
import type { Choice } from './options.ts';
import { NumberField } from '../widgets/NumberField.tsx';
import { useLab } from '../app/store-context.tsx';

type Activation = Config['activations'][number];

const COMMON_RATES = [0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 0.5, 1, 3];

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label className="field">
      <span>{label}</span>
      {children}
    </label>
  );
}

function Options({ choices }: { choices: readonly Choice<string>[] }) {
  return choices.map((c) => (
    <option key={c.value} value={c.value}>
      {c.label}
    </option>
  ));
}

export function SetupEditor() {
  const run = useLab((s) => s.config);
  // the settings in force at the update on show (a live change applies from its update on)
  const update = useLab((s) => s.display.position.update);
  const config = useMemo(() => settingsAt(run, update), [run, update]);
  const editConfig = useLab((s) => s.actions.editConfig);
  const [errors, setErrors] = useState<string[]>([]);
  const edit = (patch: ConfigPatch) => setErrors(editConfig(patch));
  const layers = config.layers;
  const depth = layers.length - 1;
  const { sizes: hidden, acts: hiddenActs } = hiddenLayers(config);

  return (
    <section className="panel setup" aria-label="Setup" data-testid="setup">
      <h2>Setup</h2>
      <div className="layers">
        <span className="fixed">
          {layers[0]} input{layers[0] === 1 ? '' : 's'}
        </span>
        {hidden.map((n, k) => (
          <div className="layer" key={k} data-testid={`layer-${k + 1}`}>
            <span>hidden {k + 1}</span>
            <button
              type="button"
              aria-label={`fewer neurons in hidden layer ${k + 1}`}
              disabled={n <= 1}
              onClick={() => edit(resizeHidden(config, k, -1))}
            >
              −
            </button>
            <output data-testid={`neurons-${k + 1}`}>{n}</output>
            <button
              type="button"
              aria-label={`more neurons in hidden layer ${k + 1}`}
              disabled={n >= LIMITS.maxNeurons}
              onClick={() => edit(resizeHidden(config, k, 1))}
            >
              +
            </button>
            <select
              aria-label={`activation of hidden layer ${k + 1}`}
              value={hiddenActs[k]}
              onChange={(e) => edit(setHiddenActivation(config, k, e.target.value as Activation))}
            >
              <Options choices={HIDDEN_ACTIVATIONS} />
            </select>
            <button
              type="button"
              aria-label={`remove hidden layer ${k + 1}`}
              onClick={() => edit(removeHidden(config, k))}
            >
              ×
            </button>
          </div>
        ))}
        <button
          type="button"
          data-testid="add-layer"
          disabled={hidden.length >= LIMITS.maxHiddenLayers}
          onClick={() => edit(addHidden(config))}
        >
          + hidden layer
        </button>
        <span className="fixed">
          {layers[depth]} output{layers[depth] === 1 ? '' : 's'}{' '}
          <select
            aria-label="activation of the output layer"
            data-testid="output-activation"
            value={config.activations[depth - 1]}
            onChange={(e) => edit(setOutputActivation(config, e.target.value as Activation))}
          >
            <Options choices={OUTPUT_ACTIVATIONS} />
          </select>
        </span>
      </div>
      <div className="fields">
        <Field label="loss">
          <select
            data-testid="loss-select"
            value={config.loss}
            onChange={(e) => edit({ loss: e.target.value as Config['loss'] })}
          >
            <Options choices={LOSS_CHOICES} />
          </select>
        </Field>
        <Field label="loss of a batch/data set">
          <select
            data-testid="reduction-select"
            title="sum: E = Σₛ Lₛ and w ← w − α Σₛ ∂Lₛ/∂w, as in the notes; mean: both divided by the number of samples"
            value={config.reduction ?? 'mean'}
            onChange={(e) => edit({ reduction: e.target.value as NonNullable<Config['reduction']> })}
          >
            <Options choices={REDUCTION_CHOICES} />
          </select>
        </Field>
        <Field label="learning rate α">
          <NumberField
            testId="learning-rate"
            value={config.learningRate}
            list="common-rates"
            onApply={(v) => edit({ learningRate: v })}
          />
          <datalist id="common-rates">
            {COMMON_RATES.map((r) => (
              <option key={r} value={r} />
            ))}
          </datalist>
        </Field>
        <Field label="optimiser">
          <select
            data-testid="optimizer-select"
            value={config.optimizer ?? FIELDS.optimizer.default!}
            onChange={(e) => edit({ optimizer: e.target.value as NonNullable<Config['optimizer']> })}
          >
            <Options choices={OPTIMIZER_CHOICES} />
          </select>
        </Field>
        {config.optimizer === 'momentum' && (
          <Field label="momentum μ">
            <NumberField
              testId="momentum"
              value={config.momentum ?? FIELDS.momentum.default!}
              onApply={(v) => edit({ momentum: v })}
            />
          </Field>
        )}
        {config.optimizer === 'adam' && (
          <>
            <Field label="Adam β1">
              <NumberField
                testId="beta1"
                value={config.beta1 ?? FIELDS.beta1.default!}
                onApply={(v) => edit({ beta1: v })}
              />
            </Field>
            <Field label="Adam β2">
              <NumberField
                testId="beta2"
                value={config.beta2 ?? FIELDS.beta2.default!}
                onApply={(v) => edit({ beta2: v })}
              />
            </Field>
          </>
        )}
        <Field label="weight decay λ">
          <NumberField
            testId="weight-decay"
            value={config.weightDecay ?? FIELDS.weightDecay.default!}
            onApply={(v) => edit({ weightDecay: v })}
          />
        </Field>
        <Field label="batch size">
          <NumberField testId="batch-size" value={config.batchSize} onApply={(v) => edit({ batchSize: v })} />
        </Field>
        <Field label="train biases">
          <input
            type="checkbox"
            data-testid="train-biases"
            checked={config.trainBiases}
            onChange={(e) => edit({ trainBiases: e.target.checked })}
          />
        </Field>
        <Field label="shuffle">
          <input
            type="checkbox"
            data-testid="shuffle"
            checked={config.shuffle}
            onChange={(e) => edit({ shuffle: e.target.checked })}
          />
        </Field>
        <Field label="initialisation">
          <select
            data-testid="init"
            value={config.weights ? 'explicit' : config.init}
            onChange={(e) => edit({ init: e.target.value as NonNullable<Config['init']> })}
          >
            {config.weights && <option value="explicit">the example&rsquo;s weights</option>}
            <Options choices={INIT_CHOICES} />
          </select>
        </Field>
        <Field label="seed">
          <NumberField testId="seed" value={config.seed} onApply={(v) => edit({ seed: v })} />
        </Field>
        <button
          type="button"
          data-testid="new-seed"
          title="Initialise from a new random seed (Reset keeps the same initial weights)"
          onClick={() =>
            edit({ seed: crypto.getRandomValues(new Uint32Array(1))[0]!, init: config.init ?? 'xavier' })
          }
        >
          New seed
        </button>
      </div>
      {errors.length > 0 && (
        <p className="field-error" role="alert" data-testid="setup-error">
          {errors.join('; ')}
        </p>
      )}
    </section>
  );
}
