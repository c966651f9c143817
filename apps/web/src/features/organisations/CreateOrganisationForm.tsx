import { organisationKinds, type CreateOrganisation } from '@anlan/contracts';
import { App, Button, Flex, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAllOrganisations, useCreateOrganisation } from '../../api/organisations';
import { FormErrorAlert } from '../../components/FormErrorAlert';
import { withoutBlanks } from '../../components/serverErrors';
import { useServerErrors } from '../../components/useServerErrors';

const fields = ['kind', 'name', 'shortName', 'creditCode', 'parentId'] as const satisfies readonly (keyof CreateOrganisation)[];

/** 新建单位 (admin). Field errors come from the server's validation, placed on the fields. */
export function CreateOrganisationForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateOrganisation>();
  const create = useCreateOrganisation();
  const parents = useAllOrganisations();
  const errors = useServerErrors(form, fields);
  const submit = (values: CreateOrganisation) => {
    errors.clear();
    create.mutate(withoutBlanks(values), {
      onSuccess: (org) => {
        void message.success(t('org.created', { name: org.name }));
        onDone();
      },
      onError: errors.report,
    });
  };
  return (
    <Form<CreateOrganisation> form={form} layout="vertical" onFinish={submit} initialValues={{ kind: 'enterprise' }}>
      <FormErrorAlert error={errors.error} unplaced={errors.unplaced} />
      <Form.Item name="kind" label={t('org.kind')} rules={[{ required: true }]}>
        <Select options={organisationKinds.map((kind) => ({ value: kind, label: t(`orgKind.${kind}`) }))} />
      </Form.Item>
      <Form.Item name="name" label={t('org.name')} rules={[{ required: true }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="shortName" label={t('org.shortName')}>
        <Input maxLength={30} />
      </Form.Item>
      <Form.Item name="creditCode" label={t('org.creditCode')} extra={t('org.creditCodeHint')}>
        <Input maxLength={18} style={{ fontFamily: 'monospace' }} />
      </Form.Item>
      <Form.Item name="parentId" label={t('org.parent')}>
        <Select
          allowClear
          loading={parents.isPending}
          showSearch={{ optionFilterProp: 'label' }}
          options={(parents.data ?? []).map((org) => ({ value: org.id, label: org.name }))}
        />
      </Form.Item>
      <Flex justify="flex-end" gap={8}>
        <Button onClick={onDone}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={create.isPending}>
          {t('common.save')}
        </Button>
      </Flex>
    </Form>
  );
}
