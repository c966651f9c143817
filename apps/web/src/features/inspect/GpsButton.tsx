import { AimOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Draft } from './draftTypes';
import { useDraftEditor } from './useDraftEditor';

/** Records where the inspection took place (optional: the subject's address stands in without it). */
export function GpsButton({ draft, disabled }: { draft: Draft; disabled: boolean }) {
  const { t } = useTranslation();
  const edit = useDraftEditor(draft.id);
  const [state, setState] = useState<'idle' | 'locating' | 'failed'>('idle');
  const locate = () => {
    if (!('geolocation' in navigator)) return setState('failed');
    setState('locating');
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        edit.set({ lat: pos.coords.latitude, lon: pos.coords.longitude, accuracy: pos.coords.accuracy });
        setState('idle');
      },
      () => setState('failed'),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  };
  return (
    <Flex align="center" gap={8} wrap>
      <Button icon={<AimOutlined />} loading={state === 'locating'} disabled={disabled} onClick={locate}>
        {draft.lat === undefined ? t('inspect.gps') : t('inspect.gpsAgain')}
      </Button>
      {draft.lat !== undefined && draft.lon !== undefined && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('inspect.gpsAt', { lat: draft.lat.toFixed(5), lon: draft.lon.toFixed(5), accuracy: Math.round(draft.accuracy ?? 0) })}
        </Typography.Text>
      )}
      {state === 'failed' && <Typography.Text type="warning" style={{ fontSize: 12 }}>{t('inspect.gpsFailed')}</Typography.Text>}
    </Flex>
  );
}
