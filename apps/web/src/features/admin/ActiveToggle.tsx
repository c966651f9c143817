import { App, Button, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSetGeoActive } from '../../api/geo';
import { ApiError } from '../../api/client';

interface Props {
  entity: 'zones' | 'routes';
  id: string;
  name: string;
  active: boolean;
}

/**
 * 停用 / 启用: the API deletes no zone or route (alarms and trips keep naming them); it takes one out of force
 * and puts it back.
 */
export function ActiveToggle({ entity, id, name, active }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const toggle = useSetGeoActive(entity);
  const run = () =>
    toggle.mutate(
      { id, active: !active },
      {
        onSuccess: () => void message.success(t(active ? 'geoAdmin.deactivated' : 'geoAdmin.reactivated', { name })),
        onError: (error) => void message.error(error instanceof ApiError ? error.message : t('error.crash')),
      },
    );
  if (!active)
    return (
      <Button size="small" loading={toggle.isPending} onClick={run}>
        {t('geoAdmin.reactivate')}
      </Button>
    );
  return (
    <Popconfirm title={t('geoAdmin.deactivateConfirm', { name })} description={t('geoAdmin.deactivateHint')} onConfirm={run}>
      <Button size="small" danger loading={toggle.isPending}>
        {t('geoAdmin.deactivate')}
      </Button>
    </Popconfirm>
  );
}
