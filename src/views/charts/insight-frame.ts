/**
 * What the insight views share: the frame of their charts and the symbol of the selected parameter
 * (its TeX; the notes' name, like w6, goes in the view's title).
 */
import { bSym, wSym } from '../../tex/symbols.ts';
import type { Selection } from '../../session/snapshot.ts';

/** A chart's size, margins (the plot area is what they leave) and its texts' font size, in its units. */
export interface Frame {
  readonly width: number;
  readonly height: number;
  readonly margin: {
    readonly top: number;
    readonly right: number;
    readonly bottom: number;
    readonly left: number;
  };
  readonly font: number;
}

/** The insight charts' frame. */
export const FRAME: Frame = {
  width: 520,
  height: 220,
  margin: { top: 12, right: 14, bottom: 30, left: 56 },
  font: 10.5,
};

/**
 * Presenter mode's frame: fewer units across the same column, so that its type (and every tick
 * number) is drawn ≥ 18 px in the ~450 px column beside the network; margins grown with the type.
 */
export const PRESENTER_FRAME: Frame = {
  width: 360,
  height: 230,
  margin: { top: 14, right: 20, bottom: 46, left: 80 },
  font: 16,
};

export function frameFor(presenter: boolean): Frame {
  return presenter ? PRESENTER_FRAME : FRAME;
}

/**
 * The TeX symbol of a selected weight or bias: w^{(l)}_{jk} and b^{(l)}_{j} counted from 1, as in the
 * chain panel (one scheme for all TeX); its name in the notes (w5) is in the view's plain-text title.
 */
export function symbolOf(sel: Selection): string {
  if (sel.kind === 'neuron') return 'z';
  return sel.kind === 'weight' ? wSym(sel.layer, sel.to, sel.from) : bSym(sel.layer, sel.to);
}
