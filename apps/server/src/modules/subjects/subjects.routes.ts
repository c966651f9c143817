import { createSubject, idParams, page, subject, subjectQuery } from '@anlan/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { authorize } from '../../http/auth.js';
import type { SubjectsService } from './subjects.service.js';

export function subjectsRoutes(app: FastifyInstance, subjects: SubjectsService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['subjects'];
  r.get('/api/subjects', { schema: { tags, summary: '检查对象 the user may see', querystring: subjectQuery, response: { 200: page(subject) } } }, async (request) => ({
    ...(await subjects.list(authorize(request), request.query)),
    limit: request.query.limit,
    offset: request.query.offset,
  }));
  r.get('/api/subjects/:id', { schema: { tags, summary: 'One subject', params: idParams, response: { 200: subject } } }, async (request) =>
    subjects.get(authorize(request), request.params.id),
  );
  r.post('/api/subjects', { schema: { tags, summary: 'Register a subject', body: createSubject, response: { 201: subject } } }, async (request, reply) =>
    reply.status(201).send(await subjects.create(authorize(request), request.body)),
  );
}
