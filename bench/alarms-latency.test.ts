import { describe, expect, it } from 'vitest';
import { measureAlarmLatency, resultFile } from './alarms-latency.js';

// A short run on in-memory PGlite proves the bench works end to end; the timing is not asserted here.
describe('alarm latency bench', () => {
  it('matches alarm messages on the WebSocket to the commits of their positions', async () => {
    const r = await measureAlarmLatency({
      engine: 'pglite',
      vehicles: 30,
      intervalMs: 200,
      stepS: 10,
      durationS: 4,
      memory: true,
    });
    expect(r.count).toBeGreaterThan(0);
    expect(r.p99).toBeGreaterThan(0);
    expect(r.runner).toMatchObject({ positionsDropped: 0, signalsDropped: 0, signalsLost: 0 });
    expect((resultFile([r]) as { metrics: object }).metrics).toHaveProperty('alarm_ws_p99_pglite');
  }, 120_000);
});
