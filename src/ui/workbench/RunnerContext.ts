import { createContext, useContext } from 'react';
import type { TrainingRunner } from '../../workbench/runner';

/** The training runner, provided by `main.tsx`. */
export const RunnerContext = createContext<TrainingRunner | null>(null);

/** The training runner; throws outside the provider. */
export function useRunner(): TrainingRunner {
  const runner = useContext(RunnerContext);
  if (!runner) throw new Error('useRunner must be used inside <RunnerContext.Provider>');
  return runner;
}
