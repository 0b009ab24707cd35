/** Keyboard: Space play/pause, → next computation, ← back; Shift+→ sample, Alt+→ batch, Ctrl/⌘+→ epoch. */
import { useEffect } from 'react';
import type { LabStore } from '../state/store.ts';

export function useKeyboard(store: LabStore): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      if (
        t &&
        (t.tagName === 'INPUT' || t.tagName === 'SELECT' || t.tagName === 'TEXTAREA' || t.isContentEditable)
      )
        return;
      const { actions } = store.getState();
      if (e.key === ' ') {
        if (t?.tagName === 'BUTTON') return; // Space activates the focused button
        e.preventDefault();
        actions.togglePlay();
      } else if (e.key === 'ArrowRight') {
        e.preventDefault();
        actions.step(e.ctrlKey || e.metaKey ? 'epoch' : e.altKey ? 'batch' : e.shiftKey ? 'sample' : 'step');
      } else if (e.key === 'ArrowLeft') {
        e.preventDefault();
        actions.back();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}
