import { useRef } from 'react';
import { MAX_WEIGHTS_FILE_BYTES, exportWeights, parseWeights } from '../../core/io/weightsCodec';
import { useAppStore } from '../../store/appStore';
import { useSession } from '../SessionContext';
import { download } from './download';

/** The file name of exported weights. */
export const WEIGHTS_FILE_NAME = 'arenagrad-weights.json';

/**
 * Export the model's weights as JSON (`data-testid="export-weights"`) and import them
 * (`import-weights`, a file input). A bad file changes nothing and the error area says what is
 * wrong with it; a good one is written into the model arena, and the next step trains from it.
 */
export function WeightsButtons() {
  const session = useSession();
  const scenario = useAppStore((s) => s.scenario);
  const input = useRef<HTMLInputElement>(null);
  const disabled = scenario === 'playground';
  const exportFile = (): void => {
    const trainer = session.scenario?.trainer;
    if (!trainer) return;
    download(
      JSON.stringify(exportWeights(trainer), null, 1),
      WEIGHTS_FILE_NAME,
      'application/json',
    );
  };
  const importFile = async (file: File): Promise<void> => {
    const state = useAppStore.getState();
    const editable = session.weights.editable();
    if (!editable.ok) return state.setView({ error: `Weights not imported: ${editable.reason}.` });
    const { trainer } = editable;
    const name = file.name.length > 40 ? `${file.name.slice(0, 40)}…` : file.name;
    const refuse = (why: string) =>
      state.setView({
        error: `Weights not imported from ${name} (the model is unchanged): ${why}.`,
      });
    if (file.size > MAX_WEIGHTS_FILE_BYTES)
      return refuse(
        `the file has ${file.size.toLocaleString('en-US')} bytes; a weights file has at most ${MAX_WEIGHTS_FILE_BYTES.toLocaleString('en-US')}`,
      );
    const parsed = parseWeights(await file.text(), trainer.mlp.sizes, trainer.settings.activation);
    if (!parsed.ok) return refuse(parsed.errors.join('; '));
    const refused = session.weights.importWeights(parsed.values);
    if (refused !== null) refuse(refused);
  };
  const title = disabled ? 'The playground has no model to export' : undefined;
  return (
    <span className="weights-buttons">
      <button
        type="button"
        data-testid="export-weights"
        disabled={disabled}
        title={title ?? 'Download the model’s weights as JSON'}
        onClick={exportFile}
      >
        Export weights
      </button>
      <button
        type="button"
        data-testid="import-weights-button"
        disabled={disabled}
        title={title ?? 'Load weights from a JSON file'}
        onClick={() => input.current?.click()}
      >
        Import weights…
      </button>
      {/* The file picker itself: opened by the button above, so it takes no Tab stop. */}
      <input
        ref={input}
        className="sr-only"
        type="file"
        tabIndex={-1}
        aria-hidden="true"
        accept=".json,application/json"
        data-testid="import-weights"
        disabled={disabled}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file)
            void importFile(file).finally(() => input.current && (input.current.value = ''));
        }}
      />
    </span>
  );
}
