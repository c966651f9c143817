import { measureAlarmLatency } from '/work/main/bench/alarms-latency.js';
const [engine, vehicles] = [process.argv[2] as 'pglite' | 'postgresql', Number(process.argv[3])];
const r = await measureAlarmLatency({ engine, vehicles, intervalMs: 1000, stepS: 10, durationS: 15 });
console.log(JSON.stringify({ count: r.count, p50: r.p50, p99: r.p99, max: r.max, storeMsMax: r.runner.storeMsMax, batches: r.runner.batchesStored }));
