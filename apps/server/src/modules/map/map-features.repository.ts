import type { EscalationLevel, HazardLevel, HazardStatus, RiskColour, SubjectType } from '@anlan/contracts';
import { sql } from 'kysely';
import type { Db } from '../../db/client.js';
import { OPEN_STATUSES } from '../hazards/hazard-lifecycle.js';
import { organisationIn as inScope } from '../identity/scope-sql.js';


export interface MapSubjectRow {
  id: string;
  name: string;
  type: SubjectType;
  lat: number;
  lon: number;
  colour: RiskColour;
  escalation: EscalationLevel;
  open_hazards: number;
}

export interface MapHazardRow {
  id: string;
  code: string;
  level: HazardLevel;
  status: HazardStatus;
  category: string;
  subject_id: string;
  subject_name: string;
  lat: number;
  lon: number;
  deadline: Date | null;
  escalation: EscalationLevel;
}

/** The map's point layers in one read each: narrow rows, no paging (a district has thousands, not millions). */
export class MapFeaturesRepository {
  constructor(private readonly db: Db) {}

  /** Visible subjects with a position, their level (blue until the recompute has seen them) and open hazards. */
  subjects(visible: string[] | undefined): Promise<MapSubjectRow[]> {
    const open = this.db
      .selectFrom('hazards as h')
      .where('h.status', 'in', OPEN_STATUSES)
      .where(inScope(visible, sql.ref('h.organisation_id')))
      .select(['h.subject_id', sql<number>`count(*)::int`.as('n')])
      .groupBy('h.subject_id');
    return this.db
      .selectFrom('subjects as s')
      .leftJoin('subject_risk_levels as l', 'l.subject_id', 's.id')
      .leftJoin('subject_escalations as e', 'e.subject_id', 's.id')
      .leftJoin(open.as('o'), 'o.subject_id', 's.id')
      .where(inScope(visible, sql.ref('s.organisation_id')))
      .where('s.lat', 'is not', null)
      .where('s.lon', 'is not', null)
      .select([
        's.id',
        's.name',
        's.type',
        sql<number>`s.lat`.as('lat'),
        sql<number>`s.lon`.as('lon'),
        sql<RiskColour>`coalesce(l.colour, 'blue')`.as('colour'),
        sql<EscalationLevel>`coalesce(e.level, 'none')`.as('escalation'),
        sql<number>`coalesce(o.n, 0)::int`.as('open_hazards'),
      ])
      .orderBy('s.id')
      .execute();
  }

  /** Visible open hazards, placed where they were found or, without a position of their own, at their subject. */
  hazards(visible: string[] | undefined): Promise<MapHazardRow[]> {
    return this.db
      .selectFrom('hazards as h')
      .innerJoin('subjects as s', 's.id', 'h.subject_id')
      .where('h.status', 'in', OPEN_STATUSES)
      .where(inScope(visible, sql.ref('h.organisation_id')))
      .where(sql<boolean>`coalesce(h.lat, s.lat) is not null and coalesce(h.lon, s.lon) is not null`)
      .select([
        'h.id',
        'h.code',
        'h.level',
        'h.status',
        'h.category',
        'h.subject_id',
        's.name as subject_name',
        sql<number>`coalesce(h.lat, s.lat)`.as('lat'),
        sql<number>`coalesce(h.lon, s.lon)`.as('lon'),
        'h.deadline',
        'h.escalation',
      ])
      .orderBy('h.id')
      .execute();
  }
}
