/**
 * Ledger (台账) export to .xlsx: 12 columns of Chinese text, dates and numbers streamed from an async generator to a
 * file, as a 100,000-row hazard ledger export would. Measures rows/s and the peak RSS increase over the baseline
 * (sampled every 50 ms); the promise is < 200 MB whatever the row count, i.e. rows are never held in memory.
 * Run: npm run bench -- bench/xlsx-export.ts [rows]
 */
import { createWriteStream, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { writeXlsx, type XlsxColumn } from '../apps/server/src/documents/xlsx.js';

export const LEDGER_COLUMNS: XlsxColumn[] = [
  { header: '隐患编号', key: 'code', format: 'text' },
  { header: '发现时间', key: 'foundAt', format: 'datetime' },
  { header: '企业名称', key: 'enterprise', width: 24 },
  { header: '检查对象', key: 'subject', width: 24 },
  { header: '隐患描述', key: 'description', width: 48 },
  { header: '位置', key: 'location', width: 20 },
  { header: '隐患等级', key: 'level' },
  { header: '状态', key: 'status' },
  { header: '整改期限', key: 'deadline', format: 'date' },
  { header: '检查人员', key: 'inspector' },
  { header: '整改责任人', key: 'owner' },
  { header: '风险值', key: 'risk', format: 'number' },
];

const ENTERPRISES = ['三江化工有限公司', '嘉兴港区危险品运输有限公司', '乍浦石化码头有限公司', '华东液化气储运公司'];
const DESCRIPTIONS = [
  '动火作业未办理动火安全作业票，作业现场未配备可燃气体检测仪',
  '施工现场临时用电配电箱未设置漏电保护器，电缆线沿地面拖放',
  '可燃气体报警器未与紧急切断阀联锁，报警记录未保存',
  '消防车通道被建筑材料堵塞，消火栓前堆放杂物',
];
const STATUSES = ['已下达通知', '整改中', '已提交', '复查通过', '已销号'];
const PEOPLE = ['张伟', '李娜', '王强', '刘洋', '陈静', '杨磊'];

/** Ledger-like rows, generated one at a time: a fresh object per row, as a database cursor would give. */
export async function* ledgerRows(count: number): AsyncGenerator<Record<string, unknown>> {
  const t0 = Date.UTC(2026, 0, 1);
  for (let i = 0; i < count; i++) {
    yield {
      code: `YH-2026-${String(i + 1).padStart(6, '0')}`,
      foundAt: new Date(t0 + i * 97_000),
      enterprise: ENTERPRISES[i % ENTERPRISES.length],
      subject: `${ENTERPRISES[(i >> 2) % ENTERPRISES.length]}${(i % 9) + 1}号装置区`,
      description: `${DESCRIPTIONS[i % DESCRIPTIONS.length]}（第${i + 1}项）`,
      location: `${(i % 12) + 1}号罐区${(i % 5) + 1}层平台`,
      level: i % 11 === 0 ? '重大' : '一般',
      status: STATUSES[i % STATUSES.length],
      deadline: new Date(t0 + i * 97_000 + 30 * 86_400_000),
      inspector: `${PEOPLE[i % PEOPLE.length]}、${PEOPLE[(i + 1) % PEOPLE.length]}`,
      owner: PEOPLE[(i + 3) % PEOPLE.length],
      risk: ((i * 37) % 400) + 0.5,
    };
  }
}

export interface XlsxBenchResult {
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  peakRssIncreaseMb: number;
  fileBytes: number;
}

/** Streams `rows` ledger rows to `file` (a temp file, removed afterwards, unless given) and measures. */
export async function runXlsxExportBench(rows: number, file?: string): Promise<XlsxBenchResult> {
  const target = file ?? path.join(os.tmpdir(), `anlan-xlsx-bench-${process.pid}.xlsx`);
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  const started = performance.now();
  try {
    const out = createWriteStream(target);
    const written = await writeXlsx(out, {
      name: '隐患台账',
      title: '隐患排查治理台账',
      columns: LEDGER_COLUMNS,
      rows: ledgerRows(rows),
    });
    await finished(out);
    const seconds = (performance.now() - started) / 1000;
    peak = Math.max(peak, process.memoryUsage().rss);
    return {
      rows: written.rows,
      seconds: Math.round(seconds * 100) / 100,
      rowsPerSecond: Math.round(written.rows / seconds),
      peakRssIncreaseMb: Math.round(((peak - baseline) / 2 ** 20) * 10) / 10,
      fileBytes: statSync(target).size,
    };
  } finally {
    clearInterval(sampler);
    if (!file) rmSync(target, { force: true });
  }
}

export function resultFile(result: XlsxBenchResult): object {
  const cpus = os.cpus();
  return {
    name: 'xlsx-export',
    date: new Date().toISOString(),
    machine: `${cpus.length} cores (${cpus[0]?.model ?? 'unknown'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}`,
    params: {
      rows: result.rows,
      columns: LEDGER_COLUMNS.length,
      seconds: result.seconds,
      file_bytes: result.fileBytes,
    },
    metrics: {
      peak_rss_increase: { value: result.peakRssIncreaseMb, unit: 'MB', target: 200, better: 'lower' },
      rows_per_second: { value: result.rowsPerSecond, unit: 'rows/s', better: 'higher' },
    },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const rows = Number(process.argv[2] ?? 100_000);
  const file = resultFile(await runXlsxExportBench(rows));
  const dir = fileURLToPath(new URL('./results/', import.meta.url));
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}xlsx-export.json`, `${JSON.stringify(file, null, 2)}\n`);
  console.log(JSON.stringify(file, null, 2));
}
