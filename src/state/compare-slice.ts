/**
 * Comparing two runs: run A is this store's run; run B is a second store (`partner`, made by `spawn`)
 * whose setup is run A's with the settings of `compare` changed (config/compare-link.ts). Run B has
 * no controls of its own: `followLead` makes it go wherever run A goes — its position, its live
 * changes, its selection and how the page shows it — and a parameter selected in either run is
 * selected in both. Practice mode and the embedded page show one run.
 */
import { comparedConfig, comparisonError, readComparison } from '../config/compare-link.ts';
import { presetOf } from '../config/edits.ts';
import type { Config } from '../config/schema.ts';
import { selectionKey } from '../session/snapshot.ts';
import type { Kit, LabActions, LabState, Lead } from './types.ts';
import type { StoreApi } from 'zustand/vanilla';

type CompareActions = Pick<LabActions, 'setCompare' | 'follow'>;

export function compareActions(kit: Kit): CompareActions {
  const { session, get, set, publish } = kit;
  /** The setup being opened in slices (run B), so that run A's moves meanwhile do not restart it. */
  let opening: Config | null = null;
  return {
    setCompare(text) {
      if (text === null) {
        set({ compare: null });
        return [];
      }
      const r = readComparison(get().config, text);
      if ('ok' in r) return [comparisonError(r)];
      if (get().practice) get().actions.setPractice(false);
      set({ compare: r.text, notice: null });
      return [];
    },
    follow(lead: Lead) {
      const { config, update, micro } = lead;
      if (config !== get().config) {
        if (opening === config && session.job) return; // it lands, then catches up (`lead.again`)
        opening = config;
        kit.halt();
        const problem = session.open(config, { update, micro }, (r) => {
          opening = null;
          if (!r.ok) return set({ job: null, notice: `Run B: ${r.problem}` });
          publish({ config, data: session.data, presetName: presetOf(config), notice: r.note });
          lead.again();
        });
        if (problem) {
          opening = null;
          set({ notice: `Run B: ${problem}` });
        } else if (get().job !== session.job) set({ job: session.job });
        return;
      }
      const problem = session.follow(update, micro, lead.drop, lead.playing, () => publish({}));
      publish(problem ? { notice: `Run B: ${problem}` } : {}, lead.display);
    },
  };
}

/** How the page shows run A, which run B shows alike. */
const MIRRORED = ['theme', 'presenter', 'hidden', 'logScale', 'speed', 'playing'] as const;

/**
 * Makes run B (`spawn`, while `compare` is set) follow run A (`store`). Returns the unsubscribe.
 * A comparison that no longer applies (run A's setup changed so that run B's settings are not
 * valid) ends, saying why.
 */
export function followLead(
  store: StoreApi<LabState>,
  spawn: (config: Config) => StoreApi<LabState>,
): () => void {
  let target: { a: Config; text: string; b: Config; json: string } | null = null;
  const sync = (prev: LabState | null): void => {
    const s = store.getState();
    const { compare, partner } = s;
    if (!compare) {
      target = null;
      if (partner) {
        partner.getState().actions.cancelJob();
        store.setState({ partner: null });
      }
      return;
    }
    if (!target || target.a !== s.config || target.text !== compare) {
      const b = comparedConfig(s.config, compare);
      if ('ok' in b) {
        target = null;
        store.setState({ compare: null, notice: `The comparison ended — ${comparisonError(b)}.` });
        return;
      }
      const json = JSON.stringify(b);
      target = { a: s.config, text: compare, b: target?.json === json ? target.b : b, json };
    }
    if (!partner) return store.setState({ partner: spawnFollower(target.b) });
    const bs = partner.getState();
    const mirror: Partial<LabState> = {};
    for (const k of MIRRORED) if (bs[k] !== s[k]) Object.assign(mirror, { [k]: s[k] });
    if (Object.keys(mirror).length) partner.setState(mirror);
    if (selectionKey(bs.selection) !== selectionKey(s.selection)) bs.actions.select(s.selection);
    const { update, micro } = s.view.position;
    const lastX = (series: LabState['series']) => (series.length ? series.x(series.length - 1) : 0);
    partner.getState().actions.follow({
      config: target.b,
      update,
      micro,
      drop: prev !== null && lastX(s.series) < lastX(prev.series),
      playing: s.playing,
      display: prev === null || !s.playing || s.display !== prev.display,
      again: () => sync(null),
    });
  };
  const spawnFollower = (config: Config): StoreApi<LabState> => {
    const b = spawn(config);
    // a parameter selected in run B's diagram is selected in run A's too
    b.subscribe((bs, prev) => {
      const a = store.getState();
      if (bs.selection !== prev.selection && selectionKey(bs.selection) !== selectionKey(a.selection))
        a.actions.select(bs.selection);
    });
    return b;
  };
  return store.subscribe((s, prev) => {
    const moved =
      s.view !== prev.view ||
      s.display !== prev.display ||
      s.selection !== prev.selection ||
      MIRRORED.some((k) => s[k] !== prev[k]);
    if (
      s.compare !== prev.compare ||
      s.config !== prev.config ||
      s.partner !== prev.partner ||
      (s.compare && moved)
    )
      sync(prev);
  });
}
