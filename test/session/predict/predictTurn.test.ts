/**
 * Predict mode in the session: the step keys stop before each reveal with a question built from
 * the engine (the lecture's L = (a·b + c)·f: gradients 6, −4, −2, 4), answers are graded and
 * kept, a wrong answer gets the rule then the numbers, the screen hides what is still to be
 * predicted, and stepping back never asks twice.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { valueAt } from '../../../src/core';
import { hiddenGradients } from '../../../src/session/predict/predictQuestions';
import { makeSession, type TestSession } from '../makeSession';

const PROGRAM = 'a = 2\nb = -3\nc = 10\nf = -2\nL = (a*b + c)*f';
let t: TestSession;
afterEach(() => t.session.dispose());

function playground(): TestSession {
  return makeSession((s) => {
    s.forgetPredictions();
    s.setProgram(PROGRAM);
    s.setScenario('playground');
    s.setPredict(true);
  });
}

/** Presses → until a question of `kind` is open (answering none); returns it. */
function nextQuestion(kind: string) {
  for (let n = 0; n < 60; n++) {
    const q = t.state().predictQuestion;
    if (q && q.kind === kind && !t.state().predictAnswers[q.key]) return q;
    if (q) t.session.predict.reveal();
    t.session.stepNode();
  }
  throw new Error(`no ${kind} question`);
}

describe('predict mode', () => {
  it('asks the reset, every address and every gradient of the playground, graded', () => {
    t = playground();
    t.session.stepNode();
    const reset = t.state().predictQuestion!;
    expect(reset.prompt).toMatch(/How many bytes will the scratch arena use after checkpoint.end/);
    expect(t.state().phase).toBe('backward'); // asked before the reset is shown
    expect(t.session.predict.answer('0')).toMatchObject({ ok: true, right: true });
    const scratch = t.session.scenario!.stepper.scratch;
    const addresses: number[] = [];
    for (let k = 0; k < 7; k++) {
      const q = nextQuestion('forward');
      expect(q.prompt).toMatch(/^Where will (a|b|c|f|#4|#5|L) land\?/);
      expect(t.session.predict.answer(`0x${(scratch.base + 32 * k).toString(16)}`)).toMatchObject({
        right: true,
      });
      addresses.push(q.truth);
    }
    expect(addresses).toEqual([...scratch.tape.slice(0, 7)]);
    const gradients: Record<string, number> = {
      L: 1,
      '#5': -2,
      '#4': -2,
      f: 4,
      c: -2,
      b: -4,
      a: 6,
    };
    const asked: string[] = [];
    for (let k = 0; k < 7; k++) {
      const q = nextQuestion('backward');
      const name = q.prompt.match(/^What is the gradient of (\S+)\?$/)![1];
      asked.push(name);
      // The graph hides the gradient it asks about, until answered.
      const address = t.session.scenario!.spec.nodes.find(
        (n) => n.label === name || `#${n.tapeIndex}` === name,
      )!.address;
      expect(t.session.screen!.gradientHidden?.(address)).toBe(true);
      expect(t.session.predict.answer(String(gradients[name]))).toMatchObject({ right: true });
      expect(t.session.screen!.gradientHidden?.(address) ?? false).toBe(false);
    }
    expect(asked).toEqual(['L', '#5', '#4', 'f', 'c', 'b', 'a']);
  });

  it('gives the rule, then the numbers, after wrong answers; a reveal is a skip', () => {
    t = playground();
    let q = nextQuestion('backward');
    while (!q.prompt.includes(' b?')) {
      t.session.predict.answer(String(q.truth));
      q = nextQuestion('backward');
    }
    expect(q.hints[0]).toContain('#4 = a · b (a is a, b is b): b.grad += a · out.grad');
    expect(q.hints[1]).toContain('a = 2');
    expect(q.hints[1]).toContain('out.grad = −2');
    expect(t.session.predict.answer('4')).toMatchObject({ ok: true, right: false });
    expect(t.session.predict.answer('oops')).toMatchObject({ ok: false });
    expect(t.session.predict.answer('\u22128/2')).toMatchObject({ right: true });
    const answer = t.state().predictAnswers[q.key];
    expect(answer.tries.map((x) => x.right)).toEqual([false, true]);
    t.session.stepNode(); // the visit of b
    const a = nextQuestion('backward');
    t.session.predict.reveal();
    expect(t.state().predictAnswers[a.key]).toMatchObject({ revealed: true, tries: [] });
  });

  it('stepping back shows what was answered and never asks twice', () => {
    t = playground();
    const first = nextQuestion('backward'); // L
    t.session.predict.answer('1');
    t.session.stepNode(); // visit L
    const second = t.state().predictQuestion ?? nextQuestion('backward');
    expect(second.key).not.toBe(first.key);
    t.session.stepBack(); // to before the visit of L
    expect(t.state().predictQuestion?.key).toBe(first.key); // shown, answered
    t.session.stepNode(); // goes on: the visit of L, no question
    expect(t.session.scenario!.playhead.current).toBe(t.session.scenario!.stepper.output);
  });

  it('the playground opens evaluated with every gradient hidden until a question has it', () => {
    t = playground();
    const scenario = t.session.scenario!;
    const tape = scenario.stepper.scratch.tape.slice(0, 7);
    const hidden = hiddenGradients(scenario, t.state())!;
    expect(tape.every((address) => hidden(address))).toBe(true);
    t.state().setPredict(false);
    expect(hiddenGradients(scenario, t.state())).toBeNull();
  });

  it('a new run (Reset, a new program) asks again what the last run answered', async () => {
    t = playground();
    const first = nextQuestion('backward'); // L
    t.session.predict.answer('1');
    expect(t.state().predictAnswers[first.key]).toBeDefined();
    t.session.reset();
    expect(t.state().predictAnswers).toEqual({});
    expect(nextQuestion('backward').key).toBe(first.key); // the same question, asked again
    t.session.predict.answer('1');
    t.state().setProgram(`${PROGRAM}\nM = L*2`);
    await new Promise((done) => setTimeout(done, 400)); // the program's debounce (250 ms) first
    expect(t.session.scenario!.spec.nodes.length).toBe(9);
    expect(t.state().predictAnswers).toEqual({});
  });

  it('asks the guide’s update with the core’s SGD rule, and Enter stops at each question', () => {
    t = makeSession((s) => {
      s.forgetPredictions();
      s.setPredict(true);
      s.setPredictKind('backward', false);
      s.setPredictKind('forward', false);
    });
    t.session.stepWhole();
    const q = t.state().predictQuestion!;
    expect(q.kind).toBe('update');
    expect(q.prompt).toBe('What will w1 be after the update (learning rate 0.01)?');
    expect(t.session.predict.answer(String(q.truth))).toMatchObject({ right: true });
    t.session.stepWhole();
    const w1 = t.session.scenario!.trainer!.mlp.parameters[0];
    expect(valueAt(t.session.scenario!.stepper.memory, w1)).toBe(q.truth);
    expect(t.state().predictQuestion?.kind).toBe('reset');
  });

  it('Space (play) goes on to the next question instead of playing through it', () => {
    t = playground();
    t.session.togglePlay();
    expect(t.state().playing).toBe(false);
    expect(t.state().predictQuestion?.kind).toBe('reset');
  });

  it('in class mode the step key shows the answer first, then goes on', () => {
    t = playground();
    t.state().togglePresenter();
    const q = nextQuestion('forward');
    t.session.stepNode();
    expect(t.state().predictAnswers[q.key]).toMatchObject({ revealed: true });
    expect(t.state().predictQuestion?.key).toBe(q.key);
    t.session.stepNode();
    expect(t.state().predictQuestion?.key).not.toBe(q.key);
  });
});

describe('predict mode on the MLP', () => {
  it('asks where the drawn datapoint’s first record lands, and it lands there', () => {
    t = makeSession((s) => {
      s.forgetPredictions();
      s.setScenario('mlp');
      s.setDatapoint(3);
      s.setPredict(true);
    });
    t.session.stepWhole();
    const q = t.state().predictQuestion!;
    expect(q.kind).toBe('forward');
    expect(q.prompt).toMatch(/^Where will x1 land\?/);
    const stepper = t.session.scenario!.stepper;
    expect(stepper.scratch.tapeLength).toBe(stepper.tapeStart); // not pushed yet
    t.session.predict.reveal();
    t.session.stepNode();
    const shown = t.session.scenario!.playhead.revealed - 1;
    expect(stepper.scratch.tape[shown]).toBe(q.truth);
    expect(shown).toBeGreaterThan(stepper.tapeStart); // datapoint 3: not the step's first record
  });
});
