import { afterEach, describe, expect, it } from 'vitest';
import { createTrainer, trainStep, valueAt, type Trainer } from '../../../src/core';
import { MAX_SPEED } from '../../../src/session/playSpeeds';
import { trainerSettings } from '../../../src/session/buildScenario';
import { DEFAULT_TRAINING, editSetup } from '../../../src/setup';
import { makeSession, type TestSession } from '../makeSession';

let t: TestSession;
afterEach(() => t.session.dispose());

/** A session on the MLP scenario (micrograd's demo), with a smaller batch to keep tests fast. */
function mlp(): TestSession {
  return makeSession((s) => {
    s.setTraining({ ...DEFAULT_TRAINING, points: 20 });
    s.setScenario('mlp');
  });
}

/** The reference: the core's trainStep on the same settings, `steps` times; losses per step. */
function reference(steps: number): { trainer: Trainer; losses: number[] } {
  const trainer = createTrainer(trainerSettings('mlp', {}, { ...DEFAULT_TRAINING, points: 20 }));
  const losses = Array.from({ length: steps }, () => trainStep(trainer).loss);
  return { trainer, losses };
}

const weightsOf = (trainer: Trainer) =>
  Array.from(trainer.mlp.parameters, (a) => valueAt(trainer.memory, a));

describe('the training run (time travel, fast play, edits) through the session', () => {
  it('records every step the session takes, and travels back and forth to identical states', () => {
    t = mlp();
    const { session } = t;
    for (let k = 0; k < 4; k++) session.stepWhole();
    const history = session.training.history!;
    expect(history.length).toBe(4);
    const { trainer, losses } = reference(4);
    expect(Array.from({ length: 4 }, (_, k) => history.lossAt(k))).toEqual(losses);
    const at4 = weightsOf(session.scenario!.trainer!);
    expect(at4).toEqual(weightsOf(trainer));
    session.placeAt(2);
    expect(t.state().stats.step).toBe(2);
    expect(t.state().stats.loss).toBe(losses[1]); // the last step shown is step 1 (the 2nd)
    session.placeAt(4);
    expect(t.state().stats.step).toBe(4);
    expect(weightsOf(session.scenario!.trainer!)).toEqual(at4);
    expect(history.length).toBe(4); // a replay rewrote nothing
  });

  it('plays fast in the worker and lands on the worker’s state, equal to trainStep', () => {
    t = mlp();
    const { session, worker } = t;
    t.state().setSpeed(MAX_SPEED);
    t.state().setPlaying(true);
    expect(worker.received.map((m) => m.type)).toEqual(['load', 'start']);
    expect(t.state().workbench.fast).toBe(true);
    worker.pump(3); // a few slices of ~10 steps each
    t.state().setPlaying(false); // pause: the worker sends its last batch
    expect(worker.received.at(-1)!.type).toBe('pause');
    expect(t.state().workbench.fast).toBe(false);
    const steps = session.scenario!.trainer!.step;
    expect(steps).toBeGreaterThan(5);
    expect(session.training.history!.length).toBe(steps);
    const { trainer, losses } = reference(steps);
    expect(weightsOf(session.scenario!.trainer!)).toEqual(weightsOf(trainer));
    expect(session.training.history!.lossAt(steps - 1)).toBe(losses[steps - 1]);
    expect(t.state().stats.step).toBe(steps);
  });

  it('a step past the history trains forward in the worker to exactly that step', () => {
    t = mlp();
    const { session, worker } = t;
    session.placeAt(15);
    expect(t.state().workbench.targetStep).toBe(15);
    worker.pump();
    expect(t.state().workbench.targetStep).toBeNull();
    expect(t.state().stats.step).toBe(15);
    expect(weightsOf(session.scenario!.trainer!)).toEqual(weightsOf(reference(15).trainer));
  });

  it('a user step interrupts fast play', () => {
    t = mlp();
    t.state().setSpeed(MAX_SPEED);
    t.state().setPlaying(true);
    t.worker.pump(1);
    t.session.stepPhase();
    expect(t.state().playing).toBe(false);
    expect(t.state().workbench.fast).toBe(false);
  });

  it('an edited weight becomes the current state; refused mid-step', () => {
    t = mlp();
    const { session } = t;
    session.stepWhole();
    const trainer = session.scenario!.trainer!;
    const w = trainer.mlp.parameters[0];
    const before = t.state().stats.loss;
    expect(session.weights.setWeight(w, 0.5)).toBeNull();
    expect(valueAt(trainer.memory, w)).toBe(0.5);
    expect(session.training.history!.nearestState(1).parameters[0]).toBe(0.5);
    session.stepPhase(); // mark: a step is in progress
    expect(session.weights.setWeight(w, 0.25)).toMatch(/step is in progress/);
    expect(valueAt(trainer.memory, w)).toBe(0.5);
    session.stepWhole();
    expect(t.state().stats.loss).not.toBe(before);
  });

  it('a learning-rate change keeps the weights, the step and the history', () => {
    t = mlp();
    const { session } = t;
    for (let k = 0; k < 3; k++) session.stepWhole();
    const weights = weightsOf(session.scenario!.trainer!);
    t.state().setTraining(editSetup(t.state().training, 3, { learningRate: 0.5 }));
    expect(session.scenario!.trainer!.settings.rateSegments).toEqual([
      { fromStep: 3, learningRate: 0.5, schedule: 'decay' },
    ]);
    expect(t.state().stats.step).toBe(3);
    expect(weightsOf(session.scenario!.trainer!)).toEqual(weights);
    expect(session.training.history!.length).toBe(3);
    // A new rate from step 0 rewrites the whole run: back to step 0, the history from there.
    t.state().setTraining({ learningRate: 0.25, rateSegments: [] });
    expect(t.state().stats.step).toBe(0);
    expect(session.training.history!.length).toBe(0);
    for (let k = 0; k < 3; k++) session.stepWhole();
    t.state().setTraining({ hidden: [4] }); // a new model: a new run
    expect(t.state().stats.step).toBe(0);
    expect(session.training.history!.length).toBe(0);
  });
});
