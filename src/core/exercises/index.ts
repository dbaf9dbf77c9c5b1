/**
 * Graded exercises: their data with the golden numbers' sources, the program run as the
 * playground runs it, the grading per component, the finite-difference hint.
 */
export type {
  ArenaExercise,
  ArenaQuestion,
  Exercise,
  GoldenSource,
  ProgramComponent,
  ProgramExercise,
  Verdict,
} from './exercise';
export { EXERCISES } from './exerciseData';
export { parseAnswerNumber } from './answerNumber';
export { runLikePlayground, type PlaygroundLayout, type PlaygroundRun } from './playgroundRun';
export {
  arenaAnswer,
  checkProgram,
  componentLabel,
  gradeAnswer,
  gradeRun,
  type ArenaAnswer,
  type ProgramGrade,
} from './grade';
export { refereeHint, REFEREE_H, type RefereeHint, type RefereeRow } from './referee';
