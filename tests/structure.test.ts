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

/** Every file of the project that may use what `src/` exports. */
const users = ['src', 'tests', 'scripts', 'bench']
  .flatMap((d) => files(join(process.cwd(), d)))
  .filter((f) => /\.(ts|tsx|mjs)$/.test(f) && !f.includes('/screenshots/'));
const texts = new Map(users.map((f) => [f, readFileSync(f, 'utf8')]));

describe('nothing unused (the prune check)', () => {
  it('every export of src/ is used in another file or in its own', () => {
    const unused: string[] = [];
    for (const f of code) {
      const text = texts.get(f)!;
      const names = [
        ...[
          ...text.matchAll(
            /^export\s+(?:declare\s+)?(?:abstract\s+)?(?:async\s+)?(?:function\*?|const|let|class|interface|type|enum)\s+([A-Za-z_$][\w$]*)/gm,
          ),
        ].map((m) => m[1]!),
        ...[...text.matchAll(/^export\s+(?:type\s+)?\{([^}]*)\}/gm)].flatMap((m) =>
          m[1]!
            .split(',')
            .map((s) =>
              s
                .trim()
                .split(/\s+as\s+/)
                .pop()!
                .trim(),
            )
            .filter(Boolean),
        ),
      ];
      for (const name of names) {
        const word = new RegExp(`\\b${name.replace(/\$/g, '\\$')}\\b`, 'g');
        const elsewhere = [...texts].some(([g, t]) => g !== f && word.test(t));
        const own = (text.match(word) ?? []).length > 1;
        if (!elsewhere && !own) unused.push(`${rel(f)}: ${name}`);
      }
    }
    expect(unused).toEqual([]);
  });

  it('every file of src/ is imported (main.tsx is the entry)', () => {
    const imported = new Set<string>();
    for (const [f, t] of texts)
      for (const m of t.matchAll(/(?:from|import)\s*\(?\s*'(\.[^']+)'/g))
        imported.add(normalize(join(dirname(f), m[1]!)));
    const orphans = code.filter((f) => !f.endsWith('/main.tsx') && !imported.has(f)).map(rel);
    expect(orphans).toEqual([]);
  });

  it('every runtime dependency is imported', () => {
    const pkg = JSON.parse(readFileSync(join(process.cwd(), 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    const all = [...texts.values()].join('\n');
    const unused = Object.keys(pkg.dependencies).filter(
      (d) => !new RegExp(`from '${d}(/[^']*)?'|import '${d}(/[^']*)?'`).test(all),
    );
    expect(unused).toEqual([]);
  });
});
