/**
 * Links and lessons: opening a link (its setup, its moment, how the page shows it) or a lesson's scene
 * (its config, moment, selection and insight view, directly: lesson content is valid by
 * construction), and the long job opening may start — in slices with a progress bar while the page
 * keeps showing what it showed; Cancel, or any action that moves the run, stops it.
 */
import { decodeLink, linkErrorText } from '../config/codec.ts';
import type { Moment } from '../config/codec.ts';
import { presetOf } from '../config/edits.ts';
import type { Config } from '../config/schema.ts';
import { PANELS } from '../config/view-link.ts';
import { findLesson } from '../content/lessons.ts';
import { pageOf } from '../session/links.ts';
import type { Kit, LabActions, LabState } from './types.ts';

type LinkActions = Pick<LabActions, 'openLink' | 'openLesson' | 'closeLesson' | 'cancelJob'>;

export function linkActions(kit: Kit): LinkActions {
  const { session, get, set, publish } = kit;
  /** Opens `config` at `moment`, then shows it as `page` says; returns the problems. */
  const open = (config: Config, moment: Moment | null, page: Partial<LabState>): string[] => {
    let sync = true;
    let problem: string[] = [];
    const error = session.open(config, moment, (r) => {
      if (!r.ok) {
        if (sync) problem = [r.problem];
        else
          set({ job: null, notice: `This link could not be opened — ${r.problem}. The page is as it was.` });
        return;
      }
      kit.halt();
      publish({
        ...page,
        config,
        data: session.data,
        presetName: presetOf(config),
        playing: false,
        notice: r.note,
      });
    });
    sync = false;
    if (error) return [error];
    if (get().job !== session.job) set({ job: session.job }); // the progress bar, or none
    return problem;
  };
  return {
    openLink(text) {
      const r = decodeLink(text);
      if (!r.ok) return [linkErrorText(r.errors)];
      return open(r.config, r.moment, pageOf(r.config, r.flags));
    },
    openLesson(name, scene) {
      const lesson = findLesson(name);
      if (!lesson) return [`lesson: no lesson named ${JSON.stringify(name.slice(0, 40))}`];
      const k = Math.max(0, Math.min(lesson.scenes.length - 1, Math.floor(scene)));
      const { config, at } = lesson.scenes[k]!;
      const { presenter, hidden, practice, practiceScope, embed } = get();
      // the theme, presenter mode, the panels, practice mode and the embedded page stay as they are
      const flags = {
        lesson: { name, scene: k },
        presenter,
        hidden: PANELS.filter((p) => hidden[p]),
        ...(practice ? { practice: practiceScope } : {}),
        ...(embed ? { embed } : {}),
      };
      return open(config, { update: at[0], micro: at[1] }, pageOf(config, flags));
    },
    closeLesson() {
      set({ lesson: null });
    },
    cancelJob() {
      get().partner?.getState().actions.cancelJob();
      const said = session.stopJob();
      if (said) publish({ notice: said });
    },
  };
}
