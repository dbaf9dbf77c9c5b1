import { createContext, useContext } from 'react';
import type { Session } from '../session/Session';

/** The session on screen, provided by `main.tsx`. */
export const SessionContext = createContext<Session | null>(null);

/** The session; throws outside the provider. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside <SessionContext.Provider>');
  return session;
}
