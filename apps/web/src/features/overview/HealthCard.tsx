import { Badge, Card, Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import { useHealth } from '../../api/system';
import { ErrorAlert } from '../../components/ErrorAlert';

/** Is the server well, which database engine it runs on, and which version. */
export function HealthCard() {
  const { t } = useTranslation();
  const health = useHealth();
  return (
    <Card title={t('overview.health')} loading={health.isPending}>
      {health.isError && <ErrorAlert error={health.error} onRetry={() => void health.refetch()} />}
      {health.data && (
        <Descriptions
          column={1}
          size="small"
          items={[
            {
              key: 'status',
              label: t('overview.status'),
              children:
                health.data.status === 'ok' ? (
                  <Badge status="success" text={t('overview.statusOk')} />
                ) : (
                  <Badge status="warning" text={t('overview.statusDegraded')} />
                ),
            },
            { key: 'database', label: t('overview.database'), children: t(`database.${health.data.database}`) },
            { key: 'version', label: t('overview.version'), children: health.data.version },
          ]}
        />
      )}
    </Card>
  );
}
