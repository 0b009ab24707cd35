/**
 * The limits of the layout (issue 10), checked on every `npm test`: each folder one idea along the path
 * of a step, so a file that grows past one idea, a runtime import cycle, a view that computes with the
 * core, or a silenced hook dependency fails here.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(process.cwd(), 'src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

const code = files(SRC).filter((f) => /\.(ts|tsx)$/.test(f));
const rel = (f: string) => relative(process.cwd(), f);
const lines = (f: string) => readFileSync(f, 'utf8').split('\n').length;

/** Runtime imports (not `import type`) of a file, as resolved paths. */
function runtimeImports(f: string): string[] {
  const text = readFileSync(f, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/^import\s+(?!type\b)[^;]*?from\s+'(\.[^']+)'/gms)) {
    out.push(normalize(join(dirname(f), m[1]!)));
  }
  return out;
}

describe('the layout’s limits', () => {
  it('no file in src/ over 350 lines, no store file over 250', () => {
    const long = code.filter((f) => lines(f) > 350).map((f) => `${rel(f)} (${lines(f)})`);
    expect(long).toEqual([]);
    const stores = code.filter((f) => f.includes('/state/') && lines(f) > 250).map(rel);
    expect(stores).toEqual([]);
  });

  it('no runtime import cycle', () => {
    const graph = new Map(code.map((f) => [f, runtimeImports(f)]));
    const state = new Map<string, 'open' | 'done'>();
    const cycles: string[] = [];
    const visit = (f: string, path: string[]) => {
      if (state.get(f) === 'done') return;
      if (state.get(f) === 'open') {
        cycles.push([...path.slice(path.indexOf(f)), f].map(rel).join(' → '));
        return;
      }
      state.set(f, 'open');
      for (const g of graph.get(f) ?? []) if (graph.has(g)) visit(g, [...path, f]);
      state.set(f, 'done');
    };
    for (const f of code) visit(f, []);
    expect(cycles).toEqual([]);
  });

  it('views draw numbers computed elsewhere: no .tsx imports from src/core', () => {
    const bad = code
      .filter((f) => f.endsWith('.tsx'))
      .filter((f) => /from '(\.\.\/)+core\//.test(readFileSync(f, 'utf8')))
      .map(rel);
    expect(bad).toEqual([]);
  });

  it('no suppressed hook-dependency rule', () => {
    const bad = code.filter((f) => readFileSync(f, 'utf8').includes('react-hooks/exhaustive-deps')).map(rel);
    expect(bad).toEqual([]);
  });

  it('core and session use no browser or framework API', () => {
    const pure = code.filter((f) => /\/src\/(core|session)\//.test(f));
    const bad = pure
      .filter((f) => /from '(react|zustand|katex|d3-selection)/.test(readFileSync(f, 'utf8')))
      .map(rel);
    expect(bad).toEqual([]);
  });
});
