import { App, Button, Flex, Form, Input, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAllOrganisations } from '../../api/organisations';
import { useCreateWebhook, type CreateWebhookBody, type WebhookWithSecret } from '../../api/webhooks';
import { FormErrorAlert } from '../../components/FormErrorAlert';
import { withoutBlanks } from '../../components/serverErrors';
import { useServerErrors } from '../../components/useServerErrors';

const fields = [
  'url',
  'description',
  'eventTypes',
  'organisationId',
  'active',
  'secret',
] as const satisfies readonly (keyof CreateWebhookBody)[];

/** Event patterns to pick from; any other `type`, `prefix.*` or `*` may be typed. */
export const eventPatternSuggestions = [
  '*',
  'hazard.*',
  'notice.*',
  'case.*',
  'alarm.*',
  'subject.*',
  'risk_point.*',
  'inspection.*',
  'public_report.*',
] as const;

/** Registers an endpoint; without a secret the server makes one. The answer's secret is shown once (by the caller). */
export function CreateWebhookForm({
  onCreated,
  onCancel,
}: {
  onCreated: (created: WebhookWithSecret) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateWebhookBody>();
  const create = useCreateWebhook();
  const organisations = useAllOrganisations();
  const errors = useServerErrors(form, fields);
  const submit = (values: CreateWebhookBody) => {
    errors.clear();
    create.mutate(withoutBlanks(values), {
      onSuccess: (created) => {
        void message.success(t('webhook.created'));
        onCreated(created);
      },
      onError: errors.report,
    });
  };
  return (
    <Form<CreateWebhookBody>
      form={form}
      layout="vertical"
      onFinish={submit}
      initialValues={{ active: true, eventTypes: ['hazard.*'] }}
    >
      <FormErrorAlert error={errors.error} unplaced={errors.unplaced} />
      <Form.Item name="url" label={t('webhook.url')} rules={[{ required: true }]} extra={t('webhook.urlHint')}>
        <Input placeholder="https://" maxLength={2000} />
      </Form.Item>
      <Form.Item name="description" label={t('webhook.description')}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item
        name="eventTypes"
        label={t('webhook.eventTypes')}
        rules={[{ required: true }]}
        extra={t('webhook.eventTypesHint')}
      >
        <Select mode="tags" options={eventPatternSuggestions.map((p) => ({ value: p, label: p }))} />
      </Form.Item>
      <Form.Item name="organisationId" label={t('webhook.organisation')} extra={t('webhook.organisationHint')}>
        <Select
          allowClear
          loading={organisations.isPending}
          showSearch={{ optionFilterProp: 'label' }}
          options={(organisations.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
        />
      </Form.Item>
      <Form.Item name="secret" label={t('webhook.secret')} extra={t('webhook.secretHint')}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item name="active" label={t('webhook.active')} valuePropName="checked">
        <Switch />
      </Form.Item>
      <Flex justify="flex-end" gap={8}>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={create.isPending}>
          {t('common.save')}
        </Button>
      </Flex>
    </Form>
  );
}
