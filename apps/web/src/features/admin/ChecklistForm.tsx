import { subjectTypes, type Checklist } from '@anlan/contracts';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Checkbox, Flex, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePublishChecklist, type ChecklistBody } from '../../api/checklists';
import { FormErrorAlert } from '../../components/FormErrorAlert';
import type { FieldPath } from './issuePaths';
import { useNestedServerErrors } from './useNestedServerErrors';

type Values = Required<Pick<ChecklistBody, 'code' | 'name' | 'subjectTypes' | 'items'>> & { catalogue?: string };
const top: readonly string[] = ['code', 'name', 'subjectTypes', 'catalogue', 'items'];
const itemFields: readonly string[] = [
  'category',
  'text',
  'clause',
  'major',
  'requiresPhotoOnFail',
  'requiresNoteOnFail',
];
const isField = (name: FieldPath) =>
  (name.length === 1 && top.includes(String(name[0]))) ||
  (name.length === 3 && name[0] === 'items' && typeof name[1] === 'number' && itemFields.includes(String(name[2])));

/** The form's starting values: a copy of the version in force (to publish its next version), or an empty checklist. */
function initialOf(base: Checklist | null): Values {
  if (!base)
    return {
      code: '',
      name: '',
      subjectTypes: [],
      items: [{ category: '', text: '', major: false, requiresPhotoOnFail: true, requiresNoteOnFail: true }],
    };
  return {
    code: base.code,
    name: base.name,
    subjectTypes: base.subjectTypes,
    catalogue: base.catalogue ?? undefined,
    items: base.items.map((i) => ({
      category: i.category,
      text: i.text,
      clause: i.clause ?? undefined,
      major: i.major,
      requiresPhotoOnFail: i.requiresPhotoOnFail,
      requiresNoteOnFail: i.requiresNoteOnFail,
    })),
  };
}

/**
 * Publishes a checklist. Under an existing code it becomes that checklist's next version; inspections already
 * recorded keep pointing at the version they were answered against.
 */
export function ChecklistForm({ base, onDone }: { base: Checklist | null; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const publish = usePublishChecklist();
  const errors = useNestedServerErrors(form, isField);
  const submit = (values: Values) => {
    errors.clear();
    const body: ChecklistBody = {
      ...values,
      catalogue: values.catalogue?.trim() || undefined,
      items: values.items.map((i) => ({ ...i, clause: i.clause?.trim() || undefined })),
    };
    publish.mutate(body, {
      onSuccess: (c) => {
        void message.success(t('checklistAdmin.published', { name: c.name, version: c.version }));
        onDone();
      },
      onError: errors.report,
    });
  };
  return (
    <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={initialOf(base)}>
      <FormErrorAlert error={errors.error} unplaced={errors.unplaced} />
      <Flex gap={12} wrap>
        <Form.Item
          name="code"
          label={t('checklistAdmin.code')}
          rules={[{ required: true }]}
          extra={base ? t('checklistAdmin.codeKept') : t('checklistAdmin.codeHint')}
          style={{ minWidth: 220 }}
        >
          <Input disabled={base !== null} style={{ fontFamily: 'monospace' }} />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('checklistAdmin.name')}
          rules={[{ required: true }]}
          style={{ flex: 1, minWidth: 260 }}
        >
          <Input maxLength={100} />
        </Form.Item>
      </Flex>
      <Form.Item name="subjectTypes" label={t('checklistAdmin.subjectTypes')} rules={[{ required: true }]}>
        <Select mode="multiple" options={subjectTypes.map((v) => ({ value: v, label: t(`subjectType.${v}`) }))} />
      </Form.Item>
      <Form.Item name="catalogue" label={t('checklistAdmin.catalogue')}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.List name="items">
        {(rows, { add, remove }) => (
          <Flex vertical gap={8}>
            {rows.map((row, index) => (
              <Card
                key={row.key}
                size="small"
                title={t('checklistAdmin.item', { n: index + 1 })}
                extra={
                  <Button
                    size="small"
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    onClick={() => remove(row.name)}
                    aria-label={t('checklistAdmin.removeItem')}
                  />
                }
              >
                <Flex gap={8} wrap>
                  <Form.Item
                    name={[row.name, 'category']}
                    label={t('checklistAdmin.category')}
                    rules={[{ required: true }]}
                    style={{ width: 160, marginBottom: 8 }}
                  >
                    <Input maxLength={50} />
                  </Form.Item>
                  <Form.Item
                    name={[row.name, 'text']}
                    label={t('checklistAdmin.text')}
                    rules={[{ required: true }]}
                    style={{ flex: 1, minWidth: 280, marginBottom: 8 }}
                  >
                    <Input.TextArea autoSize maxLength={500} />
                  </Form.Item>
                  <Form.Item
                    name={[row.name, 'clause']}
                    label={t('checklistAdmin.clause')}
                    style={{ width: 220, marginBottom: 8 }}
                  >
                    <Input maxLength={200} />
                  </Form.Item>
                </Flex>
                <Flex gap={16} wrap>
                  <Form.Item name={[row.name, 'major']} valuePropName="checked" noStyle>
                    <Checkbox>{t('checklistAdmin.major')}</Checkbox>
                  </Form.Item>
                  <Form.Item name={[row.name, 'requiresPhotoOnFail']} valuePropName="checked" noStyle>
                    <Checkbox>{t('checklistAdmin.photoOnFail')}</Checkbox>
                  </Form.Item>
                  <Form.Item name={[row.name, 'requiresNoteOnFail']} valuePropName="checked" noStyle>
                    <Checkbox>{t('checklistAdmin.noteOnFail')}</Checkbox>
                  </Form.Item>
                </Flex>
              </Card>
            ))}
            <Button
              icon={<PlusOutlined />}
              onClick={() =>
                add({ category: '', text: '', major: false, requiresPhotoOnFail: true, requiresNoteOnFail: true })
              }
            >
              {t('checklistAdmin.addItem')}
            </Button>
          </Flex>
        )}
      </Form.List>
      <Flex justify="flex-end" gap={8} style={{ marginTop: 16 }}>
        <Button onClick={onDone}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={publish.isPending}>
          {base ? t('checklistAdmin.publishVersion', { version: base.version + 1 }) : t('checklistAdmin.publish')}
        </Button>
      </Flex>
    </Form>
  );
}
