/**
 * The "before" engine: one garbage-collected object per Value with a closure as its gradient
 * function (micrograd's JavaScript ports; the guide's `shared_ptr<Value>` version). Same ops,
 * nn, loss and training step as the arena engine, for comparing numbers and memory behaviour.
 */
export { HeapValue, heapValuesCreated, topologicalOrder, type HeapOperand } from './heapValue';
export { HeapNeuron, HeapLayer, HeapMLP } from './heapNn';
export { heapDataLoss, heapL2Penalty } from './heapLoss';
export { createHeapTrainer, heapForwardLoss, heapTrainStep, type HeapTrainer } from './heapTrain';
export {
  allocationsBetween,
  heapAllocationsNow,
  heapCounts,
  totalObjects,
  type HeapAllocations,
} from './heapCounts';
export { measureLocality, measureCheckpointEnd, type LocalityTimes } from './locality';
