import { randomBytes } from 'node:crypto';
import type { Locale, Open311CreateRequest, Open311Request, Open311RequestsQuery, Open311Service as ServiceEntry } from '@anlan/contracts';
import type { Db } from '../../db/client.js';
import { HttpError } from '../../http/errors.js';
import { appendEvent } from '../events/event-log.js';
import { findService, PUBLIC_SERVICES, serviceOf, toOpen311Service } from './open311-services.js';
import { PublicReportsRepository, type PublicReportRow } from './public-reports.repository.js';
import { chinaIso, publicStatus } from './public-status.js';

export interface Open311Config {
  serviceArea: { minLat: number; minLon: number; maxLat: number; maxLon: number };
  agency: string;
}

const DAY_MS = 86_400_000;
const DEFAULT_SPAN_DAYS = 90;
const MAX_RESULTS = 1000;
const MAX_IDS = 200;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TOKEN = /^[A-Za-z0-9_-]{16,64}$/;

/** A 400 whose message starts with the field it is about, as Open311 clients show it. */
export function fieldError(field: string, zh: string, en: string): HttpError {
  return new HttpError(400, 'validation_failed', { 'zh-CN': `${field}: ${zh}`, en: `${field}: ${en}` }, [{ path: field, code: 'invalid', message: en }]);
}

const notFoundAs = (what: string, given: string) => {
  const value = given.slice(0, 100);
  return new HttpError(404, 'not_found', { 'zh-CN': `${what}: 不存在 ${value}`, en: `${what}: ${value} not found` });
};

export function toOpen311Request(r: PublicReportRow, locale: Locale, agency: string): Open311Request {
  const service = serviceOf(r.service_code);
  const folded = publicStatus(r);
  const updated = r.hazard_updated_at && r.hazard_updated_at > r.updated_at ? r.hazard_updated_at : r.updated_at;
  return {
    service_request_id: r.id,
    status: folded.status,
    status_notes: folded.notes[locale],
    service_name: service.name[locale],
    service_code: r.service_code,
    description: r.description,
    agency_responsible: agency,
    service_notice: service.notice[locale],
    requested_datetime: chinaIso(r.created_at),
    updated_datetime: chinaIso(updated),
    expected_datetime: folded.status === 'open' && r.hazard_deadline ? chinaIso(r.hazard_deadline) : null,
    address: r.address,
    lat: r.lat,
    long: r.lon,
    media_url: r.media_url,
  };
}

/** The public's side of Open311: the catalogue, reporting, and following a report. */
export class Open311Service {
  readonly repo: PublicReportsRepository;
  constructor(
    private readonly db: Db,
    private readonly config: Open311Config,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.repo = new PublicReportsRepository(db);
  }

  services(locale: Locale): ServiceEntry[] {
    return PUBLIC_SERVICES.map((s) => toOpen311Service(s, locale));
  }

  definition(code: string): { service_code: string; attributes: never[] } {
    if (!findService(code)) throw notFoundAs('service_code', code);
    return { service_code: code, attributes: [] };
  }

  /** Stores a report with a fresh unguessable token; every check happens before anything is written. */
  async create(input: Open311CreateRequest, locale: Locale) {
    const service = findService(input.service_code);
    if (!service) throw fieldError('service_code', `未知的服务代码 ${input.service_code}`, `unknown service ${input.service_code}`);
    if (input.lat !== undefined && input.long !== undefined) this.assertInArea(input.lat, input.long);
    const contact = {
      ...(input.email ? { email: input.email } : {}),
      ...(input.phone ? { phone: input.phone } : {}),
      ...(input.first_name ? { firstName: input.first_name } : {}),
      ...(input.last_name ? { lastName: input.last_name } : {}),
    };
    const now = this.now();
    const created = await this.db.transaction().execute(async (trx) => {
      const row = await this.repo.insert(trx, {
        service_code: service.code,
        description: input.description,
        address: input.address_string ?? null,
        lat: input.lat ?? null,
        lon: input.long ?? null,
        media_url: input.media_url ?? null,
        contact: Object.keys(contact).length ? JSON.stringify(contact) : null,
        token: randomBytes(24).toString('base64url'),
        created_at: now,
        updated_at: now,
      });
      // No contact details in the event: the log is read by more people than the triage list.
      await appendEvent(trx, {
        entityType: 'public_report',
        entityId: row.id,
        type: 'public_report.received',
        actorId: null,
        at: now,
        payload: { serviceCode: service.code, hasLocation: input.lat !== undefined, hasAddress: input.address_string !== undefined },
      });
      return row;
    });
    return [{ service_request_id: created.id, token: created.token, service_notice: service.notice[locale] }];
  }

  private assertInArea(lat: number, lon: number): void {
    const a = this.config.serviceArea;
    const area = `${a.minLat}–${a.maxLat}N, ${a.minLon}–${a.maxLon}E`;
    if (lat < a.minLat || lat > a.maxLat) throw fieldError('lat', `不在服务范围内(${area})`, `outside the service area (${area})`);
    if (lon < a.minLon || lon > a.maxLon) throw fieldError('long', `不在服务范围内(${area})`, `outside the service area (${area})`);
  }

  async list(q: Open311RequestsQuery, locale: Locale): Promise<Open311Request[]> {
    const rows = await this.repo.listPublic(this.filter(q), MAX_RESULTS);
    return rows.map((r) => toOpen311Request(r, locale, this.config.agency));
  }

  /** The spec's rules: ids override everything; dates default to a 90-day window. */
  private filter(q: Open311RequestsQuery) {
    if (q.service_request_id !== undefined) {
      const ids = [...new Set(q.service_request_id.split(',').map((s) => s.trim()).filter(Boolean))];
      if (ids.length === 0 || ids.length > MAX_IDS || ids.some((id) => !UUID.test(id))) {
        throw fieldError('service_request_id', `须为逗号分隔的请求编号(最多${MAX_IDS}个)`, `comma-separated request ids (at most ${MAX_IDS})`);
      }
      return { ids };
    }
    if (q.service_code !== undefined && !findService(q.service_code)) {
      throw fieldError('service_code', `未知的服务代码 ${q.service_code}`, `unknown service ${q.service_code}`);
    }
    const span = DEFAULT_SPAN_DAYS * DAY_MS;
    // One date alone opens a 90-day window from it (start) or up to it (end); neither: the last 90 days.
    const from = q.start_date ? new Date(q.start_date) : new Date((q.end_date ? new Date(q.end_date) : this.now()).getTime() - span);
    const to = q.end_date ? new Date(q.end_date) : q.start_date ? new Date(from.getTime() + span) : this.now();
    if (from > to) throw fieldError('start_date', '不能晚于 end_date', 'must not be after end_date');
    return { from, to, ...(q.service_code ? { serviceCode: q.service_code } : {}), ...(q.status ? { status: q.status } : {}) };
  }

  async get(id: string, locale: Locale): Promise<Open311Request[]> {
    const row = UUID.test(id) ? await this.repo.findPublic(id) : undefined;
    if (!row) throw notFoundAs('service_request_id', id);
    return [toOpen311Request(row, locale, this.config.agency)];
  }

  async token(token: string): Promise<{ service_request_id: string; token: string }[]> {
    const row = TOKEN.test(token) ? await this.repo.findIdByToken(token) : undefined;
    if (!row) throw notFoundAs('token', token);
    return [{ service_request_id: row.id, token: row.token }];
  }
}
