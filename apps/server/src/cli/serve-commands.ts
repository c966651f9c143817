import path from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import { startServer } from '../main.js';
import { DEMO_PASSWORD, demoAccounts } from '../modules/demo/demo-seed.js';

function stopOnSignals(stop: () => Promise<void>) {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      process.stderr.write(`\n${signal}: shutting down…\n`);
      void stop().then(() => process.exit(0));
    });
  }
}

export function registerServeCommands(program: Command): void {
  program
    .command('serve')
    .description('run Anlan for production (no demo data); settings come from the environment')
    .action(async () => {
      const running = await startServer(loadConfig());
      stopOnSignals(running.stop);
    });

  program
    .command('demo')
    .description('run Anlan with demo data of 嘉兴港区 on embedded PGlite in ./data/demo, on 127.0.0.1 only')
    .action(async () => {
      const env = process.env;
      const config = loadConfig({ ...env, DATABASE_URL: '', HOST: '127.0.0.1', DATA_DIR: env.DATA_DIR || path.join('data', 'demo'), LOG_LEVEL: env.LOG_LEVEL || 'warn' });
      const running = await startServer(config, { demo: true });
      stopOnSignals(running.stop);
      const width = Math.max(...demoAccounts.map((a) => a.username.length));
      process.stdout.write(
        [
          '',
          `安澜 Anlan demo — ${running.url}   (demo data made from public news, not real records)`,
          `data: ${config.dataDir}   API docs: ${running.url}/api/docs`,
          running.gateway ? `JT/T 808 gateway: ${config.jt808Host}:${running.gateway.port}   simulate vehicles: npm run simulate -- --vehicles 30` : 'JT/T 808 gateway: off',
          `demo accounts (password ${DEMO_PASSWORD}):`,
          ...demoAccounts.map((a) => `  ${a.username.padEnd(width)}  ${a.role.padEnd(11)}  ${a.displayName}`),
          '',
        ].join('\n'),
      );
    });
}
