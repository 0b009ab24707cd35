/** `train <moment link>` starts from the moment; the work budget holds for `train` as in the app. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

async function train(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'scripts/train.ts', ...args]);
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

interface Out {
  updates: number;
  startedAt?: number;
  loss: number;
  weights: number[][][];
  biases: number[][];
}

const TEXTBOOK =
  'v=1&layers=2-2-2&biases=fixed&w=0.15,0.2,0.25,0.3,0.4,0.45,0.5,0.55&b=0.35,0.35,0.6,0.6&x=0.05,0.1&t=0.01,0.99';
// After one update of the notes' example (seed 003, α = 0.5): w1…w4, then w5…w8.
const AFTER_ONE = [
  0.149780716, 0.19956143, 0.24975114, 0.29950229, 0.35891648, 0.408666186, 0.51130127, 0.561370121,
];

describe('train <moment link>', () => {
  it('with --updates 0 prints the moment; more updates continue from it', async () => {
    // the notes' weights after update 1, as a moment link carries them (3 micro-steps into update 2)
    const moment = `${TEXTBOOK}&at=1.3&aw=${AFTER_ONE.join(',')}&ab=0.35,0.35,0.6,0.6`;
    const r = await train([moment, '--updates', '0']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Out;
    expect(out.startedAt).toBe(1);
    expect(out.updates).toBe(1);
    expect(out.weights.flat(2)).toEqual(AFTER_ONE);
    // E_total after one update, from the notes (0.298371109 before it)
    expect(out.loss).toBeCloseTo(0.291027774, 8);
    // the same moment without its weights: replayed, the same numbers to the rounding of the link
    const replayed = JSON.parse((await train([`${TEXTBOOK}&at=1.3`, '--updates', '0'])).stdout) as Out;
    expect(replayed.startedAt).toBe(1);
    replayed.weights.flat(2).forEach((w, k) => expect(w).toBeCloseTo(AFTER_ONE[k]!, 8));
    // two more updates from the moment = three from the start
    const on = JSON.parse((await train([`${TEXTBOOK}&at=1.3`, '--updates', '2'])).stdout) as Out;
    const three = JSON.parse((await train([TEXTBOOK, '--updates', '3'])).stdout) as Out;
    expect(on.updates).toBe(3);
    expect(on.weights).toEqual(three.weights);
    expect(on.loss).toBe(three.loss);
    expect('startedAt' in three).toBe(false);
    const table = await train([`${TEXTBOOK}&at=1.3`, '--updates', '2', '--format', 'table']);
    expect(table.stdout).toContain('updates 3 (started at update 1)');
  }, 60_000);

  it('holds --updates, --epochs and a replayed moment to the work budget', async () => {
    const deep = 'v=1&layers=2-16-16-16-16-16-16-16-16-1&act=tanh&batch=2000&data=spiral&n=2000';
    const tooFar = await train([`${deep}&at=2000000.0`, '--updates', '0']);
    expect(tooFar.code).toBe(2);
    expect(tooFar.stderr).toMatch(/^at: 2000000 updates of this setup are 7\.88e12 units of work/);
    expect(tooFar.stderr).toContain('the limit is 2e9: at most 507 updates here');
    const updates = await train([deep, '--updates', '600']);
    expect(updates.code).toBe(2);
    expect(updates.stderr.trim().split('\n')).toHaveLength(1);
    expect(updates.stderr).toMatch(/^--updates: 600 updates of this setup are 2\.36e9 units of work/);
    const epochs = await train([deep, '--epochs', '1000']);
    expect(epochs.code).toBe(2);
    expect(epochs.stderr).toMatch(/^--epochs: 1000 updates of this setup/);
    const both = await train([`${deep}&at=500.0`, '--updates', '10']);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/^--updates: 510 updates \(500 to reach the link's moment, then 10\)/);
    // the 2-2-2 example may train 166,666,666 updates (12 parameters, one sample each), not 2 × 10⁸
    expect((await train([TEXTBOOK, '--updates', '200000000'])).stderr).toBe(
      '--updates: 200000000 updates of this setup are 2.4e9 units of work (updates × 1 sample per update × 12 parameters); the limit is 2e9: at most 166666666 updates here\n',
    );
  }, 60_000);
});

describe('train with an optimiser', () => {
  it('Adam from the start, and from an exact moment link, agree bit for bit with the stepper', async () => {
    const { decodeLink, encodeLink } = await import('../../src/config/codec.ts');
    const { buildRun } = await import('../../src/config/build.ts');
    const { Stepper } = await import('../../src/core/step/stepper.ts');
    const { unpackParams } = await import('../../src/core/model/init.ts');
    const link = `${TEXTBOOK}&lr=0.05&opt=adam&wd=0.01`;
    const decoded = decodeLink(link);
    if (!decoded.ok) throw new Error('link');
    const stepper = new Stepper(buildRun(decoded.config));
    stepper.fastTo(5, false);
    const five = unpackParams(stepper.net, stepper.params);
    const fromStart = JSON.parse((await train([link, '--updates', '5'])).stdout) as Out;
    expect(fromStart.weights).toEqual(five.weights);
    // the moment link at update 3 with its exact weights: the replay leads there, so Adam's m and v
    // are the replay's (a fresh state would step differently), and two more updates land on update 5
    const at3 = new Stepper(buildRun(decoded.config));
    at3.fastTo(3, false);
    const { weights, biases } = unpackParams(at3.net, at3.params);
    const moment = encodeLink(decoded.config, { update: 3, micro: 0, weights, biases });
    const on = JSON.parse((await train([moment, '--updates', '2'])).stdout) as Out;
    expect(on.startedAt).toBe(3);
    expect(on.weights).toEqual(five.weights);
  });
});
