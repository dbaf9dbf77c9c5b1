import { CppSpecError } from '../../core/cpp/cppSpec';
import { exportCpp } from '../../core/cpp/exportCpp';
import { useAppStore } from '../../store/appStore';
import { useSession } from '../SessionContext';
import { download } from './download';

/** The file name of the exported program. */
export const CPP_FILE_NAME = 'arenagrad-run.cpp';

/**
 * "Download as C++" (`data-testid="download-cpp"`), in the guide's example and the MLP: this
 * run (its model, data and first weights, its learning rates) on the guide's arena engine put
 * right, as one C++ file that g++ builds alone and that prints the app's losses, step by step
 * (the same program as `cli export-cpp`). It runs the settings' schedule horizon in steps.
 */
export function DownloadCppButton() {
  const session = useSession();
  const scenario = useAppStore((s) => s.scenario);
  if (scenario !== 'guide' && scenario !== 'mlp') return null;
  const save = (): void => {
    const trainer = session.scenario?.trainer;
    if (!trainer) return;
    const settings = trainer.settings;
    const steps = Math.max(settings.scheduleSteps, trainer.step);
    const origin = `arenagrad's ${scenario === 'guide' ? 'guide’s example' : 'MLP'} (Download as C++)`;
    try {
      download(exportCpp(settings, steps, origin), CPP_FILE_NAME, 'text/x-c++src');
    } catch (error) {
      if (!(error instanceof CppSpecError)) throw error;
      useAppStore.getState().setView({ error: `Not downloaded: ${error.message}.` });
    }
  };
  return (
    <button
      type="button"
      data-testid="download-cpp"
      title="This run as one C++ file: the guide’s arena engine put right, this run’s data and first weights (weight edits are not included); g++ -O2 -std=c++17 builds it and it prints the same losses"
      onClick={save}
    >
      Download as C++
    </button>
  );
}
