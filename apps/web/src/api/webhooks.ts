import type { createWebhook, UpdateWebhook, WebhookDelivery, WebhookEndpoint } from '@anlan/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { Input } from './types';

const key = 'webhooks';

export type CreateWebhookBody = Input<typeof createWebhook>;
export type WebhookWithSecret = WebhookEndpoint & { secret: string };
export type WebhookUpdated = WebhookEndpoint & { secret?: string };
export type DeliveryPage = { items: WebhookDelivery[]; total: number; limit: number; offset: number };
export type DeliveryStatus = WebhookDelivery['status'];

/** Webhook endpoints (admin). */
export function useWebhooks() {
  return useQuery({
    queryKey: [key, 'list'],
    queryFn: ({ signal }) => api<{ items: WebhookEndpoint[] }>('/api/webhooks', { signal }).then((r) => r.items),
  });
}

/** Registers an endpoint; the answer carries the signing secret, the only time it is shown. */
export function useCreateWebhook() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateWebhookBody) => api<WebhookWithSecret>('/api/webhooks', { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: [key] }),
  });
}

/** Changes an endpoint (on/off, patterns); `rotateSecret` answers the new secret once. */
export function useUpdateWebhook() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateWebhook }) =>
      api<WebhookUpdated>(`/api/webhooks/${id}`, { method: 'PATCH', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: [key] }),
  });
}

export function useDeleteWebhook() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/api/webhooks/${id}`, { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: [key] }),
  });
}

/** The delivery log of one endpoint, newest first, with every attempt. */
export function useDeliveries(id: string | null, status: DeliveryStatus | undefined, limit: number, offset: number) {
  return useQuery({
    queryKey: [key, 'deliveries', id, status ?? null, limit, offset],
    enabled: id !== null,
    queryFn: ({ signal }) =>
      api<DeliveryPage>(`/api/webhooks/${id}/deliveries`, { query: { status, limit, offset }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useRedeliver(endpointId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (deliveryId: string) =>
      api<WebhookDelivery>(`/api/webhooks/${endpointId}/deliveries/${deliveryId}/redeliver`, { method: 'POST' }),
    onSuccess: () => client.invalidateQueries({ queryKey: [key, 'deliveries', endpointId] }),
  });
}

/** Sends a webhook.test ping now; the answer is its delivery. */
export function useTestWebhook() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<WebhookDelivery>(`/api/webhooks/${id}/test`, { method: 'POST' }),
    onSuccess: (delivery) => client.invalidateQueries({ queryKey: [key, 'deliveries', delivery.endpointId] }),
  });
}
