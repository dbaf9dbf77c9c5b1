/**
 * The session's weight edits between steps (the graph's E, the record decoder, a weights file):
 * refused while a step is under way or playing; an edit voids what stepping back kept.
 */
import type { Trainer } from '../core';
import { applyWeights } from '../core/io/weightsCodec';
import type { Scenario } from './buildScenario';
import type { SessionStore } from './sessionStore';
import {
  editWeightsOf,
  editableTrainer,
  isWeightOf,
  writeWeight,
  type Editable,
} from './weightEdits';

/** What the edits need from the session. */
export interface WeightHost {
  readonly store: SessionStore;
  scenario(): Scenario | null;
  /** The weights changed: forget stepping back's starts, tell the run, publish. */
  edited(): void;
}

/** Weight edits of the model on screen. */
export class WeightCommands {
  constructor(private readonly host: WeightHost) {}

  /** Whether weights can be edited now (and the trainer), or why not. */
  editable = (): Editable =>
    editableTrainer(this.host.scenario(), this.host.store.getState().playing);
  /** Whether `address` is a weight or bias of the model on screen. */
  isWeight = (address: number): boolean => isWeightOf(this.host.scenario(), address);
  /** Writes one weight between steps; returns why it was refused, or null. */
  setWeight = (address: number, value: number): string | null =>
    this.edit((trainer) => writeWeight(trainer, address, value));
  /** Writes every weight (a validated file) between steps; returns why it was refused, or null. */
  importWeights = (values: Float64Array): string | null =>
    this.edit((trainer) => applyWeights(trainer, values));

  private edit(write: (trainer: Trainer) => void): string | null {
    const refused = editWeightsOf(this.editable(), this.host.store.getState(), write);
    if (refused !== null) return refused;
    this.host.edited();
    return null;
  }
}
