import { TimePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';

interface Props {
  /** 'HH:MM', Asia/Shanghai wall-clock time, as the API takes it. */
  value?: string | null;
  onChange?: (value: string | null) => void;
  id?: string;
  placeholder?: string;
}

const toDayjs = (value: string): Dayjs => {
  const [h, m] = value.split(':').map(Number);
  return dayjs().hour(h ?? 0).minute(m ?? 0).second(0);
};

/** A wall-clock time picker whose value is the API's 'HH:MM' string (no date, no time zone). */
export function WallTimePicker({ value, onChange, id, placeholder }: Props) {
  return (
    <TimePicker
      id={id}
      format="HH:mm"
      minuteStep={5}
      needConfirm={false}
      placeholder={placeholder}
      value={value ? toDayjs(value) : null}
      onChange={(next: Dayjs | null) => onChange?.(next ? next.format('HH:mm') : null)}
      style={{ width: '100%' }}
    />
  );
}
