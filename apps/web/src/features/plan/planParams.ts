import type { PlanFilters } from '../../api/risk';
import { isIsoWeek } from './weeks';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The plan's week, department and inspector as they sit in the URL; anything malformed is ignored. */
export function readPlanParams(search: URLSearchParams): PlanFilters {
  const week = search.get('week');
  const departmentId = search.get('departmentId');
  const inspectorId = search.get('inspectorId');
  return {
    week: isIsoWeek(week) ? week : undefined,
    departmentId: departmentId && UUID.test(departmentId) ? departmentId : undefined,
    inspectorId: inspectorId && UUID.test(inspectorId) ? inspectorId : undefined,
  };
}

export function writePlanParams(filters: PlanFilters): URLSearchParams {
  const out = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) out.set(key, value);
  return out;
}
