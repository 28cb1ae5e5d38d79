import { chmodSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${PORT}`;

/**
 * The built app (npm run build first) on its own port. `npm test` hands it a database of the run's
 * test PostgreSQL; run alone, it starts an embedded one in a fresh temporary folder. Either way the
 * demo data is seeded, and the server is stopped with SIGTERM so its PostgreSQL stops too.
 */
/** A fresh folder the embedded PostgreSQL's own user can reach when the tests run as root. */
function temporaryDataDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'itb-e2e-'));
  chmodSync(dir, 0o755);
  return dir;
}

const database: Record<string, string> = process.env.E2E_DATABASE_URL
  ? { DATABASE_URL: process.env.E2E_DATABASE_URL }
  : {
      DATABASE_URL: '',
      ITB_DATA_DIR: temporaryDataDir(),
      EMBEDDED_PG_PORT: String(PORT + 1),
    };

/**
 * The demo Northside clinic's zone for this run: a fixed UTC offset where it is early afternoon now,
 * so no journey meets the clinic's midnight (a booking "this evening" and its check-in need the same
 * clinic day, and "today" must not turn over between the API's answer and the screen).
 */
function afternoonZone(now = new Date()): string {
  const offset = 13 - now.getUTCHours();
  if (offset === 0) return 'Etc/UTC';
  // POSIX sign: Etc/GMT-3 is three hours ahead of UTC.
  return `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
}

export default defineConfig({
  testDir: './tests',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 7_000 },
  reporter: [['list'], ['json', { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ?? 'test-results/report.json' }]],
  outputDir: 'test-results',
  use: {
    baseURL,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  webServer: {
    command: 'node ../apps/api/dist/main.js',
    url: `${baseURL}/api/health`,
    timeout: 90_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
    // Every answer the browser gets is checked against the OpenAPI document (a mismatch becomes a 500).
    env: {
      ...database,
      PORT: String(PORT),
      SEED_DEMO: 'true',
      DEMO_TIME_ZONE: process.env.E2E_TIME_ZONE ?? afternoonZone(),
      LOG_LEVEL: 'warn',
      VALIDATE_RESPONSES: 'true',
      // Reminders come due within seconds of a booking, not at the next minute's check.
      MESSAGE_CHECK_INTERVAL_SECONDS: '2',
    },
  },
});
