import type { EnforcementCase, Notice } from '@anlan/contracts';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, ApiError } from '../../api/client';
import type { Target } from './links';

/** Goes to a notification's page; a notice or a case goes to its first hazard, where it is shown. */
export function useOpenTarget(): (target: Target) => Promise<void> {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  return async (target) => {
    if (target.kind === 'route') return navigate(target.to);
    if (target.kind === 'digest') return;
    try {
      const path = target.kind === 'notice' ? `/api/notices/${target.id}` : `/api/cases/${target.id}`;
      const record = await api<Notice | EnforcementCase>(path);
      const hazard = record.hazardIds[0];
      if (hazard) await navigate(`/hazards/${hazard}`);
      else void message.info(t('inbox.noPage'));
    } catch (error) {
      void message.error(error instanceof ApiError ? error.message : t('error.crash'));
    }
  };
}
