import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '../..');
const serverMain = path.join(repoRoot, 'apps/server/dist/cli/main.js');
const webIndex = path.join(repoRoot, 'apps/web/dist/index.html');

export interface DemoServer {
  url: string;
  /** The JT/T 808 port, when started with `gateway: true`. */
  jt808Port: number | undefined;
  stop: () => Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function healthy(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/api/health`);
    return response.ok;
  } catch {
    return false;
  }
}

/**
 * Starts the built server with its demo data on a free port and a fresh temporary DATA_DIR, and waits
 * for /api/health. Builds nothing: run `npm run build` first (a missing build fails the run).
 * Without `gateway` there is no JT/T 808 gateway (most journeys need HTTP only); with it, the gateway listens on a
 * free port of its own, for journeys that drive terminals over TCP.
 */
export async function startDemoServer({ timeoutMs = 150_000, gateway = false } = {}): Promise<DemoServer> {
  for (const file of [serverMain, webIndex]) {
    if (!fs.existsSync(file)) throw new Error(`${path.relative(repoRoot, file)} is missing: run \`npm run build\` before the e2e tests`);
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'anlan-e2e-data-'));
  const port = await freePort();
  const jt808Port = gateway ? await freePort() : undefined;
  const url = `http://127.0.0.1:${port}`;
  const log: string[] = [];
  const child: ChildProcess = spawn(process.execPath, [serverMain, 'demo'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      JT808_ENABLED: String(gateway),
      ...(jt808Port ? { JT808_PORT: String(jt808Port) } : {}),
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [child.stdout, child.stderr]) stream?.on('data', (chunk: Buffer) => log.push(chunk.toString()));
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  const end = Date.now() + timeoutMs;
  while (!(await healthy(url))) {
    if (child.exitCode !== null || Date.now() > end) {
      await stop();
      throw new Error(`the demo server did not become healthy at ${url}:\n${log.join('').slice(-3000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { url, jt808Port, stop };
}
