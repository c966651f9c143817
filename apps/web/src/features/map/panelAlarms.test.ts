import type { Alarm } from '@anlan/contracts';
import { describe, expect, it } from 'vitest';
import { panelAlarms } from './panelAlarms';

const alarm = (id: string, status: Alarm['status']) => ({ id, status }) as Alarm;

describe('panelAlarms', () => {
  it('lists the waiting alarms first, however old, then the latest others, each once', () => {
    const unhandled = [alarm('a', 'open'), alarm('old', 'acknowledged')];
    const latest = [alarm('b', 'closed'), alarm('a', 'open'), alarm('c', 'handled')];
    expect(panelAlarms(unhandled, latest).map((a) => a.id)).toEqual(['a', 'old', 'b', 'c']);
  });

  it('is the latest alarms alone when nothing waits', () => {
    expect(panelAlarms([], [alarm('b', 'closed')]).map((a) => a.id)).toEqual(['b']);
  });
});
