/**
 * The hazard ledger at scale (issue 3): with N hazards and 5·N events in the database, the ledger page under many
 * filter combinations (target p95 < 50 ms), a campaign's statistics (< 200 ms) and a 100,000-row Excel export from the
 * database (peak RSS increase < 200 MB). Runs on PGlite (a data dir under the OS temp folder) and, when DATABASE_URL is
 * set, on a fresh PostgreSQL database.
 * Run: npm run bench -- bench/ledger.ts [hazards=1000000] [exportRows=100000]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { LedgerQuery } from '@anlan/contracts';
import { openDatabase, type Database } from '../apps/server/src/db/client.js';
import { migrateToLatest } from '../apps/server/src/db/migrate.js';
import { writeXlsx } from '../apps/server/src/documents/xlsx.js';
import { FilesService } from '../apps/server/src/modules/files/files.service.js';
import { MemoryStorage } from '../apps/server/src/modules/files/storage.js';
import { HazardsService } from '../apps/server/src/modules/hazards/hazards.service.js';
import type { Actor } from '../apps/server/src/modules/identity/actor.js';
import { scratchPostgres } from '../apps/server/src/test-support/databases.js';
import { CampaignStatisticsService } from '../apps/server/src/modules/statistics/campaign-statistics.service.js';

const TYPES = ['construction_site', 'household', 'chemical_enterprise', 'hazmat_carrier', 'residential_estate'] as const;
const STATUSES = ['closed', 'closed', 'closed', 'closed', 'closed', 'closed', 'notice_issued', 'rectifying', 'submitted', 'found'];
const SUBJECTS = 10_000;
const ORGS = 200;
const CAMPAIGNS = 20;

export interface LedgerBenchResult {
  engine: 'pglite' | 'postgresql';
  hazards: number;
  events: number;
  seedSeconds: number;
  pageP50: number;
  pageP95: number;
  pageMax: number;
  queries: number;
  statisticsMs: number;
  exportRows: number;
  exportSeconds: number;
  exportPeakRssMb: number;
}

/**
 * Fills the database with `n` hazards over 10,000 subjects and 5·n events, in SQL, in chunks. As in life, hazards
 * arrive over a year and each campaign covers a stretch of it, so a campaign's hazards lie together.
 */
async function seed({ db }: Database, n: number): Promise<void> {
  await sql`insert into organisations (kind, name) select 'department', 'bench-dept-' || g from generate_series(1, 3) g`.execute(db);
  await sql`insert into organisations (kind, name) select 'enterprise', 'bench-ent-' || g from generate_series(1, ${ORGS}) g`.execute(db);
  await sql`insert into campaigns (name, starts_on, ends_on, subject_types)
    select 'bench-campaign-' || g, date '2026-01-01', date '2026-12-31', array['construction_site'] from generate_series(1, ${CAMPAIGNS}) g`.execute(db);
  await sql`insert into subjects (type, name, organisation_id, department_id, lat, lon)
    select (${sql.lit(`{${TYPES.join(',')}}`)}::text[])[1 + g % 5], 'bench-subject-' || g,
      (select id from organisations where name = 'bench-ent-' || (1 + g % ${ORGS})),
      (select id from organisations where name = 'bench-dept-' || (1 + g % 3)),
      30.55 + (g % 100) * 0.0015, 121.0 + (g % 97) * 0.002
    from generate_series(1, ${SUBJECTS}) g`.execute(db);
  const statuses = sql.lit(`{${STATUSES.join(',')}}`);
  const chunk = 50_000;
  for (let from = 1; from <= n; from += chunk) {
    const to = Math.min(n, from + chunk - 1);
    await sql`
      with s as (select array_agg(id order by name) ids from subjects),
           c as (select array_agg(id order by name) ids from campaigns),
           src as (
             select g, ((g::bigint * 7919) % ${SUBJECTS} + 1)::int as si, ${statuses}::text[] as st,
                    timestamptz '2026-11-28 00:00:00+00' - ((g::float8 / ${n}) * interval '365 days') as found
             from generate_series(${from}::int, ${to}::int) g)
      insert into hazards (code, source, campaign_id, subject_id, subject_type, organisation_id, department_id, level, category,
                           description, risk_colour, status, escalation, deadline, found_at, closed_at)
      select 'BH' || lpad(g::text, 8, '0'), 'inspection', c.ids[1 + (g::bigint * ${CAMPAIGNS} - 1) / ${n}], s.ids[si], sub.type, sub.organisation_id, sub.department_id,
             case when g % 20 = 0 then 'major' else 'general' end, '类别' || (g % 12),
             '基准测试隐患 第' || g || '项 临时用电配电箱未设漏电保护', case when g % 20 = 0 then 'red' else 'yellow' end,
             st[1 + g % 10], case when g % 97 = 0 then 'listed' else 'none' end,
             case when st[1 + g % 10] in ('notice_issued', 'rectifying', 'submitted', 'closed') then found + interval '7 days' end,
             found, case when st[1 + g % 10] = 'closed' then found + interval '5 days' end
      from src, s, c, subjects sub where sub.id = s.ids[si]`.execute(db);
    await sql`
      insert into events (at, entity_type, entity_id, organisation_id, type, payload, prev_hash, hash)
      select h.found_at + k * interval '1 day', 'hazard', h.id::text, h.organisation_id, 'hazard.bench', '{"bench":true}'::jsonb, '', md5(h.id::text || k)
      from hazards h, generate_series(1, 5) k
      where h.code between ${'BH' + String(from).padStart(8, '0')} and ${'BH' + String(to).padStart(8, '0')}`.execute(db);
  }
  await sql`vacuum analyze`.execute(db);
}

function queries(db: Database, count: number) {
  return (async () => {
    const ids = async (table: 'campaigns' | 'organisations' | 'subjects', where = sql`true`) =>
      (await sql<{ id: string }>`select id from ${sql.table(table)} where ${where} limit 5`.execute(db.db)).rows.map((r) => r.id);
    const campaigns = await ids('campaigns');
    const orgs = await ids('organisations', sql`name like 'bench-ent-%'`);
    const depts = await ids('organisations', sql`name like 'bench-dept-%'`);
    const subjects = await ids('subjects');
    let seed = 42;
    const pick = <T>(xs: readonly T[]) => xs[(seed = (seed * 1103515245 + 12345) % 2 ** 31) % xs.length]!;
    const maybe = () => pick([true, false, false]);
    const out: LedgerQuery[] = [];
    for (let i = 0; i < count; i++) {
      const q: Record<string, unknown> = { limit: 50, offset: pick([0, 0, 0, 50, 500]) };
      if (maybe()) q.campaignId = pick(campaigns);
      if (maybe()) q.subjectType = pick(TYPES);
      if (maybe()) q.level = pick(['general', 'major']);
      if (maybe()) q.status = pick(['open', 'closed', 'rectifying', 'found']);
      if (maybe()) q.overdue = pick([true, false]);
      if (maybe()) q.departmentId = pick(depts);
      if (pick([true, false, false, false])) q.organisationId = pick(orgs);
      if (pick([true, false, false, false, false])) q.subjectId = pick(subjects);
      if (maybe()) {
        const from = Date.UTC(2026, pick([0, 3, 6, 9]), 1);
        Object.assign(q, { from: new Date(from).toISOString(), to: new Date(from + 30 * 86_400_000).toISOString() });
      }
      if (pick([true, false, false, false, false, false])) q.escalation = 'listed';
      out.push(q as LedgerQuery);
    }
    return { out, campaigns };
  })();
}

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;

export async function runLedgerBench(engine: 'pglite' | 'postgresql', n: number, exportRows: number): Promise<LedgerBenchResult> {
  const { database, cleanup } = await openBenchDatabase(engine);
  try {
    await migrateToLatest(database.db);
    const t0 = performance.now();
    await seed(database, n);
    const seedSeconds = (performance.now() - t0) / 1000;
    const now = () => new Date('2026-11-28T00:00:00Z');
    const hazards = new HazardsService(database.db, new FilesService(database.db, new MemoryStorage(), 1), { majorAcceptanceDays: 10 }, now);
    const admin: Actor = { userId: '00000000-0000-4000-8000-000000000000', username: 'bench', displayName: 'bench', role: 'admin', organisationId: null, locale: 'zh-CN' };
    const { out, campaigns } = await queries(database, 60);
    const times: number[] = [];
    for (let round = 0; round < 3; round++) {
      for (const q of out) {
        const t = performance.now();
        await hazards.list(admin, q);
        times.push(performance.now() - t);
      }
    }
    const st = performance.now();
    await new CampaignStatisticsService(database.db, now).compute(campaigns[0]!);
    const statisticsMs = performance.now() - st;

    // Export: the real path, database → keyset pages → mapped rows → streaming xlsx, into a byte-counting sink.
    global.gc?.();
    const base = process.memoryUsage().rss;
    let peak = base;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
    const sink = new Writable({ write: (_c, _e, cb) => cb() });
    const et = performance.now();
    let rows = 0;
    async function* limited() {
      for await (const h of hazards.exportRows(admin, {})) {
        if (rows++ >= exportRows) return;
        yield { code: h.code, foundAt: h.found_at, subject: h.subject_name, level: h.level, status: h.status, description: h.description, deadline: h.deadline };
      }
    }
    await writeXlsx(sink, {
      name: '台账',
      columns: ['code', 'foundAt', 'subject', 'level', 'status', 'description', 'deadline'].map((key) => ({ header: key, key, ...(key === 'foundAt' || key === 'deadline' ? { format: 'datetime' as const } : {}) })),
      rows: limited(),
    });
    clearInterval(timer);
    return {
      engine,
      hazards: n,
      events: n * 5,
      seedSeconds: round1(seedSeconds),
      pageP50: round1(percentile(times, 0.5)),
      pageP95: round1(percentile(times, 0.95)),
      pageMax: round1(Math.max(...times)),
      queries: times.length,
      statisticsMs: round1(statisticsMs),
      exportRows: Math.min(rows, exportRows),
      exportSeconds: round1((performance.now() - et) / 1000),
      exportPeakRssMb: round1((peak - base) / 1048576),
    };
  } finally {
    await database.close();
    await cleanup();
  }
}

const round1 = (x: number) => Math.round(x * 10) / 10;

async function openBenchDatabase(engine: 'pglite' | 'postgresql'): Promise<{ database: Database; cleanup: () => Promise<void> }> {
  if (engine === 'pglite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'anlan-ledger-bench-'));
    return { database: await openDatabase({ dataDir: dir }), cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const database = await scratchPostgres(process.env.DATABASE_URL!);
  return { database, cleanup: async () => {} };
}

export function resultFile(r: LedgerBenchResult) {
  return {
    name: `ledger-${r.engine}`,
    date: new Date().toISOString(),
    machine: `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}`,
    params: {
      hazards: r.hazards,
      events: r.events,
      seed_seconds: r.seedSeconds,
      ledger_queries: r.queries,
      export_rows: r.exportRows,
      // This machine is shared: figures taken under load are slower than the code is.
      load_average_at_end: os.loadavg().map((x) => Math.round(x * 10) / 10),
    },
    metrics: {
      ledger_page_p95: { value: r.pageP95, unit: 'ms', target: 50, better: 'lower' },
      ledger_page_p50: { value: r.pageP50, unit: 'ms', better: 'lower' },
      ledger_page_max: { value: r.pageMax, unit: 'ms', better: 'lower' },
      campaign_statistics: { value: r.statisticsMs, unit: 'ms', target: 200, better: 'lower' },
      export_peak_rss_increase: { value: r.exportPeakRssMb, unit: 'MB', target: 200, better: 'lower' },
      export_seconds: { value: r.exportSeconds, unit: 's', better: 'lower' },
    },
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const n = Number(process.argv[2] ?? 1_000_000);
  const exportRows = Number(process.argv[3] ?? 100_000);
  const engines: ('pglite' | 'postgresql')[] = process.env.DATABASE_URL ? ['postgresql', 'pglite'] : ['pglite'];
  if (process.env.LEDGER_BENCH_ENGINES) engines.splice(0, engines.length, ...(process.env.LEDGER_BENCH_ENGINES.split(',') as ('pglite' | 'postgresql')[]));
  for (const engine of engines) {
    const r = await runLedgerBench(engine, n, exportRows);
    const file = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results', `ledger-${engine}.json`);
    fs.writeFileSync(file, `${JSON.stringify(resultFile(r), null, 2)}\n`);
    console.log(JSON.stringify(r));
  }
}
