import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { retryDelay } from './webhook-sender.js';
import { signatureHeader, verifySignature } from './webhook-signature.js';

describe('webhook signatures', () => {
  const secret = 'whsec_test_secret_0123456789';
  const body = '{"id":1,"type":"hazard.found"}';
  const t = 1_797_732_000;
  const now = new Date(t * 1000);

  it('signs "<t>.<body>" with HMAC-SHA256, as a receiver recomputes it', () => {
    const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
    expect(signatureHeader(secret, body, t)).toBe(`t=${t},v1=${expected}`);
    expect(verifySignature(secret, signatureHeader(secret, body, t), body, { now })).toBe(true);
  });

  it('refuses another secret, a changed body, a stale timestamp and garbage', () => {
    const header = signatureHeader(secret, body, t);
    expect(verifySignature('whsec_other_secret_000000', header, body, { now })).toBe(false);
    expect(verifySignature(secret, header, body.replace('1', '2'), { now })).toBe(false);
    expect(verifySignature(secret, header, body, { now: new Date((t + 301) * 1000) })).toBe(false);
    expect(verifySignature(secret, 'v1=abc', body, { now })).toBe(false);
    expect(verifySignature(secret, `t=${t},v1=${'0'.repeat(64)}`, body, { now })).toBe(false);
  });

  it('backs off 1 min, 5 min, 30 min, 2 h, then 12 h', () => {
    expect([1, 2, 3, 4, 5, 6, 9].map(retryDelay)).toEqual([60_000, 300_000, 1_800_000, 7_200_000, 43_200_000, 43_200_000, 43_200_000]);
  });
});
