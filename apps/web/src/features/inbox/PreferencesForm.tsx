import {
  notificationCategories,
  notificationCategoryLabels,
  type NotificationCategory,
  type NotificationMode,
  type NotificationPreferences,
} from '@anlan/contracts';
import {
  App,
  Button,
  Card,
  Flex,
  Form,
  Radio,
  Switch,
  Table,
  Tag,
  Tooltip,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { usePreferences, useUpdatePreferences } from '../../api/notifications';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormErrorAlert } from '../../components/FormErrorAlert';
import type { FieldPath } from '../admin/issuePaths';
import { useNestedServerErrors } from '../admin/useNestedServerErrors';
import { useLocalised } from '../risk/localised';

interface Values {
  digestEnabled: boolean;
  categories: Partial<Record<NotificationCategory, NotificationMode>>;
}

const modes: readonly NotificationMode[] = ['immediate', 'digest', 'off'];
const isPreferenceField = (name: FieldPath) =>
  (name.length === 1 && name[0] === 'digestEnabled') ||
  (name.length === 2 && name[0] === 'categories' && (notificationCategories as readonly unknown[]).includes(name[1]));

/** Per category: at once, in the daily digest, or not at all; and the digest itself on or off. */
export function PreferencesForm() {
  const prefs = usePreferences();
  if (prefs.isError) return <ErrorAlert error={prefs.error} onRetry={() => void prefs.refetch()} />;
  if (!prefs.data) return <Card loading />;
  return <PreferencesEditor key={JSON.stringify(prefs.data)} prefs={prefs.data} />;
}

function PreferencesEditor({ prefs }: { prefs: NotificationPreferences }) {
  const { t } = useTranslation();
  const text = useLocalised();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const update = useUpdatePreferences();
  const errors = useNestedServerErrors(form, isPreferenceField);
  const initial: Values = {
    digestEnabled: prefs.digestEnabled,
    categories: Object.fromEntries(notificationCategories.map((c) => [c, prefs.categories[c]?.mode ?? 'digest'])),
  };
  const submit = (values: Values) => {
    errors.clear();
    // Locked categories are not the user's to change: the server refuses them, so they are not sent.
    const categories = Object.fromEntries(
      notificationCategories
        .filter((c) => !prefs.categories[c]?.locked && values.categories[c])
        .map((c) => [c, values.categories[c]]),
    );
    // Saved preferences re-key this editor: the answer is awaited here, not in mutate's callbacks (skipped once it is gone).
    void update
      .mutateAsync({ digestEnabled: values.digestEnabled, categories })
      .then(() => void message.success(t('inbox.prefs.saved')), errors.report);
  };
  const columns: TableColumnsType<NotificationCategory> = [
    {
      key: 'category',
      title: t('inbox.prefs.category'),
      render: (_, c) => (
        <Flex gap={6} align="center">
          {text(notificationCategoryLabels[c])}
          {prefs.categories[c]?.urgent && <Tag color="error">{t('inbox.urgent')}</Tag>}
        </Flex>
      ),
    },
    {
      key: 'mode',
      title: t('inbox.prefs.mode'),
      render: (_, c) => {
        const p = prefs.categories[c];
        const radios = (
          <Form.Item name={['categories', c]} noStyle>
            <Radio.Group disabled={p?.locked} options={modes.map((m) => ({ value: m, label: t(`inbox.mode.${m}`) }))} />
          </Form.Item>
        );
        return p?.locked ? <Tooltip title={t('inbox.prefs.locked')}>{radios}</Tooltip> : radios;
      },
    },
    {
      key: 'default',
      title: t('inbox.prefs.default'),
      render: (_, c) => t(`inbox.mode.${prefs.categories[c]?.defaultMode ?? 'digest'}`),
    },
  ];
  return (
    <Card title={t('inbox.prefs.title')}>
      <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={submit}>
        <FormErrorAlert error={errors.error} unplaced={errors.unplaced} />
        <Flex gap={12} align="center" style={{ marginBottom: 16 }}>
          <Form.Item name="digestEnabled" valuePropName="checked" noStyle>
            <Switch />
          </Form.Item>
          <Typography.Text>{t('inbox.prefs.digest', { time: prefs.digestTime })}</Typography.Text>
        </Flex>
        <Typography.Paragraph type="secondary">{t('inbox.prefs.hint')}</Typography.Paragraph>
        <Table<NotificationCategory>
          rowKey={(c) => c}
          size="small"
          columns={columns}
          dataSource={[...notificationCategories]}
          pagination={false}
          scroll={{ x: 'max-content' }}
        />
        <Flex justify="flex-end" style={{ marginTop: 16 }}>
          <Button type="primary" htmlType="submit" loading={update.isPending}>
            {t('common.save')}
          </Button>
        </Flex>
      </Form>
    </Card>
  );
}
