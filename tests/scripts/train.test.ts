/** The `train` command, run as a user would. */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'train-'));

async function train(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'scripts/train.ts', ...args]);
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

function file(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

describe('npm run train', () => {
  it('prints the textbook example after one update', async () => {
    const r = await train(['examples/textbook.json', '--updates', '1']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(out)).toEqual([
      'updates',
      'epochs',
      'reduction',
      'loss',
      'weights',
      'biases',
      'gradients',
    ]);
    expect(out.reduction).toBe('mean');
    expect(out.updates).toBe(1);
    expect(out.epochs).toBe(1);
    expect(out.loss).toBeCloseTo(0.291027774, 9);
    expect((out.weights as number[][][])[1]![0]![0]).toBeCloseTo(0.35891648, 8);
  }, 30_000);

  it('prints a readable table', async () => {
    const r = await train(['examples/textbook.json', '--epochs', '1', '--format', 'table']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('network 2-2-2');
    expect(r.stdout).toMatch(/w\[0\]\[0\]\s+0\.358916480/);
  }, 30_000);

  it('rejects bad input with exit code 2 and one line naming the field', async () => {
    const bad = file(
      'bad.json',
      JSON.stringify({
        layers: [2, 2],
        activations: ['sigmoid'],
        learningRate: -1,
        data: { inputs: [[1, 2]], targets: [[1, 0]] },
      }),
    );
    const r = await train([bad]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('learningRate: must be a number greater than 0');
    expect((await train([file('x.json', '{oops')])).stderr).toMatch(/^config: is not valid JSON/);
    expect((await train(['examples/textbook.json', '--epochs', 'many'])).stderr).toMatch(
      /^--epochs: must be a whole number/,
    );
    expect((await train([join(dir, 'missing.json')])).code).toBe(2);
  }, 30_000);

  it('reports a divergence with exit code 1', async () => {
    const cfg = {
      layers: [1, 1],
      activations: ['linear'],
      loss: 'squared-error',
      learningRate: 100,
      weights: [[[1]]],
      data: { inputs: [[1000]], targets: [[0]] },
    };
    const r = await train([file('boom.json', JSON.stringify(cfg)), '--updates', '50']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Training diverged at update \d+/);
    expect(JSON.parse(r.stdout).divergence).toMatch(/diverged/);
  }, 30_000);

  it('trains with reduction "sum": the loss, the update and the gradient are sums over the samples', async () => {
    // y = w·x + b, L = ½(y − t)², x = 1, 2, 3, t = 0, 5, 0, w = 1, b = 0, one full batch, α = 0.1.
    // Errors y − t: 1, −3, 3, so Σ ∂L/∂w = 1 − 6 + 9 = 4 and Σ ∂L/∂b = 1: w = 1 − 0.1·4 = 0.6, b = −0.1.
    // Then the errors are 0.5, −3.9, 1.7: E = ½(0.25 + 15.21 + 2.89) = 9.175,
    // Σ ∂L/∂w = 0.5 − 7.8 + 5.1 = −2.2, Σ ∂L/∂b = 0.5 − 3.9 + 1.7 = −1.7.
    const cfg = {
      layers: [1, 1],
      activations: ['linear'],
      loss: 'half-squared-error',
      reduction: 'sum',
      learningRate: 0.1,
      batchSize: 3,
      weights: [[[1]]],
      biases: [[0]],
      data: { inputs: [[1], [2], [3]], targets: [[0], [5], [0]] },
    };
    const r = await train([file('sum.json', JSON.stringify(cfg)), '--updates', '1']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      reduction: string;
      loss: number;
      weights: number[][][];
      biases: number[][];
      gradients: { weights: number[][][]; biases: number[][] };
    };
    expect(out.reduction).toBe('sum');
    expect(out.weights[0]![0]![0]).toBeCloseTo(0.6, 14);
    expect(out.biases[0]![0]).toBeCloseTo(-0.1, 14);
    expect(out.loss).toBeCloseTo(9.175, 13);
    expect(out.gradients.weights[0]![0]![0]).toBeCloseTo(-2.2, 13);
    expect(out.gradients.biases[0]![0]).toBeCloseTo(-1.7, 13);
    // the same as a link, red=sum
    const link = await train([
      'v=1&layers=1-1&act=linear&red=sum&lr=0.1&batch=3&w=1&b=0&x=1,2,3&t=0,5,0',
      '--updates',
      '1',
    ]);
    expect(link.stdout).toBe(r.stdout);
    // the mean: w = 1 − 0.1·4/3, and the loss the mean of the three
    const mean = await train([
      file('mean.json', JSON.stringify({ ...cfg, reduction: 'mean' })),
      '--updates',
      '1',
    ]);
    const m = JSON.parse(mean.stdout) as { reduction: string; weights: number[][][] };
    expect(m.reduction).toBe('mean');
    expect(m.weights[0]![0]![0]).toBeCloseTo(1 - 0.4 / 3, 14);
    const table = await train([
      file('sum2.json', JSON.stringify(cfg)),
      '--updates',
      '1',
      '--format',
      'table',
    ]);
    expect(table.stdout).toContain('loss (sum over samples) 9.17500000');
    const bad = await train([file('median.json', JSON.stringify({ ...cfg, reduction: 'median' }))]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^reduction: must be one of "mean", "sum"/);
  }, 30_000);

  it('counts --epochs and the epochs done in samples when a live change altered the batch size', async () => {
    // 5 samples in order, batch 2, then batch 3 from update 2: [0 1] [2 3] | [4] [0 1 2] [3 4] [0 1 2] …
    // Epoch 1 ends after update 3 ([4] ends it), epoch 2 after update 5 ([3 4] ends it): 3 and 5 updates,
    // not 2·3 = 6 (5 samples in batches of 2 are 3 updates an epoch).
    const link =
      'v=1&layers=1-1&act=linear&lr=0.01&batch=2&shuffle=0&w=0.5&b=0&x=1,2,3,4,5&t=2,4,6,8,10&chg=2:batch:3';
    type Out = { updates: number; epochs: number; startedAt?: number };
    const epochs = async (args: string[]): Promise<Out> =>
      JSON.parse((await train([link, ...args])).stdout) as Out;
    expect(await epochs(['--epochs', '1'])).toMatchObject({ updates: 3, epochs: 1 });
    expect(await epochs(['--epochs', '2'])).toMatchObject({ updates: 5, epochs: 2 });
    // part-way: after update 2 the 4 samples of [0 1] [2 3] are done of 5, and after 4, 1 + 3/5
    expect(await epochs(['--updates', '2'])).toMatchObject({ updates: 2, epochs: 0.8 });
    expect(await epochs(['--updates', '4'])).toMatchObject({ updates: 4, epochs: 1.6 });
    // one epoch from update 2 (position 4 of epoch 0) ends at position 4 of epoch 1: update 5
    const fromMoment = JSON.parse((await train([`${link}&at=2.0`, '--epochs', '1'])).stdout) as Out;
    expect(fromMoment).toMatchObject({ startedAt: 2, updates: 5, epochs: 2 });
  }, 30_000);

  it('accepts a link wherever it accepts a file, with the same result', async () => {
    const fragment =
      'v=1&layers=2-2-2&biases=fixed&w=0.15,0.2,0.25,0.3,0.4,0.45,0.5,0.55&b=0.35,0.35,0.6,0.6&x=0.05,0.1&t=0.01,0.99';
    const fromFile = await train(['examples/textbook.json', '--updates', '3']);
    for (const link of [fragment, `https://example.org/lab/#${fragment}`]) {
      const fromLink = await train([link, '--updates', '3']);
      expect(fromLink.code).toBe(0);
      expect(fromLink.stdout).toBe(fromFile.stdout);
    }
    const bad = await train(['v=1&layers=2-2&lr=0', '--updates', '1']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^lr \(learningRate\): must be a number greater than 0/);
  }, 30_000);
});
