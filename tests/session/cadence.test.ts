/** Every refresh rate lives in one table (src/session/cadence.ts); its users read it from there. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CADENCE } from '../../src/session/cadence.ts';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

const users = ['state', 'session', 'views']
  .flatMap((d) => files(join(process.cwd(), 'src', d)))
  .filter((f) => /\.tsx?$/.test(f) && !f.endsWith('cadence.ts'));

describe('the cadence table', () => {
  it('is the only place a rate is set: no *_MS constant, no interval typed in elsewhere', () => {
    const own = users
      .filter((f) => /\b[A-Z_]*(MS|INTERVAL|HZ)\s*=\s*\d/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(process.cwd(), f));
    expect(own).toEqual([]);
    const typed = users
      .filter((f) => /useSlowDisplay\(\s*\d/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(process.cwd(), f));
    expect(typed).toEqual([]);
  });

  it('keeps the rates in the order the page relies on', () => {
    // the display is redrawn several times per layer-gradient point, and that once per slow view
    expect(CADENCE.frameMs).toBeLessThan(CADENCE.lateFrameMs);
    expect(CADENCE.displayMs).toBeLessThan(CADENCE.layerGradientsMs);
    expect(CADENCE.layerGradientsMs).toBeLessThan(CADENCE.slowViewMs);
  });
});
