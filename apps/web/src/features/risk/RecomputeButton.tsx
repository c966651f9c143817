import { SyncOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRecompute } from '../../api/risk';
import { ApiError } from '../../api/client';

/** Recompute every level now (admin); the job runs every 10 minutes anyway. */
export function RecomputeButton() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const recompute = useRecompute();
  const run = () =>
    recompute.mutate(undefined, {
      onSuccess: (r) =>
        void message.success(t('risk.recomputed', { subjects: r.subjects, changed: r.changed, ms: r.durationMs })),
      onError: (e) => void message.error(e instanceof ApiError ? e.message : t('error.crash')),
    });
  return (
    <Button icon={<SyncOutlined />} loading={recompute.isPending} onClick={run}>
      {t('risk.recompute')}
    </Button>
  );
}
