import { createUser, roles } from '@anlan/contracts';
import type { Command } from 'commander';
import { z } from 'zod';
import { loadConfig } from '../config.js';
import { openDatabase, type Database } from '../db/client.js';
import { migrateToLatest } from '../db/migrate.js';
import { verifyEventChain } from '../modules/events/event-log.js';
import { UsersService } from '../modules/identity/users.service.js';
import { backupTo, restoreFrom } from '../modules/system/backup.js';
import { readStdinLine } from './stdin.js';

async function withDatabase<T>(fn: (database: Database) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

const say = (line: string) => process.stdout.write(`${line}\n`);

export function registerDatabaseCommands(program: Command): void {
  program
    .command('migrate')
    .description('bring the database schema to the latest migration')
    .action(() =>
      withDatabase(async ({ db, kind }) => {
        const applied = await migrateToLatest(db);
        say(applied.length ? `${kind}: applied ${applied.join(', ')}` : `${kind}: already up to date`);
      }),
    );

  program
    .command('user')
    .description('manage users')
    .command('add')
    .description('add a user; the password is read from --password or, if absent, from the first line of stdin')
    .requiredOption('--username <name>')
    .requiredOption('--role <role>', roles.join(' | '))
    .option('--display-name <name>')
    .option('--organisation <name-or-id>', 'the organisation, by name or id')
    .option('--password <password>')
    .action((o: { username: string; role: string; displayName?: string; organisation?: string; password?: string }) =>
      withDatabase(async ({ db }) => {
        await migrateToLatest(db);
        let organisationId: string | undefined;
        if (o.organisation) {
          const org = await db
            .selectFrom('organisations')
            .select('id')
            .where((eb) => (z.uuid().safeParse(o.organisation).success ? eb('id', '=', o.organisation!) : eb('name', '=', o.organisation!)))
            .executeTakeFirst();
          if (!org) throw new Error(`--organisation: no organisation named or with id ${o.organisation}`);
          organisationId = org.id;
        }
        const parsed = createUser.safeParse({
          username: o.username,
          displayName: o.displayName ?? o.username,
          role: o.role,
          password: o.password ?? (await readStdinLine()),
          ...(organisationId ? { organisationId } : {}),
        });
        if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; '));
        const user = await new UsersService(db).create(null, parsed.data);
        say(`added ${user.username} (${user.role}) ${user.id}`);
      }),
    );

  program
    .command('verify-events')
    .description('recompute the hash chain of the event log; exit 1 when it is broken')
    .action(() =>
      withDatabase(async ({ db }) => {
        const r = await verifyEventChain(db);
        if (r.ok) say(`event log intact: ${r.checked} events verified`);
        else {
          say(`event log BROKEN at event ${r.firstBrokenId}: ${r.reason} (${r.checked} events verified before it)`);
          process.exitCode = 1;
        }
      }),
    );

  program
    .command('backup <file>')
    .description('write a logical backup (gzip JSON lines) that restores into PGlite or PostgreSQL')
    .action((file: string) =>
      withDatabase(async ({ db, kind }) => {
        const r = await backupTo(db, file);
        say(`${kind}: backed up ${r.rows} rows of ${r.tables} tables to ${file}`);
      }),
    );

  program
    .command('restore <file>')
    .description('restore a backup into an empty database (or replace everything with --replace)')
    .option('--replace', 'delete every row first')
    .action((file: string, o: { replace?: boolean }) =>
      withDatabase(async ({ db, kind }) => {
        const r = await restoreFrom(db, file, { replace: o.replace ?? false });
        say(`${kind}: restored ${r.rows} rows from ${file}`);
      }),
    );
}
