import { execFileSync } from 'node:child_process';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { appDataSourceOptions } from '../apps/api/dist/app-data-source.js';
import { startTestDatabase } from '../scripts/test-database.mjs';

/**
 * The throw-away server's memory, sized as a production server for this data would be: the 100,000-pump
 * database is about 1.6 GB, and PostgreSQL's default 128 MB of shared buffers would measure the operating
 * system's page cache instead (a quarter of a 16 GB server's memory is the usual starting point).
 */
export const BENCH_SERVER_SETTINGS = { shared_buffers: '2GB', effective_cache_size: '8GB' };

/**
 * Runs `work` on a fresh, migrated database `itb_bench_<time>`: on BENCH_DATABASE_URL (a server URL) when
 * set, otherwise on a throw-away PostgreSQL started like the tests' one. Hands `work` the database URL and
 * a TypeORM DataSource on it; closes both, and stops the throw-away server, whatever happens.
 */
export async function withBenchDatabase(work) {
  const server = process.env.BENCH_DATABASE_URL ? null : await startTestDatabase(BENCH_SERVER_SETTINGS);
  const base = process.env.BENCH_DATABASE_URL ?? server.url;
  const url = `${base}/itb_bench_${Date.now()}`;
  try {
    const admin = new pg.Client({ connectionString: `${base}/postgres` });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${new URL(url).pathname.slice(1)}`);
    await admin.end();
    const dataSource = new DataSource(appDataSourceOptions(url));
    await dataSource.initialize();
    try {
      await dataSource.runMigrations({ transaction: 'each' });
      await work({ url, dataSource });
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await server?.stop();
  }
}

/**
 * Settles a freshly generated database before anything is timed: a CHECKPOINT hands PostgreSQL's dirty
 * pages to the operating system, and `sync` has it write them (and whatever `npm ci` left) to disk.
 * Without both, the checkpointer and then the kernel's write-back of the generated gigabytes run beside
 * the first things measured (the bench server runs with fsync off, so nothing else flushes them).
 */
export async function settle(client) {
  await client.query('CHECKPOINT');
  execFileSync('sync');
}
