import type { ChainVerification } from '@anlan/contracts';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useVerifyChain } from '../../api/events';
import { ErrorAlert } from '../../components/ErrorAlert';

function VerifyResult({ result }: { result: ChainVerification }) {
  const { t } = useTranslation();
  if (result.ok) return <Alert type="success" showIcon title={t('events.verifyOk', { checked: result.checked })} />;
  return (
    <Alert
      type="error"
      showIcon
      title={t('events.verifyBroken', { id: result.firstBrokenId ?? '?', checked: result.checked })}
      description={result.reason ? t('events.verifyReason', { reason: result.reason }) : undefined}
    />
  );
}

/** 校验哈希链 (admin, leader): recomputes every event's hash on the server and shows the verdict. */
export function VerifyChain() {
  const { t } = useTranslation();
  const verify = useVerifyChain();
  return (
    <>
      <Button icon={<SafetyCertificateOutlined />} loading={verify.isPending} onClick={() => verify.mutate()}>
        {t('events.verify')}
      </Button>
      {verify.data && (
        <div style={{ flexBasis: '100%' }}>
          <VerifyResult result={verify.data} />
        </div>
      )}
      {verify.error && (
        <div style={{ flexBasis: '100%' }}>
          <ErrorAlert error={verify.error} />
        </div>
      )}
    </>
  );
}
