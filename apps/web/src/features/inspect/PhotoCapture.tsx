import { CameraOutlined } from '@ant-design/icons';
import { App, Button, Flex } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import type { DraftPhoto } from './draftTypes';
import { DraftPhotoThumb } from './DraftPhotoThumb';
import { addPhoto, removePhoto, type PhotoSlot } from './photoActions';
import { useDraftStore } from './useDrafts';

interface Props {
  draftId: string;
  itemId: string;
  slot: PhotoSlot;
  photos: DraftPhoto[];
  label: string;
  disabled?: boolean;
}

/** Opens the phone's camera (rear) and keeps each photo with the draft. */
export function PhotoCapture({ draftId, itemId, slot, photos, label, disabled }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const store = useDraftStore();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const onFiles = async (files: FileList | null) => {
    setBusy(true);
    try {
      for (const file of Array.from(files ?? [])) await addPhoto(store, draftId, itemId, slot, file);
    } catch (error) {
      void message.error(error instanceof ApiError ? error.message : t('inspect.photoFailed'));
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };
  return (
    <Flex wrap gap={8} align="center">
      {photos.map((p) => (
        <DraftPhotoThumb key={p.localId} photo={p} onRemove={disabled ? undefined : () => removePhoto(store, draftId, itemId, slot, p.localId)} />
      ))}
      <input
        ref={input}
        type="file"
        accept="image/*"
        capture="environment"
        multiple
        hidden
        data-testid={`capture-${slot}-${itemId}`}
        onChange={(e) => void onFiles(e.target.files)}
      />
      <Button icon={<CameraOutlined />} size="large" loading={busy} disabled={disabled} onClick={() => input.current?.click()}>
        {label}
      </Button>
    </Flex>
  );
}
