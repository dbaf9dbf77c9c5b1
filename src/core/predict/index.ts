/** Predict mode ("Your turn"): questions computed from the engine's state, and their grading. */
export {
  PREDICT_KINDS,
  gradePrediction,
  numberText,
  type PredictKind,
  type PredictQuestion,
  type PredictGrade,
} from './predictQuestion';
export {
  backwardQuestion,
  consumersOf,
  ruleFor,
  type Consumer,
  type TapePlace,
} from './backwardQuestion';
export {
  forwardQuestion,
  landingOf,
  resetQuestion,
  updateQuestion,
  type Landing,
} from './stepQuestions';
