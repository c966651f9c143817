import { Alert, Button, DatePicker, Flex } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultPeriod, periodProblem } from '../../map/trackMath';
import { fromDistrictWallClock, toDistrictWallClock } from '../../map/wallClock';

export interface Period {
  from: string;
  to: string;
}

/** Choose a period of at most 24 h (the last 2 h proposed), in district time, and start 轨迹回放. */
export function PlaybackPicker({ onStart }: { onStart: (period: Period) => void }) {
  const { t } = useTranslation();
  // The picker shows district time (see wallClock); `range` holds those wall-clock values.
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => {
    const { from, to } = defaultPeriod(Date.now());
    return [dayjs(toDistrictWallClock(Date.parse(from))), dayjs(toDistrictWallClock(Date.parse(to)))];
  });
  const [from, to] = range.map((d) => fromDistrictWallClock(d.valueOf())) as [number, number];
  const problem = periodProblem(from, to);
  const today = dayjs(toDistrictWallClock(Date.now()));
  return (
    <Flex vertical gap={8}>
      <DatePicker.RangePicker
        showTime={{ format: 'HH:mm' }}
        format="YYYY-MM-DD HH:mm"
        value={range}
        allowClear={false}
        disabledDate={(d) => d.isAfter(today, 'day')}
        onChange={(value) => {
          if (value?.[0] && value[1]) setRange([value[0], value[1]]);
        }}
        aria-label={t('map.playback.period')}
        style={{ width: '100%' }}
      />
      {problem && <Alert type="warning" showIcon title={t(`map.playback.${problem}`)} />}
      <Button
        type="primary"
        disabled={problem !== null}
        data-testid="playback-start"
        onClick={() => onStart({ from: new Date(from).toISOString(), to: new Date(to).toISOString() })}
      >
        {t('map.playback.start')}
      </Button>
    </Flex>
  );
}
