import { Button, Flex } from 'antd';
import { useTranslation } from 'react-i18next';

/** 取消 and the confirming button at the foot of an action's form. */
export function FormButtons({ label, pending, onCancel, danger }: { label: string; pending: boolean; onCancel: () => void; danger?: boolean }) {
  const { t } = useTranslation();
  return (
    <Flex justify="flex-end" gap={8}>
      <Button onClick={onCancel}>{t('common.cancel')}</Button>
      <Button type="primary" danger={danger} htmlType="submit" loading={pending} data-testid="action-confirm">
        {label}
      </Button>
    </Flex>
  );
}
