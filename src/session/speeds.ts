/** Play speeds, from lecture pace (one computation a second, each highlighted) to flat out. */
export type Speed =
  | { readonly label: string; readonly kind: 'steps'; readonly perSecond: number }
  | { readonly label: string; readonly kind: 'updates'; readonly perFrame: number }
  | { readonly label: string; readonly kind: 'epochs'; readonly perFrame: number }
  | { readonly label: string; readonly kind: 'max' };

export const SPEEDS: readonly Speed[] = [
  { label: '1 step/s', kind: 'steps', perSecond: 1 },
  { label: '2 steps/s', kind: 'steps', perSecond: 2 },
  { label: '5 steps/s', kind: 'steps', perSecond: 5 },
  { label: '20 steps/s', kind: 'steps', perSecond: 20 },
  { label: '60 steps/s', kind: 'steps', perSecond: 60 },
  { label: '1 update/frame', kind: 'updates', perFrame: 1 },
  { label: '1 epoch/frame', kind: 'epochs', perFrame: 1 },
  { label: 'as fast as possible', kind: 'max' },
];

export const DEFAULT_SPEED = 1;
export const MAX_SPEED = SPEEDS.length - 1;
