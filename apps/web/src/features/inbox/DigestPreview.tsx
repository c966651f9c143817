import { Alert, Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDigestPreview } from '../../api/notifications';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLocalised } from '../risk/localised';
import { DigestView } from './DigestView';

/** What my daily digest would say now; nothing is sent or used up by looking. */
export function DigestPreview() {
  const { t } = useTranslation();
  const text = useLocalised();
  const preview = useDigestPreview(true);
  if (preview.isError) return <ErrorAlert error={preview.error} onRetry={() => void preview.refetch()} />;
  const data = preview.data;
  return (
    <Card title={data ? text(data.digest.title) : t('inbox.preview')} loading={preview.isPending}>
      {data && (
        <>
          <Alert
            type={data.wouldSend ? 'info' : 'warning'}
            showIcon
            title={data.wouldSend ? t('inbox.wouldSend') : t('inbox.wouldNotSend')}
            style={{ marginBottom: 16 }}
          />
          <Typography.Paragraph type="secondary">
            {t('inbox.previewCounts', { ...data.digest.counts })}
          </Typography.Paragraph>
          <DigestView digest={data.digest} />
        </>
      )}
    </Card>
  );
}
