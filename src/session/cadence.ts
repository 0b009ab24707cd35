/**
 * Every refresh rate of the app, in one table. At lecture pace (the `steps` speeds), when paused and
 * after any action, everything follows every change; these rates apply while training runs faster
 * than lecture pace, when redrawing everything every frame would cost more than the frame.
 * Play speeds themselves (steps a second, updates or epochs a frame) are in `speeds.ts`.
 */
export const CADENCE = {
  /** A frame at 60 Hz; the driver assumes this long a first frame. */
  frameMs: 16,
  /** A frame that took longer than this was late: its kind's compute budget shrinks (`pacer.ts`). */
  lateFrameMs: 18,
  /** The longest time a frame may account for (after a hidden tab, a frame does not make up for it). */
  maxFrameMs: 250,
  /**
   * `display` — what the diagram, the chain panel, the loss curve and the history slider draw — about
   * ten times a second; the status line follows `view`, every frame.
   */
  displayMs: 100,
  /**
   * The gradients-by-layer recorder takes a point (a gradient pass over up to 128 rows) at display
   * refreshes, but at most twice a second.
   */
  layerGradientsMs: 500,
  /**
   * Views that cost more than a frame to compute and follow the training (the decision boundary, on a
   * coarser grid then; the gradients by layer; the data table's predictions; the saturation of the
   * hidden neurons): once a second. Views of one moment (slope, gradient check, neuron) hold still.
   */
  slowViewMs: 1000,
  /** The address bar, rewritten with the current moment: at most once a second while playing. */
  addressBarMs: 1000,
  /** Training per slice of a long replay (a link, "Go to update"); the page paints between slices. */
  replaySliceMs: 30,
  /**
   * Comparing two runs while playing: run B's training per frame to reach run A's update, at most; a
   * run B with more work per update falls behind (and catches up when run A pauses), never stalls.
   */
  followMs: 12,
} as const;
