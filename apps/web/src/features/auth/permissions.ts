import type { Role } from '@anlan/contracts';

/** UI affordances by role. The server enforces the same rules; these only hide what would be refused. */
export const canCreateIdentity = (role: Role): boolean => role === 'admin';
export const canVerifyChain = (role: Role): boolean => role === 'admin' || role === 'leader';
