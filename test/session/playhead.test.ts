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
import { ExpressionEngine } from '../../src/scenarios/expressionEngine';
import { StepController } from '../../src/scenarios/stepController';
import { TrainerEngine } from '../../src/scenarios/trainerEngine';

const guide = () => {
  const engine = new TrainerEngine(createTrainer(GUIDE_EXAMPLE));
  return { engine, controller: new StepController(engine) };
};

describe('step controller on a trainer', () => {
  it('steps phases in order: mark → forward → loss → backward → update → reset, then again', () => {
    const { controller } = guide();
    expect(controller.phase).toBe('ready');
    const phases: string[] = [];
    for (let k = 0; k < 12; k++) {
      controller.stepPhase();
      phases.push(controller.phase);
    }
    const one = ['mark', 'forward', 'loss', 'backward', 'update', 'reset'];
    expect(phases).toEqual([...one, ...one]);
  });

  it('reveals forward records one node step at a time, in tape order', () => {
    const { engine, controller } = guide();
    controller.stepPhase(); // mark
    const revealed: number[] = [];
    while (controller.phase !== 'backward') {
      controller.stepNode();
      if (controller.phase === 'forward' || controller.phase === 'loss')
        revealed.push(controller.revealed);
    }
    const count = engine.lossEnd - engine.tapeStart;
    expect(revealed).toEqual(Array.from({ length: count }, (_, k) => engine.tapeStart + k + 1));
  });

  it('visits backward nodes in reverse allocation order, skipping undrawn ones', () => {
    const { engine, controller } = guide();
    for (let k = 0; k < 3; k++) controller.stepPhase(); // mark, forward, loss
    controller.isShown = (k) => k % 2 === 0;
    const visited: number[] = [];
    while (!(controller.phase === 'backward' && controller.phaseComplete)) {
      const event = controller.stepNode();
      if (event.kind !== 'visit') continue;
      visited.push(event.tapeIndex);
      expect(engine.scratch.tape[event.tapeIndex]).toBe(event.address);
    }
    const even = Array.from(
      { length: engine.lossEnd - engine.tapeStart },
      (_, k) => engine.tapeStart + k,
    ).filter((k) => k % 2 === 0);
    expect(visited).toEqual(even.reverse());
    expect(controller.stepNode().kind).toBe('update'); // the sweep is over: the next phase runs whole
  });

  it('a whole step gives the same loss and weights as trainStep', () => {
    const { engine, controller } = guide();
    const reference = createTrainer(GUIDE_EXAMPLE);
    for (let k = 0; k < 3; k++) {
      controller.stepWhole();
      expect(controller.phase).toBe('reset');
      expect(engine.lastReport!.loss).toBe(trainStep(reference).loss);
    }
    const weights = (t: typeof reference) =>
      Array.from(t.mlp.parameters, (a) => t.memory.f64[a >> 3]);
    expect(weights(engine.trainer)).toEqual(weights(reference));
  });

  it('finishes a step begun by nodes when asked for a whole step', () => {
    const { engine, controller } = guide();
    controller.stepNode(); // mark
    controller.stepNode(); // first forward record
    controller.stepWhole();
    expect(controller.phase).toBe('reset');
    expect(engine.stepCount).toBe(1);
    expect(engine.scratch.used).toBe(0);
  });
});

describe('step controller on a program', () => {
  const source = 'x = -4\nz = 2*x + 2 + x\nq = relu(z) + z*x';

  it('rests after backward, and re-evaluates through reset, mark, forward and backward', () => {
    const engine = new ExpressionEngine(parseProgram(source));
    const controller = new StepController(engine);
    controller.stepWhole();
    expect(controller.phase).toBe('backward');
    const phases: string[] = [];
    for (let k = 0; k < 4; k++) {
      controller.stepPhase();
      phases.push(controller.phase);
    }
    expect(phases).toEqual(['reset', 'mark', 'forward', 'backward']);
  });

  it('leaves the gradients gradProgram computes', () => {
    const engine = new ExpressionEngine(parseProgram(source));
    new StepController(engine).stepWhole();
    const expected = gradProgram(new Memory().addArena('scratch', KB(64)), source);
    const { f64 } = engine.memory;
    for (const [address, name] of engine.names) {
      if (name === 'x' && f64[address >> 3] !== -4) continue; // literal leaves share no name
      expect(f64[(address >> 3) + 1]).toBe(expected.grads[name]);
    }
    expect(f64[engine.output >> 3]).toBe(expected.values.q);
  });
});
