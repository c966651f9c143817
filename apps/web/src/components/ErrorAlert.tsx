import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';

interface Props {
  error: Error;
  onRetry?: () => void;
}

/** Shows a failed request: the server's own message (already localised) and its request id. */
export function ErrorAlert({ error, onRetry }: Props) {
  const { t } = useTranslation();
  const requestId = error instanceof ApiError ? error.requestId : undefined;
  const message = error instanceof ApiError ? error.message : t('error.crash');
  return (
    <Alert
      type="error"
      showIcon
      title={message}
      description={requestId ? t('error.requestId', { id: requestId }) : undefined}
      action={onRetry ? <Button size="small" onClick={onRetry}>{t('common.retry')}</Button> : undefined}
      style={{ marginBottom: 16 }}
    />
  );
}
