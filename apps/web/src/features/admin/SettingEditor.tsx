import type { Setting } from '@anlan/contracts';
import { SaveOutlined } from '@ant-design/icons';
import { App, Button, Collapse, Flex, Form, Segmented, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { usePutSetting } from '../../api/settings';
import { FormErrorAlert } from '../../components/FormErrorAlert';
import { formatMinute } from '../../i18n/format';
import { ChangeList } from './ChangeList';
import { issueFieldPath, pathKey, placeIssues, type FieldPath, type PlacedIssues } from './issuePaths';
import { SettingEditingContext, type SettingEditing } from './settingContext';
import { SettingGroup } from './SettingGroup';
import { SettingJson } from './SettingJson';
import { SettingLeaf } from './SettingLeaf';
import { changes, isLeaf, isRecord, leafPaths, setIn, type Json } from './settingsTree';
import { useFieldLabel } from './useFieldLabel';

/**
 * One setting as a form drawn from its current value: a panel per section, an input per number, text, switch or list.
 * Saving shows what changes and asks first; the server validates the whole value and a refused field is marked
 * with its message (nothing is saved then).
 */
export function SettingEditor({ setting }: { setting: Setting }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const label = useFieldLabel();
  const [draft, setDraft] = useState<Json>(setting.value as Json);
  const [issues, setIssues] = useState<PlacedIssues | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [view, setView] = useState<'form' | 'json'>('form');
  const sections = isRecord(draft) ? Object.keys(draft) : [];
  const [open, setOpen] = useState<string[]>(sections);
  const put = usePutSetting(setting.key);
  const pending = useMemo(() => changes(setting.value, draft), [setting.value, draft]);
  const editing: SettingEditing = {
    settingKey: setting.key,
    draft,
    defaults: setting.defaultValue,
    issues,
    change: (path: FieldPath, value: Json) => setDraft((d) => setIn(d, path, value)),
  };
  const refused = (e: Error) => {
    const placed = placeIssues(e instanceof ApiError ? e.issues : [], new Set(leafPaths(draft).map(pathKey)));
    setIssues(placed);
    setError(e);
    // Open the sections the server complained about.
    const complained = (e instanceof ApiError ? e.issues : [])
      .flatMap((i) => issueFieldPath(i.path)?.slice(0, 1) ?? [])
      .map(String);
    setOpen((o) => [...new Set([...o, ...complained])]);
    setView('form');
  };
  const save = () =>
    modal.confirm({
      title: t('settingsAdmin.confirmTitle', { count: pending.length }),
      content: <ChangeList changes={pending} />,
      okText: t('common.save'),
      cancelText: t('common.cancel'),
      width: 560,
      // A saved value re-keys this editor (a fresh form of the new value), so the answer is awaited here rather
      // than in mutate's own callbacks, which React Query skips once the component that called it is gone.
      onOk: () =>
        put.mutateAsync(draft).then(() => {
          void message.success(t('settingsAdmin.saved'));
        }, refused),
    });
  const status = setting.isDefault ? (
    <Tag>{t('settingsAdmin.isDefault')}</Tag>
  ) : (
    <Typography.Text type="secondary">
      {setting.updatedAt && t('settingsAdmin.updatedAt', { at: formatMinute(setting.updatedAt) })}
    </Typography.Text>
  );
  return (
    <SettingEditingContext value={editing}>
      <Flex vertical gap={12}>
        <Flex justify="space-between" align="center" wrap gap={8}>
          <Flex gap={8} align="center">
            {status}
            {!setting.storedIsValid && <Tag color="warning">{t('settingsAdmin.storedInvalid')}</Tag>}
            {pending.length > 0 && (
              <Tag color="processing">{t('settingsAdmin.unsaved', { count: pending.length })}</Tag>
            )}
          </Flex>
          <Flex gap={8} wrap>
            <Segmented
              value={view}
              onChange={(v) => setView(v as 'form' | 'json')}
              options={[
                { value: 'form', label: t('settingsAdmin.formView') },
                { value: 'json', label: 'JSON' },
              ]}
            />
            <Button onClick={() => setDraft(setting.value as Json)} disabled={pending.length === 0}>
              {t('settingsAdmin.discard')}
            </Button>
            <Button onClick={() => setDraft(structuredClone(setting.defaultValue) as Json)}>
              {t('settingsAdmin.restoreDefaults')}
            </Button>
            <Button
              type="primary"
              icon={<SaveOutlined />}
              onClick={save}
              disabled={pending.length === 0}
              loading={put.isPending}
              data-testid="setting-save"
            >
              {t('common.save')}
            </Button>
          </Flex>
        </Flex>
        <FormErrorAlert error={error} unplaced={issues?.unplaced ?? []} />
        {view === 'json' ? (
          <SettingJson
            key={JSON.stringify(draft)}
            value={draft}
            onApply={(v) => {
              setDraft(v);
              setView('form');
            }}
          />
        ) : (
          <Form layout="horizontal" labelCol={{ flex: '320px' }} labelWrap colon={false} component="div">
            <Collapse
              activeKey={open}
              onChange={(keys) => setOpen(keys)}
              items={sections.map((section) => {
                const value = (draft as Record<string, Json>)[section];
                return {
                  key: section,
                  label: (
                    <span data-testid={`setting-section-${section}`}>
                      {label(section)}{' '}
                      <Typography.Text type="secondary" style={{ fontFamily: 'monospace', fontSize: 12 }}>
                        {section}
                      </Typography.Text>
                    </span>
                  ),
                  children: isLeaf(value) ? <SettingLeaf path={[section]} /> : <SettingGroup path={[section]} />,
                };
              })}
            />
          </Form>
        )}
      </Flex>
    </SettingEditingContext>
  );
}
