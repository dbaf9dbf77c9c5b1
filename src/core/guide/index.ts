/**
 * The guide's two mistakes, kept runnable on arena records so the page can show them: its
 * recursive backward (visits shared nodes once per path) and its training loop without the
 * update; and the referee that settles which gradient is right (finite differences).
 */
export {
  guideBackward,
  pathCount,
  GUIDE_VISIT_BUDGET,
  type GuideBackwardRun,
} from './guideBackward';
export {
  compareBackwards,
  finiteDifference,
  outputWith,
  programLeaves,
  type BackwardComparison,
  type ProgramLeaf,
} from './gradientReferee';
export { createGuideLoop, guideLoopStep } from './guideLoop';
export { checkParameterGradient, type ParameterCheck } from './checkParameter';
export {
  walkRecursion,
  WALK_STEP_BUDGET,
  type PathEdge,
  type RecursionWalk,
  type TapeStep,
  type WalkNode,
  type WalkStep,
} from './recursionWalk';
