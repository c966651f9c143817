import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** The signing secret, shown this once: the server keeps it but never shows it again. */
export function SecretOnce({ secret }: { secret: string }) {
  const { t } = useTranslation();
  return (
    <>
      <Alert type="warning" showIcon title={t('webhook.secretOnce')} style={{ marginBottom: 12 }} />
      <Typography.Paragraph
        copyable={{ text: secret }}
        code
        style={{ wordBreak: 'break-all' }}
        data-testid="webhook-secret"
      >
        {secret}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('webhook.signatureHint')}</Typography.Paragraph>
    </>
  );
}
