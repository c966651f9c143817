import { Card, Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatInstant } from '../../i18n/format';
import { useCurrentUser } from '../auth/CurrentUser';

/** The signed-in user's own account. */
export function ProfileCard() {
  const { t } = useTranslation();
  const { user } = useCurrentUser();
  return (
    <Card title={t('overview.profile')}>
      <Descriptions
        column={1}
        size="small"
        items={[
          { key: 'displayName', label: t('user.displayName'), children: user.displayName },
          { key: 'username', label: t('user.username'), children: user.username },
          { key: 'role', label: t('user.role'), children: t(`role.${user.role}`) },
          { key: 'phone', label: t('user.phone'), children: user.phone ?? t('common.empty') },
          { key: 'locale', label: t('user.locale'), children: t(`language.${user.locale}`) },
          { key: 'createdAt', label: t('user.createdAt'), children: formatInstant(user.createdAt) },
        ]}
      />
    </Card>
  );
}
