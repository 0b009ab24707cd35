/**
 * `npm run --silent train -- <config.json | link> [--updates N | --epochs N] [--format json|table]`
 *
 * A link is the app's address (or just its fragment, `v=1&layers=…`): quote it in the shell.
 * Trains a config and prints the result: the loss of the whole data set at the final parameters,
 * the parameters, and the full-data-set gradient there. Bad input: exit code 2 and one line on
 * stderr naming the field. Divergence: the result so far, and exit code 1.
 */
import { readFileSync, statSync } from 'node:fs';
import { buildRun } from '../src/config/build.ts';
import { CAPS, formatError } from '../src/config/schema.ts';
import { decodeLink } from '../src/config/codec.ts';
import { parseConfigText } from '../src/config/validate.ts';
import { unpackParams } from '../src/core/init.ts';
import { createTrainer, datasetGradient, datasetLoss, runUpdates } from '../src/core/train.ts';
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
  const { net, data, test, params, options } = buildRun(config);
  const tr = createTrainer(net, data, options);
  const updates = args.updates ?? (args.epochs ?? 0) * tr.updatesPerEpoch;
  // Run in chunks so a divergence reports how far training got.
  let done = 0;
  let divergence = null;
  while (done < updates && !divergence) {
    const chunk = Math.min(updates - done, 100_000);
    divergence = runUpdates(tr, params, done, chunk);
    done = divergence ? divergence.update : done + chunk;
  }
  const grads = new Float64Array(net.paramCount);
  datasetGradient(net, params, data, tr.ws, grads);
  const result = {
    updates: done,
    epochs: done / tr.updatesPerEpoch,
    loss: datasetLoss(net, params, data, tr.ws),
    ...(test ? { testLoss: datasetLoss(net, params, test, tr.ws) } : {}),
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
