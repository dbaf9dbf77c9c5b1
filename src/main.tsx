import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Session } from './session/Session';
import { SCENARIOS } from './setup';
import { useAppStore } from './store/appStore';
import { applyLink, keepUrlInSync } from './url/urlSync';
import { App } from './ui/App';
import { SessionContext } from './ui/SessionContext';
import './ui/styles.css';

/** Below this window width the code pane starts hidden: the graph needs the room to stay
 * legible (12 px at fit on a 1280×800 projector). The Code button (or C) shows it. */
const CODE_PANE_MIN_WIDTH = 1440;
if (window.innerWidth < CODE_PANE_MIN_WIDTH) useAppStore.setState({ codeHiddenIn: [...SCENARIOS] });

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
