import { z } from 'zod';
import { instant } from './common.js';
import { hazardLevel, hazardStatus } from './hazards.js';
import { subjectType } from './subjects.js';

/*
 * Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2): field names are the spec's snake_case, not ours,
 * so that any Open311 client works unchanged. The regulator's triage API below uses our own conventions.
 */

/** Open311 errors: a list of `{code, description}`, code being the HTTP status. */
export const open311Errors = z.array(z.object({ code: z.number().int(), description: z.string() }));
export type Open311Errors = z.infer<typeof open311Errors>;

export const open311Service = z.object({
  service_code: z.string(),
  service_name: z.string(),
  description: z.string(),
  metadata: z.literal(false),
  type: z.literal('realtime'),
  keywords: z.string(),
  group: z.string(),
});
export type Open311Service = z.infer<typeof open311Service>;

export const open311ServiceDefinition = z.object({ service_code: z.string(), attributes: z.array(z.never()) });

/** Form posts carry every value as a string, and clients send empty fields: both are normalised here. */
const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
/** Control characters are refused (PostgreSQL text cannot even hold NUL); tab and line breaks are fine. */
const CONTROL_FREE = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/;
const printable = <T extends z.ZodString | z.ZodURL>(s: T) => s.regex(CONTROL_FREE, 'must not contain control characters') as T;
const optionalText = (max: number) => z.preprocess(blank, printable(z.string().trim().max(max)).optional());
const coordinate = (min: number, max: number) =>
  z.preprocess((v) => {
    const given = blank(v);
    return typeof given === 'string' ? Number(given.trim()) : given;
  }, z.number().min(min).max(max).optional());

/** POST /requests.json, as JSON or as application/x-www-form-urlencoded. Unknown fields (api_key…) are ignored. */
export const open311CreateRequest = z
  .object({
    service_code: z.preprocess(blank, z.string().trim().min(1).max(50)),
    description: z.preprocess(blank, printable(z.string().trim().min(5).max(1000))),
    lat: coordinate(-90, 90),
    long: coordinate(-180, 180),
    address_string: optionalText(200),
    email: z.preprocess(blank, z.email().max(200).optional()),
    phone: z.preprocess(blank, z.string().trim().regex(/^[0-9+\- ()]{5,20}$/, 'digits, +, -, spaces or brackets (5–20)').optional()),
    first_name: optionalText(50),
    last_name: optionalText(50),
    media_url: z.preprocess(blank, printable(z.url({ protocol: /^https?$/, error: 'must be an http or https URL' }).max(2000)).optional()),
  })
  .superRefine((v, ctx) => {
    if ((v.lat === undefined) !== (v.long === undefined)) {
      const missing = v.lat === undefined ? 'lat' : 'long';
      ctx.addIssue({ code: 'custom', path: [missing], message: 'lat and long go together' });
    } else if (v.lat === undefined && v.address_string === undefined) {
      ctx.addIssue({ code: 'custom', path: ['address_string'], message: 'give lat and long, or address_string' });
    }
  });
export type Open311CreateRequest = z.infer<typeof open311CreateRequest>;

export const open311Created = z.array(z.object({ service_request_id: z.string(), token: z.string(), service_notice: z.string() }));

/** Dates are ISO 8601 with the +08:00 offset (China Standard Time). */
export const open311Request = z.object({
  service_request_id: z.string(),
  status: z.enum(['open', 'closed']),
  status_notes: z.string(),
  service_name: z.string(),
  service_code: z.string(),
  description: z.string(),
  agency_responsible: z.string(),
  service_notice: z.string(),
  requested_datetime: z.string(),
  updated_datetime: z.string(),
  expected_datetime: z.string().nullable(),
  address: z.string().nullable(),
  lat: z.number().nullable(),
  long: z.number().nullable(),
  media_url: z.string().nullable(),
});
export type Open311Request = z.infer<typeof open311Request>;

/** Empty parameters (`?status=&service_code=`), as some clients send them, count as absent. */
export const open311RequestsQuery = z.object({
  service_request_id: z.preprocess(blank, z.string().trim().max(4000).optional()).describe('comma-separated ids; overrides every other filter'),
  service_code: z.preprocess(blank, z.string().trim().min(1).max(50).optional()),
  start_date: z.preprocess(blank, instant.optional()),
  end_date: z.preprocess(blank, instant.optional()),
  status: z.preprocess(blank, z.enum(['open', 'closed']).optional()),
});
export type Open311RequestsQuery = z.infer<typeof open311RequestsQuery>;

export const open311Token = z.array(z.object({ service_request_id: z.string(), token: z.string() }));

/* ---- The regulator's side: reports as triage items. ---- */

export const publicReportTriage = z.enum(['pending', 'accepted', 'rejected']);
export type PublicReportTriage = z.infer<typeof publicReportTriage>;

export const publicReport = z.object({
  id: z.uuid(),
  serviceCode: z.string(),
  serviceName: z.string(),
  /** The hazard category and subject type the service suggests for the hazard. */
  category: z.string(),
  suggestedSubjectType: subjectType,
  description: z.string(),
  address: z.string().nullable(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  mediaUrl: z.string().nullable(),
  /** Who reported it, when they said; for the inspector only, never public. */
  contact: z.object({ email: z.string().optional(), phone: z.string().optional(), firstName: z.string().optional(), lastName: z.string().optional() }).nullable(),
  triage: publicReportTriage,
  /** The public status (open / closed) and the note the public reads. */
  status: z.enum(['open', 'closed']),
  statusNotes: z.string(),
  rejectReason: z.string().nullable(),
  hazardId: z.uuid().nullable(),
  hazardCode: z.string().nullable(),
  hazardStatus: hazardStatus.nullable(),
  createdAt: instant,
  updatedAt: instant,
});
export type PublicReport = z.infer<typeof publicReport>;

export const publicReportQuery = z.strictObject({
  status: z.enum(['open', 'closed']).optional().describe('the public status'),
  triage: publicReportTriage.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type PublicReportQuery = z.infer<typeof publicReportQuery>;

export const triagePublicReport = z.discriminatedUnion('action', [
  z.strictObject({
    action: z.literal('accept'),
    subjectId: z.uuid(),
    level: hazardLevel,
    description: printable(z.string().trim().min(2).max(1000)).optional().describe('the hazard description; the report’s text when absent'),
  }),
  z.strictObject({ action: z.literal('reject'), reason: printable(z.string().trim().min(2).max(500)).describe('shown to the public') }),
]);
export type TriagePublicReport = z.infer<typeof triagePublicReport>;
