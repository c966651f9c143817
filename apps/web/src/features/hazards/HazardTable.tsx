import type { Hazard } from '@anlan/contracts';
import { Table, Typography, type TableColumnsType, type TablePaginationConfig } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatMinute } from '../../i18n/format';
import { EscalationTag, LevelTag, OverdueFlag, RiskTag, StatusTag } from './HazardTags';

interface Props {
  hazards: readonly Hazard[] | undefined;
  loading?: boolean;
  pagination?: TablePaginationConfig | false;
  /** Fewer columns for lists inside cards (dashboard, portal). */
  compact?: boolean;
}

/** Hazards as ledger rows; the code opens the hazard page. */
export function HazardTable({ hazards, loading, pagination = false, compact = false }: Props) {
  const { t } = useTranslation();
  const empty = t('common.empty');
  const columns: TableColumnsType<Hazard> = [
    { key: 'code', title: t('hazard.code'), render: (_, h) => <Link to={`/hazards/${h.id}`}>{h.code}</Link>, fixed: 'left' },
    {
      key: 'subject',
      title: t('hazard.subject'),
      render: (_, h) => (
        <>
          <div>{h.subjectName}</div>
          {!compact && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t(`subjectType.${h.subjectType}`)}</Typography.Text>}
        </>
      ),
    },
    {
      key: 'description',
      title: t('hazard.description'),
      render: (_, h) => (
        <Typography.Paragraph ellipsis={{ rows: 2, tooltip: h.description }} style={{ marginBottom: 0, maxWidth: 320 }}>
          <Typography.Text type="secondary">[{h.category}]</Typography.Text> {h.description}
        </Typography.Paragraph>
      ),
    },
    { key: 'level', title: t('hazard.level'), render: (_, h) => <LevelTag level={h.level} /> },
    ...(compact ? [] : [{ key: 'risk', title: t('hazard.riskColour'), render: (_: unknown, h: Hazard) => <RiskTag colour={h.riskColour} /> }]),
    {
      key: 'status',
      title: t('hazard.status'),
      render: (_, h) => (
        <>
          <StatusTag status={h.status} />
          <EscalationTag level={h.escalation} />
        </>
      ),
    },
    {
      key: 'deadline',
      title: t('hazard.deadline'),
      render: (_, h) => (
        <>
          <span style={{ whiteSpace: 'nowrap' }}>{h.deadline ? formatMinute(h.deadline) : empty}</span> <OverdueFlag overdue={h.overdue} />
        </>
      ),
    },
    ...(compact
      ? []
      : [
          { key: 'foundAt', title: t('hazard.foundAt'), render: (_: unknown, h: Hazard) => <span style={{ whiteSpace: 'nowrap' }}>{formatMinute(h.foundAt)}</span> },
          { key: 'closedAt', title: t('hazard.closedAt'), render: (_: unknown, h: Hazard) => (h.closedAt ? formatMinute(h.closedAt) : empty) },
        ]),
  ];
  return (
    <Table<Hazard>
      rowKey="id"
      size={compact ? 'small' : 'middle'}
      columns={columns}
      dataSource={hazards ? [...hazards] : undefined}
      loading={loading}
      pagination={pagination}
      scroll={{ x: 'max-content' }}
    />
  );
}
