import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Session } from './session/Session';
import { useAppStore } from './store/appStore';
import { applyLink, keepUrlInSync } from './url/urlSync';
import { App } from './ui/App';
import { SessionContext } from './ui/SessionContext';
import './ui/styles.css';

const linkedStep = applyLink(useAppStore, window.location.search);
const session = new Session(
  useAppStore,
  () => new Worker(new URL('./session/worker/trainWorker.ts', import.meta.url), { type: 'module' }),
);
session.start();
if (linkedStep > 0) session.placeAt(linkedStep);
keepUrlInSync(useAppStore, window);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <SessionContext.Provider value={session}>
      <App />
    </SessionContext.Provider>
  </StrictMode>,
);
