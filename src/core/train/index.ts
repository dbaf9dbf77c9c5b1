/**
 * Training: the settings of a run (`trainSettings.ts`), a trainer built from them (`trainer.ts`),
 * one whole step (`trainStep.ts`) or one phase at a time (`phasedStep.ts`), and the bookkeeping
 * both share with the heap engine (`stepBookkeeping.ts`).
 */
export * from './trainSettings';
export * from './trainer';
export { forwardLoss, lossOf, runStep, trainStep, TS_ENGINE, type StepEngine } from './trainStep';
export { countCorrect, checkLoss, stageUpdate, writeStaged, fillReport } from './stepBookkeeping';
export * from './phasedStep';
