/** Every lesson scene is a valid setup, its moment is reachable, its selection exists, its link opens it. */
import { describe, expect, it } from 'vitest';
import { buildRun } from '../../src/config/build.ts';
import { decodeLink, encodeLink, lessonLink } from '../../src/config/codec.ts';
import { LESSONS } from '../../src/content/lessons.ts';
import { formatError } from '../../src/config/schema.ts';
import { validateConfig } from '../../src/config/validate.ts';
import { Stepper } from '../../src/core/step/stepper.ts';

describe('lessons', () => {
  it('are the nine of the issue, in the order of the notes', () => {
    expect(LESSONS.map((l) => l.name)).toEqual([
      'neuron',
      'forward',
      'loss',
      'chain-rule',
      'backprop',
      'gradient-descent',
      'batches',
      'vanishing',
      'face-car',
    ]);
  });

  for (const lesson of LESSONS) {
    it(`${lesson.name}: every scene validates, is reachable, selects something that exists`, () => {
      lesson.scenes.forEach((scene, k) => {
        const v = validateConfig(JSON.parse(JSON.stringify(scene.config)));
        if (!v.ok) throw new Error(`${lesson.name} ${k + 1}: ${v.errors.map(formatError).join('; ')}`);
        const st = new Stepper(buildRun(v.config));
        const [u, m] = scene.at;
        expect(st.fastTo(u, false)).toBeNull();
        expect(m).toBeLessThan(st.microStepsIn(u));
        if (scene.select) {
          const [kind, ...n] = scene.select.split(' ');
          const sizes = v.config.layers;
          const [l, j, i] = n.map(Number) as [number, number, number];
          expect(l).toBeLessThan(sizes.length);
          expect(j).toBeLessThan(sizes[l]!);
          if (kind === 'w') expect(i).toBeLessThan(sizes[l - 1]!);
          if (kind !== 'n') expect(l).toBeGreaterThan(0);
        }
        expect(scene.caption.length).toBeGreaterThan(40);
        expect(scene.next.length).toBeGreaterThan(10);
        // the scene's own link and its full link both open it
        const short = decodeLink(lessonLink(lesson.name, k));
        expect(short.ok && short.config).toEqual(v.config);
        expect(short.ok && short.moment).toEqual({ update: u, micro: m });
        expect(short.ok && short.flags.lesson).toEqual({ name: lesson.name, scene: k });
        const full = decodeLink(
          encodeLink(v.config, { update: u, micro: m }, { lesson: { name: lesson.name, scene: k } }),
        );
        expect(full.ok && full.flags.lesson).toEqual({ name: lesson.name, scene: k });
      });
    });
  }

  it('gradient descent on one weight: the slope is w − t, so 2 − 0.05·3 = 1.85 and 5 − 0.05·(−2) = 5.1', () => {
    const gd = LESSONS.find((l) => l.name === 'gradient-descent')!;
    for (const [scene, after] of [
      [gd.scenes[0]!, 1.85],
      [gd.scenes[2]!, 5.1],
    ] as const) {
      const st = new Stepper(buildRun(scene.config));
      st.step('batch');
      expect(st.params[0]).toBeCloseTo(after, 14);
    }
  });
});

describe('view flags in links', () => {
  const bad = (link: string) => {
    const r = decodeLink(link);
    return r.ok ? 'ok' : formatError(r.errors[0]!);
  };
  it('carry presenter mode, the theme and a lesson scene; reject anything else by name', () => {
    const r = decodeLink('v=1&lesson=loss&present=1&theme=dark');
    expect(r.ok && r.flags).toEqual({ presenter: true, theme: 'dark', lesson: { name: 'loss', scene: 0 } });
    expect(bad('v=1&lesson=toString')).toMatch(/^lesson: must be one of neuron, forward/);
    expect(bad('v=1&lesson=loss&scene=2')).toBe('scene: must be a scene of "loss": 1 to 1');
    expect(bad('v=1&lesson=loss&scene=<b>')).toBe('scene: must be a scene of "loss": 1 to 1');
    expect(bad('v=1&scene=1&layers=2-1')).toBe('lesson: is needed with scene');
    expect(bad('v=1&present=yes&layers=2-1')).toBe('present: must be 0 or 1');
    expect(bad('v=1&theme=neon&layers=2-1')).toBe('theme: must be "light" or "dark"');
    expect(bad('lesson=loss')).toBe('v: is missing (v=1)');
  });
});
