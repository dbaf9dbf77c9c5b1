/**
 * The pushes "place the record" asks about, taken from the real engine: the guide's example
 * (`GUIDE_EXAMPLE`, a `Neuron(3)`) built into its model arena — the array of 3 weight pointers
 * (12 bytes, so the next record is padded), then w1, w2, w3 and b — and the first records its
 * forward pushes into the scratch arena. The addresses are read from the arenas after the
 * engine pushed them; a test holds every one equal to {@link placePush}.
 */
import type { MemoryArena } from '../arena';
import { neuronWeight } from '../nn';
import { OP_INFO } from '../ops';
import { opAt } from '../record';
import { GUIDE_EXAMPLE, beginStep, createTrainer, runForward } from '../train';
import { pushShape, type PlacePush } from './placeRecord';

/** One question of the drill: a push, where the engine put it, and the arena around it. */
export interface PlaceStep {
  /** What is pushed, named as the graph names it (`w1`, `x2`, `× #3`, `w[3]`). */
  readonly name: string;
  /** The guide's call that pushes it. */
  readonly call: string;
  readonly push: PlacePush;
  readonly arena: 'model' | 'scratch';
  /** The arena's first byte. */
  readonly base: number;
  /** The bump pointer before the push (the previous push's end, or `base`). */
  readonly top: number;
  /** Where the engine put it. */
  readonly address: number;
}

/** How many of the forward's scratch records the drill asks about. */
const FORWARD_PUSHES = 4;

/** The drill's pushes, in the order the engine made them. */
export function guidePlaceSteps(): PlaceStep[] {
  const trainer = createTrainer(GUIDE_EXAMPLE);
  const steps: PlaceStep[] = [];
  const model = trainer.model;
  const neuron = trainer.mlp.layers[0].neurons[0];
  const array: PlacePush = { kind: 'pointers', count: neuron.inputCount };
  const weights = `w[${neuron.inputCount}]`;
  const add = (
    arena: MemoryArena,
    name: string,
    call: string,
    push: PlacePush,
    address: number,
  ): void => {
    const last = steps.findLast((s) => s.arena === arena.name);
    const top = last ? last.address + pushShape(last.push).size : arena.base;
    steps.push({
      name,
      call,
      push,
      arena: arena.name === 'model' ? 'model' : 'scratch',
      base: arena.base,
      top,
      address,
    });
  };
  add(model, weights, `push_array<Value*>(${neuron.inputCount})`, array, neuron.weights);
  const record: PlacePush = { kind: 'record' };
  for (let i = 0; i < neuron.inputCount; i++) {
    add(model, `w${i + 1}`, 'push_struct<Value>()', record, neuronWeight(model, neuron, i) >>> 0);
  }
  add(model, 'b', 'push_struct<Value>()', record, neuron.bias >>> 0);
  const step = beginStep(trainer);
  runForward(step);
  const scratch = trainer.scratch;
  const dims = trainer.dataset.dims;
  for (let k = step.tapeStart; k < step.tapeStart + FORWARD_PUSHES; k++) {
    const address = scratch.tape[k];
    const at = k - step.tapeStart;
    const name =
      at < dims ? `x${at + 1}` : `${OP_INFO[opAt(trainer.memory, address)].symbol} #${k}`;
    add(scratch, name, 'push_struct<Value>()', record, address);
  }
  return steps;
}
