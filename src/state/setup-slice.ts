/** The setup slice: presets, configs from outside, and the editors' changes, each a new run. */
import {
  editConfig,
  isLive,
  liveEdit,
  presetOf,
  withData,
  withGenerated,
  withParameters,
  withStandardize,
} from '../config/edits.ts';
import type { EditResult } from '../config/edits.ts';
import { settingsAt } from '../config/changes.ts';
import type { Config } from '../config/schema.ts';
import { impliedSelection } from '../config/view-link.ts';
import { findPreset } from '../content/presets.ts';
import { paramIndex } from '../core/step/chain.ts';
import type { Selection } from '../session/snapshot.ts';
import type { Kit, LabActions, LabState } from './types.ts';

type SetupActions = Pick<
  LabActions,
  | 'loadPreset'
  | 'loadConfig'
  | 'lowerLearningRate'
  | 'setParam'
  | 'trainOn'
  | 'editConfig'
  | 'setStandardize'
  | 'setGenerated'
>;

/** Whether a selection still names something in a network of these layer sizes. */
function fits(sel: Selection, layers: readonly number[]): boolean {
  return (
    sel.layer < layers.length &&
    (sel.kind === 'neuron' ? sel.index : sel.to) < layers[sel.layer]! &&
    (sel.kind !== 'weight' || sel.from < layers[sel.layer - 1]!)
  );
}

export function setupActions(kit: Kit): SetupActions {
  const { session, get, publish } = kit;
  const load = (
    config: Config,
    presetName: string | null,
    selection: Selection = impliedSelection(config, null),
    extra: Partial<LabState> = {},
  ) => {
    kit.halt();
    session.load(config);
    publish({ ...extra, config, presetName, playing: false, selection, data: session.data });
  };
  /** Loads an edited setup, keeping the selection when it still exists; or returns the problems. */
  const apply = (r: EditResult): string[] => {
    if (!r.ok) return r.errors;
    const sel = get().selection;
    load(r.config, presetOf(r.config), sel && fits(sel, r.config.layers) ? sel : undefined);
    return [];
  };
  return {
    loadPreset(name) {
      const p = findPreset(name);
      if (p) load(p.config, p.name, undefined, { lesson: null });
    },
    loadConfig(config, presetName = null) {
      load(config, presetName);
    },
    lowerLearningRate() {
      // the settings in force where it diverged, with a tenth of their learning rate, from the start
      const now = settingsAt(get().config, get().view.position.update);
      load({ ...now, learningRate: now.learningRate / 10 }, null);
    },
    setParam(p, value) {
      const { view, config } = get();
      const params = view.params.slice();
      params[paramIndex(view.net, p)] = value;
      const r = withParameters(config, view.net, params);
      if (!r.ok) return r.errors;
      load(r.config, null, p);
      return [];
    },
    trainOn(data) {
      return apply(withData(get().config, data));
    },
    editConfig(patch) {
      // the learning rate, reduction, optimiser and decay change live, from the current update on
      const u = get().view.position.update;
      if (!isLive(patch) || u === 0) return apply(editConfig(get().config, patch));
      const r = liveEdit(get().config, u, patch);
      if (!r.ok) return r.errors;
      kit.halt();
      session.change(r.config);
      publish({ config: r.config, presetName: presetOf(r.config), playing: false });
      return [];
    },
    setStandardize(standardize) {
      return apply(withStandardize(get().config, standardize));
    },
    setGenerated(patch) {
      return apply(withGenerated(get().config, patch));
    },
  };
}
