import { BellOutlined } from '@ant-design/icons';
import { Badge, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useUnreadCount } from '../../api/notifications';
import { primaryColour, riskColours } from '../../theme';

/** The header's bell: unread notifications (red when any is urgent), polled once a minute; opens the inbox. */
export function NotificationBell() {
  const { t } = useTranslation();
  const count = useUnreadCount();
  const unread = count.data?.unread ?? 0;
  const urgent = count.data?.urgent ?? 0;
  const label = urgent > 0 ? t('inbox.bellUrgent', { count: unread, urgent }) : t('inbox.bell', { count: unread });
  return (
    <Link
      to="/inbox"
      aria-label={label}
      title={label}
      data-testid="notification-bell"
      data-unread={unread}
      data-urgent={urgent}
    >
      <Badge count={unread} overflowCount={99} size="small" color={urgent > 0 ? riskColours.major : primaryColour}>
        <Button type="text" shape="circle" icon={<BellOutlined style={{ fontSize: 18 }} />} tabIndex={-1} />
      </Badge>
    </Link>
  );
}
