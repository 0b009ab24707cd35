/** The (before, after) moments of a run's first update, for the practice tests. */
import type { Config } from '../../src/config/schema.ts';
import type { JobScheduler } from '../../src/session/replay.ts';
import { Session } from '../../src/session/session.ts';
import type { RunView, Selection } from '../../src/session/snapshot.ts';

const NO_JOBS: JobScheduler = { later: () => () => undefined };
/** Every step of the first update, as (before, after) moments. */
export function moments(config: Config, sel: Selection | null): [RunView, RunView][] {
  const session = new Session(config, { now: () => 0, jobs: NO_JOBS, sliceMs: 0 });
  const out: [RunView, RunView][] = [];
  let before = session.snapshot(sel).view;
  do {
    session.step('step');
    const after = session.snapshot(sel).view;
    out.push([before, after]);
    before = after;
  } while (before.position.update === 0);
  return out;
}
