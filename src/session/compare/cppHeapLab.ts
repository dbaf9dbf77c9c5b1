/**
 * The heap lab, free of the Worker API (tested in node): the guide's C++ before program with
 * its kind table on (lambdas capturing their own node, or not), stepped one training step at a
 * time, its real heap walked while the step's graph is alive and after it is released; beside
 * it the after program, whose scratch arena is bumped and reset by the same steps. A leaking
 * run stops, with the numbers, before a step could pass the module's heap budget.
 */
import {
  CHUNK_KIND_NAMES,
  ChunkKind,
  afterTrainStep,
  beforeStepFits,
  beforeTrainStep,
  cppCounters,
  createCppRun,
  heapSummary,
  walkHeap,
  type CppAfterExports,
  type CppBeforeExports,
  type CppRun,
} from '../../core/cpp';
import { learningRateAt } from '../../core/train';
import { rasterizeHeap } from '../../viz/cppHeap/heapRaster';
import type {
  CppArenaPicture,
  CppHeapPicture,
  CppKindTotal,
  CppLabSummary,
  CppWorkloadKind,
} from './cppProtocol';
import { cppWorkloadSettings } from './cppTimingCore';

/** Cells per row of the heap picture. */
export const HEAP_COLUMNS = 64;

/** A picture of the before program's heap now. */
export function heapPicture(exports: CppBeforeExports, label: string): CppHeapPicture {
  const walk = walkHeap(exports);
  const raster = rasterizeHeap(walk, HEAP_COLUMNS);
  const totals = new Map<number, CppKindTotal>();
  let freeBytes = 0;
  for (const chunk of walk.chunks) {
    if (!chunk.inUse) {
      freeBytes += chunk.bytes;
      continue;
    }
    const total = totals.get(chunk.kind) ?? { kind: chunk.kind, chunks: 0, bytes: 0 };
    totals.set(chunk.kind, {
      ...total,
      chunks: total.chunks + 1,
      bytes: total.bytes + chunk.bytes,
    });
  }
  const order = Object.keys(CHUNK_KIND_NAMES).map(Number);
  return {
    label,
    summary: heapSummary(walk),
    cells: raster.cells,
    columns: raster.columns,
    bytesPerCell: raster.bytesPerCell,
    inUse: order.flatMap((kind) => totals.get(kind) ?? []),
    freeChunks: walk.free,
    freeBytes,
    topBytes: walk.top.bytes,
    memoryBytes: walk.end,
  };
}

/** One lab: a tracked before program and an after program on the same run. */
export class CppHeapLab {
  private readonly before: CppRun<CppBeforeExports>;
  private readonly after: CppRun<CppAfterExports>;
  private during: CppHeapPicture | null = null;
  private current: CppHeapPicture;
  private growth = 0;
  private mallocs = 0;
  private frees = 0;
  private afterMallocs = 0;
  private stopped: string | null = null;
  private readonly weights: number;

  /** `budgetBytes` lowers the before module's heap budget (512 MiB; tests stop sooner). */
  constructor(
    readonly run: number,
    readonly kind: CppWorkloadKind,
    readonly captureSelf: boolean,
    budgetBytes?: number,
  ) {
    const settings = cppWorkloadSettings(kind);
    this.before = createCppRun('before', settings, { trackKinds: true, captureSelf });
    if (budgetBytes !== undefined) this.before.instance.exports.set_heap_budget(budgetBytes);
    this.after = createCppRun('after', settings);
    this.weights = this.before.parameterCount;
    this.current = heapPicture(this.before.instance.exports, 'after setup');
  }

  get steps(): number {
    return this.before.step;
  }

  /**
   * One training step of both programs: the before's heap pictured while its graph is alive
   * and after. Returns false (and says why in the summary) when the leaking heap could pass
   * its budget at this step.
   */
  step(): boolean {
    if (this.stopped !== null) return false;
    const exports = this.before.instance.exports;
    if (!beforeStepFits(this.before)) {
      try {
        beforeTrainStep(this.before); // throws the budget's message
      } catch (error) {
        this.stopped = error instanceof Error ? error.message : String(error);
      }
      return false;
    }
    const start = cppCounters(exports);
    const k = this.before.step;
    exports.begin_step();
    this.during = heapPicture(exports, `step ${k}, its graph alive (before the release)`);
    exports.finish_step(learningRateAt(this.before.settings, k));
    exports.end_step();
    this.before.step++;
    const end = cppCounters(exports);
    this.growth = end.liveBytes - start.liveBytes;
    this.mallocs = end.mallocs - start.mallocs;
    this.frees = end.frees - start.frees;
    this.current = heapPicture(exports, `after step ${k}`);
    const afterStart = this.after.instance.exports.mallocs();
    afterTrainStep(this.after);
    this.afterMallocs = this.after.instance.exports.mallocs() - afterStart;
    return true;
  }

  summary(): CppLabSummary {
    const a = this.after.instance.exports;
    const arena: CppArenaPicture = {
      valueBytes: a.value_bytes(),
      highWater: a.scratch_high_water(),
      used: a.scratch_used(),
      capacity: a.scratch_capacity(),
      mallocsPerStep: this.afterMallocs,
    };
    const values = this.current.inUse.find((t) => t.kind === ChunkKind.Value)?.chunks ?? 0;
    return {
      run: this.run,
      kind: this.kind,
      captureSelf: this.captureSelf,
      steps: this.steps,
      during: this.during,
      after: this.current,
      growthLastStep: this.growth,
      mallocsLastStep: this.mallocs,
      freesLastStep: this.frees,
      valueChunks: values,
      weightValues: this.weights,
      arena,
      stopped: this.stopped,
    };
  }
}
