import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** Full-area answers for a page the user may not open, or that does not exist. */
export function StatusResult({ kind }: { kind: 'forbidden' | 'notFound' }) {
  const { t } = useTranslation();
  return (
    <Result
      status={kind === 'forbidden' ? '403' : '404'}
      title={kind === 'forbidden' ? t('error.forbiddenTitle') : t('error.notFoundTitle')}
      subTitle={kind === 'forbidden' ? t('error.forbidden') : t('error.notFound')}
      extra={
        <Link to="/">
          <Button type="primary">{t('error.backHome')}</Button>
        </Link>
      }
    />
  );
}
