import { CloseCircleFilled, CloudUploadOutlined } from '@ant-design/icons';
import { Image } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fileUrl } from '../../api/files';
import type { DraftPhoto } from './draftTypes';
import { getPhoto } from './photoStore';

/** A draft's photo: from the server once uploaded, else from the phone, marked as still to upload. */
export function DraftPhotoThumb({ photo, onRemove }: { photo: DraftPhoto; onRemove?: () => void }) {
  const { t } = useTranslation();
  const [local, setLocal] = useState<string>();
  useEffect(() => {
    if (photo.fileId) return;
    let url: string | undefined;
    let live = true;
    void getPhoto(photo.localId)
      .then((blob) => {
        if (!blob || !live) return;
        url = URL.createObjectURL(blob);
        setLocal(url);
      })
      .catch(() => undefined); // no preview; the photo itself is still listed
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [photo.fileId, photo.localId]);
  const src = photo.fileId ? fileUrl(photo.fileId) : local;
  return (
    <div style={{ position: 'relative', width: 72, height: 72 }} data-testid="draft-photo" data-uploaded={photo.fileId ? 'true' : 'false'}>
      {src && <Image src={src} width={72} height={72} style={{ objectFit: 'cover', borderRadius: 4 }} alt="" />}
      {!photo.fileId && (
        <CloudUploadOutlined title={t('inspect.photoPending')} style={{ position: 'absolute', left: 4, bottom: 4, color: '#fff', textShadow: '0 0 3px #000' }} />
      )}
      {onRemove && (
        <CloseCircleFilled
          role="button"
          aria-label={t('inspect.removePhoto')}
          onClick={onRemove}
          style={{ position: 'absolute', right: -6, top: -6, fontSize: 18, color: '#d9363e', background: '#fff', borderRadius: '50%' }}
        />
      )}
    </div>
  );
}
