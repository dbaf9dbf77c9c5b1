/**
 * The arena memory inspector: both regions of the linear memory drawn to scale on a canvas,
 * the decoded record under the pointer or selected, memory use over steps, and arena settings.
 * Reads the session's memory on screen (`session.screen`); React re-renders only on `memoryVersion` and
 * selection, the canvas redraws in its own animation frame.
 */
import { useCallback, useRef, useState } from 'react';
import type { MemoryRenderer } from '../../viz/memory/MemoryRenderer';
import type { ZoomLevel } from '../../viz/memory/memoryLayout';
import { MemoryCanvas } from './MemoryCanvas';
import { MemoryChart } from './MemoryChart';
import { MemoryLegend } from './MemoryLegend';
import { MemorySettings } from './MemorySettings';
import { RecordPanel } from './RecordPanel';
import { RegionSummaries } from './RegionSummaries';
import { shortSize } from './memoryFormat';
import './memory.css';

/** The memory panel. No props: it reads the memory on screen and the store. */
export function MemoryPanel() {
  const [arrows, setArrows] = useState(true);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const settingsToggle = useRef<HTMLButtonElement>(null);
  /** Closes the arenas popover and gives focus back to its button. */
  const closeSettings = useCallback(() => {
    setSettingsOpen(false);
    settingsToggle.current?.focus();
  }, []);
  const [renderer, setRenderer] = useState<MemoryRenderer | null>(null);
  const [zoom, setZoom] = useState<{ index: number; level: ZoomLevel; count: number } | null>(null);
  const onZoom = useCallback(
    (index: number, level: ZoomLevel, count: number) => setZoom({ index, level, count }),
    [],
  );
  return (
    <section className="memory-panel" aria-label="Arena memory">
      <RegionSummaries />
      <div className="memory-toolbar">
        <button
          type="button"
          title="zoom out"
          data-testid="memory-zoom-out"
          onClick={() => renderer?.zoomBy(-1)}
        >
          −
        </button>
        <button
          type="button"
          title="zoom in"
          data-testid="memory-zoom-in"
          onClick={() => renderer?.zoomBy(1)}
        >
          +
        </button>
        <button
          type="button"
          title="show whole regions"
          data-testid="memory-zoom-fit"
          onClick={() => renderer?.fit()}
        >
          whole
        </button>
        <span className="memory-zoom" data-testid="memory-zoom">
          {zoom ? `${shortSize(zoom.level.rowBytes)}/row · ${zoom.level.cellBytes} B cells` : ''}
        </span>
        <label className="memory-check">
          <input
            type="checkbox"
            data-testid="memory-arrows"
            checked={arrows}
            onChange={(e) => setArrows(e.target.checked)}
          />
          arrows
        </label>
        <button
          ref={settingsToggle}
          type="button"
          data-testid="memory-settings-toggle"
          aria-expanded={settingsOpen}
          aria-controls="memory-settings"
          onClick={() => setSettingsOpen((open) => !open)}
          onKeyDown={(e) => {
            if (e.key !== 'Escape' || !settingsOpen) return;
            e.preventDefault(); // Esc closes the popover from its button too
            closeSettings();
          }}
        >
          arenas…
        </button>
      </div>
      <div className="memory-stage">
        <MemoryCanvas arrows={arrows} onRenderer={setRenderer} onZoom={onZoom} />
        {settingsOpen && <MemorySettings onClose={closeSettings} />}
      </div>
      <MemoryLegend />
      <RecordPanel />
      <MemoryChart />
    </section>
  );
}
