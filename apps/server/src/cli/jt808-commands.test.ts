import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { encodeMessage } from '../gateway/jt808/index.js';

const run = promisify(execFile);
const entry = fileURLToPath(new URL('./main.ts', import.meta.url));

describe('anlan jt808 decode', () => {
  it('prints a frame given as an argument, and frames from stdin, as JSON', async () => {
    const frame = encodeMessage(
      { phone: '013800000001', serial: 7 },
      {
        type: 'location',
        position: { latitude: 30.61, longitude: 121.08, speed: 61.5, time: new Date('2026-11-20T02:00:00Z') },
      },
    );
    const { stdout } = await run(process.execPath, [
      '--conditions=source',
      '--import',
      'tsx',
      entry,
      'jt808',
      'decode',
      frame.toString('hex'),
    ]);
    expect(JSON.parse(stdout)).toMatchObject({
      ok: true,
      header: { msgId: '0x0200', phone: '013800000001', serial: 7 },
      message: { position: { latitude: 30.61, speed: 61.5, time: '2026-11-20T02:00:00.000Z' } },
    });

    const child = run(process.execPath, ['--conditions=source', '--import', 'tsx', entry, 'jt808', 'decode']);
    child.child.stdin?.end(`${frame.toString('hex')}\n\nnot-hex\n`);
    const failed = await child.then(
      () => null,
      (e: { code: number; stdout: string }) => e,
    );
    expect(failed?.code).toBe(1);
    const objects = failed!.stdout
      .split(/\n(?=\{)/)
      .map((s) => JSON.parse(s) as { ok: boolean; error?: { code: string } });
    expect(objects.map((o) => o.ok)).toEqual([true, false]);
    expect(objects[1]!.error!.code).toBe('bad_hex');
  }, 60_000);
});
