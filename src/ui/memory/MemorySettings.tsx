/**
 * Arena capacities and debug mode. Applying rebuilds the scenario through the store's
 * `setArenaOptions` (the scenario builder reads `arenaOptions`). A capacity too small for a
 * step makes the step fail with the core's overflow error, shown by the app; the model arena is
 * untouched, and enlarging the capacity lets training go on.
 */
import { useState, type FormEvent } from 'react';
import { useAppStore } from '../../store/appStore';
import { shortSize } from './memoryFormat';
import { useScreen } from './useScreen';

/**
 * The settings form (`data-testid="memory-settings"`), a popover over the memory grid: Escape
 * or a rebuild closes it (`onClose` gives focus back to its button).
 */
export function MemorySettings({ onClose }: { onClose: () => void }) {
  const live = useScreen(
    (live) => `${live.model.capacity},${live.scratch.capacity},${live.memory.debug}`,
  );
  const setArenaOptions = useAppStore((s) => s.setArenaOptions);
  const arenaOptions = useAppStore((s) => s.arenaOptions);
  const current = {
    modelBytes: live?.model.capacity ?? 0,
    scratchBytes: live?.scratch.capacity ?? 0,
    debug: live?.memory.debug ?? false,
  };
  const [draft, setDraft] = useState<typeof current | null>(null);
  const shown = draft ?? current;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const changed: Partial<typeof current> = {};
    if (shown.modelBytes !== current.modelBytes) changed.modelBytes = shown.modelBytes;
    if (shown.scratchBytes !== current.scratchBytes) changed.scratchBytes = shown.scratchBytes;
    if (shown.debug !== current.debug) changed.debug = shown.debug;
    setArenaOptions({ ...arenaOptions, ...changed });
    setDraft(null);
    onClose();
  };
  const change = (patch: Partial<typeof current>) => setDraft({ ...shown, ...patch });
  return (
    <form
      id="memory-settings"
      className="memory-settings"
      data-testid="memory-settings"
      aria-label="arena settings"
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        onClose();
      }}
    >
      <label>
        model bytes
        <input
          type="number"
          min={64}
          step={8}
          data-testid="model-bytes"
          value={shown.modelBytes}
          onChange={(e) => change({ modelBytes: Number(e.target.value) })}
        />
        <small>{shortSize(shown.modelBytes)}</small>
      </label>
      <label>
        scratch bytes
        <input
          type="number"
          min={64}
          step={8}
          data-testid="scratch-bytes"
          value={shown.scratchBytes}
          onChange={(e) => change({ scratchBytes: Number(e.target.value) })}
        />
        <small>{shortSize(shown.scratchBytes)}</small>
      </label>
      <label className="memory-check">
        <input
          type="checkbox"
          data-testid="debug-mode"
          checked={shown.debug}
          onChange={(e) => change({ debug: e.target.checked })}
        />
        debug mode (poison freed bytes, catch use-after-reset)
      </label>
      <button type="submit" data-testid="apply-settings" disabled={draft === null}>
        rebuild with these arenas
      </button>
    </form>
  );
}
