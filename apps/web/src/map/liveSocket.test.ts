import { describe, expect, it } from 'vitest';
import { backoffMs, liveUrl, MAX_BACKOFF_MS } from './liveSocket';

describe('reconnection back-off', () => {
  it('doubles from about a second and never waits longer than 30 s', () => {
    const top = (attempt: number) => backoffMs(attempt, () => 1);
    const bottom = (attempt: number) => backoffMs(attempt, () => 0);
    expect([0, 1, 2, 3].map(top)).toEqual([1000, 2000, 4000, 8000]);
    expect([0, 1, 2, 3].map(bottom)).toEqual([500, 1000, 2000, 4000]);
    expect(top(50)).toBe(MAX_BACKOFF_MS);
    expect(bottom(50)).toBe(MAX_BACKOFF_MS / 2);
  });
});

it('speaks WebSocket over TLS when the page does', () => {
  expect(liveUrl({ protocol: 'https:', host: 'anlan.example.org' })).toBe('wss://anlan.example.org/api/live');
  expect(liveUrl({ protocol: 'http:', host: '127.0.0.1:8080' })).toBe('ws://127.0.0.1:8080/api/live');
});
