import type { SubjectType } from '@anlan/contracts';
import { Select } from 'antd';
import { useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { useSubject, useSubjects } from '../api/subjects';

interface Props {
  value?: string;
  /** The chosen subject's id and name. */
  onChange?: (id: string | undefined, name: string | undefined) => void;
  type?: SubjectType;
  id?: string;
  style?: CSSProperties;
  size?: 'large' | 'middle' | 'small';
}

/** Picks a 检查对象 by typing part of its name; the server searches (there are hundreds of households). */
export function SubjectSelect({ value, onChange, type, id, style, size }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const list = useSubjects(type, search);
  const chosen = useSubject(value);
  const options = (list.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }));
  if (chosen.data && !options.some((o) => o.value === chosen.data.id)) options.unshift({ value: chosen.data.id, label: chosen.data.name });
  return (
    <Select
      id={id}
      size={size}
      allowClear
      value={value}
      style={style}
      placeholder={t('subject.searchPlaceholder')}
      loading={list.isFetching}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      notFoundContent={list.isFetching ? t('common.loading') : t('subject.none')}
      options={options}
      onChange={(next: string | undefined) => onChange?.(next, options.find((o) => o.value === next)?.label)}
    />
  );
}
