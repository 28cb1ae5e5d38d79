import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { loadConfig } from './config/config.js';
import { createApp } from './create-app.js';
import { dataSourceOptions } from './database/data-source-options.js';
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
    const migrations = new DataSource(dataSourceOptions(databaseUrl));
    await migrations.initialize();
    const applied = await migrations.runMigrations({ transaction: 'each' });
    await migrations.destroy();
    if (applied.length) logger.log({ msg: 'migrations applied', count: applied.length });

    const shouldSeed = config.seedDemo ?? embedded?.isNew ?? false;
    if (shouldSeed) {
      // The seed writes two years of history through the services on a clock of its own, in an
      // application context that never serves requests and runs no scheduler.
      const clock = new SeedClock();
      const seeder = await createApp({ ...config, flagCheckIntervalSeconds: 0 }, databaseUrl, clock);
      await seedDemo(seeder, clock);
      await seeder.close();
    }
    const app = await createApp(config, databaseUrl);

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
    if (shouldSeed || embedded) {
      lines.push(`Demo sign-ins (password "${DEMO_PASSWORD}", demo data only):`);
      for (const u of DEMO_USERS) lines.push(`  ${u.email.padEnd(32)} ${u.role}`);
    }
    process.stdout.write(`\n${lines.join('\n')}\n\n`);
  } catch (error) {
    await stopDatabase();
    throw error;
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`ITB Clinic failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
