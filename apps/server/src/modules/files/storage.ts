import fs from 'node:fs/promises';
import path from 'node:path';

/** Where file bytes live. Disk by default; an object store implements the same two calls. */
export interface FileStorage {
  put(key: string, bytes: Buffer): Promise<void>;
  get(key: string): Promise<Buffer>;
}

export class DiskStorage implements FileStorage {
  constructor(private readonly root: string) {}

  private pathOf(key: string) {
    if (!/^[a-z0-9/-]+$/.test(key)) throw new Error(`invalid storage key ${key}`);
    return path.join(this.root, key);
  }

  async put(key: string, bytes: Buffer): Promise<void> {
    const target = this.pathOf(key);
    await fs.mkdir(path.dirname(target), { recursive: true });
    // Write then rename, so a crash never leaves half a file under the final name.
    const tmp = `${target}.${process.pid}.tmp`;
    await fs.writeFile(tmp, bytes);
    await fs.rename(tmp, target);
  }

  get(key: string): Promise<Buffer> {
    return fs.readFile(this.pathOf(key));
  }
}

/** For tests and PGlite's in-memory mode. */
export class MemoryStorage implements FileStorage {
  private readonly files = new Map<string, Buffer>();
  async put(key: string, bytes: Buffer) {
    this.files.set(key, Buffer.from(bytes));
  }
  async get(key: string) {
    const b = this.files.get(key);
    if (!b) throw new Error(`no stored file ${key}`);
    return b;
  }
}
