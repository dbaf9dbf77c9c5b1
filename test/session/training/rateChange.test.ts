import { afterEach, describe, expect, it } from 'vitest';
import {
  createTrainer,
  trainStep,
  valueAt,
  type TrainSettings,
  type Trainer,
} from '../../../src/core';
import { trainerSettings } from '../../../src/session/buildScenario';
import { RunHistory } from '../../../src/session/training/runHistory';
import { trainerOnScreen, travelTo } from '../../../src/session/training/timeTravel';
import { DEFAULT_TRAINING, editSetup, type TrainingConfig } from '../../../src/setup';
import { encodeState } from '../../../src/url/codec';
import { applyLink, urlStateOf } from '../../../src/url/urlSync';
import { makeSession, type TestSession } from '../makeSession';

const SETUP: TrainingConfig = { ...DEFAULT_TRAINING, points: 20 };

const sessions: TestSession[] = [];
afterEach(() => sessions.splice(0).forEach((t) => t.session.dispose()));

/** A session on the MLP scenario with `SETUP`, or on the link `query`. */
function open(query?: string): { t: TestSession; step: number } {
  let step = 0;
  const t = makeSession((s, store) => {
    if (query) step = applyLink(store, `?${query}`);
    else {
      s.setTraining(SETUP);
      s.setScenario('mlp');
    }
  });
  sessions.push(t);
  return { t, step };
}

/** A trainer's weights as their bits (bit-identical means equal here). */
function coreBits(trainer: Trainer): string {
  const weights = Float64Array.from(trainer.mlp.parameters, (a) => valueAt(trainer.memory, a));
  return Buffer.from(weights.buffer).toString('hex');
}

/** The weights on screen, as their bits. */
const bits = (t: TestSession): string => coreBits(t.session.scenario!.trainer!);

/** Moves the run to `step`: back through its history, or forward in the (in-process) worker. */
function placeAt(t: TestSession, step: number): void {
  t.session.placeAt(step);
  t.worker.pump();
  expect(t.state().stats.step).toBe(step);
}

/** The user changes the learning rate in the workbench at the step on screen. */
function changeRate(t: TestSession, learningRate: number): void {
  t.state().setTraining(editSetup(t.state().training, t.state().stats.step, { learningRate }));
}

/** Trains `steps` whole steps on the main thread (the TypeScript engine, through the playhead). */
function stepOn(t: TestSession, steps: number): void {
  for (let k = 0; k < steps; k++) t.session.stepWhole();
}

/** 40 steps at lr 1 (in the worker), then lr 0.1 from step 40, to step 80 (on the main thread). */
function changedRun(): TestSession {
  const { t } = open();
  placeAt(t, 40);
  changeRate(t, 0.1);
  expect(t.state().stats.step).toBe(40);
  expect(t.session.training.history!.length).toBe(40);
  stepOn(t, 40);
  expect(t.state().stats.step).toBe(80);
  return t;
}

describe('a learning-rate change mid-run', () => {
  it('is carried by the link: a fresh page placed at its step has the same weights, bit for bit', () => {
    const t = changedRun();
    const w = bits(t);
    const query = encodeState(urlStateOf(t.state()));
    const params = new URLSearchParams(query);
    expect(params.get('lrat')).toBe('40:0.1');
    expect(params.get('step')).toBe('80');
    expect(params.has('lr')).toBe(false); // the run started at the default rate

    const fresh = open(query);
    expect(fresh.step).toBe(80);
    expect(fresh.t.state().training).toEqual(t.state().training);
    placeAt(fresh.t, 30); // the worker trains 0 → 30, then 30 → 80 across the change
    placeAt(fresh.t, 80);
    expect(bits(fresh.t)).toBe(w);
    expect(fresh.t.state().stats.loss).toBe(t.state().stats.loss);

    // The settings alone replay it: the core's trainStep, 80 times.
    const trainer = createTrainer(trainerSettings('mlp', {}, t.state().training));
    for (let k = 0; k < 80; k++) trainStep(trainer);
    expect(coreBits(trainer)).toBe(w);
  });

  it('trains at the new rate from the change step on: as a trainer whose rate is set by hand', () => {
    const t = changedRun();
    const trainer = createTrainer(trainerSettings('mlp', {}, SETUP)); // no rate changes
    for (let k = 0; k < 40; k++) trainStep(trainer);
    (trainer.settings as TrainSettings).learningRate = 0.1; // decaying on from step 40
    for (let k = 40; k < 80; k++) trainStep(trainer);
    expect(coreBits(trainer)).toBe(bits(t));
    const unchanged = createTrainer(trainerSettings('mlp', {}, SETUP));
    for (let k = 0; k < 80; k++) trainStep(unchanged);
    expect(coreBits(unchanged)).not.toBe(bits(t));
  });

  it('a link without the change lands elsewhere (what the change step in the link is for)', () => {
    const t = changedRun();
    const { t: whole } = open(encodeState({ ...urlStateOf(t.state()), step: 0 }));
    whole.state().setTraining({ learningRate: 0.1, rateSegments: [] }); // 0.1 from step 0
    placeAt(whole, 80);
    expect(bits(whole)).not.toBe(bits(t));
  });

  it('time travel back before the change and on again replays it', () => {
    const t = changedRun();
    const w = bits(t);
    const history = t.session.training.history!;
    placeAt(t, 20);
    placeAt(t, 80);
    expect(bits(t)).toBe(w);
    placeAt(t, 20);
    stepOn(t, 60); // training again from step 20: the same plan, the same run
    expect(bits(t)).toBe(w);
    expect(history.length).toBe(80); // each step re-recorded as it was: nothing rewritten
    expect(t.state().training.rateSegments).toEqual([
      { fromStep: 40, learningRate: 0.1, schedule: 'decay' },
    ]);
  });

  it('replays across the change from an earlier kept state, in-process and in the worker', () => {
    const t = changedRun();
    const w = bits(t);
    const history = t.session.training.history!;
    // A history that kept state 0 only (as past its dense part): time travel to 80 replays 79
    // steps with the core's trainStep, then takes the last through the playhead.
    const p = history.paramCount;
    const limits = { maxDenseStates: 1, maxDenseBytes: 1 << 20, sparseEvery: 1000, maxSteps: 1e6 };
    const sparse = new RunHistory(p, history.nearestState(0).parameters, limits);
    for (let k = 0; k < 80; k++)
      sparse.record(
        k,
        history.lossAt(k),
        history.accuracyAt(k),
        history.nearestState(k + 1).parameters,
      );
    expect(sparse.nearestState(79).state).toBe(0);
    placeAt(t, 0);
    expect(travelTo(trainerOnScreen(t.session.scenario)!, sparse, 80, Infinity)).toBe(true);
    expect(bits(t)).toBe(w);
    // The worker, loaded at state 10, trains on across the change.
    history.truncate(10);
    placeAt(t, 80);
    expect(bits(t)).toBe(w);
  });

  it('a change at an earlier step drops the later ones and rewrites the run from there', () => {
    const t = changedRun();
    placeAt(t, 20);
    changeRate(t, 0.5);
    expect(t.state().stats.step).toBe(20);
    expect(t.state().training.rateSegments).toEqual([
      { fromStep: 20, learningRate: 0.5, schedule: 'decay' },
    ]);
    expect(t.session.training.history!.length).toBe(20);
  });

  it('a new model starts a new run without changes, at the rate that was in force', () => {
    const t = changedRun();
    t.state().setTraining(editSetup(t.state().training, 80, { seed: 5 }));
    expect(t.state().stats.step).toBe(0);
    expect(t.state().training).toMatchObject({ seed: 5, learningRate: 0.1, rateSegments: [] });
  });
});
