/** Reading and grading typed answers (numbers, fractions, addresses), for every question asked. */
export {
  parseAnswer,
  gradeNumber,
  gradeAddress,
  MAX_ANSWER_LENGTH,
  RELATIVE_TOLERANCE,
  ABSOLUTE_TOLERANCE,
  type AnswerKind,
  type ParsedAnswer,
} from './parseAnswer';
