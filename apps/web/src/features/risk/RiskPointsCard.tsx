import { PlusOutlined } from '@ant-design/icons';
import type { RiskPoint } from '@anlan/contracts';
import { Button, Card, Collapse, Descriptions, Empty, Flex, List, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRiskPoint } from '../../api/risk';
import { useCurrentUser } from '../auth/CurrentUser';
import { AssessmentForm } from './AssessmentForm';
import { AssessmentLine } from './AssessmentLine';
import { RiskPointForm } from './RiskPointForm';
import { canAssess } from './permissions';

/**
 * The subject's risk points (风险点), each with its grading in force, its history and an assessment form; those who
 * grade also identify new points (风险辨识) and edit them. A new point goes on to its first assessment.
 */
export function RiskPointsCard({ subjectId, points }: { subjectId: string; points: readonly RiskPoint[] }) {
  const { t } = useTranslation();
  const { user } = useCurrentUser();
  const [assessing, setAssessing] = useState<RiskPoint | null>(null);
  // null: closed; 'new': identifying a point; a point: editing it.
  const [editing, setEditing] = useState<RiskPoint | 'new' | null>(null);
  const writer = canAssess(user.role);
  const add = writer && (
    <Button size="small" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-action="add-risk-point">
      {t('risk.points.create')}
    </Button>
  );
  return (
    <Card title={t('risk.points.title')} extra={add} data-testid="risk-points">
      {points.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('risk.points.none')} />
      ) : (
        <List
          dataSource={[...points]}
          renderItem={(p) => (
            <List.Item key={p.id} id={`risk-point-${p.id}`} data-testid="risk-point" style={{ display: 'block' }}>
              <Flex justify="space-between" align="center" wrap gap={8}>
                <Typography.Text strong style={{ fontSize: 15 }}>
                  {p.name}
                </Typography.Text>
                {writer && p.active && (
                  <Flex gap={8}>
                    <Button size="small" onClick={() => setEditing(p)} data-action="edit-risk-point">
                      {t('risk.points.edit')}
                    </Button>
                    <Button size="small" type="primary" ghost onClick={() => setAssessing(p)} data-action="assess">
                      {t('risk.assess.open')}
                    </Button>
                  </Flex>
                )}
              </Flex>
              <div style={{ margin: '6px 0' }}>
                {p.current ? (
                  <AssessmentLine a={p.current} />
                ) : (
                  <Typography.Text type="secondary">{t('risk.points.notAssessed')}</Typography.Text>
                )}
              </div>
              <Descriptions size="small" column={{ xs: 1, lg: 2 }}>
                {p.location && <Descriptions.Item label={t('risk.points.location')}>{p.location}</Descriptions.Item>}
                {p.responsiblePerson && (
                  <Descriptions.Item label={t('risk.points.responsible')}>{p.responsiblePerson}</Descriptions.Item>
                )}
                <Descriptions.Item label={t('risk.points.hazardFactors')}>
                  {p.hazardFactors.join('、')}
                </Descriptions.Item>
                <Descriptions.Item label={t('risk.points.controls')}>
                  {p.controls.length ? p.controls.join('、') : t('common.empty')}
                </Descriptions.Item>
              </Descriptions>
              <Collapse
                ghost
                size="small"
                items={[{ key: 'history', label: t('risk.points.history'), children: <PointHistory id={p.id} /> }]}
              />
            </List.Item>
          )}
        />
      )}
      <Modal
        open={assessing !== null}
        title={assessing ? t('risk.assess.title', { name: assessing.name }) : ''}
        width={600}
        footer={null}
        destroyOnHidden
        onCancel={() => setAssessing(null)}
      >
        {assessing && <AssessmentForm point={assessing} onDone={() => setAssessing(null)} />}
      </Modal>
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('risk.points.create') : editing ? t('risk.points.editTitle', { name: editing.name }) : ''}
        width={600}
        footer={null}
        destroyOnHidden
        onCancel={() => setEditing(null)}
      >
        {editing !== null && (
          <RiskPointForm
            subjectId={subjectId}
            point={editing === 'new' ? undefined : editing}
            onDone={(saved) => {
              setEditing(null);
              if (editing === 'new') setAssessing(saved);
            }}
          />
        )}
      </Modal>
    </Card>
  );
}

/** Every assessment of a point, newest first, fetched when opened. */
function PointHistory({ id }: { id: string }) {
  const { t } = useTranslation();
  const point = useRiskPoint(id);
  if (point.isPending) return <Typography.Text type="secondary">{t('common.loading')}</Typography.Text>;
  const history = point.data?.history ?? [];
  if (history.length === 0) return <Typography.Text type="secondary">{t('risk.points.noHistory')}</Typography.Text>;
  return (
    <Flex vertical gap={6}>
      {history.map((a) => (
        <AssessmentLine key={a.id} a={a} />
      ))}
    </Flex>
  );
}
