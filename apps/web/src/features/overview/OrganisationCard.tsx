import { Card, Descriptions, Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../auth/CurrentUser';

/** The organisation the signed-in user belongs to, if any. */
export function OrganisationCard() {
  const { t } = useTranslation();
  const { organisation } = useCurrentUser();
  return (
    <Card title={t('overview.organisation')}>
      {organisation ? (
        <Descriptions
          column={1}
          size="small"
          items={[
            { key: 'name', label: t('org.name'), children: organisation.name },
            { key: 'shortName', label: t('org.shortName'), children: organisation.shortName ?? t('common.empty') },
            { key: 'kind', label: t('org.kind'), children: t(`orgKind.${organisation.kind}`) },
            { key: 'creditCode', label: t('org.creditCode'), children: organisation.creditCode ?? t('common.empty') },
          ]}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('overview.noOrganisation')} />
      )}
    </Card>
  );
}
