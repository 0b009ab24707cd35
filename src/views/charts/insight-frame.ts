/**
 * What the insight views share: the frame of their charts and the symbol of the selected parameter
 * (its TeX; the notes' name, like w6, goes in the view's title).
 */
import { bSym, wSym } from '../../tex/symbols.ts';
import type { Selection } from '../../session/snapshot.ts';

/** The insight charts' size and margins (the plot area is what the margins leave). */
export const FRAME = {
  width: 520,
  height: 220,
  margin: { top: 12, right: 14, bottom: 30, left: 56 },
} as const;

/**
 * The TeX symbol of a selected weight or bias: w^{(l)}_{jk} and b^{(l)}_{j} counted from 1, as in the
 * chain panel (one scheme for all TeX); its name in the notes (w5) is in the view's plain-text title.
 */
export function symbolOf(sel: Selection): string {
  if (sel.kind === 'neuron') return 'z';
  return sel.kind === 'weight' ? wSym(sel.layer, sel.to, sel.from) : bSym(sel.layer, sel.to);
}
