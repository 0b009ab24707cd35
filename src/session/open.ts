/**
 * Opening a setup at a moment (a link's, a lesson scene's): `planOpen` says what it takes — how many
 * updates to replay from the initial weights, within the work budget — and `land` where it ends up
 * after that replay: at the moment, with the moment's own parameters when it carries them.
 */
import { budgetError } from '../config/budget.ts';
import { buildRun } from '../config/build.ts';
import type { RunSetup } from '../config/build.ts';
import type { Moment } from '../config/codec.ts';
import type { Config } from '../config/schema.ts';
import { packParams } from '../core/model/init.ts';
import { Stepper } from '../core/step/stepper.ts';
import { sameBits } from './snapshot.ts';

/** What opening a setup at a moment takes. */
export interface OpenPlan {
  readonly run: RunSetup;
  readonly stepper: Stepper;
  readonly moment: Moment | null;
  /** The link's parameters at its moment (aw, ab), packed. */
  readonly pinned: Float64Array | null;
  /** Updates to replay from the initial weights (0: none). */
  readonly replay: number;
}

/**
 * The plan for a setup at a moment, or the problem: a moment that is not in its batch, or one
 * without its parameters beyond the work budget.
 */
export function planOpen(config: Config, moment: Moment | null): OpenPlan | string {
  const run = buildRun(config);
  const stepper = new Stepper(run);
  if (!moment) return { run, stepper, moment, pinned: null, replay: 0 };
  const { update, micro } = moment;
  const steps = stepper.microStepsIn(update);
  if (micro >= steps) return `at: micro-step ${micro} is not in update ${update + 1} (it has ${steps})`;
  const pinned =
    moment.weights && moment.biases ? packParams(stepper.net, moment.weights, moment.biases) : null;
  const over = budgetError(config, update, 'at');
  if (over && !pinned)
    return `${over}; a link to this moment with its weights (aw, ab) opens without replaying`;
  return { run, stepper, moment, pinned, replay: over ? 0 : update };
}

/** Where opening lands: the stepper at the moment, the history's first update, what to tell the user. */
export interface Landing {
  readonly stepper: Stepper;
  readonly floor: number;
  readonly note: string | null;
}

/**
 * After the replay: the stepper at the moment, the first update its history goes back to
 * (0, or the moment itself when its past was not replayed) and what to tell the user; or the problem.
 */
export function land(plan: OpenPlan): Landing | string {
  const { stepper, moment, pinned } = plan;
  if (!moment) return { stepper, floor: 0, note: null };
  const { update, micro } = moment;
  if (!pinned) {
    if (stepper.update !== update)
      return `at: the moment ${update}.${micro} is not reachable: training diverged in update ${stepper.update + 1}`;
    stepper.goTo(update, micro);
    return { stepper, floor: 0, note: null };
  }
  // The link's own parameters at its moment, always; its past only when the replay leads there.
  const replayed = plan.replay > 0 && stepper.update === update && sameBits(stepper.params, pinned);
  const at = replayed ? stepper : new Stepper(plan.run);
  at.resumeAt(update, pinned, micro);
  if (replayed || update === 0) return { stepper: at, floor: 0, note: null };
  const fresh =
    at.state.length > 0
      ? ` The optimiser's ${at.options.optimizer?.name === 'adam' ? 'moments m and v start' : 'velocity starts'} from 0 there: a link carries the weights, not that state.`
      : '';
  return {
    stepper: at,
    floor: update,
    note:
      (plan.replay > 0
        ? `The link's weights at update ${update} are not what its setup trains to, so its loss curve starts there.`
        : `The loss curve starts at update ${update}: replaying the training before it is more than the work budget allows.`) +
      fresh,
  };
}
