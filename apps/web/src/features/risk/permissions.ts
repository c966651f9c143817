import type { Role } from '@anlan/contracts';

/** UI affordances by role; the server enforces the same rules (modules/risk), these only hide what it would refuse. */
export const canSetEscalation = (role: Role): boolean => role === 'leader' || role === 'admin';
/** Regulator writers grade anywhere; an enterprise grades its own points (自评: it may raise, never lower). */
export const canAssess = (role: Role): boolean => ['admin', 'inspector', 'leader', 'enterprise'].includes(role);
export const canRecompute = (role: Role): boolean => role === 'admin';
