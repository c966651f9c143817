import { CheckOutlined, CloudSyncOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Draft } from './draftTypes';

interface Props {
  draft: Draft;
  answered: number;
  total: number;
  failed: number;
  sending: boolean;
  onAllPass: () => void;
  onSubmit: () => void;
}

/** Progress of the checklist, the send state of the draft and the submit button; sticks to the bottom. */
export function SubmitBar({ draft, answered, total, failed, sending, onAllPass, onSubmit }: Props) {
  const { t } = useTranslation();
  const queued = draft.state === 'queued';
  return (
    <Card size="small" style={{ position: 'sticky', bottom: 0, zIndex: 2, boxShadow: '0 -2px 8px rgba(0,0,0,0.08)' }}>
      <Flex vertical gap={8}>
        {queued && <Alert type="warning" showIcon icon={<CloudSyncOutlined />} title={t('inspect.queued')} description={draft.lastError} />}
        {!queued && draft.lastError && <Alert type="error" showIcon title={draft.lastError} data-testid="draft-error" />}
        <Flex justify="space-between" align="center" gap={8}>
          <Typography.Text>
            {t('inspect.progress', { answered, total })}
            {failed > 0 && <Typography.Text type="danger">{t('inspect.failedCount', { count: failed })}</Typography.Text>}
          </Typography.Text>
          {!queued && answered < total && total > 0 && (
            <Button icon={<CheckOutlined />} onClick={onAllPass}>
              {t('inspect.restPass')}
            </Button>
          )}
        </Flex>
        <Button type="primary" size="large" block icon={<SendOutlined />} loading={sending} onClick={onSubmit} data-testid="submit-inspection">
          {queued ? t('inspect.retryNow') : t('inspect.submit')}
        </Button>
      </Flex>
    </Card>
  );
}
