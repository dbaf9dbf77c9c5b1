import { describe, expect, it } from 'vitest';
import {
  EXERCISES,
  arenaAnswer,
  gradeAnswer,
  parseAnswerNumber,
  runLikePlayground,
  type ArenaExercise,
} from '../../../src/core/exercises';
import { KB, hex, parseProgram } from '../../../src/core';
import { buildPlaygroundScenario } from '../../../src/session/buildScenario';
import { ProgramStepper } from '../../../src/session/programStepper';
import { Playhead } from '../../../src/session/playhead';

const arena = (id: string) =>
  EXERCISES.find((e): e is ArenaExercise => e.kind === 'arena' && e.id === id)!;
const LAYOUT = { modelBytes: KB(1), scratchBytes: KB(64) };

describe('a run like the playground’s', () => {
  const programs = [
    'x = 2\ny = x**2 + 3*x',
    'a = 2; b = -3; c = 10; f = -2\ne = a*b\nd = e + c\nL = d*f',
    'a = 2; b = 3; c = 4\nf = -a**3 + sin(3*b) - 1/c + b**2.5 - a**0.5\nf = f * cos(a)',
  ];
  for (const options of [{}, { modelBytes: KB(2), debug: true }]) {
    it(`puts every record where the playground does, with its numbers (${JSON.stringify(options)})`, () => {
      for (const source of programs) {
        const scenario = buildPlaygroundScenario(source, options);
        const stepper = scenario.stepper as ProgramStepper;
        const run = runLikePlayground(source, {
          modelBytes: options.modelBytes ?? KB(1),
          scratchBytes: KB(64),
          debug: options.debug,
        });
        const { scratch, memory } = stepper;
        expect(run.scratchBase).toBe(scratch.base);
        expect(run.scratchBytes).toBe(scratch.top - scratch.base);
        expect(run.records).toEqual([...scratch.tape.subarray(stepper.tapeStart, stepper.lossEnd)]);
        // Each name's final record holds the value and gradient the playground shows.
        for (const [name, address] of run.addresses) {
          expect(stepper.names.get(address)).toBe(name);
          expect(run.values.get(name)).toBe(memory.f64[address >> 3]);
          expect(run.grads.get(name)).toBe(memory.f64[(address >> 3) + 1]);
        }
      }
    });
  }

  it('is the stepper’s run taken whole as well (forward, then the sweep node by node)', () => {
    const source = 'x = 3\ny = 2*x + 1\nz = y**2';
    const stepper = new ProgramStepper(parseProgram(source));
    new Playhead(stepper).stepWhole();
    const run = runLikePlayground(source, LAYOUT);
    expect(stepper.scratch.base).toBe(run.scratchBase);
    expect(stepper.output).toBe(run.addresses.get('z'));
  });
});

describe('arena exercises: the answer comes from the engine', () => {
  it('bytes: six records of 32 bytes (each number is a record, and so is the exponent)', () => {
    const answer = arenaAnswer(arena('arena-bytes'), LAYOUT);
    const run = runLikePlayground(arena('arena-bytes').program, LAYOUT);
    expect(run.records.length).toBe(6); // x, 2, x**2, 3, 3*x, y
    expect(answer.expected).toBe(6 * 32);
    expect(answer.how).toBe('6 records × 32 bytes = 192 (in push order: x, 2, pow, 3, mul, y)');
  });

  it('address: z is the 7th record (#6), 6 × 32 bytes past the start of scratch', () => {
    const answer = arenaAnswer(arena('arena-address'), LAYOUT);
    expect(answer.scratchBase).toBe(16 + KB(1)); // the null guard, then the model arena
    expect(answer.expected).toBe(answer.scratchBase + 6 * 32);
    expect(answer.how).toBe(
      `z is #6 on the tape (from #0: x, 2, mul, 1, y, 2, z): ${hex(1040)} + 6 × 32 = ${hex(1232)} = 1232`,
    );
  });

  it('follows the playground’s arena settings (a larger model arena moves scratch)', () => {
    const moved = arenaAnswer(arena('arena-address'), { modelBytes: KB(4), scratchBytes: KB(64) });
    expect(moved.scratchBase).toBe(16 + KB(4));
    expect(moved.expected).toBe(16 + KB(4) + 6 * 32);
  });

  it('grades an answer in decimal or hex; says so when it is no number', () => {
    const answer = arenaAnswer(arena('arena-address'), LAYOUT);
    for (const text of ['1232', '0x4d0', '0x000004D0', ' 1232 ']) {
      expect(gradeAnswer(answer, 'address of z', text).right).toBe(true);
    }
    const wrong = gradeAnswer(answer, 'address of z', '0x4b0');
    expect([wrong.right, wrong.got, wrong.expected]).toEqual([false, 0x4b0, 1232]);
    expect(wrong.note).toBe(answer.how);
    const garbled = gradeAnswer(answer, 'address of z', 'z');
    expect([garbled.right, garbled.got]).toEqual([false, null]);
    expect(garbled.note).toMatch(/not a number/);
  });
});

describe('parseAnswerNumber', () => {
  it('reads decimal, hex, a Unicode minus and a unit', () => {
    expect(parseAnswerNumber('192')).toBe(192);
    expect(parseAnswerNumber('192 bytes')).toBe(192);
    expect(parseAnswerNumber('192B')).toBe(192);
    expect(parseAnswerNumber('0xC0')).toBe(192);
    expect(parseAnswerNumber('−2.5')).toBe(-2.5);
    expect(parseAnswerNumber('-0x10')).toBe(-16);
    expect(parseAnswerNumber('1e3')).toBe(1000);
    expect(parseAnswerNumber('.5')).toBe(0.5);
  });

  it('refuses what is not one number', () => {
    for (const text of ['', 'abc', '0x', '1 2', '0xg1', '--1', '1/2x']) {
      expect(parseAnswerNumber(text), text).toBeNull();
    }
  });
});
