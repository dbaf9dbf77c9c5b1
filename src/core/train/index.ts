/**
 * Training: the settings of a run (`trainSettings.ts`), a trainer built from them (`trainer.ts`),
 * one whole step (`trainStep.ts`) or one phase at a time (`phasedStep.ts`), and the bookkeeping
 * both share with the heap engine (`stepBookkeeping.ts`).
 */
export * from './trainSettings';
export * from './trainer';
export {
  canRunFused,
  forwardLoss,
  lossOf,
  OP_BY_OP_ENGINE,
  runStep,
  trainStep,
  TS_ENGINE,
  type StepEngine,
} from './trainStep';
export { countCorrect, checkLoss, stageUpdate, writeStaged, fillReport } from './stepBookkeeping';
export * from './phasedStep';
export { layerPlan, pointBytesOf, PLAN_FIELDS, ACTIVATION_CODE, type LayerPlan } from './layerPlan';
export {
  forwardLayer,
  forwardPoint,
  fusedForward,
  writeRecordTape,
  type LayerForward,
} from './fusedForward';
export { fusedGrid } from './fusedGrid';
