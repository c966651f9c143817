import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type {
  EscalationLevel,
  EscalationReason,
  HazardLevel,
  HazardStatus,
  LecBand,
  NoticeKind,
  OrganisationKind,
  RiskColour,
  RiskFactor,
  Role,
  SubjectType,
} from '@anlan/contracts';

/** Column types as the database returns them (see client.ts for the value mapping). */
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export interface OrganisationsTable {
  id: Generated<string>;
  kind: OrganisationKind;
  name: string;
  short_name: string | null;
  credit_code: string | null;
  parent_id: string | null;
  created_at: CreatedAt;
}

export interface UsersTable {
  id: Generated<string>;
  username: string;
  display_name: string;
  role: Role;
  organisation_id: string | null;
  password_hash: string;
  phone: string | null;
  locale: Generated<'zh-CN' | 'en'>;
  disabled: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  created_at: CreatedAt;
  expires_at: Date;
  last_seen_at: ColumnType<Date, Date | undefined, Date>;
  ip: string | null;
  user_agent: string | null;
}

export interface EventsTable {
  id: ColumnType<number, never, never>;
  at: Date;
  actor_id: string | null;
  organisation_id: string | null;
  entity_type: string;
  entity_id: string;
  type: string;
  payload: ColumnType<unknown, string, never>;
  prev_hash: string;
  hash: string;
}

type Id = Generated<string>;
type Nullable<T> = ColumnType<T | null, T | null | undefined, T | null>;

export interface FilesTable {
  id: Id;
  sha256: string;
  mime: string;
  size_bytes: number;
  storage_key: string;
  original_name: string | null;
  organisation_id: string | null;
  uploaded_by: string | null;
  created_at: CreatedAt;
}

export interface SubjectsTable {
  id: Id;
  type: SubjectType;
  name: string;
  address: Nullable<string>;
  lat: Nullable<number>;
  lon: Nullable<number>;
  organisation_id: Nullable<string>;
  department_id: Nullable<string>;
  parent_id: Nullable<string>;
  responsible_person: Nullable<string>;
  contact_phone: Nullable<string>;
  created_at: CreatedAt;
}

export interface ChecklistsTable {
  id: Id;
  code: string;
  version: number;
  name: string;
  subject_types: SubjectType[];
  catalogue: Nullable<string>;
  published_at: CreatedAt;
}

export interface ChecklistItemsTable {
  id: Id;
  checklist_id: string;
  seq: number;
  category: string;
  text: string;
  clause: Nullable<string>;
  major: Generated<boolean>;
  requires_photo_on_fail: Generated<boolean>;
  requires_note_on_fail: Generated<boolean>;
}

export interface CampaignsTable {
  id: Id;
  name: string;
  description: Nullable<string>;
  starts_on: string;
  ends_on: string;
  subject_types: SubjectType[];
  department_id: Nullable<string>;
  created_by: Nullable<string>;
  created_at: CreatedAt;
}

export interface CampaignInspectorsTable {
  campaign_id: string;
  user_id: string;
}

export interface InspectionsTable {
  id: Id;
  campaign_id: Nullable<string>;
  subject_id: string;
  checklist_id: Nullable<string>;
  organisation_id: Nullable<string>;
  inspected_at: Date;
  lat: Nullable<number>;
  lon: Nullable<number>;
  note: Nullable<string>;
  leaflets: Generated<number>;
  created_by: Nullable<string>;
  created_at: CreatedAt;
}

export interface InspectionInspectorsTable {
  inspection_id: string;
  user_id: string;
}

export interface InspectionAnswersTable {
  inspection_id: string;
  item_id: string;
  result: 'pass' | 'fail' | 'na';
  note: Nullable<string>;
  file_ids: ColumnType<string[], string[] | undefined, string[]>;
}

export interface HazardsTable {
  id: Id;
  code: string;
  source: 'inspection' | 'public_report' | 'vehicle_alarm' | 'self_check';
  campaign_id: Nullable<string>;
  inspection_id: Nullable<string>;
  subject_id: string;
  subject_type: SubjectType;
  organisation_id: Nullable<string>;
  department_id: Nullable<string>;
  level: HazardLevel;
  category: string;
  description: string;
  location: Nullable<string>;
  lat: Nullable<number>;
  lon: Nullable<number>;
  checklist_item_id: Nullable<string>;
  clause: Nullable<string>;
  catalogue: Nullable<string>;
  risk_colour: RiskColour;
  status: HazardStatus;
  escalation: ColumnType<EscalationLevel, EscalationLevel | undefined, EscalationLevel>;
  deadline: Nullable<Date>;
  acceptance_due_at: Nullable<Date>;
  recheck_failures: ColumnType<number, number | undefined, number>;
  notice_id: Nullable<string>;
  found_at: Date;
  found_by: Nullable<string>;
  closed_at: Nullable<Date>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface HazardFilesTable {
  hazard_id: string;
  file_id: string;
  role: 'before' | 'after' | 'recheck' | 'plan' | 'acceptance' | 'document';
  added_at: CreatedAt;
}

export interface TreatmentPlansTable {
  hazard_id: string;
  goals: string;
  measures: string;
  funding: string;
  organisation: string;
  timeline: string;
  safety_measures: string;
  updated_by: Nullable<string>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface DocumentSerialsTable {
  kind: string;
  year: number;
  last: number;
}

export interface NoticesTable {
  id: Id;
  kind: NoticeKind;
  number: string;
  year: number;
  serial: number;
  subject_id: string;
  organisation_id: Nullable<string>;
  department_id: Nullable<string>;
  campaign_id: Nullable<string>;
  recipient: string;
  deadline: Date;
  stop_work_scope: Nullable<string>;
  issued_at: Date;
  issued_by: string;
  pdf_file_id: Nullable<string>;
}

export interface NoticeHazardsTable {
  notice_id: string;
  hazard_id: string;
}

export interface CasesTable {
  id: Id;
  number: string;
  subject_id: string;
  organisation_id: Nullable<string>;
  campaign_id: Nullable<string>;
  summary: string;
  status: ColumnType<'open' | 'closed', 'open' | 'closed' | undefined, 'open' | 'closed'>;
  decision: Nullable<string>;
  opened_at: Date;
  opened_by: string;
  closed_at: Nullable<Date>;
}

export interface CaseHazardsTable {
  case_id: string;
  hazard_id: string;
}

export interface IdempotencyKeysTable {
  key: string;
  user_id: string;
  route: string;
  status: number;
  response: ColumnType<unknown, string, string>;
  created_at: CreatedAt;
}

export interface PublicReportsTable {
  id: Id;
  service_code: string;
  description: string;
  address: Nullable<string>;
  lat: Nullable<number>;
  lon: Nullable<number>;
  media_url: Nullable<string>;
  contact: Nullable<string>;
  token: string;
  hazard_id: Nullable<string>;
  status: ColumnType<'open' | 'closed', 'open' | 'closed' | undefined, 'open' | 'closed'>;
  status_notes: Nullable<string>;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface VehiclesTable {
  id: Id;
  plate: string;
  plate_colour: number;
  vin: Nullable<string>;
  organisation_id: string;
  vehicle_class: string;
  cargo_un: Nullable<string>;
  cargo_name: Nullable<string>;
  driver_name: Nullable<string>;
  driver_phone: Nullable<string>;
  terminal_phone: string;
  terminal_id: Nullable<string>;
  auth_code: Nullable<string>;
  registered_at: Nullable<Date>;
  active: Generated<boolean>;
  created_at: CreatedAt;
}

/** One position; alarm_bits and status_bits are the DWORDs as signed 32-bit integers. */
export interface PositionsTable {
  vehicle_id: string;
  device_time: Date;
  received_at: Date;
  lat: number;
  lon: number;
  speed_kmh: number;
  heading: number;
  altitude_m: number;
  alarm_bits: number;
  status_bits: number;
  mileage_km: number | null;
  blind_area: Generated<boolean>;
  extras: ColumnType<unknown, string | null, never>;
}

/** The newest position of each vehicle: the same columns, without back-fill flag and extras. */
export type LatestPositionsTable = Omit<PositionsTable, 'blind_area' | 'extras'>;

/** GeoJSON geometry (WGS-84) as stored in jsonb; validated by the contracts before it is written. */
type GeoJsonColumn = ColumnType<unknown, string, string>;
type UpdatedAt = ColumnType<Date, Date | undefined, Date>;

export type ZoneKind = 'restricted' | 'road' | 'speed_limit' | 'parking' | 'sensitive';
export type RoadClass = 'expressway' | 'urban' | 'park';

export interface ZonesTable {
  id: Id;
  name: string;
  kind: ZoneKind;
  category: Nullable<string>;
  geometry: GeoJsonColumn;
  buffer_m: Nullable<number>;
  road_class: Nullable<RoadClass>;
  speed_limit_kmh: Nullable<number>;
  night_from: Nullable<string>;
  night_to: Nullable<string>;
  max_parking_minutes: Nullable<number>;
  active: Generated<boolean>;
  created_by: Nullable<string>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface ApprovedRoutesTable {
  id: Id;
  name: string;
  organisation_id: Nullable<string>;
  geometry: GeoJsonColumn;
  buffer_m: Generated<number>;
  active: Generated<boolean>;
  created_by: Nullable<string>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export type TripStatus = 'planned' | 'active' | 'done' | 'cancelled';

export interface TripsTable {
  id: Id;
  vehicle_id: string;
  organisation_id: string;
  waybill_no: string;
  route_id: Nullable<string>;
  cargo_un: Nullable<string>;
  cargo_name: Nullable<string>;
  loaded: Generated<boolean>;
  planned_start: Date;
  planned_end: Date;
  status: ColumnType<TripStatus, TripStatus | undefined, TripStatus>;
  created_by: Nullable<string>;
  created_at: CreatedAt;
}

export type AlarmSeverity = 'info' | 'warning' | 'serious' | 'critical';
export type AlarmStatus = 'open' | 'acknowledged' | 'handled' | 'closed';

/** One alarm episode; (vehicle_id, type, episode_key) is unique, so a repeated signal updates it. */
export interface AlarmsTable {
  id: Id;
  vehicle_id: string;
  organisation_id: string;
  type: string;
  subtype: Nullable<string>;
  severity: AlarmSeverity;
  episode_key: string;
  status: ColumnType<AlarmStatus, AlarmStatus | undefined, AlarmStatus>;
  started_at: Date;
  ended_at: Nullable<Date>;
  last_at: Date;
  lat: Nullable<number>;
  lon: Nullable<number>;
  zone_id: Nullable<string>;
  route_id: Nullable<string>;
  trip_id: Nullable<string>;
  details: ColumnType<Record<string, unknown>, string | undefined, string>;
  raised_at: CreatedAt;
  acknowledged_at: Nullable<Date>;
  acknowledged_by: Nullable<string>;
  reminded_at: Nullable<Date>;
  carrier_notified_at: Nullable<Date>;
  handled_at: Nullable<Date>;
  handled_by: Nullable<string>;
  handling: Nullable<string>;
  closed_at: Nullable<Date>;
  closed_by: Nullable<string>;
  escalated_at: Nullable<Date>;
  hazard_id: Nullable<string>;
}

/** A generated daily online-monitoring report; organisation_id null is the district's. */
export interface DailyMonitoringReportsTable {
  id: Id;
  day: ColumnType<string, string, string>;
  organisation_id: Nullable<string>;
  metrics: ColumnType<unknown, string, string>;
  generated_at: CreatedAt;
  generated_by: Nullable<string>;
}

export interface SettingsTable {
  key: string;
  value: ColumnType<unknown, string, string>;
  updated_by: Nullable<string>;
  updated_at: UpdatedAt;
}

/** Where a consumer of the event log stands: the last event id it has processed. */
export interface NotificationCursorsTable {
  name: string;
  last_event_id: number;
  updated_at: UpdatedAt;
}

export interface NotificationPreferencesTable {
  user_id: string;
  digest_enabled: Generated<boolean>;
  /** { [category]: 'immediate' | 'digest' | 'off' } — only the user's overrides. */
  categories: ColumnType<Record<string, string>, string | undefined, string>;
  updated_at: UpdatedAt;
}

export interface DigestsTable {
  id: Id;
  user_id: string;
  day: string;
  period_start: Date | null;
  period_end: Date;
  title_zh: string;
  title_en: string;
  counts: ColumnType<unknown, string, string>;
  sections: ColumnType<unknown, string, string>;
  created_at: CreatedAt;
}

/** One row per user and event ('event'), or the inbox entry of a daily digest ('digest'). */
export interface NotificationsTable {
  id: Id;
  user_id: string;
  kind: 'event' | 'digest';
  event_id: Nullable<number>;
  digest_id: Nullable<string>;
  summarised_in: Nullable<string>;
  category: string;
  in_inbox: boolean;
  urgent: Generated<boolean>;
  severity: AlarmSeverity;
  entity_type: string;
  entity_id: string;
  organisation_id: Nullable<string>;
  title_zh: string;
  title_en: string;
  link: Nullable<string>;
  at: Date;
  read_at: Nullable<Date>;
  created_at: CreatedAt;
}

export interface WebhookEndpointsTable {
  id: Id;
  url: string;
  secret: string;
  event_types: string[];
  organisation_id: Nullable<string>;
  active: Generated<boolean>;
  description: Nullable<string>;
  /** Events up to this id predate the endpoint and are not sent to it. */
  after_event_id: ColumnType<number, number | undefined, number>;
  created_by: Nullable<string>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export type WebhookDeliveryStatus = 'pending' | 'succeeded' | 'failed';

export interface WebhookDeliveriesTable {
  id: Id;
  endpoint_id: string;
  event_id: Nullable<number>;
  event_type: string;
  /** The exact JSON sent, so every retry carries the same bytes. */
  body: string;
  status: ColumnType<WebhookDeliveryStatus, WebhookDeliveryStatus | undefined, WebhookDeliveryStatus>;
  attempts: ColumnType<number, number | undefined, number>;
  next_attempt_at: Nullable<Date>;
  last_status_code: Nullable<number>;
  last_error: Nullable<string>;
  created_at: Date;
  updated_at: UpdatedAt;
}

export interface WebhookAttemptsTable {
  id: ColumnType<number, never, never>;
  delivery_id: string;
  attempt: number;
  at: Date;
  status_code: Nullable<number>;
  duration_ms: number;
  error: Nullable<string>;
  next_attempt_at: Nullable<Date>;
  manual: Generated<boolean>;
}

/** 风险点 of a subject; current_assessment_id is its grading in force (see risk-points.service.ts). */
export interface RiskPointsTable {
  id: Id;
  subject_id: string;
  name: string;
  location: Nullable<string>;
  description: Nullable<string>;
  hazard_factors: ColumnType<string[], string[] | undefined, string[]>;
  controls: ColumnType<string[], string[] | undefined, string[]>;
  responsible_person: Nullable<string>;
  contact_phone: Nullable<string>;
  active: Generated<boolean>;
  current_assessment_id: Nullable<string>;
  created_by: Nullable<string>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** One LEC or LS assessment; never updated (re-assessment adds a row). */
export interface RiskAssessmentsTable {
  id: Id;
  seq: ColumnType<number, never, never>;
  risk_point_id: string;
  method: 'lec' | 'ls';
  l: number;
  e: Nullable<number>;
  c: Nullable<number>;
  s: Nullable<number>;
  value: number;
  band: Nullable<LecBand>;
  colour: RiskColour;
  self_assessment: Generated<boolean>;
  note: Nullable<string>;
  assessed_by: Nullable<string>;
  assessed_at: Date;
}

type JsonColumn<T> = ColumnType<T, string, string>;

export interface SubjectRiskLevelsTable {
  subject_id: string;
  colour: RiskColour;
  score: number;
  factors: JsonColumn<RiskFactor[]>;
  inspection_frequency_days: number;
  digest: string;
  computed_at: Date;
}

export interface SubjectRiskHistoryTable {
  day: ColumnType<string, string, string>;
  subject_id: string;
  colour: RiskColour;
  score: number;
}

export interface SubjectEscalationsTable {
  subject_id: string;
  level: EscalationLevel;
  since: Date;
  clean_since: Nullable<Date>;
  listed_since: Nullable<Date>;
  score_at_listing: Nullable<number>;
  reasons: JsonColumn<EscalationReason[]>;
  manual_level: Nullable<EscalationLevel>;
  manual_reason: Nullable<string>;
  manual_by: Nullable<string>;
  manual_at: Nullable<Date>;
  supervisor_scope: 'department' | 'district';
  supervisor_role: string;
  supervisor_organisation_id: Nullable<string>;
  inspection_frequency_days: number;
  daily_online_review: boolean;
  updated_at: Date;
}

export interface RiskRunsTable {
  id: ColumnType<number, never, never>;
  computed_at: Date;
  subjects: number;
  vehicles: number;
  changed: number;
  moves: number;
}

export interface VehicleRiskLevelsTable {
  vehicle_id: string;
  organisation_id: string;
  colour: RiskColour;
  score: number;
  factors: JsonColumn<RiskFactor[]>;
  daily_online_review: boolean;
  digest: string;
  computed_at: Date;
}

export interface Tables {
  organisations: OrganisationsTable;
  users: UsersTable;
  sessions: SessionsTable;
  events: EventsTable;
  files: FilesTable;
  subjects: SubjectsTable;
  checklists: ChecklistsTable;
  checklist_items: ChecklistItemsTable;
  campaigns: CampaignsTable;
  campaign_inspectors: CampaignInspectorsTable;
  inspections: InspectionsTable;
  inspection_inspectors: InspectionInspectorsTable;
  inspection_answers: InspectionAnswersTable;
  hazards: HazardsTable;
  hazard_files: HazardFilesTable;
  treatment_plans: TreatmentPlansTable;
  document_serials: DocumentSerialsTable;
  notices: NoticesTable;
  notice_hazards: NoticeHazardsTable;
  cases: CasesTable;
  case_hazards: CaseHazardsTable;
  idempotency_keys: IdempotencyKeysTable;
  public_reports: PublicReportsTable;
  vehicles: VehiclesTable;
  positions: PositionsTable;
  latest_positions: LatestPositionsTable;
  zones: ZonesTable;
  approved_routes: ApprovedRoutesTable;
  trips: TripsTable;
  alarms: AlarmsTable;
  daily_monitoring_reports: DailyMonitoringReportsTable;
  settings: SettingsTable;
  risk_points: RiskPointsTable;
  risk_assessments: RiskAssessmentsTable;
  subject_risk_levels: SubjectRiskLevelsTable;
  subject_risk_history: SubjectRiskHistoryTable;
  subject_escalations: SubjectEscalationsTable;
  vehicle_risk_levels: VehicleRiskLevelsTable;
  risk_runs: RiskRunsTable;
  notification_cursors: NotificationCursorsTable;
  notification_preferences: NotificationPreferencesTable;
  digests: DigestsTable;
  notifications: NotificationsTable;
  webhook_endpoints: WebhookEndpointsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_attempts: WebhookAttemptsTable;
}

export type HazardRow = Selectable<HazardsTable>;
export type SubjectRow = Selectable<SubjectsTable>;

export type OrganisationRow = Selectable<OrganisationsTable>;
export type UserRow = Selectable<UsersTable>;
export type NewUserRow = Insertable<UsersTable>;
export type EventRow = Selectable<EventsTable>;
export type VehicleRow = Selectable<VehiclesTable>;
export type ZoneRow = Selectable<ZonesTable>;
export type ApprovedRouteRow = Selectable<ApprovedRoutesTable>;
export type TripRow = Selectable<TripsTable>;
export type AlarmRow = Selectable<AlarmsTable>;
