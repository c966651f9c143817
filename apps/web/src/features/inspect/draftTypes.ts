import type { Inspection, SubjectType } from '@anlan/contracts';

/** A photo of a draft: kept on the phone (IndexedDB) until uploaded, then known by its file id. */
export interface DraftPhoto {
  localId: string;
  fileId?: string;
}

export type AnswerResult = 'pass' | 'fail' | 'na';

export interface DraftAnswer {
  result?: AnswerResult;
  note?: string;
  photos: DraftPhoto[];
  /** A failed general item put right while the inspector was there, proven by an after photo. */
  fixedOnSpot?: boolean;
  afterPhotos: DraftPhoto[];
}

/**
 * An inspection being recorded on a phone. It lives in localStorage from the first tap, so a closed
 * tab or a lost network loses nothing; `key` is its one Idempotency-Key, so however often it is sent,
 * the server records it once.
 */
export interface Draft {
  id: string;
  key: string;
  createdAt: string;
  updatedAt: string;
  campaignId?: string;
  subjectType?: SubjectType;
  subjectId?: string;
  subjectName?: string;
  checklistId?: string;
  answers: Record<string, DraftAnswer>;
  lat?: number;
  lon?: number;
  accuracy?: number;
  note?: string;
  leaflets?: number;
  /** Set when first submitted: the inspection's time, whenever it reaches the server. */
  inspectedAt?: string;
  /** editing → queued (the inspector pressed submit; sent when the network allows) → sent. */
  state: 'editing' | 'queued' | 'sent';
  result?: Pick<Inspection, 'id' | 'hazardIds'>;
  lastError?: string;
}

export const emptyAnswer = (): DraftAnswer => ({ photos: [], afterPhotos: [] });
