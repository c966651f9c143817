import { locale, roles } from '@anlan/contracts';
import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAllOrganisations } from '../../api/organisations';

/** The inputs of 新建用户; names follow the `createUser` contract. */
export function UserFormFields() {
  const { t } = useTranslation();
  const organisations = useAllOrganisations();
  return (
    <>
      <Form.Item name="username" label={t('user.username')} extra={t('user.usernameHint')} rules={[{ required: true }]}>
        <Input maxLength={40} autoComplete="off" />
      </Form.Item>
      <Form.Item name="displayName" label={t('user.displayName')} rules={[{ required: true }]}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name="role" label={t('user.role')} rules={[{ required: true }]}>
        <Select options={roles.map((role) => ({ value: role, label: t(`role.${role}`) }))} />
      </Form.Item>
      <Form.Item name="organisationId" label={t('user.organisation')}>
        <Select
          allowClear
          loading={organisations.isPending}
          showSearch={{ optionFilterProp: 'label' }}
          options={(organisations.data ?? []).map((org) => ({ value: org.id, label: org.name }))}
        />
      </Form.Item>
      <Form.Item name="password" label={t('user.password')} extra={t('user.passwordHint')} rules={[{ required: true }]}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item name="phone" label={t('user.phone')}>
        <Input maxLength={20} />
      </Form.Item>
      <Form.Item name="locale" label={t('user.locale')}>
        <Select options={locale.options.map((value) => ({ value, label: t(`language.${value}`) }))} />
      </Form.Item>
    </>
  );
}
