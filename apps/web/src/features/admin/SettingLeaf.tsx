import { Button, Flex, Form, Input, InputNumber, Select, Switch, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { pathKey, type FieldPath } from './issuePaths';
import { choicesFor } from './settingChoices';
import { useSettingEditing } from './settingContext';
import { getIn, isRecord, mayBeNull, templateFor, type Json } from './settingsTree';
import { useFieldLabel } from './useFieldLabel';

const show = (v: unknown): string => (v === null ? '—' : typeof v === 'string' ? v : JSON.stringify(v));

/** One input of the settings form, drawn by the type of its value; the server's message for it below. */
export function SettingLeaf({ path }: { path: FieldPath }) {
  const { t } = useTranslation();
  const label = useFieldLabel();
  const { draft, defaults, issues, change } = useSettingEditing();
  const value = getIn(draft, path) as Json;
  const fallback = getIn(defaults, path);
  const key = pathKey(path);
  const id = `setting-${key}`;
  const messages = issues?.byField.get(key);
  const parent = getIn(draft, path.slice(0, -1));
  const siblings = isRecord(parent) ? Object.values(parent) : [];
  const choices = choicesFor(path, value, siblings);
  const set = (next: Json) => change(path, next);
  const setJson = (text: string) => {
    try {
      set(JSON.parse(text) as Json);
    } catch {
      // Left as it was: the JSON view shows where the text is wrong.
    }
  };
  const nullable = value !== null && mayBeNull(draft, defaults, path);
  const template = value === null ? templateFor(draft, defaults, path) : undefined;
  const changed = JSON.stringify(value) !== JSON.stringify(fallback) && fallback !== undefined;
  const valueNames: Record<string, string> = t('settingValue', { returnObjects: true });
  const optionLabel = (v: string) => valueNames[v] ?? v;
  let input;
  if (value === null) {
    input = (
      <Flex gap={8} align="center">
        <Tag>{t('settingsAdmin.unset')}</Tag>
        {template !== undefined && (
          <Button size="small" onClick={() => set(template)}>
            {t('settingsAdmin.setValue')}
          </Button>
        )}
      </Flex>
    );
  } else if (typeof value === 'number') {
    input = (
      <InputNumber
        id={id}
        value={value}
        onChange={(v) => set(typeof v === 'number' ? v : null)}
        style={{ width: 160 }}
      />
    );
  } else if (typeof value === 'boolean') {
    input = <Switch id={id} checked={value} onChange={set} />;
  } else if (typeof value === 'string') {
    input = choices ? (
      <Select
        id={id}
        value={value}
        style={{ width: 200 }}
        options={choices.map((c) => ({ value: c, label: optionLabel(c) }))}
        onChange={set}
      />
    ) : (
      <Input id={id} value={value} onChange={(e) => set(e.target.value)} style={{ width: 200 }} />
    );
  } else if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
    input = (
      <Select
        id={id}
        mode={choices ? 'multiple' : 'tags'}
        value={value as string[]}
        style={{ minWidth: 260 }}
        options={(choices ?? (value as string[])).map((c) => ({ value: c, label: optionLabel(c) }))}
        onChange={(v: string[]) => set(v)}
      />
    );
  } else {
    // A list of numbers or mixed values: edited as JSON text, checked by the server.
    input = (
      <Input
        id={id}
        defaultValue={JSON.stringify(value)}
        onBlur={(e) => setJson(e.target.value)}
        style={{ width: 260 }}
      />
    );
  }
  return (
    <div data-testid={`setting-field-${key}`}>
      <Form.Item
        label={
          <span>
            {label(path[path.length - 1] ?? '')}{' '}
            <Typography.Text type="secondary" style={{ fontSize: 11, fontFamily: 'monospace' }}>
              {key}
            </Typography.Text>
          </span>
        }
        htmlFor={id}
        validateStatus={messages ? 'error' : undefined}
        help={messages?.join('; ')}
        extra={changed ? t('settingsAdmin.default', { value: show(fallback) }) : undefined}
        style={{ marginBottom: 12 }}
      >
        <Flex gap={8} align="center">
          {input}
          {nullable && (
            <Button size="small" type="link" onClick={() => set(null)}>
              {t('settingsAdmin.unsetValue')}
            </Button>
          )}
        </Flex>
      </Form.Item>
    </div>
  );
}
