/**
 * What one training step did, in order, as plain data, so that a UI can replay it sub-step by
 * sub-step. The engine fills it only when asked; it knows nothing of how it is shown.
 */
import type { OpCode } from './ops';

/** A record pushed during the step, in allocation (= forward) order. */
export interface TracedNode {
  /** Byte address of the record. */
  readonly address: number;
  /** Position on the scratch tape. */
  readonly tapeIndex: number;
  readonly op: OpCode;
  /** Forward value at creation. */
  readonly value: number;
  /** Parent addresses (0, 1 or 2). */
  readonly prev: readonly number[];
  /** Which part of the step pushed it. */
  readonly phase: 'input' | 'forward' | 'loss';
}

/** One node of the backward sweep. */
export interface TracedVisit {
  readonly address: number;
  /** The node's gradient when the sweep reached it. */
  readonly grad: number;
  /** Its parents' gradients after its rule ran, in `prev` order. */
  readonly parentGrads: readonly number[];
}

/** One parameter's SGD update. */
export interface TracedUpdate {
  readonly address: number;
  readonly before: number;
  readonly after: number;
  readonly grad: number;
}

/** A whole step. */
export interface StepTrace {
  /** Step number (0 for the first). */
  step: number;
  /** Scratch bytes in use and tape length when the checkpoint was marked. */
  mark: { used: number; tapeLength: number };
  /** Every record pushed, in order. */
  nodes: TracedNode[];
  /** Address of the loss Value. */
  lossAddress: number;
  /** Learning rate used by the update. */
  learningRate: number;
  /** Backward visits, in sweep order (reverse allocation order). */
  backward: TracedVisit[];
  /** Weight updates, in parameter order. */
  updates: TracedUpdate[];
  /** The checkpoint end: scratch bytes in use before and after. */
  reset: { from: number; to: number };
}

/** An empty trace to pass to `trainStep`. */
export function createStepTrace(): StepTrace {
  return {
    step: 0,
    mark: { used: 0, tapeLength: 0 },
    nodes: [],
    lossAddress: 0,
    learningRate: 0,
    backward: [],
    updates: [],
    reset: { from: 0, to: 0 },
  };
}
