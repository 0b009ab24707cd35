/**
 * The setup editor's choices and layer edits (pure; tested in Node). The choices come from the tables
 * that define them: the activation and loss records (names, labels, which activations are element-wise),
 * the config fields (the allowed initialisations and reductions) and the network's limits.
 */
import { OPTIMIZER_LABELS, OPTIMIZER_NAMES } from '../../core/train/optimizers.ts';
import type { OptimizerName } from '../../core/train/optimizers.ts';
import { ACTIVATION_LIST } from '../../core/model/activations.ts';
import { LOSSES } from '../../core/model/losses.ts';
import type { Reduction } from '../../core/model/losses.ts';
import type { ConfigPatch } from '../../config/edits.ts';
import { FIELDS } from '../../config/fields.ts';
import type { Config } from '../../config/schema.ts';

export { LIMITS } from '../../core/model/network.ts';

type ActivationName = Config['activations'][number];

export interface Choice<V extends string> {
  readonly value: V;
  readonly label: string;
}

/** Every activation, for the output layer. */
export const OUTPUT_ACTIVATIONS: readonly Choice<ActivationName>[] = ACTIVATION_LIST.map((r) => ({
  value: r.name,
  label: r.label,
}));

/** The element-wise activations, for hidden layers (softmax, a function of a whole layer, is an output's). */
export const HIDDEN_ACTIVATIONS: readonly Choice<ActivationName>[] = ACTIVATION_LIST.filter(
  (r) => r.kind === 'element-wise',
).map((r) => ({ value: r.name, label: r.label }));

export const LOSS_CHOICES: readonly Choice<Config['loss']>[] = FIELDS.loss.check.values.map((l) => ({
  value: l,
  label: LOSSES[l].label,
}));

/**
 * Each reduction's words, in the order the editor lists them (the notes' sum first); `satisfies`
 * holds the keys to the reductions the loss table defines, no more and no fewer.
 */
const REDUCTION_LABELS = {
  sum: 'sum over samples',
  mean: 'mean over samples',
} as const satisfies Record<Reduction, string>;

export const REDUCTION_CHOICES: readonly Choice<Reduction>[] = (
  Object.keys(REDUCTION_LABELS) as Reduction[]
).map((r) => ({ value: r, label: REDUCTION_LABELS[r] }));

export const INIT_CHOICES: readonly Choice<NonNullable<Config['init']>>[] = FIELDS.init.check.values.map(
  (n) => ({ value: n, label: n }),
);

export const OPTIMIZER_CHOICES: readonly Choice<OptimizerName>[] = OPTIMIZER_NAMES.map((n) => ({
  value: n,
  label: OPTIMIZER_LABELS[n],
}));

/** The hidden layers' sizes and activations. */
export function hiddenLayers(config: Config): { sizes: number[]; acts: ActivationName[] } {
  return { sizes: config.layers.slice(1, -1), acts: config.activations.slice(0, -1) };
}

/** The patch that gives `config` these hidden layers, keeping its inputs, outputs and output activation. */
function withHidden(config: Config, sizes: number[], acts: ActivationName[]): ConfigPatch {
  const depth = config.layers.length - 1;
  return {
    layers: [config.layers[0]!, ...sizes, config.layers[depth]!],
    activations: [...acts, config.activations[depth - 1]!],
  };
}

/** Hidden layer k (0-based) with `by` more (or fewer) neurons. */
export function resizeHidden(config: Config, k: number, by: number): ConfigPatch {
  const { sizes, acts } = hiddenLayers(config);
  return withHidden(
    config,
    sizes.map((m, q) => (q === k ? m + by : m)),
    acts,
  );
}

export function setHiddenActivation(config: Config, k: number, act: ActivationName): ConfigPatch {
  const { sizes, acts } = hiddenLayers(config);
  return withHidden(
    config,
    sizes,
    acts.map((a, q) => (q === k ? act : a)),
  );
}

export function removeHidden(config: Config, k: number): ConfigPatch {
  const { sizes, acts } = hiddenLayers(config);
  return withHidden(
    config,
    sizes.filter((_, q) => q !== k),
    acts.filter((_, q) => q !== k),
  );
}

/** One more hidden layer, last, like the last one (2 tanh neurons when there is none). */
export function addHidden(config: Config): ConfigPatch {
  const { sizes, acts } = hiddenLayers(config);
  return withHidden(
    config,
    [...sizes, sizes[sizes.length - 1] ?? 2],
    [...acts, acts[acts.length - 1] ?? 'tanh'],
  );
}

/** The output layer's activation. */
export function setOutputActivation(config: Config, act: ActivationName): ConfigPatch {
  return { activations: [...hiddenLayers(config).acts, act] };
}
