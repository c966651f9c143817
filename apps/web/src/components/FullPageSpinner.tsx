import { Flex, Spin } from 'antd';
import { useTranslation } from 'react-i18next';

/** Centered spinner while a page or the session loads. */
export function FullPageSpinner({ fill = false }: { fill?: boolean }) {
  const { t } = useTranslation();
  return (
    <Flex align="center" justify="center" style={{ minHeight: fill ? '100vh' : 240 }}>
      <Spin size="large" description={t('common.loading')}>
        <div style={{ width: 120, height: 60 }} />
      </Spin>
    </Flex>
  );
}
