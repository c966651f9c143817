import { useCallback, useEffect, useRef, useState } from 'react';
import { advance } from '../../map/trackMath';

/** Seconds of track per real second that the player offers; the first is the default. */
export const playbackSpeeds = [60, 10, 1, 300] as const;
export type PlaybackSpeed = (typeof playbackSpeeds)[number];

/** The player's clock over [start, end]: runs on animation frames while playing and stops at the end. */
export function usePlaybackClock(start: number, end: number) {
  const [t, setT] = useState(start);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<PlaybackSpeed>(playbackSpeeds[0]);
  const current = useRef(start);

  const seek = useCallback((to: number) => {
    current.current = to;
    setT(to);
  }, []);

  useEffect(() => {
    seek(start);
    setPlaying(false);
  }, [start, end, seek]);

  useEffect(() => {
    if (!playing) return;
    let last = performance.now();
    let frame = requestAnimationFrame(function step(now) {
      const next = advance(current.current, now - last, speed, end);
      last = now;
      seek(next);
      if (next >= end) setPlaying(false);
      else frame = requestAnimationFrame(step);
    });
    return () => cancelAnimationFrame(frame);
  }, [playing, speed, end, seek]);

  const play = useCallback(() => {
    // Playing from the end starts over.
    if (current.current >= end) seek(start);
    setPlaying(true);
  }, [start, end, seek]);

  return { t, playing, speed, setSpeed, seek, play, pause: () => setPlaying(false) };
}
