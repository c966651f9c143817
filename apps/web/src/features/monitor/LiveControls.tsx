import { BellOutlined, ReloadOutlined, SoundOutlined } from '@ant-design/icons';
import { Badge, Button, Space, Switch, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LiveStatus } from '../../map/liveSocket';

interface Props {
  status: LiveStatus;
  freshCount: number;
  soundOn: boolean;
  onSound: (on: boolean) => void;
  onSeen: () => void;
}

const dot: Record<LiveStatus, 'success' | 'processing' | 'warning'> = { open: 'success', connecting: 'processing', reconnecting: 'warning' };

/** The queue's live state: connection, how many new alarms arrived, the bell switch, and read-again. */
export function LiveControls({ status, freshCount, soundOn, onSound, onSeen }: Props) {
  const { t } = useTranslation();
  return (
    <Space wrap>
      <Badge status={dot[status]} text={t(`alarms.live.${status}`)} data-testid="alarm-live-status" data-live={status} />
      <Badge count={freshCount} overflowCount={99} data-testid="alarm-new-count">
        <Button icon={<BellOutlined />} onClick={onSeen} disabled={freshCount === 0}>
          {t('alarms.newAlarms')}
        </Button>
      </Badge>
      <Tooltip title={t('alarms.soundHint')}>
        <Space size={4}>
          <SoundOutlined />
          <Switch size="small" checked={soundOn} onChange={onSound} aria-label={t('alarms.sound')} data-testid="alarm-sound" />
          <span>{t('alarms.sound')}</span>
        </Space>
      </Tooltip>
      <Button icon={<ReloadOutlined />} onClick={onSeen}>
        {t('common.refresh')}
      </Button>
    </Space>
  );
}
