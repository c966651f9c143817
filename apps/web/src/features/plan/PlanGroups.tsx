import type { InspectionPlan } from '@anlan/contracts';
import { Card, Flex, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { riskColourHex, textOn } from '../../theme';

type Group = InspectionPlan['byDepartment'][number];

interface Props {
  title: string;
  groups: readonly Group[] | undefined;
  loading: boolean;
  selected: string | undefined;
  /** Chooses a group (again: every group); a group without an id (nobody suggested) cannot be chosen. */
  onSelect: (id: string | undefined) => void;
  testId: string;
}

/** Due subjects per department or per suggested inspector: how many, and how many of them red. */
export function PlanGroups({ title, groups, loading, selected, onSelect, testId }: Props) {
  const { t } = useTranslation();
  const red = riskColourHex.red;
  return (
    <Card title={title} size="small" loading={loading} data-testid={testId}>
      <List
        size="small"
        dataSource={[...(groups ?? [])]}
        locale={{ emptyText: t('inspectionPlan.nothingDue') }}
        renderItem={(g) => (
          <List.Item
            key={g.id ?? 'none'}
            onClick={g.id ? () => onSelect(selected === g.id ? undefined : g.id!) : undefined}
            style={{
              cursor: g.id ? 'pointer' : 'default',
              background: selected && selected === g.id ? '#e6f0ff' : undefined,
              paddingInline: 8,
            }}
          >
            <Typography.Text>{g.name ?? t('inspectionPlan.unassigned')}</Typography.Text>
            <Flex gap={4}>
              {g.red > 0 && (
                <Tag style={{ background: red, color: textOn(red), borderColor: red }}>
                  {t('inspectionPlan.redCount', { count: g.red })}
                </Tag>
              )}
              <Tag>{t('inspectionPlan.dueCount', { count: g.count })}</Tag>
            </Flex>
          </List.Item>
        )}
      />
    </Card>
  );
}
