const STORAGE_KEY = 'anlan.alarmSound';

/** Whether this device rings for new alarms: off unless the user turned it on here. */
export function storedSoundOn(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'on';
  } catch {
    return false;
  }
}

export function storeSoundOn(on: boolean): void {
  try {
    localStorage.setItem(STORAGE_KEY, on ? 'on' : 'off');
  } catch {
    // not remembered; the switch still holds in this tab
  }
}

let context: AudioContext | null = null;

/**
 * Prepares the audio output. Browsers allow sound only after a user gesture, so this runs when the switch is
 * turned on (a click); later alarms can then ring without one.
 */
export function unlockSound(): void {
  if (typeof AudioContext === 'undefined') return;
  context ??= new AudioContext();
  void context.resume();
}

/** Two short tones: enough to turn a head, not to startle a room. */
export function ring(): void {
  if (!context) return;
  const now = context.currentTime;
  for (const [i, hz] of [880, 660].entries()) {
    const osc = context.createOscillator();
    const gain = context.createGain();
    osc.frequency.value = hz;
    gain.gain.setValueAtTime(0.15, now + i * 0.25);
    gain.gain.exponentialRampToValueAtTime(0.001, now + i * 0.25 + 0.2);
    osc.connect(gain).connect(context.destination);
    osc.start(now + i * 0.25);
    osc.stop(now + i * 0.25 + 0.22);
  }
}
