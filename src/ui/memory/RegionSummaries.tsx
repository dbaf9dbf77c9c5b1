/**
 * One line per arena region: base address, bytes used of capacity, free, high-water mark, open
 * checkpoints and records. Re-rendered only when one of those numbers changes.
 */
import { describeRegion, type RegionSummary } from '../../core/inspect';
import { useAppStore } from '../../store/appStore';
import { palette } from '../../viz/memory/memoryPalette';
import { bytes, hex } from './memoryFormat';
import { useScreen } from './useScreen';
import type { OnScreenMemory } from '../../session/onScreenMemory';

/** Both regions' summaries (`data-testid="region-model"`, `"region-scratch"`). */
export function RegionSummaries() {
  const live = useScreen(regionsKey);
  const history = useAppStore((s) => s.memoryHistory);
  if (live === null) return null;
  const lastStep = history[history.length - 1];
  return (
    <div className="memory-summaries" id="memory-regions">
      <RegionLine region={describeRegion(live.model)} color={palette.modelRecord} />
      <RegionLine
        region={describeRegion(live.scratch)}
        color={palette.scratchRecord}
        lastStep={lastStep?.scratchBytes}
        shown={
          live.revealed < live.scratch.tapeLength
            ? live.scratch.tape[live.revealed] - live.scratch.base
            : undefined
        }
      />
    </div>
  );
}

/** Every number the summaries show. */
function regionsKey(live: OnScreenMemory): string {
  const parts: number[] = [live.revealed];
  for (const arena of [live.model, live.scratch]) {
    parts.push(arena.base, arena.capacity, arena.used, arena.highWater, arena.tapeLength);
    for (const c of arena.checkpoints) parts.push(c.used);
  }
  return parts.join(',');
}

function RegionLine({
  region,
  color,
  lastStep,
  shown,
}: {
  region: RegionSummary;
  color: string;
  /** Scratch bytes the last completed step used. */
  lastStep?: number;
  /** Bytes of the records revealed so far, while forward is being revealed (the used shown). */
  shown?: number;
}) {
  const marks = region.checkpoints.map((c) => `@${bytes(c)}`).join(', ');
  return (
    <p
      className="memory-summary"
      data-testid={`region-${region.name}`}
      data-used={region.used}
      data-shown={shown ?? region.used}
      data-capacity={region.capacity}
      data-high-water={region.highWater}
      data-last-step={lastStep ?? ''}
    >
      <i style={{ background: color }} />
      <strong>{region.name}</strong> {hex(region.base)} · used {bytes(shown ?? region.used)} /{' '}
      {bytes(region.capacity)} bytes
      {shown !== undefined && (
        <> (the records revealed so far; forward pushed {bytes(region.used)} at once)</>
      )}{' '}
      · high-water {bytes(region.highWater)}
      {lastStep !== undefined && <> · last step {bytes(lastStep)}</>}
      {marks && <> · checkpoint {marks}</>} · {region.recordCount.toLocaleString('en-US')} records
    </p>
  );
}
