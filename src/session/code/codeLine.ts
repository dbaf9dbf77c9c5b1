/**
 * The line of code the step on screen is executing, and the numbers of that moment: for the
 * guide's example and the MLP a line of the guide's code (by phase, and by the op of the record
 * being created or swept), for the playground the statement of the user's program.
 */
import { Op, gradientAt, opAt, valueAt } from '../../core';
import { formatNumber as f } from '../../viz/graph/numberFormat';
import type { Scenario } from '../buildScenario';
import { ProgramStepper } from '../programStepper';
import { GUIDE_LINE, type CodeTag } from './guideCode';

/** A line of the code pane (1-based) and what to write beside it. */
export interface CodeMoment {
  readonly line: number;
  readonly note: string;
}

const CREATE: Partial<Record<number, CodeTag>> = {
  [Op.Leaf]: 'inputs',
  [Op.Add]: 'add',
  [Op.Mul]: 'mul',
  [Op.Sub]: 'sub',
  [Op.Pow]: 'pow',
  [Op.Relu]: 'relu',
};

const GRADIENT: Partial<Record<number, CodeTag>> = {
  [Op.Leaf]: 'leaf',
  [Op.Add]: 'grad-add',
  [Op.Mul]: 'grad-mul',
  [Op.Sub]: 'grad-sub',
  [Op.Pow]: 'grad-pow',
  [Op.Relu]: 'grad-relu',
};

/** Where the code pane points now, or null (before the first step, or nothing to point at). */
export function codeMomentOf(scenario: Scenario): CodeMoment | null {
  const { stepper, playhead, nameOf } = scenario;
  const memory = stepper.memory;
  const program = stepper instanceof ProgramStepper ? stepper : null;
  const at = (tag: CodeTag, note = ''): CodeMoment => ({ line: GUIDE_LINE[tag], note });
  switch (playhead.phase) {
    case 'mark':
      return program ? null : at('mark', `scratch.used = ${stepper.scratch.used} bytes`);
    case 'forward':
    case 'loss': {
      const k = Math.min(playhead.revealed, stepper.scratch.tapeLength) - 1;
      if (k < stepper.tapeStart) return null;
      const address = stepper.scratch.tape[k];
      const note = `${nameOf(address)} = ${f(valueAt(memory, address))}`;
      if (program) return statementAt(program, k, note);
      const op = opAt(memory, address);
      if (op === Op.Leaf && k >= stepper.forwardEnd)
        return at(k === stepper.forwardEnd ? 'target' : 'loss', note);
      return at(CREATE[op] ?? 'create', note);
    }
    case 'backward': {
      const address = playhead.current;
      if (address < 0) return program ? null : at('sweep', 'the sweep is done');
      const note = `${nameOf(address)}.gradient = ${f(gradientAt(memory, address))}`;
      if (program) return statementAt(program, playhead.currentIndex, note);
      return at(GRADIENT[opAt(memory, address)] ?? 'sweep', note);
    }
    case 'update':
      return at('update', `${playhead.updates.length} parameters`);
    case 'reset':
      return program ? null : at('end', `scratch.used = ${stepper.scratch.used} bytes`);
    default:
      return null;
  }
}

/** The statement of the program whose evaluation pushed tape index `k`. */
function statementAt(program: ProgramStepper, k: number, note: string): CodeMoment | null {
  const statement = program.statementLines.find((s) => s.end >= k);
  return statement ? { line: statement.line, note } : null;
}
