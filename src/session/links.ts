/**
 * Setup and moment links, as the page sees them: the link to the setup alone, the link to this
 * moment (the setup, the position, the parameters there, and how the page shows them), and the page a
 * link's view flags ask for. The encoding itself is `config/codec.ts`.
 */
import { encodeLink } from '../config/codec.ts';
import type { ViewFlags } from '../config/codec.ts';
import type { Config } from '../config/schema.ts';
import { impliedHidden, impliedInsight, impliedSelection, PANELS } from '../config/view-link.ts';
import type { PanelName, PracticeScopeName } from '../config/view-link.ts';
import type { InsightName } from '../content/insights.ts';
import { unpackParams } from '../core/model/init.ts';
import type { RunView, Selection } from './snapshot.ts';

export type Theme = 'light' | 'dark';

/** How the page shows the run: what a moment link carries beyond the setup and the moment. */
export interface PageView {
  readonly presenter: boolean;
  readonly theme: Theme;
  /** The guided lesson in progress and its scene (0-based). */
  readonly lesson: { readonly name: string; readonly scene: number } | null;
  readonly selection: Selection | null;
  readonly insight: InsightName;
  /** Panels the user has hidden. */
  readonly hidden: Readonly<Record<PanelName, boolean>>;
  /** Practice mode: the student computes each value before it is shown (off when absent). */
  readonly practice?: boolean;
  /** What practice mode asks (default: everything). */
  readonly practiceScope?: PracticeScopeName;
}

/** How the page shows the run, as link flags. */
export function viewFlags(page: PageView): ViewFlags {
  return {
    ...(page.presenter ? { presenter: true } : {}),
    ...(page.theme === 'dark' ? { theme: 'dark' as const } : {}),
    ...(page.lesson ? { lesson: page.lesson } : {}),
    selection: page.selection,
    insight: page.insight,
    hidden: PANELS.filter((p) => page.hidden[p]),
    ...(page.practice ? { practice: page.practiceScope ?? 'all' } : {}),
  };
}

/** The link to the setup alone: training starts from its initial weights. */
export function setupLink(page: { readonly config: Config }): string {
  return encodeLink(page.config);
}

/** The link to this moment: the setup, the position and the parameters there, and the page's view. */
export function momentLink(page: PageView & { readonly config: Config; readonly view: RunView }): string {
  const { view, config } = page;
  const { weights, biases } = unpackParams(view.net, view.params);
  return encodeLink(
    config,
    { update: view.position.update, micro: view.position.micro, weights, biases },
    viewFlags(page),
  );
}

/**
 * The page a link's flags ask for, what they leave out as the page implies it (the lesson scene's
 * selection and insight view, the panels presenter mode hides); the theme only when the link sets it.
 */
export function pageOf(config: Config, flags: ViewFlags): Omit<PageView, 'theme'> & { theme?: Theme } {
  const presenter = flags.presenter ?? false;
  const hidden = flags.hidden ?? impliedHidden(presenter);
  return {
    selection: flags.selection !== undefined ? flags.selection : impliedSelection(config, flags.lesson),
    lesson: flags.lesson ?? null,
    insight: flags.insight ?? impliedInsight(flags.lesson),
    presenter,
    hidden: Object.fromEntries(PANELS.map((p) => [p, hidden.includes(p)])) as PageView['hidden'],
    practice: flags.practice !== undefined,
    practiceScope: flags.practice ?? 'all',
    ...(flags.theme ? { theme: flags.theme } : {}),
  };
}
