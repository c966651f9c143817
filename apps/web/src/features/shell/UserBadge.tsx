import { BankOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { primaryColour } from '../../theme';
import { useCurrentUser } from '../auth/CurrentUser';

/** Who is signed in: name, role and organisation. */
export function UserBadge({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const { user, organisation } = useCurrentUser();
  return (
    <Flex align="center" gap={8}>
      {organisation && !compact && (
        <Typography.Text type="secondary" ellipsis style={{ maxWidth: 240 }} title={organisation.name}>
          <BankOutlined /> {organisation.shortName ?? organisation.name}
        </Typography.Text>
      )}
      {!compact && <Avatar size="small" icon={<UserOutlined />} style={{ background: primaryColour }} />}
      <Typography.Text strong ellipsis style={{ maxWidth: compact ? 120 : undefined }}>
        {user.displayName}
      </Typography.Text>
      {!compact && <Tag>{t(`role.${user.role}`)}</Tag>}
    </Flex>
  );
}
