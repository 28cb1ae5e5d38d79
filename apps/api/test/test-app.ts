import { randomUUID } from 'node:crypto';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { App } from 'supertest/types.js';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { Clock } from '../src/common/clock.js';
import { loadConfig } from '../src/config/config.js';
import { createApp } from '../src/create-app.js';
import { setUpDatabase } from '../src/database/database-setup.js';

const prepared = new Map<string, Promise<string>>();

/**
 * Sets the database up once per database as start-up does (roles, migrations as the owner, the API
 * role's privileges) and answers the restricted login's URL: the tests run the app as production does.
 * The set-up's advisory lock serialises the workers; the second finds nothing to do.
 */
export function appDatabaseUrl(url: string): Promise<string> {
  let done = prepared.get(url);
  if (!done) prepared.set(url, (done = setUpDatabase(url).then((setup) => setup.appUrl)));
  return done;
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

export function runDatabaseUrl(): string {
  const url = process.env.ITB_TEST_DATABASE_URL;
  if (!url) throw new Error('ITB_TEST_DATABASE_URL is not set: run the API tests through Jest (global setup).');
  return url;
}

/**
 * A database of its own on the run's server, for tests of whole-database passes (the scheduled
 * evaluation reads every clinic's pumps, so it must not see other test files' clinics).
 */
export async function createIsolatedDatabase(): Promise<string> {
  const runUrl = new URL(runDatabaseUrl());
  const name = `${runUrl.pathname.slice(1)}_${randomUUID().slice(0, 8)}`;
  const admin = new pg.Client({ connectionString: runUrl.toString() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  runUrl.pathname = `/${name}`;
  return runUrl.toString();
}

/** The real application on the run's test database (or the one given) as the API's role, with an adjustable clock. */
export async function createTestApp(
  options: { databaseUrl?: string; clock?: TestClock; env?: Record<string, string> } = {},
): Promise<TestContext> {
  const url = await appDatabaseUrl(options.databaseUrl ?? runDatabaseUrl());
  const clock = options.clock ?? new TestClock();
  // The scheduler stays off: tests run its tick themselves, at the time they choose. Every answer is
  // checked against the OpenAPI document: a mismatch turns into a 500 (openapi/response-validator.ts).
  const config = loadConfig({
    LOG_LEVEL: 'error',
    WEB_DIST_DIR: '/nonexistent',
    FLAG_CHECK_INTERVAL_SECONDS: '0',
    MESSAGE_CHECK_INTERVAL_SECONDS: '0',
    VALIDATE_RESPONSES: 'true',
    ...options.env,
  });
  const app = await createApp(config, url, clock);
  await app.init();
  return { app, server: app.getHttpServer() as App, dataSource: app.get(DataSource), clock };
}
