import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Session } from './scenarios/session';
import { useAppStore } from './store/appStore';
import { App } from './ui/App';
import { SessionContext } from './ui/SessionContext';
import './ui/styles.css';

const session = new Session(useAppStore);
session.start();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <SessionContext.Provider value={session}>
      <App />
    </SessionContext.Provider>
  </StrictMode>,
);
