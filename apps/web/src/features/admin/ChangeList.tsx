import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Change } from './settingsTree';

/** Shown at most; the count says how many more. */
const SHOWN = 20;
const show = (v: unknown): string =>
  v === undefined ? '∅' : v === null ? '—' : typeof v === 'string' ? v : JSON.stringify(v);

/** What a save changes, field by field: before → after. */
export function ChangeList({ changes }: { changes: readonly Change[] }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={2} data-testid="setting-changes">
      {changes.slice(0, SHOWN).map((c) => (
        <Typography.Text key={c.path} style={{ fontSize: 13 }}>
          <Typography.Text code>{c.path}</Typography.Text> {show(c.before)} →{' '}
          <Typography.Text strong>{show(c.after)}</Typography.Text>
        </Typography.Text>
      ))}
      {changes.length > SHOWN && (
        <Typography.Text type="secondary">
          {t('settingsAdmin.moreChanges', { count: changes.length - SHOWN })}
        </Typography.Text>
      )}
    </Flex>
  );
}
