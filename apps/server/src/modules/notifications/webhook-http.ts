import http from 'node:http';
import https from 'node:https';
import { guardedLookup, literalRefused } from './webhook-url.js';

export interface PostResult {
  /** null when no answer came (refused, unreachable, timed out). */
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

/**
 * One POST with a deadline over the whole exchange. Redirects are not followed (a 3xx is a failure), so a
 * receiver cannot bounce the request to an address the checks would refuse.
 */
export function postJson(rawUrl: string, body: string, headers: Record<string, string>, opts: { timeoutMs: number; allowPrivate: boolean }): Promise<PostResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  return new Promise<PostResult>((resolve) => {
    let url: URL;
    try {
      url = new URL(rawUrl);
    } catch {
      return resolve({ statusCode: null, error: 'invalid URL', durationMs: 0 });
    }
    if (literalRefused(url, opts.allowPrivate)) return resolve({ statusCode: null, error: 'refused: private address', durationMs: 0 });
    const client = url.protocol === 'https:' ? https : http;
    const req = client.request(url, {
      method: 'POST',
      headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
      lookup: guardedLookup(opts.allowPrivate),
      signal: AbortSignal.timeout(opts.timeoutMs),
    });
    req.on('response', (res) => {
      // Only the status matters; the body is drained so the socket is freed.
      res.resume();
      const statusCode = res.statusCode ?? null;
      const ok = statusCode !== null && statusCode >= 200 && statusCode < 300;
      resolve({ statusCode, error: ok ? null : `HTTP ${statusCode}`, durationMs: elapsed() });
    });
    req.on('error', (err: NodeJS.ErrnoException) => {
      const timedOut = err.name === 'AbortError' || err.name === 'TimeoutError' || err.code === 'ABORT_ERR';
      resolve({ statusCode: null, error: timedOut ? `timeout after ${opts.timeoutMs} ms` : err.message, durationMs: elapsed() });
    });
    req.end(body);
  });
}
