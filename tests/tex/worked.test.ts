/**
 * The worked solution's TeX (issue 13 §4): the textbook 2-2-2 example in note 003's names (w1…w8,
 * b1, b2, h1, o1) with its numbers as the app formats them; other nets in w⁽ˡ⁾ⱼₖ; a batch's share of
 * the update; no control characters anywhere.
 */
import { describe, expect, it } from 'vitest';
import type { Config } from '../../src/config/schema.ts';
import { findPreset } from '../../src/content/presets.ts';
import type { JobScheduler } from '../../src/session/replay.ts';
import { Session } from '../../src/session/session.ts';
import { workedSolution } from '../../src/session/worked.ts';
import { workedHeading, workedSymbols, workedTex } from '../../src/tex/worked.ts';
import type { WorkedSection } from '../../src/tex/worked.ts';

const jobs: JobScheduler = { later: () => () => undefined };

function sections(config: Config, steps = 0): { heading: string; sections: WorkedSection[] } {
  const session = new Session(config, { now: () => 0, jobs, sliceMs: 0 });
  for (let k = 0; k < steps; k++) session.step('step');
  const view = session.snapshot(null).view;
  const w = workedSolution(view, session.data.train);
  return { heading: workedHeading(w), sections: workedTex(w, workedSymbols(view.net.sizes)) };
}

const byId = (s: WorkedSection[]) => new Map(s.flatMap((x) => x.lines.map((l) => [l.id, l.tex] as const)));

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

describe('the worked solution in TeX', () => {
  const textbook = findPreset('textbook-2-2-2')!.config;

  it('writes the textbook example in the notes’ names with the corrected numbers', () => {
    const { heading, sections: s } = sections(textbook);
    expect(s.map((x) => x.id)).toEqual(['forward', 'loss', 'backward', 'gradients', 'update']);
    expect(heading).toBe(
      'Sample 1 of epoch 1 (data row 1), from the parameters after 0 updates: inputs (0.05, 0.1), targets (0.01, 0.99).',
    );
    const t = byId(s);
    expect(t.get('z-1-0')).toBe(
      String.raw`h_{1}(\text{in}) = w_{1}\,x_{1} + w_{2}\,x_{2} + b_{1} = 0.15\cdot 0.05 + 0.2\cdot 0.1 + 0.35 = 0.3775`,
    );
    expect(t.get('a-2-0')).toBe(
      String.raw`o_{1}(\text{out}) = \sigma(o_{1}(\text{in})) = \sigma(1.106) = 0.7514`,
    );
    expect(t.get('z-2-1')).toBe(
      String.raw`o_{2}(\text{in}) = w_{7}\,h_{1}(\text{out}) + w_{8}\,h_{2}(\text{out}) + b_{2} = 0.5\cdot 0.5933 + 0.55\cdot 0.5969 + 0.6 = 1.225`,
    );
    expect(t.get('loss')).toBe(
      String.raw`L=\sum_k \tfrac12 (a_k-t_k)^{2} = \tfrac12(0.7514-0.01)^2 + \tfrac12(0.7729-0.99)^2 = 0.2984`,
    );
    expect(t.get('delta-2-0')).toBe(
      String.raw`\delta_{o_{1}} = \frac{\partial L}{\partial o_{1}(\text{out})}\,\sigma'(o_{1}(\text{in})) = 0.7414\cdot 0.1868 = 0.1385`,
    );
    expect(t.get('dLda-1-0')).toBe(
      String.raw`\frac{\partial L}{\partial h_{1}(\text{out})} = \delta_{o_{1}}\,w_{5} + \delta_{o_{2}}\,w_{7} = 0.1385\cdot 0.4 + (-0.0381)\cdot 0.5 = 0.03635`,
    );
    expect(t.get('grad-w-2-0-0')).toBe(
      String.raw`\frac{\partial L}{\partial w_{5}} = \delta_{o_{1}}\,h_{1}(\text{out}) = 0.1385\cdot 0.5933 = 0.08217`,
    );
    expect(t.get('grad-b-1-1')).toBe(
      String.raw`\frac{\partial L}{\partial b_{1}} = \delta_{h_{2}}\,1 = 0.009954\cdot 1 = 0.009954\quad(h_{2})`,
    );
    expect(t.get('update-w-2-0-0')).toBe(
      String.raw`w_{5} \leftarrow w_{5} - \alpha\,\frac{\partial L}{\partial w_{5}} = 0.4 - 0.5\cdot 0.08217 = 0.3589`,
    );
    expect(t.get('update-w-1-0-0')).toBe(
      String.raw`w_{1} \leftarrow w_{1} - \alpha\,\frac{\partial L}{\partial w_{1}} = 0.15 - 0.5\cdot 0.0004386 = 0.1498`,
    );
    expect(t.get('update-fixed')).toBe(
      String.raw`b_{1} = 0.35,\; b_{2} = 0.6\quad\text{(biases are not trained)}`,
    );
    // 4 sums and activations, the loss, 4 ∂L/∂a and δ, 12 gradients, 8 updates and the fixed biases
    expect(s.map((x) => x.lines.length)).toEqual([8, 1, 8, 12, 9]);
  });

  it('is the whole sample in the middle of its steps too', () => {
    expect(sections(textbook, 6)).toEqual(sections(textbook));
  });

  it('writes other nets in w⁽ˡ⁾ⱼₖ and a batch’s share of the update', () => {
    const table = findPreset('table-x1x2y')!.config;
    const { sections: s } = sections({ ...table, batchSize: 3, reduction: 'mean', trainBiases: true });
    const update = s.find((x) => x.id === 'update')!;
    expect(update.title).toMatch(/^This sample's share of the update/);
    expect(update.note).toMatch(/mean of the 3 samples' gradients/);
    const line = update.lines[0]!.tex;
    expect(line).toMatch(
      /^\\Delta w\^\{\(1\)\}_\{11\} \\mathrel\{\{\+\}\{=\}\} -\\tfrac\{[^}]+\}\{3\}\\,\\frac\{\\partial L\}\{\\partial w\^\{\(1\)\}_\{11\}\} = /,
    );
    expect(byId(s).get('z-1-0')).toMatch(/^z\^\{\(1\)\}_\{1\} = w\^\{\(1\)\}_\{11\}\\,x_\{1\} \+ /);
  });

  it('has no control characters, for every preset', async () => {
    const { PRESETS } = await import('../../src/content/presets.ts');
    for (const p of PRESETS) {
      for (const sec of sections(p.config).sections)
        for (const l of sec.lines) expect(CONTROL.test(l.tex), `${p.name} ${l.id}: ${l.tex}`).toBe(false);
    }
  });
});
