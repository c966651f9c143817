import { putSetting, setting, settingKeyParams, settingList } from '@anlan/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { authorize } from '../../http/auth.js';
import type { SettingsService } from './settings.service.js';

export function settingsRoutes(app: FastifyInstance, d: { settings: SettingsService }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['settings'];

  r.get(
    '/api/settings',
    {
      schema: {
        tags,
        summary: 'Run-time settings: every key with its value (admin, monitor)',
        response: { 200: settingList },
      },
    },
    async (request) => ({ items: await d.settings.list(authorize(request)) }),
  );

  r.get(
    '/api/settings/:key',
    { schema: { tags, summary: 'One setting (admin, monitor)', params: settingKeyParams, response: { 200: setting } } },
    async (request) => d.settings.read(authorize(request), request.params.key),
  );

  r.put(
    '/api/settings/:key',
    {
      schema: {
        tags,
        summary: "Replace a setting's value: the body is the whole value, validated by the key's schema (admin)",
        params: settingKeyParams,
        body: putSetting,
        response: { 200: setting },
      },
    },
    async (request) => d.settings.put(authorize(request), request.params.key, request.body),
  );
}
