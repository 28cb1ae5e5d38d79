import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { loadConfig } from './config/config.js';
import { createApp } from './create-app.js';
import { setUpDatabase } from './database/database-setup.js';
import { startEmbeddedDatabase, type EmbeddedDatabase } from './database/embedded-database.js';
import { describeStartupError } from './database/startup-error.js';
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from './demo/demo-seed.js';
import { SeedClock } from './demo/seed-clock.js';

const logger = new Logger('Main');

async function main(): Promise<void> {
  const config = loadConfig();
  let embedded: EmbeddedDatabase | undefined;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    embedded = await startEmbeddedDatabase(config.dataDir, config.embeddedPgPort, (msg, details) =>
      logger.warn({ msg, ...details }),
    );
    databaseUrl = embedded.url;
  }
  let stopping = false;
  if (embedded) {
    const server = embedded;
    server.onUnexpectedExit((cause) => {
      if (!stopping) void restartEmbedded(server, cause, () => stopping);
    });
  }
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
      // application context that never serves requests and runs no scheduler, nor reads a replica (it
      // reads back what it has just written).
      const clock = new SeedClock();
      const seeder = await createApp(
        { ...config, flagCheckIntervalSeconds: 0, databaseReplicaUrls: [] },
        setup.appUrl,
        clock,
      );
      await seedDemo(seeder, clock, { timeZone: config.demoTimeZone });
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

/** Restart delays after the embedded PostgreSQL dies; when every attempt fails the API exits non-zero. */
const RESTART_DELAYS_MS = [1000, 2000, 4000, 8000, 16000];

/**
 * The embedded server died under us (killed, crashed, stopped by hand). `npm start` usually runs with
 * no supervisor, so the API restarts it itself; requests answer 503 DATABASE_UNAVAILABLE meanwhile and
 * the pool reconnects once it is back. If it cannot come back, exit 1 so a supervisor (or the person
 * at the console) sees it.
 */
async function restartEmbedded(server: EmbeddedDatabase, cause: string, isStopping: () => boolean): Promise<void> {
  logger.error({ msg: 'embedded PostgreSQL stopped unexpectedly; restarting it', cause });
  for (const [index, delay] of RESTART_DELAYS_MS.entries()) {
    await new Promise((resolve) => setTimeout(resolve, delay));
    if (isStopping()) return;
    try {
      await server.restart();
      logger.log({ msg: 'embedded PostgreSQL restarted', attempt: index + 1, pid: server.pid() });
      return;
    } catch (error) {
      logger.error({
        msg: 'embedded PostgreSQL restart failed',
        attempt: index + 1,
        cause: describeStartupError(error),
      });
    }
  }
  process.stderr.write('ITB Clinic stops: its embedded PostgreSQL could not be restarted (see the causes above).\n');
  process.exit(1);
}

main().catch((error: unknown) => {
  process.stderr.write(`ITB Clinic failed to start: ${describeStartupError(error)}\n`);
  process.exit(1);
});
