/** The chain rule of a parameter at the stepper's position, with which factors exist yet. */
import { chainRule } from './chain.ts';
import type { ChainRule, ParamRef } from './chain.ts';
import type { Stepper } from './stepper.ts';

/** A chain rule and which of its factors exist at the current step. */
export interface StepChain {
  readonly rule: ChainRule;
  readonly ready: {
    /** ∂z/∂p: the sending neuron's activation (cached from the forward pass). */
    readonly dzdp: boolean;
    /** ∂a/∂z: this neuron's forward step (z and a cached). */
    readonly dadz: boolean;
    /** δ_k of each neuron of the next layer (hidden neurons only). */
    readonly downstream: readonly boolean[];
    /** The sample's loss (output neurons' ∂L/∂a needs the forward pass to be complete). */
    readonly loss: boolean;
    /** ∂L/∂a, δ and this sample's ∂L/∂p: this neuron's backward step. */
    readonly delta: boolean;
  };
}

/**
 * The chain of `p` for the current sample, with which factors the steps so far have computed.
 * Values of factors not yet computed are stale and must not be shown.
 */
export function stepChain(s: Stepper, p: ParamRef): StepChain {
  const row = s.position().row;
  const rule = chainRule(s.net, s.params, s.ws, s.data.T, row * s.data.nOut, p);
  const l = p.layer;
  const j = p.to;
  const last = l === s.net.depth;
  return {
    rule,
    ready: {
      dzdp: p.kind === 'bias' || s.activationDone(l - 1, p.from),
      dadz: s.activationDone(l, j),
      downstream: last ? [] : Array.from({ length: s.net.sizes[l + 1]! }, (_, k) => s.backwardDone(l + 1, k)),
      loss: s.lossDone(),
      delta: s.backwardDone(l, j),
    },
  };
}
