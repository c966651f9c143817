import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAllOrganisations } from '../../api/organisations';

interface Props {
  value?: string;
  onChange?: (id: string | undefined) => void;
  id?: string;
  allowClear?: boolean;
  placeholder?: string;
}

/** Picks a carrier (an enterprise) by name, for regulators: enterprises see only themselves and get no picker. */
export function CarrierSelect({ value, onChange, id, allowClear = true, placeholder }: Props) {
  const { t } = useTranslation();
  const organisations = useAllOrganisations();
  const options = (organisations.data ?? []).filter((o) => o.kind === 'enterprise').map((o) => ({ value: o.id, label: o.shortName ?? o.name }));
  return (
    <Select
      id={id}
      allowClear={allowClear}
      value={value}
      placeholder={placeholder ?? t('common.all')}
      loading={organisations.isPending}
      showSearch={{ optionFilterProp: 'label' }}
      options={options}
      onChange={(next: string | undefined) => onChange?.(next)}
      style={{ minWidth: 200 }}
    />
  );
}
