import { Alert, Button, Flex, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Json } from './settingsTree';

/** The whole value as JSON text, for what the form cannot add (a vehicle class, a new key); applied to the form. */
export function SettingJson({ value, onApply }: { value: Json; onApply: (value: Json) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(() => JSON.stringify(value, null, 2));
  const [problem, setProblem] = useState<string | null>(null);
  const apply = () => {
    try {
      onApply(JSON.parse(text) as Json);
      setProblem(null);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <Flex vertical gap={8}>
      {problem && <Alert type="error" showIcon title={t('settingsAdmin.badJson')} description={problem} />}
      <Input.TextArea
        value={text}
        onChange={(e) => setText(e.target.value)}
        autoSize={{ minRows: 12, maxRows: 40 }}
        style={{ fontFamily: 'monospace', fontSize: 12 }}
        spellCheck={false}
        data-testid="setting-json"
      />
      <Flex justify="flex-end">
        <Button onClick={apply}>{t('settingsAdmin.applyJson')}</Button>
      </Flex>
    </Flex>
  );
}
