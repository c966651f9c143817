import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, List, Popconfirm, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatMinute } from '../../i18n/format';
import type { Draft } from './draftTypes';
import { useDraftStore, useDrafts } from './useDrafts';

const stateColour: Record<Draft['state'], string> = { editing: 'default', queued: 'warning', sent: 'success' };

/** The inspector's drafts on this phone: resume one, or start a new inspection. */
export function DraftList({ onOpen, onNew }: { onOpen: (id: string) => void; onNew: () => void }) {
  const { t } = useTranslation();
  const store = useDraftStore();
  const drafts = useDrafts();
  return (
    <Flex vertical gap={12}>
      <Button type="primary" size="large" block icon={<PlusOutlined />} onClick={onNew} data-testid="new-inspection">
        {t('inspect.new')}
      </Button>
      <Card size="small" title={t('inspect.drafts')}>
        {drafts.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('inspect.noDrafts')} />
        ) : (
          <List
            dataSource={drafts}
            renderItem={(d) => (
              <List.Item
                key={d.id}
                actions={[
                  <Popconfirm key="delete" title={t('inspect.deleteConfirm')} onConfirm={() => store.remove(d.id)}>
                    <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('inspect.delete')} />
                  </Popconfirm>,
                ]}
              >
                <List.Item.Meta
                  title={<Typography.Link onClick={() => onOpen(d.id)}>{d.subjectName ?? t('inspect.untitled')}</Typography.Link>}
                  description={
                    <>
                      <Tag color={stateColour[d.state]}>{t(`inspect.state.${d.state}`)}</Tag>
                      {formatMinute(d.updatedAt)}
                    </>
                  }
                />
              </List.Item>
            )}
          />
        )}
      </Card>
    </Flex>
  );
}
