import type { HazardDetail } from '@anlan/contracts';
import { Checkbox, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLedger } from '../../../api/hazards';
import { LevelTag } from '../../hazards/HazardTags';

interface Props {
  hazard: HazardDetail;
  value?: string[];
  onChange?: (ids: string[]) => void;
}

/** This hazard and the other hazards of its subject still awaiting a notice: one notice may cover them all. */
export function NoticeSiblings({ hazard, value = [hazard.id], onChange }: Props) {
  const { t } = useTranslation();
  const siblings = useLedger({ subjectId: hazard.subjectId, status: 'found' }, 200, 0);
  const others = (siblings.data?.items ?? []).filter((h) => h.id !== hazard.id);
  const rows = [hazard, ...others];
  return (
    <Checkbox.Group value={value} onChange={(ids) => onChange?.([hazard.id, ...ids.filter((id) => id !== hazard.id)])} style={{ width: '100%' }}>
      <Flex vertical gap={6} style={{ width: '100%' }}>
        {rows.map((h) => (
          <Checkbox key={h.id} value={h.id} disabled={h.id === hazard.id}>
            <LevelTag level={h.level} />
            <Typography.Text strong>{h.code}</Typography.Text> {h.description}
          </Checkbox>
        ))}
        {siblings.isSuccess && others.length === 0 && <Typography.Text type="secondary">{t('notice.noSiblings')}</Typography.Text>}
      </Flex>
    </Checkbox.Group>
  );
}
