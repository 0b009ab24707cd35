/**
 * The insight views, by the name links, lessons and the view switcher use (`insight=check`): the loss
 * along the selected weight, the gradient check, the selected neuron, the gradients by layer, the
 * decision boundary. One table: the views, the link codec and the lessons all read it.
 */
export const INSIGHTS = ['slope', 'check', 'neuron', 'layers', 'boundary'] as const;
export type InsightName = (typeof INSIGHTS)[number];
