import type { ReactNode } from 'react';
import { StatusResult } from '../../components/StatusResult';
import { useCurrentUser } from '../auth/CurrentUser';
import { areaById, canEnter, type AreaId } from './areas';

/** A page opened by URL is refused the same way its menu entry is hidden. */
export function AreaGate({ area, children }: { area: AreaId; children: ReactNode }) {
  const { user } = useCurrentUser();
  return canEnter(user.role, areaById(area)) ? children : <StatusResult kind="forbidden" />;
}
