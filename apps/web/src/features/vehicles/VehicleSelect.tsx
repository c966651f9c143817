import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useVehicle } from '../../api/vehicles';
import { useVehicleSearch } from './useVehicles';

interface Props {
  value?: string;
  onChange?: (id: string | undefined) => void;
  id?: string;
  /** Only this carrier's vehicles. */
  organisationId?: string;
}

/** Picks a vehicle by typing part of its plate (or terminal number); the server searches and scopes. */
export function VehicleSelect({ value, onChange, id, organisationId }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const list = useVehicleSearch(search.slice(0, 20), organisationId);
  const chosen = useVehicle(value);
  const options = (list.data ?? []).map((v) => ({ value: v.id, label: `${v.plate} · ${v.organisationName}` }));
  if (chosen.data && !options.some((o) => o.value === chosen.data.id)) {
    options.unshift({ value: chosen.data.id, label: `${chosen.data.plate} · ${chosen.data.organisationName}` });
  }
  return (
    <Select
      id={id}
      allowClear
      value={value}
      placeholder={t('vehicles.searchPlaceholder')}
      loading={list.isFetching}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      notFoundContent={list.isFetching ? t('common.loading') : t('vehicles.none')}
      options={options}
      onChange={(next: string | undefined) => onChange?.(next)}
    />
  );
}
