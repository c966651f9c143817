import { DatePicker } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { districtDay, endOfDistrictDay } from '../i18n/format';

interface Props {
  /** The deadline as an ISO instant: the end of the chosen day, district time (a form control's value). */
  value?: string;
  onChange?: (deadline: string | undefined) => void;
  id?: string;
}

/**
 * A deadline is a calendar day from today on; days already past cannot be chosen. Enter confirms a typed date inside
 * the picker and goes no further: without the wrapper it would also submit the surrounding form (implicit submission),
 * issuing a notice before the user has looked at the other fields.
 */
export function DeadlinePicker({ onChange, id }: Props) {
  const [day, setDay] = useState<Dayjs | null>(null);
  const today = districtDay(Date.now());
  return (
    <div onKeyDown={(e) => e.key === 'Enter' && e.preventDefault()}>
    <DatePicker
      id={id}
      value={day}
      style={{ width: '100%' }}
      disabledDate={(d) => d.format('YYYY-MM-DD') < today}
      onChange={(d: Dayjs | null) => {
        setDay(d);
        onChange?.(d ? endOfDistrictDay(d.format('YYYY-MM-DD')) : undefined);
      }}
    />
    </div>
  );
}
