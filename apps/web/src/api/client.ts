import type { ErrorBody } from '@anlan/contracts';
import { currentLocale, i18n } from '../i18n';

export type ApiIssue = NonNullable<ErrorBody['error']['issues']>[number];

/** Every failed API call throws this; `message` is already in the UI's language. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: readonly ApiIssue[] = [],
    readonly requestId?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type QueryValue = string | number | undefined;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** false when a 401 is an expected answer (who am I? / wrong password), not an expired session. */
  redirectOn401?: boolean;
  /** Non-2xx statuses whose body is a normal answer (health says 503 with a body when degraded). */
  okStatuses?: readonly number[];
  signal?: AbortSignal;
  /** Makes a creating POST safe to retry: the server answers a repeated key with the first answer. */
  idempotencyKey?: string;
}

let onUnauthenticated: () => void = () => undefined;

/** Registers what to do when the session has ended: the app sends the user to the login page. */
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

export function buildUrl(path: string, query: RequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = value.error;
  return typeof error === 'object' && error !== null && 'code' in error && 'message' in error;
}

async function toApiError(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => null);
  if (isErrorBody(body)) {
    const { code, message, issues, requestId } = body.error;
    return new ApiError(response.status, code, message, issues ?? [], requestId);
  }
  return new ApiError(response.status, `http_${response.status}`, i18n.t('error.http', { status: response.status }));
}

/** The one way the web app talks to the server: same-origin JSON with the session cookie. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', query, body, redirectOn401 = true, okStatuses = [], signal, idempotencyKey } = options;
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': currentLocale() };
  const multipart = body instanceof FormData;
  if (body !== undefined && !multipart) headers['Content-Type'] = 'application/json';
  if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
  let response: Response;
  try {
    response = await fetch(buildUrl(path, query), {
      method,
      headers,
      credentials: 'same-origin',
      // FormData sets its own multipart boundary.
      body: body === undefined ? undefined : multipart ? body : JSON.stringify(body),
      signal,
    });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new ApiError(0, 'network', i18n.t('error.network'));
  }
  if (!response.ok && !okStatuses.includes(response.status)) {
    const error = await toApiError(response);
    if (response.status === 401 && redirectOn401) onUnauthenticated();
    throw error;
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}
