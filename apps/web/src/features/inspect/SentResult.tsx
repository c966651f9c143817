import { Button, Card, Flex, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Draft } from './draftTypes';

/** The inspection is on the server: the hazards it raised open in the console (to issue notices). */
export function SentResult({ draft, onNew }: { draft: Draft; onNew: () => void }) {
  const { t } = useTranslation();
  const hazardIds = draft.result?.hazardIds ?? [];
  return (
    <Card>
      <Result
        status="success"
        title={t('inspect.sent')}
        subTitle={hazardIds.length ? t('inspect.sentHazards', { count: hazardIds.length }) : t('inspect.sentNoHazards')}
        extra={
          <Flex vertical gap={8} align="center">
            {hazardIds.map((id, i) => (
              <Link key={id} to={`/hazards/${id}`} data-testid="raised-hazard">
                {t('inspect.openHazard', { n: i + 1 })}
              </Link>
            ))}
            <Button type="primary" onClick={onNew}>
              {t('inspect.new')}
            </Button>
          </Flex>
        }
      />
    </Card>
  );
}
