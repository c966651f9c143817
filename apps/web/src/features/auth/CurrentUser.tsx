import type { Me } from '@anlan/contracts';
import { createContext, use, type ReactNode } from 'react';

const CurrentUserContext = createContext<Me | null>(null);

export function CurrentUserProvider({ me, children }: { me: Me; children: ReactNode }) {
  return <CurrentUserContext value={me}>{children}</CurrentUserContext>;
}

/** The signed-in user and organisation; only inside `RequireAuth`. */
export function useCurrentUser(): Me {
  const me = use(CurrentUserContext);
  if (!me) throw new Error('useCurrentUser is used outside RequireAuth');
  return me;
}
