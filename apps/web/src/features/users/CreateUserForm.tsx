import type { CreateUser } from '@anlan/contracts';
import { App, Button, Flex, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCreateUser } from '../../api/users';
import { FormErrorAlert } from '../../components/FormErrorAlert';
import { withoutBlanks } from '../../components/serverErrors';
import { useServerErrors } from '../../components/useServerErrors';
import { UserFormFields } from './UserFormFields';

const fields = [
  'username',
  'displayName',
  'role',
  'organisationId',
  'password',
  'phone',
  'locale',
] as const satisfies readonly (keyof CreateUser)[];

/** 新建用户 (admin). Field errors come from the server's validation, placed on the fields. */
export function CreateUserForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateUser>();
  const create = useCreateUser();
  const errors = useServerErrors(form, fields);
  const submit = (values: CreateUser) => {
    errors.clear();
    create.mutate(withoutBlanks(values), {
      onSuccess: (user) => {
        void message.success(t('user.created', { name: user.displayName }));
        onDone();
      },
      onError: errors.report,
    });
  };
  return (
    <Form<CreateUser> form={form} layout="vertical" onFinish={submit} initialValues={{ role: 'inspector', locale: 'zh-CN' }}>
      <FormErrorAlert error={errors.error} unplaced={errors.unplaced} />
      <UserFormFields />
      <Flex justify="flex-end" gap={8}>
        <Button onClick={onDone}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={create.isPending}>
          {t('common.save')}
        </Button>
      </Flex>
    </Form>
  );
}
