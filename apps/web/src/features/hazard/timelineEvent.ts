import type { HazardDetail } from '@anlan/contracts';

type Payload = Record<string, unknown>;
type FileInfo = HazardDetail['files'][number];

const asPayload = (value: unknown): Payload => (typeof value === 'object' && value !== null ? (value as Payload) : {});
const text = (p: Payload, key: string): string | undefined => (typeof p[key] === 'string' && p[key] !== '' ? p[key] : undefined);
const ids = (p: Payload, key: string): string[] => (Array.isArray(p[key]) ? p[key].filter((x): x is string => typeof x === 'string') : []);

/** What a timeline entry shows of an event's payload: notes, reasons, deadlines and the photos it brought. */
export interface EventFacts {
  action: string;
  note?: string;
  reason?: string;
  description?: string;
  number?: string;
  deadline?: string;
  escalationTo?: string;
  photos: { caption: 'before' | 'after' | 'recheck' | 'acceptance'; files: FileInfo[] }[];
}

/**
 * Reads a hazard event. The found event carries no file ids: its photos are the hazard's "before" files.
 * Files are looked up in the hazard's file list for their type (photo or PDF).
 */
export function eventFacts(type: string, payloadValue: unknown, hazard: HazardDetail): EventFacts {
  const p = asPayload(payloadValue);
  const byId = new Map(hazard.files.map((f) => [f.id, f]));
  const files = (list: string[]): FileInfo[] => list.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
  const action = type.startsWith('hazard.') ? type.slice('hazard.'.length) : type;
  const photos: EventFacts['photos'] = [];
  if (action === 'found') photos.push({ caption: 'before', files: hazard.files.filter((f) => f.role === 'before') });
  if (action === 'submit' || action === 'fix_on_spot') photos.push({ caption: 'after', files: files(ids(p, 'afterFileIds')) });
  if (action === 'submit') photos.push({ caption: 'acceptance', files: files(ids(p, 'acceptanceFileIds')) });
  if (action === 'recheck_pass') photos.push({ caption: 'recheck', files: files(ids(p, 'fileIds')) });
  return {
    action,
    note: text(p, 'note'),
    reason: text(p, 'reason'),
    description: action === 'found' ? undefined : text(p, 'description'),
    number: text(p, 'number'),
    deadline: text(p, 'deadline') ?? text(p, 'newDeadline'),
    escalationTo: text(p, 'escalationTo'),
    photos: photos.filter((group) => group.files.length > 0),
  };
}
