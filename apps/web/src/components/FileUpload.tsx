import type { StoredFile } from '@anlan/contracts';
import { PlusOutlined } from '@ant-design/icons';
import { App, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { uploadFile } from '../api/files';

interface Props {
  /** The ids of the uploaded files (a form control's value). */
  value?: string[];
  onChange?: (ids: string[]) => void;
  /** Photos only (default) or photos and PDF documents. */
  kind?: 'photo' | 'document';
  max?: number;
}

const accept = { photo: 'image/jpeg,image/png,image/webp,image/heic,image/*', document: 'image/*,application/pdf' } as const;

/**
 * Uploads each chosen file to /api/files at once and hands the form the ids of those stored; phones
 * offer the camera (capture). The server checks each file's real type and refuses anything else.
 */
export function FileUpload({ onChange, kind = 'photo', max = 20 }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [files, setFiles] = useState<UploadFile<StoredFile>[]>([]);
  const publish = (next: UploadFile<StoredFile>[]) => {
    setFiles(next);
    onChange?.(next.flatMap((f) => (f.status === 'done' && f.response ? [f.response.id] : [])));
  };
  return (
    <Upload<StoredFile>
      listType="picture-card"
      accept={accept[kind]}
      capture={kind === 'photo' ? 'environment' : undefined}
      multiple
      fileList={files}
      maxCount={max}
      onChange={({ fileList }) => publish(fileList)}
      customRequest={({ file, onSuccess, onError }) => {
        const blob = file as File;
        uploadFile(blob, blob.name || 'photo.jpg')
          .then((stored) => onSuccess?.(stored))
          .catch((error: unknown) => {
            const err = error instanceof Error ? error : new Error(String(error));
            void message.error(err instanceof ApiError ? err.message : t('error.crash'));
            onError?.(err);
          });
      }}
    >
      {files.length < max && (
        <button type="button" style={{ border: 0, background: 'none', cursor: 'pointer' }}>
          <PlusOutlined />
          <div style={{ marginTop: 8 }}>{kind === 'photo' ? t('upload.photo') : t('upload.document')}</div>
        </button>
      )}
    </Upload>
  );
}
