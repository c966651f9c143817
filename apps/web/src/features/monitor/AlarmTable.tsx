import { Table, Tag, Typography, type TableColumnsType, type TablePaginationConfig } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { formatInstant } from '../../i18n/format';
import { headlineFact } from './alarmFacts';
import { AlarmStatusTag, EscalatedFlag, SeverityTag } from './AlarmTags';
import { useAlarmLabels } from './labels';
import type { QueueRow } from './liveQueue';
import { useFactText } from './useFactText';

interface Props {
  rows: QueueRow[] | undefined;
  loading?: boolean;
  pagination?: TablePaginationConfig | false;
  /** Ids heard live since the user last looked: marked 新. */
  fresh?: ReadonlySet<string>;
  showCarrier?: boolean;
  onOpen: (id: string) => void;
  size?: 'small' | 'middle';
}

/** Alarm rows; a click opens the alarm's drawer. */
export function AlarmTable({ rows, loading, pagination = false, fresh, showCarrier = true, onOpen, size = 'middle' }: Props) {
  const { t } = useTranslation();
  const labels = useAlarmLabels();
  const facts = useFactText();
  const columns: TableColumnsType<QueueRow> = [
    { key: 'severity', title: t('alarms.severity'), render: (_, a) => <SeverityTag severity={a.severity} /> },
    {
      key: 'type',
      title: t('alarms.type'),
      render: (_, a) => {
        const fact = headlineFact(a.details);
        return (
          <>
            <Typography.Text strong>{labels.type(a.type, a.subtype)}</Typography.Text>
            {fresh?.has(a.id) && (
              <Tag color="red" style={{ marginInlineStart: 6 }} data-testid="alarm-new">
                {t('alarms.new')}
              </Tag>
            )}
            {fact && (
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {facts.label(fact)} {facts.value(fact)}
                </Typography.Text>
              </div>
            )}
          </>
        );
      },
    },
    { key: 'plate', title: t('alarms.plate'), render: (_, a) => <Typography.Link onClick={() => onOpen(a.id)}>{a.plate}</Typography.Link> },
    ...(showCarrier ? [{ key: 'carrier', title: t('alarms.carrier'), render: (_: unknown, a: QueueRow) => a.organisationName }] : []),
    { key: 'startedAt', title: t('alarms.startedAt'), render: (_, a) => <span style={{ whiteSpace: 'nowrap' }}>{formatInstant(a.startedAt)}</span> },
    {
      key: 'endedAt',
      title: t('alarms.endedAt'),
      render: (_, a) => (a.endedAt ? <span style={{ whiteSpace: 'nowrap' }}>{formatInstant(a.endedAt)}</span> : <Tag color="volcano">{t('alarms.ongoing')}</Tag>),
    },
    {
      key: 'status',
      title: t('alarms.status'),
      render: (_, a) => (
        <>
          <AlarmStatusTag status={a.status} />
          <EscalatedFlag at={a.escalatedAt} />
          {a.hazardId && <Tag color="purple">{t('alarms.hasHazard')}</Tag>}
        </>
      ),
    },
  ];
  return (
    <Table<QueueRow>
      rowKey="id"
      size={size}
      columns={columns}
      dataSource={rows}
      loading={loading}
      pagination={pagination}
      scroll={{ x: 'max-content' }}
      onRow={(a) => ({
        onClick: () => onOpen(a.id),
        style: { cursor: 'pointer', background: fresh?.has(a.id) ? '#fff1f0' : undefined },
        'data-alarm-id': a.id,
        'data-alarm-status': a.status,
      } as HTMLAttributes<HTMLElement>)}
    />
  );
}
