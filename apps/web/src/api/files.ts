import type { StoredFile } from '@anlan/contracts';
import { api } from './client';

/** Where a stored file (photo, PDF) is read from; the session cookie authorises it. */
export const fileUrl = (id: string): string => `/api/files/${id}`;

/** Uploads one photo or PDF as multipart field "file"; the server checks what it really is. */
export function uploadFile(file: Blob, name: string, signal?: AbortSignal): Promise<StoredFile> {
  const form = new FormData();
  form.append('file', file, name);
  return api<StoredFile>('/api/files', { method: 'POST', body: form, signal });
}

export const isImage = (mime: string): boolean => mime.startsWith('image/');
