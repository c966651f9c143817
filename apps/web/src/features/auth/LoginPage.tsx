import { Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router';
import { useMe } from '../../api/auth';
import { FullPageSpinner } from '../../components/FullPageSpinner';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { navy, primaryColour } from '../../theme';
import { LoginForm } from './LoginForm';
import { safeNext } from './safeNext';

const backdrop = `linear-gradient(135deg, ${navy} 0%, ${primaryColour} 100%)`;

/** 安澜 · 重大隐患风险提级管控系统 — sign in. */
export function LoginPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const me = useMe();
  const next = safeNext(params.get('next'));
  if (me.isPending) return <FullPageSpinner fill />;
  if (me.data) return <Navigate to={next} replace />;
  return (
    <Flex vertical align="center" justify="center" style={{ minHeight: '100vh', background: backdrop, padding: 16 }}>
      <div style={{ position: 'absolute', top: 16, right: 24 }}>
        <LanguageSwitch />
      </div>
      <Typography.Title level={1} style={{ color: '#fff', marginBottom: 4, letterSpacing: 4 }}>
        {t('app.name')}
      </Typography.Title>
      <Typography.Title level={4} style={{ color: '#fff', marginTop: 0, fontWeight: 400 }}>
        {t('app.fullName')}
      </Typography.Title>
      <Card title={t('auth.title')} style={{ width: '100%', maxWidth: 400, marginTop: 16 }}>
        <LoginForm />
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }}>
          {t('auth.notice')}
        </Typography.Paragraph>
      </Card>
      <Typography.Text style={{ color: 'rgba(255,255,255,0.65)', marginTop: 24, fontSize: 12 }}>
        {t('app.district')}
      </Typography.Text>
    </Flex>
  );
}
