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
  /** The embedded page (`embed=1`): the diagram, the chain panel and the step controls alone. */
  readonly embed?: boolean;
  /** A second run beside this one: its settings that differ (a `cmp` value), or null. */
  readonly compare?: string | null;
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
    ...(page.embed ? { embed: true } : {}),
    ...(page.compare ? { compare: page.compare } : {}),
  };
}

/** The link to the setup alone (and the second run, when comparing): training starts from its initial weights. */
export function setupLink(page: { readonly config: Config; readonly compare?: string | null }): string {
  return encodeLink(page.config, null, page.compare ? { compare: page.compare } : {});
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

/** The link that embeds this moment: the diagram, the chain panel and the step controls alone. */
export function embedLink(page: PageView & { readonly config: Config; readonly view: RunView }): string {
  return momentLink({
    ...page,
    embed: true,
    presenter: false,
    lesson: null,
    hidden: NO_PANEL_HIDDEN,
    compare: null,
  });
}

const NO_PANEL_HIDDEN = Object.fromEntries(PANELS.map((p) => [p, false])) as PageView['hidden'];

/** An attribute value as HTML writes it (the title may come from the user's own setup). */
const attribute = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The HTML that puts `url` (an embed link) into a slide or a course page, 960 × 540 and no wider than it. */
export function embedSnippet(url: string, title: string): string {
  return (
    `<iframe src="${attribute(url)}" title="${attribute(title)}" width="960" height="540" ` +
    `style="border:0;max-width:100%" loading="lazy" allow="clipboard-write; fullscreen"></iframe>`
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
    practice: flags.practice !== undefined && !flags.compare,
    practiceScope: flags.practice ?? 'all',
    embed: flags.embed ?? false,
    compare: flags.embed ? null : (flags.compare ?? null),
    ...(flags.theme ? { theme: flags.theme } : {}),
  };
}
