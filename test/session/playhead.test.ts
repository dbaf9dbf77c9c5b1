import { describe, expect, it } from 'vitest';
import {
  GUIDE_EXAMPLE,
  KB,
  Memory,
  createTrainer,
  gradProgram,
  parseProgram,
  trainStep,
} from '../../src/core';
import { ProgramStepper } from '../../src/session/programStepper';
import { Playhead } from '../../src/session/playhead';
import { TrainerStepper } from '../../src/session/trainerStepper';

const guide = () => {
  const stepper = new TrainerStepper(createTrainer(GUIDE_EXAMPLE));
  return { stepper, playhead: new Playhead(stepper) };
};

describe('step playhead on a trainer', () => {
  it('steps phases in order: mark → forward → loss → backward → update → reset, then again', () => {
    const { playhead } = guide();
    expect(playhead.phase).toBe('ready');
    const phases: string[] = [];
    for (let k = 0; k < 12; k++) {
      playhead.stepPhase();
      phases.push(playhead.phase);
    }
    const one = ['mark', 'forward', 'loss', 'backward', 'update', 'reset'];
    expect(phases).toEqual([...one, ...one]);
  });

  it('reveals forward records one node step at a time, in tape order', () => {
    const { stepper, playhead } = guide();
    playhead.stepPhase(); // mark
    const revealed: number[] = [];
    while (playhead.phase !== 'backward') {
      playhead.stepNode();
      if (playhead.phase === 'forward' || playhead.phase === 'loss')
        revealed.push(playhead.revealed);
    }
    const count = stepper.lossEnd - stepper.tapeStart;
    expect(revealed).toEqual(Array.from({ length: count }, (_, k) => stepper.tapeStart + k + 1));
  });

  it('visits backward nodes in reverse allocation order, skipping undrawn ones', () => {
    const { stepper, playhead } = guide();
    for (let k = 0; k < 3; k++) playhead.stepPhase(); // mark, forward, loss
    playhead.isShown = (k) => k % 2 === 0;
    const visited: number[] = [];
    while (!(playhead.phase === 'backward' && playhead.phaseComplete)) {
      const event = playhead.stepNode();
      if (event.kind !== 'visit') continue;
      visited.push(event.tapeIndex);
      expect(stepper.scratch.tape[event.tapeIndex]).toBe(event.address);
    }
    const even = Array.from(
      { length: stepper.lossEnd - stepper.tapeStart },
      (_, k) => stepper.tapeStart + k,
    ).filter((k) => k % 2 === 0);
    expect(visited).toEqual(even.reverse());
    expect(playhead.stepNode().kind).toBe('update'); // the sweep is over: the next phase runs whole
  });

  it('a whole step gives the same loss and weights as trainStep', () => {
    const { stepper, playhead } = guide();
    const reference = createTrainer(GUIDE_EXAMPLE);
    for (let k = 0; k < 3; k++) {
      playhead.stepWhole();
      expect(playhead.phase).toBe('reset');
      expect(stepper.report!.loss).toBe(trainStep(reference).loss);
    }
    const weights = (t: typeof reference) =>
      Array.from(t.mlp.parameters, (a) => t.memory.f64[a >> 3]);
    expect(weights(stepper.trainer)).toEqual(weights(reference));
  });

  it('finishes a step begun by nodes when asked for a whole step', () => {
    const { stepper, playhead } = guide();
    playhead.stepNode(); // mark
    playhead.stepNode(); // first forward record
    playhead.stepWhole();
    expect(playhead.phase).toBe('reset');
    expect(stepper.stepCount).toBe(1);
    expect(stepper.scratch.used).toBe(0);
  });
});

describe('step playhead on a program', () => {
  const source = 'x = -4\nz = 2*x + 2 + x\nq = relu(z) + z*x';

  it('rests after backward, and re-evaluates through reset, mark, forward and backward', () => {
    const stepper = new ProgramStepper(parseProgram(source));
    const playhead = new Playhead(stepper);
    playhead.stepWhole();
    expect(playhead.phase).toBe('backward');
    const phases: string[] = [];
    for (let k = 0; k < 4; k++) {
      playhead.stepPhase();
      phases.push(playhead.phase);
    }
    expect(phases).toEqual(['reset', 'mark', 'forward', 'backward']);
  });

  it('leaves the gradients gradProgram computes', () => {
    const stepper = new ProgramStepper(parseProgram(source));
    new Playhead(stepper).stepWhole();
    const expected = gradProgram(new Memory().addArena('scratch', KB(64)), source);
    const { f64 } = stepper.memory;
    for (const [address, name] of stepper.names) {
      if (name === 'x' && f64[address >> 3] !== -4) continue; // literal leaves share no name
      expect(f64[(address >> 3) + 1]).toBe(expected.grads[name]);
    }
    expect(f64[stepper.output >> 3]).toBe(expected.values.q);
  });
});
