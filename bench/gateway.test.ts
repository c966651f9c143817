import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measureConnections, resultFile as connectionsFile } from './gateway-connections.js';
import { measureE2e, resultFile as e2eFile } from './gateway-e2e.js';
import { startBenchGateway, type BenchGateway } from './gateway-harness.js';
import { measureLatency, resultFile as latencyFile } from './gateway-latency.js';

// Short runs on one shared in-memory gateway prove the benchmarks work end to end; timings are not asserted.
describe('gateway benches', () => {
  let g: BenchGateway;
  beforeAll(async () => {
    g = await startBenchGateway('pglite', { vehicles: 40, memory: true });
  });
  afterAll(async () => {
    await g?.close();
  });

  it('runs the end-to-end throughput bench briefly', async () => {
    const r = await measureE2e({ engine: 'pglite', vehicles: 10, window: 4, durationS: 2, batchSize: 500 }, g);
    expect(r.acked).toBe(r.sent);
    expect(r.acked).toBeGreaterThan(0);
    const file = e2eFile([r]) as { name: string; metrics: Record<string, { target: number }> };
    expect(file.name).toBe('gateway-e2e');
    expect(file.metrics.positions_per_second_pglite!.target).toBe(20_000);
  }, 60_000);

  it('runs the ack-latency bench briefly', async () => {
    const r = await measureLatency({ engine: 'pglite', vehicles: 20, intervalMs: 50, durationS: 1, warmupS: 0 }, g);
    expect(r.ackedPerSecond).toBeGreaterThan(0);
    expect(r.p99).toBeGreaterThan(0);
    expect((latencyFile([r]) as { metrics: object }).metrics).toHaveProperty('ack_p99_at_10k_pglite');
  }, 60_000);

  it('runs the connections bench briefly', async () => {
    const r = await measureConnections(40, 1, g);
    expect(r.authenticated).toBe(40);
    expect(r.loginFailures).toBe(0);
    expect((connectionsFile(r) as { metrics: { peak_rss: { target: number } } }).metrics.peak_rss.target).toBe(1024);
  }, 60_000);
});
