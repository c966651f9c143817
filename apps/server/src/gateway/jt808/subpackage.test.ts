import { describe, expect, it } from 'vitest';
import type { Jt808Header } from './header.js';
import { SubpackageAssembler } from './subpackage.js';

function part(index: number, total: number, firstSerial = 100, phone = '013800138000', msgId = 0x0704): Jt808Header {
  return {
    msgId,
    bodyLength: 2,
    encryption: 0,
    is2019: false,
    protocolVersion: 0,
    phone,
    serial: (firstSerial + index - 1) & 0xffff,
    packet: { total, index },
    length: 16,
  };
}
const bytes = (...b: number[]) => Buffer.from(b);

describe('SubpackageAssembler', () => {
  it('reassembles parts in any order under the first serial', () => {
    const a = new SubpackageAssembler();
    expect(a.add(part(2, 3), bytes(3, 4), 0)).toEqual({ status: 'pending', received: 1, total: 3 });
    expect(a.add(part(3, 3), bytes(5), 1)).toEqual({ status: 'pending', received: 2, total: 3 });
    const done = a.add(part(1, 3), bytes(1, 2), 2);
    expect(done.status).toBe('complete');
    if (done.status !== 'complete') return;
    expect(done.body.toString('hex')).toBe('0102030405');
    expect(done.header).toMatchObject({ serial: 100, packet: null, bodyLength: 5, length: 12, msgId: 0x0704 });
    expect(a.pendingCount).toBe(0);
    expect(a.stats.completed).toBe(1);
  });

  it('handles serials that wrap past 65535', () => {
    const a = new SubpackageAssembler();
    a.add(part(1, 3, 65535), bytes(1), 0);
    a.add(part(2, 3, 65535), bytes(2), 0);
    expect(a.add(part(3, 3, 65535), bytes(3), 0)).toMatchObject({ status: 'complete', header: { serial: 65535 } });
  });

  it('counts a repeated part once', () => {
    const a = new SubpackageAssembler();
    a.add(part(1, 2), bytes(1), 0);
    expect(a.add(part(1, 2), bytes(9), 0)).toEqual({ status: 'pending', received: 1, total: 2 });
    expect(a.add(part(2, 2), bytes(2), 0)).toMatchObject({ status: 'complete', body: bytes(9, 2) });
  });

  it('keeps messages of different phones and ids apart', () => {
    const a = new SubpackageAssembler();
    a.add(part(1, 2, 100, 'A'), bytes(1), 0);
    a.add(part(1, 2, 100, 'B'), bytes(2), 0);
    a.add(part(1, 2, 100, 'A', 0x0104), bytes(3), 0);
    expect(a.pendingCount).toBe(3);
    expect(a.add(part(2, 2, 100, 'B'), bytes(4), 0)).toMatchObject({ status: 'complete', body: bytes(2, 4) });
  });

  it('rejects what is not a valid part', () => {
    const a = new SubpackageAssembler();
    expect(a.add({ ...part(1, 2), packet: null }, bytes(1), 0)).toMatchObject({ error: { code: 'bad_subpackage' } });
    expect(a.add(part(3, 2), bytes(1), 0)).toMatchObject({ error: { code: 'bad_subpackage' } });
    expect(a.add(part(0, 2), bytes(1), 0)).toMatchObject({ error: { code: 'bad_subpackage' } });
    a.add(part(1, 2), bytes(1), 0);
    // Same key (first serial 100) announcing a different total: the message is dropped.
    expect(a.add({ ...part(2, 2), packet: { total: 3, index: 2 } }, bytes(1), 0)).toMatchObject({
      error: { code: 'bad_subpackage' },
    });
    expect(a.pendingCount).toBe(0);
    expect(a.stats.rejected).toBe(4);
  });

  it('enforces the part and byte limits', () => {
    const a = new SubpackageAssembler({ maxParts: 4, maxBytes: 3 });
    expect(a.add(part(1, 5), bytes(1), 0)).toMatchObject({ error: { code: 'too_large' } });
    a.add(part(1, 2), bytes(1, 2), 0);
    expect(a.add(part(2, 2), bytes(3, 4), 0)).toMatchObject({ error: { code: 'too_large' } });
    expect(a.pendingCount).toBe(0);
  });

  it('drops the oldest message beyond maxPending', () => {
    const a = new SubpackageAssembler({ maxPending: 2 });
    a.add(part(1, 2, 1), bytes(1), 0);
    a.add(part(1, 2, 10), bytes(1), 1);
    a.add(part(1, 2, 20), bytes(1), 2);
    expect(a.pendingCount).toBe(2);
    expect(a.stats.evicted).toBe(1);
    // The first one is gone: its second part starts a new, incomplete message.
    expect(a.add(part(2, 2, 1), bytes(2), 3)).toMatchObject({ status: 'pending' });
  });

  it('expires idle messages and says which parts were missing', () => {
    const a = new SubpackageAssembler({ timeoutMs: 1000 });
    a.add(part(1, 4), bytes(1), 0);
    a.add(part(3, 4), bytes(3), 500);
    expect(a.expire(1500)).toEqual([]);
    expect(a.expire(1501)).toEqual([
      { phone: '013800138000', msgId: 0x0704, firstSerial: 100, total: 4, missing: [2, 4] },
    ]);
    expect(a.pendingCount).toBe(0);
  });

  it('starts over when a part arrives for a message that has timed out', () => {
    const a = new SubpackageAssembler({ timeoutMs: 1000 });
    a.add(part(1, 2), bytes(1), 0);
    expect(a.add(part(2, 2), bytes(2), 5000)).toEqual({ status: 'pending', received: 1, total: 2 });
    expect(a.stats.expired).toBe(1);
  });
});
