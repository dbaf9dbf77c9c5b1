import { beginStep, createTrainer, runBackward, runForward } from '../../core';
import { readSweepDrill } from '../../core/drills';
import type { ArenaOptions } from '../../setup';
import { trainerSettings } from '../../session/buildScenario';
import { trainerGraph } from '../../session/trainerGraph';
import { nameDrill, type OrderDrillData } from './sweepNames';

/**
 * The order drill of the guide's example: one step of its trainer (its own, built from the same
 * settings as the one on screen, so the graph on screen is not touched) run through forward and
 * backward; the drill is the step's stretch of the scratch tape, named as the graph names it.
 * The weights live in the model arena: the sweep never visits them, so they are not in the drill
 * (a node's "uses" still names them).
 */
export function guideOrderDrill(options: ArenaOptions): OrderDrillData {
  const trainer = createTrainer(trainerSettings('guide', options));
  const step = beginStep(trainer);
  runForward(step);
  runBackward(step);
  const drill = readSweepDrill(trainer.scratch, step.tapeStart, step.lossEnd);
  const spec = trainerGraph(trainer, step, 0);
  return nameDrill(drill, spec);
}
