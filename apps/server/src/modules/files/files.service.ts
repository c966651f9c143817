import { createHash } from 'node:crypto';
import type { StoredFile } from '@anlan/contracts';
import { sql } from 'kysely';
import type { Db } from '../../db/client.js';
import { badRequest, HttpError, notFound } from '../../http/errors.js';
import { isRegulator, type Actor } from '../identity/actor.js';
import { sniffMime } from './sniff.js';
import type { FileStorage } from './storage.js';

export const toStoredFile = (r: { id: string; mime: string; size_bytes: number; sha256: string; original_name: string | null }): StoredFile => ({
  id: r.id,
  mime: r.mime,
  sizeBytes: r.size_bytes,
  sha256: r.sha256,
  originalName: r.original_name,
});

export class FilesService {
  constructor(
    private readonly db: Db,
    private readonly storage: FileStorage,
    private readonly maxBytes: number,
  ) {}

  /** Stores an upload after checking what it really is; `bytes` is undefined when the upload hit the size limit. */
  async upload(actor: Actor, upload: { bytes: Buffer | undefined; filename: string | null }): Promise<StoredFile> {
    if (!upload.bytes) {
      throw new HttpError(413, 'payload_too_large', {
        'zh-CN': `文件过大,上限 ${Math.round(this.maxBytes / 1048576)} MB`,
        en: `file: larger than the ${Math.round(this.maxBytes / 1048576)} MB limit`,
      });
    }
    const mime = sniffMime(upload.bytes);
    if (!mime) {
      throw new HttpError(415, 'unsupported_media_type', {
        'zh-CN': '文件不是可接受的图片(JPEG、PNG、WebP、HEIC)或 PDF',
        en: 'file: not an accepted image (JPEG, PNG, WebP, HEIC) or PDF',
      });
    }
    return this.store(upload.bytes, mime, upload.filename, actor);
  }

  /** Stores bytes the server made itself (e.g. a rendered notice). */
  async store(
    bytes: Buffer,
    mime: string,
    filename: string | null,
    actor: Actor | null,
    organisationId?: string | null,
    db: Db = this.db,
  ): Promise<StoredFile> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const key = `${sha256.slice(0, 2)}/${sha256}`;
    await this.storage.put(key, bytes);
    const row = await db
      .insertInto('files')
      .values({
        sha256,
        mime,
        size_bytes: bytes.length,
        storage_key: key,
        original_name: filename?.slice(0, 200) ?? null,
        organisation_id: organisationId !== undefined ? organisationId : (actor?.organisationId ?? null),
        uploaded_by: actor?.userId ?? null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toStoredFile(row);
  }

  /** Bytes and type of a file the actor may see: their organisation's, or one attached to its hazards. */
  async read(actor: Actor, id: string): Promise<{ file: StoredFile; bytes: Buffer }> {
    const row = await this.db.selectFrom('files').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row || !(await this.visible(actor, row))) throw notFound();
    return { file: toStoredFile(row), bytes: await this.storage.get(row.storage_key) };
  }

  private async visible(actor: Actor, row: { id: string; organisation_id: string | null; uploaded_by: string | null }) {
    if (isRegulator(actor) || row.uploaded_by === actor.userId) return true;
    if (!actor.organisationId) return false;
    if (row.organisation_id === actor.organisationId) return true;
    const attached = await sql<{ n: number }>`
      select 1 as n from hazard_files hf join hazards h on h.id = hf.hazard_id
      where hf.file_id = ${row.id} and h.organisation_id = ${actor.organisationId}
      union all
      select 1 from notices n where n.pdf_file_id = ${row.id} and n.organisation_id = ${actor.organisationId}
      limit 1`.execute(this.db);
    return attached.rows.length > 0;
  }

  /**
   * Checks that every id names a file the actor uploaded or may see, and (when `images`) that each is an image.
   * Named in errors by `path`, e.g. body.afterFileIds.
   */
  async requireUsable(actor: Actor, ids: string[], path: string, opts: { images?: boolean } = {}): Promise<void> {
    if (ids.length === 0) return;
    const rows = await this.db.selectFrom('files').select(['id', 'mime', 'organisation_id', 'uploaded_by']).where('id', 'in', ids).execute();
    for (const id of ids) {
      const row = rows.find((r) => r.id === id);
      if (!row || !(await this.visible(actor, row))) {
        throw badRequest({ 'zh-CN': `文件不存在:${id}`, en: `${path}: no such file ${id}` }, [{ path, code: 'not_found', message: `no such file ${id}` }]);
      }
      if (opts.images && !row.mime.startsWith('image/')) {
        throw badRequest({ 'zh-CN': `须为照片:${id}`, en: `${path}: ${id} is not a photo` }, [{ path, code: 'not_image', message: `${id} is not a photo` }]);
      }
    }
  }
}
