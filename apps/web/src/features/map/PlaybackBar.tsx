import { CaretRightOutlined, CloseOutlined, PauseOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Segmented, Slider, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatInstant } from '../../i18n/format';
import { sliderValue, timeOfSlider } from '../../map/trackMath';
import { playbackSpeeds, type PlaybackSpeed, type usePlaybackClock } from './usePlaybackClock';

interface Props {
  clock: ReturnType<typeof usePlaybackClock>;
  start: number;
  end: number;
  speedKmh: number | undefined;
  summary: string;
  onClose: () => void;
}

const instant = (ms: number) => formatInstant(new Date(ms).toISOString());

/** The player: play/pause, speed, a time slider over the period, the time and speed at the marker. */
export function PlaybackBar({ clock, start, end, speedKmh, summary, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Card size="small" data-testid="playback-bar" style={{ boxShadow: '0 4px 16px rgba(0,0,0,0.15)' }}>
      <Flex align="center" gap={12} wrap>
        <Button
          type="primary"
          shape="circle"
          icon={clock.playing ? <PauseOutlined /> : <CaretRightOutlined />}
          aria-label={t(clock.playing ? 'map.playback.pause' : 'map.playback.play')}
          onClick={clock.playing ? clock.pause : clock.play}
        />
        <Segmented<PlaybackSpeed>
          size="small"
          value={clock.speed}
          options={[...playbackSpeeds].sort((a, b) => a - b).map((s) => ({ value: s, label: `${s}×` }))}
          onChange={clock.setSpeed}
          aria-label={t('map.playback.speed')}
        />
        <Typography.Text strong data-testid="playback-time">
          {instant(clock.t)}
        </Typography.Text>
        <Typography.Text type="secondary">{speedKmh === undefined ? '' : t('map.speedValue', { speed: speedKmh.toFixed(1) })}</Typography.Text>
        <Typography.Text type="secondary" style={{ marginLeft: 'auto' }}>
          {summary}
        </Typography.Text>
        <Button type="text" size="small" icon={<CloseOutlined />} onClick={onClose}>
          {t('map.playback.close')}
        </Button>
      </Flex>
      <Slider
        min={0}
        max={Math.max(1, sliderValue(end, start))}
        value={sliderValue(clock.t, start)}
        onChange={(value: number) => clock.seek(timeOfSlider(value, start))}
        tooltip={{ formatter: (value) => (value === undefined ? null : instant(timeOfSlider(value, start)).slice(11)) }}
        aria-label={t('map.playback.slider')}
        style={{ margin: '8px 6px 0' }}
      />
    </Card>
  );
}
