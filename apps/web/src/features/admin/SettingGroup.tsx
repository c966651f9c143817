import { Alert, Flex, Typography } from 'antd';
import { pathKey, type FieldPath } from './issuePaths';
import { useSettingEditing } from './settingContext';
import { SettingLeaf } from './SettingLeaf';
import { getIn, isLeaf, isRecord } from './settingsTree';
import { useFieldLabel } from './useFieldLabel';
import { useTranslation } from 'react-i18next';

/** An object of the setting: its inputs and its inner objects, indented under its name; a complaint about it on top. */
export function SettingGroup({ path, depth = 0 }: { path: FieldPath; depth?: number }) {
  const { t } = useTranslation();
  const label = useFieldLabel();
  const { draft, issues } = useSettingEditing();
  const value = getIn(draft, path);
  const key = pathKey(path);
  const messages = issues?.byGroup.get(key);
  const entries: [string | number, unknown][] = Array.isArray(value)
    ? value.map((v, i) => [i, v])
    : isRecord(value)
      ? Object.entries(value)
      : [];
  return (
    <Flex vertical gap={4} data-testid={`setting-group-${key}`}>
      {depth > 0 && (
        <Typography.Text strong style={{ marginTop: 4 }}>
          {label(path[path.length - 1] ?? '')}
        </Typography.Text>
      )}
      {messages && <Alert type="error" showIcon title={messages.join('; ')} />}
      {entries.length === 0 && <Typography.Text type="secondary">{t('settingsAdmin.emptyGroup')}</Typography.Text>}
      <div
        style={{
          paddingInlineStart: depth > 0 ? 16 : 0,
          borderInlineStart: depth > 0 ? '2px solid #eef1f5' : undefined,
        }}
      >
        {entries.map(([k, v]) =>
          isLeaf(v) ? (
            <SettingLeaf key={k} path={[...path, k]} />
          ) : (
            <SettingGroup key={k} path={[...path, k]} depth={depth + 1} />
          ),
        )}
      </div>
    </Flex>
  );
}
