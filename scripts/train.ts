/**
 * `npm run --silent train -- <config.json | link> [--updates N | --epochs N] [--format json|table]`
 *
 * A link is the app's address (or just its fragment, `v=1&layers=…`): quote it in the shell.
 * Trains a config and prints the result: the reduction, the loss of the whole data set at the final
 * parameters (the mean or the sum of the per-sample losses, as the config says), the parameters, and
 * the full-data-set gradient there (reduced the same way). Bad input: exit code 2 and one line on
 * stderr naming the field. Divergence: the result so far, and exit code 1.
 *
 * A moment link (`…&at=U.M`, with or without `aw`/`ab`) starts from that moment: `--updates 0`
 * prints what the page showed there, further updates continue from update U (`startedAt`). The
 * training asked for (replaying to the moment when the link has no weights, then the updates) is
 * held to the work budget of `src/config/budget.ts`, as in the app.
 */
import { readFileSync, statSync } from 'node:fs';
import { buildRun } from '../src/config/build.ts';
import { budgetError } from '../src/config/budget.ts';
import { settingsAt } from '../src/config/changes.ts';
import { CAPS } from '../src/config/fields.ts';
import { formatError } from '../src/config/schema.ts';
import { decodeLink } from '../src/config/codec.ts';
import type { Moment } from '../src/config/codec.ts';
import { parseConfigText } from '../src/config/validate.ts';
import { packParams, unpackParams } from '../src/core/model/init.ts';
import { createTrainer, epochsAt, newState, updatesForEpochs } from '../src/core/train/schedule.ts';
import { datasetGradient, datasetLoss, runUpdates } from '../src/core/train/train.ts';
import { sameBits } from '../src/session/snapshot.ts';
import { formatTable } from './table.ts';

const USAGE =
  'usage: npm run --silent train -- <config.json> [--updates N | --epochs N] [--format json|table]';
const MAX_UPDATES = 1e9;
const MAX_EPOCHS = 1e7;

class InputError extends Error {}

interface Args {
  file: string;
  updates: number | null;
  epochs: number | null;
  format: 'json' | 'table';
}

function count(flag: string, v: string | undefined, max: number): number {
  const n = v === undefined || !/^\d+$/.test(v) ? NaN : Number(v);
  if (!Number.isSafeInteger(n) || n > max)
    throw new InputError(`${flag}: must be a whole number from 0 to ${max}`);
  return n;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { file: '', updates: null, epochs: null, format: 'json' };
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k]!;
    if (a === '--updates') args.updates = count('--updates', argv[++k], MAX_UPDATES);
    else if (a === '--epochs') args.epochs = count('--epochs', argv[++k], MAX_EPOCHS);
    else if (a === '--format') {
      const f = argv[++k];
      if (f !== 'json' && f !== 'table') throw new InputError('--format: must be "json" or "table"');
      args.format = f;
    } else if (a.startsWith('-')) throw new InputError(`${a}: unknown option; ${USAGE}`);
    else if (args.file) throw new InputError(`${a}: only one config file; ${USAGE}`);
    else args.file = a;
  }
  if (!args.file) throw new InputError(`config: missing (a file or a link); ${USAGE}`);
  if (args.updates !== null && args.epochs !== null)
    throw new InputError('--updates, --epochs: give one of them, not both');
  return args;
}

function readConfig(file: string): string {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new InputError(`config: cannot read "${file}"`);
  }
  if (size > CAPS.maxConfigChars * 4) throw new InputError(`config: "${file}" is too large (${size} bytes)`);
  return readFileSync(file, 'utf8');
}

/** A link or a bare fragment, as opposed to a file name. */
function isLink(arg: string): boolean {
  return /^(https?:\/\/|#|v=\d)/.test(arg) || arg.includes('#v=');
}

function main(): number {
  let args: Args;
  let text: string;
  try {
    args = parseArgs(process.argv.slice(2));
    text = isLink(args.file) ? '' : readConfig(args.file);
  } catch (e) {
    if (e instanceof InputError) {
      process.stderr.write(`${e.message}\n`);
      return 2;
    }
    throw e;
  }
  const parsed = isLink(args.file) ? decodeLink(args.file) : parseConfigText(text);
  if (!parsed.ok) {
    process.stderr.write(`${parsed.errors.map(formatError).join('; ')}\n`);
    return 2;
  }
  const config = parsed.config;
  const { net, data, test, params, options, segments } = buildRun(config);
  const tr = createTrainer(net, data, options, { segments });
  // A moment link starts at its moment: its own parameters, or the replay of the updates before it.
  const moment = 'moment' in parsed ? (parsed.moment as Moment | null) : null;
  const startedAt = moment ? moment.update : 0;
  const pinned = moment?.weights && moment.biases ? packParams(net, moment.weights, moment.biases) : null;
  const replay = pinned ? 0 : startedAt;
  const more = args.updates ?? updatesForEpochs(tr, startedAt, args.epochs ?? 0);
  const flag = args.updates !== null ? '--updates' : '--epochs';
  const over =
    budgetError(config, replay, 'at') ??
    budgetError(
      config,
      replay + more,
      flag,
      replay ? `updates (${replay} to reach the link's moment, then ${more})` : 'updates of this setup',
    );
  if (over) {
    process.stderr.write(`${over}\n`);
    return 2;
  }
  // Momentum's velocity and Adam's moments start at zero, or, at a link's moment, are those of the
  // replay from the initial weights when it is within the budget and leads to the link's weights
  // (as the app opens the link); a link carries no optimiser state.
  const state = newState(net, options, segments);
  if (pinned && state.length > 0 && !budgetError(config, startedAt, 'at')) {
    const trial = params.slice();
    const trialState = state.slice();
    if (!runUpdates(tr, trial, 0, startedAt, trialState) && sameBits(trial, pinned)) state.set(trialState);
  }
  if (pinned) params.set(pinned);
  // Run in chunks so a divergence reports how far training got.
  let done = pinned ? startedAt : 0;
  let divergence = null;
  const end = startedAt + more;
  while (done < end && !divergence) {
    const chunk = Math.min(end - done, 100_000);
    divergence = runUpdates(tr, params, done, chunk, state);
    done = divergence ? divergence.update : done + chunk;
  }
  const grads = new Float64Array(net.paramCount);
  // the reduction in force after the last update (a live change may have switched it)
  const reduction = settingsAt(config, done).reduction ?? 'mean';
  datasetGradient(net, params, data, tr.ws, grads, reduction);
  const result = {
    updates: done,
    ...(moment ? { startedAt } : {}),
    epochs: epochsAt(tr, done),
    reduction,
    loss: datasetLoss(net, params, data, tr.ws, reduction),
    ...(test ? { testLoss: datasetLoss(net, params, test, tr.ws, reduction) } : {}),
    ...unpackParams(net, params),
    gradients: unpackParams(net, grads),
    ...(divergence ? { divergence: divergence.message } : {}),
  };
  process.stdout.write(
    args.format === 'table' ? formatTable(config, result) : `${JSON.stringify(result, null, 2)}\n`,
  );
  if (divergence) {
    process.stderr.write(`${divergence.message}\n`);
    return 1;
  }
  return 0;
}

process.exitCode = main();
