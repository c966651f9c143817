import { idParams, storedFile } from '@anlan/contracts';
import type {} from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { authorize } from '../../http/auth.js';
import { badRequest } from '../../http/errors.js';
import type { FilesService } from './files.service.js';

export function filesRoutes(app: FastifyInstance, files: FilesService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['files'];

  r.post('/api/files', {
    schema: { tags, summary: 'Upload a photo (JPEG, PNG, WebP, HEIC) or PDF as multipart field "file"', response: { 201: storedFile } },
  }, async (request, reply) => {
    const actor = authorize(request);
    if (!request.isMultipart()) throw badRequest({ 'zh-CN': '请以 multipart/form-data 上传文件', en: 'file: send multipart/form-data with a "file" field' });
    const part = await request.file();
    if (!part) throw badRequest({ 'zh-CN': '缺少文件', en: 'file: missing' }, [{ path: 'body.file', code: 'required', message: 'missing' }]);
    const bytes = await part.toBuffer().catch((err: { code?: string }) => {
      if (err.code === 'FST_REQ_FILE_TOO_LARGE') return undefined;
      throw err;
    });
    const stored = await files.upload(actor, { bytes, filename: part.filename || null });
    return reply.status(201).send(stored);
  });

  r.get('/api/files/:id', { schema: { tags, summary: 'Download a file', params: idParams } }, async (request, reply) => {
    const { file, bytes } = await files.read(authorize(request), request.params.id);
    const name = encodeURIComponent(file.originalName ?? file.id);
    return reply
      .type(file.mime)
      .header('content-disposition', `inline; filename*=UTF-8''${name}`)
      .header('cache-control', 'private, max-age=86400, immutable')
      .send(bytes);
  });
}
