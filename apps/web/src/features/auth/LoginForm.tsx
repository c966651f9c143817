import type { LoginRequest } from '@anlan/contracts';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useLogin } from '../../api/auth';

/**
 * Username and password; the server's message (e.g. 用户名或密码错误) is shown as is. On success the
 * session query holds the user, and the login page moves on by itself.
 */
export function LoginForm() {
  const { t } = useTranslation();
  const login = useLogin();
  const failure = login.error instanceof ApiError ? login.error.message : login.error ? t('error.crash') : null;
  return (
    <Form<LoginRequest>
      layout="vertical"
      size="large"
      requiredMark={false}
      onFinish={(values) => login.mutate(values)}
      onValuesChange={() => login.reset()}
    >
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} role="alert" />}
      <Form.Item name="username" label={t('auth.username')} rules={[{ required: true, message: t('auth.usernameRequired') }]}>
        <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
      </Form.Item>
      <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('auth.passwordRequired') }]}>
        <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={login.isPending}>
        {t('auth.login')}
      </Button>
    </Form>
  );
}
