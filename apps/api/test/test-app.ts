import type { NestExpressApplication } from '@nestjs/platform-express';
import type { App } from 'supertest/types.js';
import { DataSource } from 'typeorm';
import { Clock } from '../src/common/clock.js';
import { loadConfig } from '../src/config/config.js';
import { createApp } from '../src/create-app.js';
import { dataSourceOptions } from '../src/database/data-source-options.js';

let migrated: Promise<void> | undefined;

/** Applies the migrations once per run: an advisory lock serialises the workers, the second finds nothing to do. */
function migrateOnce(url: string): Promise<void> {
  return (migrated ??= (async () => {
    const dataSource = new DataSource(dataSourceOptions(url));
    await dataSource.initialize();
    const lock = dataSource.createQueryRunner();
    try {
      await lock.query('SELECT pg_advisory_lock(4242)');
      await dataSource.runMigrations({ transaction: 'each' });
    } finally {
      await lock.query('SELECT pg_advisory_unlock(4242)');
      await lock.release();
      await dataSource.destroy();
    }
  })());
}

/** A clock tests can set and move. */
export class TestClock extends Clock {
  private current: Date | null = null;

  override now(): Date {
    return this.current ? new Date(this.current) : new Date();
  }

  set(instant: Date | string): void {
    this.current = new Date(instant);
  }

  advanceDays(days: number): void {
    this.current = new Date(this.now().getTime() + days * 86_400_000);
  }

  reset(): void {
    this.current = null;
  }
}

export interface TestContext {
  app: NestExpressApplication;
  server: App;
  dataSource: DataSource;
  clock: TestClock;
}

/** The real application on the run's test database, with an adjustable clock. */
export async function createTestApp(): Promise<TestContext> {
  const url = process.env.ITB_TEST_DATABASE_URL;
  if (!url) throw new Error('ITB_TEST_DATABASE_URL is not set: run the API tests through Jest (global setup).');
  await migrateOnce(url);
  const clock = new TestClock();
  const config = loadConfig({ LOG_LEVEL: 'error', WEB_DIST_DIR: '/nonexistent' });
  const app = await createApp(config, url, clock);
  await app.init();
  return { app, server: app.getHttpServer() as App, dataSource: app.get(DataSource), clock };
}
