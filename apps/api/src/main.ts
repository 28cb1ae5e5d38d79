import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { loadConfig } from './config/config.js';
import { createApp } from './create-app.js';
import { setUpDatabase } from './database/database-setup.js';
import { startEmbeddedDatabase, type EmbeddedDatabase } from './database/embedded-database.js';
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from './database/seed/demo-seed.js';
import { SeedClock } from './database/seed/seed-clock.js';

const logger = new Logger('Main');

async function main(): Promise<void> {
  const config = loadConfig();
  let embedded: EmbeddedDatabase | undefined;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    embedded = await startEmbeddedDatabase(config.dataDir, config.embeddedPgPort);
    databaseUrl = embedded.url;
  }
  let stopping = false;
  const stopDatabase = async () => {
    if (embedded) await embedded.stop().catch(() => undefined);
  };
  try {
    // Migrations run as the owner role; the API connects as a restricted login (database-setup.ts).
    const setup = await setUpDatabase(databaseUrl, config.appDatabaseUrl);
    if (setup.migrationsApplied) logger.log({ msg: 'migrations applied', count: setup.migrationsApplied });

    const shouldSeed = config.seedDemo ?? embedded?.isNew ?? false;
    if (shouldSeed) {
      // The seed writes two years of history through the services on a clock of its own, in an
      // application context that never serves requests and runs no scheduler.
      const clock = new SeedClock();
      const seeder = await createApp({ ...config, flagCheckIntervalSeconds: 0 }, setup.appUrl, clock);
      await seedDemo(seeder, clock);
      await seeder.close();
    }
    const app = await createApp(config, setup.appUrl);
    const accounts = await signInAccounts(app.get(DataSource));

    const shutdown = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      logger.log({ msg: 'stopping', signal });
      await app.close().catch(() => undefined);
      await stopDatabase();
      process.exit(0);
    };
    process.on('SIGINT', () => void shutdown('SIGINT'));
    process.on('SIGTERM', () => void shutdown('SIGTERM'));

    await app.listen(config.port, config.host);
    const shownHost = ['0.0.0.0', '::'].includes(config.host)
      ? 'localhost'
      : config.host.includes(':')
        ? `[${config.host}]`
        : config.host;
    const url = `http://${shownHost}:${config.port}`;
    const lines = [
      `ITB Clinic is listening on ${url} (API under ${url}/api, OpenAPI at ${url}/api/docs)`,
      embedded
        ? `Embedded PostgreSQL on port ${config.embeddedPgPort}, data in ${config.dataDir}`
        : 'Using DATABASE_URL',
      `Listening on ${config.host}${config.host === '127.0.0.1' ? ' only (set HOST=0.0.0.0 to serve other machines)' : ''}`,
    ];
    if (accounts.demo.length) {
      lines.push(
        `DEMO database: these accounts share the published password "${DEMO_PASSWORD}" — never use it for real patients:`,
      );
      for (const u of accounts.demo) lines.push(`  ${u.email.padEnd(32)} ${u.role}`);
    } else if (accounts.total === 0) {
      lines.push('No user accounts yet: create the first administrator with `npm run create-admin`.');
    }
    process.stdout.write(`\n${lines.join('\n')}\n\n`);
  } catch (error) {
    await stopDatabase();
    throw error;
  }
}

/** Demo accounts are listed only where the demo seed made them; an empty database points to create-admin. */
async function signInAccounts(dataSource: DataSource): Promise<{ total: number; demo: typeof DEMO_USERS }> {
  const rows = (await dataSource.query(`SELECT email FROM users`)) as { email: string }[];
  const emails = new Set(rows.map((r) => r.email));
  return { total: rows.length, demo: DEMO_USERS.filter((u) => emails.has(u.email)) };
}

main().catch((error: unknown) => {
  process.stderr.write(`ITB Clinic failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
