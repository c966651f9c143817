#!/usr/bin/env -S node --max-semi-space-size=64
import { Command } from 'commander';
import { ConfigError } from '../config.js';
import { registerDatabaseCommands } from './database-commands.js';
import { registerServeCommands } from './serve-commands.js';
import { registerJt808Commands } from './jt808-commands.js';
import { VERSION } from '../version.js';

const program = new Command('anlan')
  .description('安澜 · 重大隐患风险提级管控系统 — Anlan, the major-hazard escalated-control system')
  .version(VERSION);
registerServeCommands(program);
registerDatabaseCommands(program);
registerJt808Commands(program);

program.parseAsync().catch((err: unknown) => {
  process.stderr.write(`anlan: ${err instanceof ConfigError || err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
