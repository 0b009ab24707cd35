/**
 * The update rules, one record each: gradient descent as in the notes (the default), momentum and
 * Adam, each with optional L2 weight decay. An update sees g, the batch gradient of one parameter
 * (the mean or the sum of the samples' ∂L/∂p, as the reduction says) plus λ·w for a weight when
 * decay is on (the gradient of λ/2 Σ w², added to the update and not to the loss shown; biases do
 * not decay), and the optimiser's state for that parameter:
 *   sgd       p ← p − α g
 *   momentum  v ← μ v + g,  p ← p − α v                                  (state: v)
 *   adam      m ← β1 m + (1 − β1) g,  v ← β2 v + (1 − β2) g²,
 *             m̂ = m / (1 − β1ᵗ),  v̂ = v / (1 − β2ᵗ),  p ← p − α m̂ / (√v̂ + ε)  (state: m, v, t)
 * The state is one Float64Array per run (`stateSize`): velocity or m at [k], Adam's v at [P + k]
 * and its step count t at [2P]. It starts at zero and is part of a checkpoint, so going back in time
 * and replaying give the same bits.
 */

export const OPTIMIZER_NAMES = ['sgd', 'momentum', 'adam'] as const;
export type OptimizerName = (typeof OPTIMIZER_NAMES)[number];

export interface OptimizerOptions {
  readonly name: OptimizerName;
  /** μ of momentum. */
  readonly momentum: number;
  /** Adam's decay rates of the first and second moments. */
  readonly beta1: number;
  readonly beta2: number;
  /** λ of L2 weight decay (0: none). */
  readonly weightDecay: number;
}

/** Adam's ε, added to √v̂ so a zero second moment does not divide by zero. */
export const ADAM_EPSILON = 1e-8;

export const DEFAULT_OPTIMIZER: OptimizerOptions = {
  name: 'sgd',
  momentum: 0.9,
  beta1: 0.9,
  beta2: 0.999,
  weightDecay: 0,
};

/** What the optimisers are called on screen. */
export const OPTIMIZER_LABELS: Readonly<Record<OptimizerName, string>> = {
  sgd: 'gradient descent (as in the notes)',
  momentum: 'momentum',
  adam: 'Adam',
};

/** The length of a run's optimiser state for `paramCount` parameters. */
export function stateSize(name: OptimizerName, paramCount: number): number {
  return name === 'sgd' ? 0 : name === 'momentum' ? paramCount : 2 * paramCount + 1;
}

/** Whether the plain rule of the notes applies (no state, no decay): the fast path of `schedule.ts`. */
export function isPlain(o: OptimizerOptions | undefined): boolean {
  return !o || (o.name === 'sgd' && o.weightDecay === 0);
}

/** What an update did to one parameter, for the chain panel and the slope view. */
export interface ParamStep {
  /** The batch gradient (mean or sum), before decay. */
  readonly gradient: number;
  /** The gradient the rule used: with λ·w when decay applies to this parameter. */
  readonly g: number;
  readonly before: number;
  readonly after: number;
  /** momentum: v before and after; adam: m and v before and after, t, and the corrections. */
  readonly state: Readonly<Record<string, number>>;
}

/**
 * Bias corrections of Adam's step `t` (1-based): 1 − β1ᵗ and 1 − β2ᵗ. Both sides of a comparison
 * (the rule below and the panel's numbers) use this one function.
 */
export function adamCorrections(o: OptimizerOptions, t: number): [number, number] {
  return [1 - powInt(o.beta1, t), 1 - powInt(o.beta2, t)];
}

/** bᵗ for a whole t ≥ 0 by squaring: multiplications only, so the same bits in every engine. */
function powInt(b: number, t: number): number {
  let result = 1;
  let base = b;
  for (let e = t; e > 0; e = Math.floor(e / 2)) {
    if (e % 2 === 1) result *= base;
    base *= base;
  }
  return result;
}

/**
 * Applies the rule to parameters w0 … end−1 of layer `decayEnd`'s block: g = grads[k]·inv (+ λ w for
 * k < decayEnd). `t` is Adam's step (already counted). Returns the sum of the new values × 0 (NaN or
 * ±∞ when one is not finite).
 */
export function updateRange(
  o: OptimizerOptions,
  rate: number,
  params: Float64Array,
  grads: Float64Array,
  inv: number,
  state: Float64Array,
  from: number,
  end: number,
  decayEnd: number,
  t: number,
): number {
  const P = params.length;
  const lambda = o.weightDecay;
  let check = 0;
  if (o.name === 'sgd') {
    for (let k = from; k < end; k++) {
      const g = grads[k]! * inv + (k < decayEnd ? lambda * params[k]! : 0);
      const p = params[k]! - rate * g;
      params[k] = p;
      check += p * 0;
    }
  } else if (o.name === 'momentum') {
    const mu = o.momentum;
    for (let k = from; k < end; k++) {
      const g = grads[k]! * inv + (k < decayEnd ? lambda * params[k]! : 0);
      const v = mu * state[k]! + g;
      state[k] = v;
      const p = params[k]! - rate * v;
      params[k] = p;
      check += p * 0;
    }
  } else {
    const { beta1, beta2 } = o;
    const [c1, c2] = adamCorrections(o, t);
    for (let k = from; k < end; k++) {
      const g = grads[k]! * inv + (k < decayEnd ? lambda * params[k]! : 0);
      const m = beta1 * state[k]! + (1 - beta1) * g;
      const v = beta2 * state[P + k]! + (1 - beta2) * g * g;
      state[k] = m;
      state[P + k] = v;
      const p = params[k]! - (rate * (m / c1)) / (Math.sqrt(v / c2) + ADAM_EPSILON);
      params[k] = p;
      check += p * 0;
    }
  }
  return check;
}

/**
 * What the next update will do to parameter k (value `before`) when its batch gradient is
 * `gradient`, from the optimiser's `state` now (unchanged): the numbers of the chain panel's update
 * line before the update, and the step the slope view draws.
 */
export function previewStep(
  o: OptimizerOptions,
  k: number,
  decays: boolean,
  gradient: number,
  before: number,
  state: Float64Array,
  rate: number,
): ParamStep {
  const g = gradient + (decays ? o.weightDecay * before : 0);
  if (o.name === 'sgd') return { gradient, g, before, after: before - rate * g, state: {} };
  if (o.name === 'momentum') {
    const v = o.momentum * state[k]! + g;
    return { gradient, g, before, after: before - rate * v, state: { v0: state[k]!, v } };
  }
  const P = (state.length - 1) / 2;
  const t = state[2 * P]! + 1;
  const [c1, c2] = adamCorrections(o, t);
  const m = o.beta1 * state[k]! + (1 - o.beta1) * g;
  const v = o.beta2 * state[P + k]! + (1 - o.beta2) * g * g;
  const after = before - (rate * (m / c1)) / (Math.sqrt(v / c2) + ADAM_EPSILON);
  return {
    gradient,
    g,
    before,
    after,
    state: { m0: state[k]!, v0: state[P + k]!, m, v, t, c1, c2, mHat: m / c1, vHat: v / c2 },
  };
}

/**
 * What the update from `before` (parameters) and `stateBefore` did to parameter k, given the state
 * after it: the numbers the chain panel's update line shows.
 */
export function paramStep(
  o: OptimizerOptions,
  k: number,
  decays: boolean,
  gradient: number,
  before: number,
  after: number,
  stateBefore: Float64Array,
  stateAfter: Float64Array,
): ParamStep {
  const g = gradient + (decays ? o.weightDecay * before : 0);
  const P = (stateAfter.length - 1) / 2;
  const state: Record<string, number> =
    o.name === 'momentum'
      ? { v0: stateBefore[k]!, v: stateAfter[k]! }
      : o.name === 'adam'
        ? (() => {
            const t = stateAfter[2 * P]!;
            const [c1, c2] = adamCorrections(o, t);
            const m = stateAfter[k]!;
            const v = stateAfter[P + k]!;
            return {
              m0: stateBefore[k]!,
              v0: stateBefore[P + k]!,
              m,
              v,
              t,
              c1,
              c2,
              mHat: m / c1,
              vHat: v / c2,
            };
          })()
        : {};
  return { gradient, g, before, after, state };
}
