/**
 * What the insight views share: the frame of their charts and the symbol of the selected parameter
 * (the notes' name, like w6, when the example has one).
 */
import { bSym, wSym } from '../../tex/symbols.ts';
import type { Selection } from '../../session/snapshot.ts';

/** The insight charts' size and margins (the plot area is what the margins leave). */
export const FRAME = {
  width: 520,
  height: 220,
  margin: { top: 12, right: 14, bottom: 30, left: 56 },
} as const;

/** The TeX symbol of a selected weight or bias. */
export function symbolOf(sel: Selection, names: Readonly<Record<string, string>>): string {
  if (sel.kind === 'weight') {
    const n = names[`w ${sel.layer} ${sel.to} ${sel.from}`];
    return n && /^[a-z]\d*$/i.test(n) ? `${n[0]}_{${n.slice(1)}}` : wSym(sel.layer, sel.to, sel.from);
  }
  if (sel.kind === 'bias') return bSym(sel.layer, sel.to);
  return 'z';
}
