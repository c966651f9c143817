import {
  acknowledgeAlarm,
  alarmDetail,
  alarmPage,
  alarmQuery,
  closeAlarm,
  handleAlarm,
  idParams,
  notifyCarrier,
  remindAlarm,
} from '@anlan/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { authorize } from '../../http/auth.js';
import type { AlarmsService } from './alarms.service.js';

/** The monitor's alarm workflow. Every step answers the alarm as it is after the step, with the user's next actions. */
export function alarmsRoutes(app: FastifyInstance, alarms: AlarmsService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['alarms'];
  const step = (summary: string) => ({ tags, summary, params: idParams, response: { 200: alarmDetail } });

  r.get(
    '/api/alarms',
    {
      schema: {
        tags,
        summary: '报警: alarm episodes, filtered and paged, newest first',
        querystring: alarmQuery,
        response: { 200: alarmPage },
      },
    },
    async (request) => ({
      ...(await alarms.list(authorize(request), request.query)),
      limit: request.query.limit,
      offset: request.query.offset,
    }),
  );

  r.get(
    '/api/alarms/:id',
    {
      schema: {
        tags,
        summary: 'One alarm with its vehicle, position, event history and the actions open to the user',
        params: idParams,
        response: { 200: alarmDetail },
      },
    },
    async (request) => alarms.get(authorize(request), request.params.id),
  );

  r.post(
    '/api/alarms/:id/acknowledge',
    { schema: { ...step('受理: a monitor takes the alarm (monitor, admin)'), body: acknowledgeAlarm } },
    async (request) => alarms.acknowledge(authorize(request), request.params.id, request.body.note),
  );

  r.post(
    '/api/alarms/:id/remind',
    {
      schema: {
        ...step("提醒驾驶员: a 0x8300 text to the driver's terminal; 409 when it cannot be delivered (recorded)"),
        body: remindAlarm,
      },
    },
    async (request) => alarms.remind(authorize(request), request.params.id, request.body.text),
  );

  r.post(
    '/api/alarms/:id/notify-carrier',
    {
      schema: {
        ...step("通报企业: record that the carrier's safety department was told (monitor, admin)"),
        body: notifyCarrier,
      },
    },
    async (request) => alarms.notifyCarrier(authorize(request), request.params.id, request.body.note),
  );

  r.post(
    '/api/alarms/:id/handle',
    {
      schema: {
        ...step('登记处置: what was done (monitor, admin, or the carrier for its own vehicles)'),
        body: handleAlarm,
      },
    },
    async (request) => alarms.handle(authorize(request), request.params.id, request.body),
  );

  r.post(
    '/api/alarms/:id/close',
    { schema: { ...step('关闭: close a handled or acknowledged alarm (monitor, admin)'), body: closeAlarm } },
    async (request) => alarms.close(authorize(request), request.params.id, request.body.note),
  );
}
