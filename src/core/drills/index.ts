/**
 * "Be the engine": two graded drills. Order the sweep (name the nodes in the order backward
 * finishes them, checked against the tape) and place the record (pick where the next push
 * lands: bump pointer, alignment, padding).
 */
export {
  checkSweepMove,
  readSweepDrill,
  tapeNext,
  type SweepDrill,
  type SweepMove,
  type SweepNode,
} from './sweepOrder';
export {
  checkPlacement,
  placePush,
  pushShape,
  type PlacePush,
  type PlaceVerdict,
  type Placement,
} from './placeRecord';
export { guidePlaceSteps, type PlaceStep } from './guidePlaces';
