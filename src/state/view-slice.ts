/** The view slice: how the page shows the run (theme, presenter mode, panels, dialogs, messages). */
import type { Kit, LabActions, LabState } from './types.ts';

type ViewActions = Pick<
  LabActions,
  'setTheme' | 'setPresenter' | 'togglePanel' | 'setHelp' | 'setInsight' | 'setLogScale' | 'notify'
>;

export const viewState: Pick<
  LabState,
  | 'theme'
  | 'presenter'
  | 'hidden'
  | 'help'
  | 'lesson'
  | 'insight'
  | 'logScale'
  | 'notice'
  | 'practice'
  | 'practiceScope'
  | 'embed'
  | 'quiz'
  | 'score'
  | 'compare'
  | 'partner'
  | 'follower'
> = {
  theme: 'light',
  presenter: false,
  hidden: { chain: false, loss: false, insight: false, setup: false, data: false },
  help: false,
  lesson: null,
  insight: 'slope',
  logScale: false,
  notice: null,
  practice: false,
  practiceScope: 'all',
  embed: false,
  quiz: null,
  score: { first: 0, hinted: 0, shown: 0 },
  compare: null,
  partner: null,
  follower: false,
};

export function viewActions({ get, set }: Kit): ViewActions {
  return {
    setTheme(theme) {
      set({ theme });
    },
    setPresenter(on) {
      set({ presenter: on, hidden: { ...get().hidden, setup: on, data: on } });
    },
    togglePanel(panel) {
      const hidden = get().hidden;
      set({ hidden: { ...hidden, [panel]: !hidden[panel] } });
    },
    setHelp(open) {
      set({ help: open });
    },
    setInsight(insight) {
      set({ insight });
    },
    setLogScale(on) {
      set({ logScale: on });
    },
    notify(message) {
      set({ notice: message });
    },
  };
}
