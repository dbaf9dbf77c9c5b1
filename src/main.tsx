import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Session } from './scenarios/session';
import { useAppStore } from './store/appStore';
import { applyLink, keepUrlInSync, requestLinkedStep } from './url/urlSync';
import { App } from './ui/App';
import { SessionContext } from './ui/SessionContext';
import { RunnerContext } from './ui/workbench/RunnerContext';
import { TrainingRunner } from './workbench/runner';
import './ui/styles.css';

const linkedStep = applyLink(useAppStore, window.location.search);
const session = new Session(useAppStore);
session.start();
const runner = new TrainingRunner(
  useAppStore,
  session,
  () => new Worker(new URL('./workbench/trainWorker.ts', import.meta.url), { type: 'module' }),
);
runner.start();
requestLinkedStep(useAppStore, linkedStep);
keepUrlInSync(useAppStore, window);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <SessionContext.Provider value={session}>
      <RunnerContext.Provider value={runner}>
        <App />
      </RunnerContext.Provider>
    </SessionContext.Provider>
  </StrictMode>,
);
