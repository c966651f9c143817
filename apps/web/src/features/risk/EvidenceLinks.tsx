import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCurrentUser } from '../auth/CurrentUser';
import { evidenceHref, evidenceKind } from './evidence';

/** At most this many records are linked; the count says how many there are. */
const SHOWN = 5;

/** Links to the hazards, alarms or risk points behind a factor or a ladder reason. */
export function EvidenceLinks({ code, ids }: { code: string; ids: readonly string[] }) {
  const { t } = useTranslation();
  const { user } = useCurrentUser();
  const kind = evidenceKind(code);
  const links = ids.slice(0, SHOWN).flatMap((id, i) => {
    const href = evidenceHref(kind, id, user.role);
    if (!href) return [];
    const label = t(`risk.evidence.${kind}`, { n: i + 1 });
    return [
      href.startsWith('#') ? (
        <a key={id} href={href}>
          {label}
        </a>
      ) : (
        <Link key={id} to={href}>
          {label}
        </Link>
      ),
    ];
  });
  if (links.length === 0) return null;
  return (
    <Flex wrap gap={8} data-testid="evidence-links">
      {links}
      {ids.length > SHOWN && (
        <Typography.Text type="secondary">{t('risk.evidence.more', { count: ids.length - SHOWN })}</Typography.Text>
      )}
    </Flex>
  );
}
