import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const entry = fileURLToPath(new URL('./main.ts', import.meta.url));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'anlan-cli-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Runs the real CLI in a child process against an embedded database under `dataDir`. */
async function anlan(args: string[], env: Record<string, string> = {}, input?: string) {
  const child = run(process.execPath, ['--conditions=source', '--import', 'tsx', entry, ...args], {
    env: { ...process.env, DATABASE_URL: '', LOG_LEVEL: 'silent', ...env },
  });
  if (input !== undefined) {
    child.child.stdin?.end(input);
  }
  try {
    const { stdout, stderr } = await child;
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('anlan CLI', () => {
  const a = { DATA_DIR: path.join(dir, 'a') };
  const b = { DATA_DIR: path.join(dir, 'b') };

  it('migrates, adds users, verifies the log, backs up and restores', async () => {
    expect((await anlan(['migrate'], a)).stdout).toMatch(/pglite: applied 20261128T2100-foundation/);
    expect((await anlan(['migrate'], a)).stdout).toMatch(/already up to date/);

    const added = await anlan(['user', 'add', '--username', 'ops', '--role', 'admin', '--display-name', '运维'], a, 'a-long-secret-pw\n');
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(/^added ops \(admin\) [0-9a-f-]{36}/);

    const badRole = await anlan(['user', 'add', '--username', 'x1', '--role', 'root', '--password', 'a-long-secret-pw'], a);
    expect(badRole.code).toBe(1);
    expect(badRole.stderr).toMatch(/--role/);
    const short = await anlan(['user', 'add', '--username', 'x2', '--role', 'admin', '--password', 'short'], a);
    expect(short.stderr).toMatch(/--password: at least 10 characters/);
    const noOrg = await anlan(['user', 'add', '--username', 'x3', '--role', 'enterprise', '--organisation', '不存在的公司', '--password', 'a-long-secret-pw'], a);
    expect(noOrg.stderr).toMatch(/--organisation: no organisation named/);

    expect(await anlan(['verify-events'], a)).toMatchObject({ code: 0, stdout: expect.stringMatching(/event log intact: 1 events verified/) });

    const file = path.join(dir, 'a.anlan.gz');
    expect((await anlan(['backup', file], a)).stdout).toMatch(/pglite: backed up \d+ rows of \d+ tables/);
    expect((await anlan(['restore', file], b)).stdout).toMatch(/pglite: restored \d+ rows/);
    expect((await anlan(['restore', file], b)).stderr).toMatch(/not empty/);
    expect((await anlan(['verify-events'], b)).stdout).toMatch(/intact: 1 events/);
  }, 180_000);

  it('stops with a message naming a bad variable', async () => {
    const res = await anlan(['migrate'], { PORT: 'eighty' });
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/PORT="eighty"/);
  });
});
