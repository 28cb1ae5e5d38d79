// `npm test`: lint, type-check, unit (Vitest), API integration (Jest, real Postgres), fuzz (Jest +
// fast-check from the OpenAPI document), the fault tier (Jest, the built API killed and starved of its
// database) and end-to-end (Playwright, Chromium) — every step runs, and the last line is the CI
// summary `N passed, N failed` summed over the runners' reports.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { ensureChromium } from './ensure-chromium.mjs';
import { startTestDatabase } from './test-database.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const reports = path.join(root, 'reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const failures = [];
function run(label, command, args, options = {}) {
  process.stdout.write(`\n━━ ${label}\n`);
  const started = Date.now();
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    ...options,
    env: { ...process.env, ...options.env },
  });
  process.stdout.write(
    `━━ ${label}: ${result.status === 0 ? 'ok' : 'FAILED'} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`,
  );
  if (result.status !== 0) failures.push(label);
  return result.status === 0;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

run('lint', 'npm', ['run', 'lint', '--silent']);
run('type-check', 'npm', ['run', 'typecheck', '--silent']);
run('unit tests (vitest)', 'npx', [
  'vitest',
  'run',
  '--config',
  'vitest.config.ts',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${path.join(reports, 'vitest.json')}`,
]);

const database = await startTestDatabase();
process.stdout.write(`\nTest PostgreSQL (${database.kind}) at ${database.url}\n`);
try {
  run(
    'API integration tests (jest, real PostgreSQL)',
    'npx',
    ['jest', '--json', `--outputFile=${path.join(reports, 'jest.json')}`],
    {
      cwd: path.join(root, 'apps/api'),
      env: {
        TEST_DATABASE_URL: database.url,
        NODE_OPTIONS: '--experimental-vm-modules --disable-warning=ExperimentalWarning',
      },
    },
  );

  run(
    'fuzz tests (fast-check from the OpenAPI document, real PostgreSQL)',
    'npx',
    ['jest', '-c', 'jest.fuzz.config.js', '--json', `--outputFile=${path.join(reports, 'jest-fuzz.json')}`],
    {
      cwd: path.join(root, 'apps/api'),
      env: {
        TEST_DATABASE_URL: database.url,
        NODE_OPTIONS: '--experimental-vm-modules --disable-warning=ExperimentalWarning',
      },
    },
  );

  const built = run('build', 'npm', ['run', 'build', '--silent']);
  if (built) {
    run(
      'fault tier (jest, built API: kill -9, PostgreSQL stopped; built dashboard assets)',
      'npx',
      ['jest', '-c', 'jest.faults.config.js', '--json', `--outputFile=${path.join(reports, 'jest-faults.json')}`],
      {
        cwd: path.join(root, 'apps/api'),
        env: { NODE_OPTIONS: '--experimental-vm-modules --disable-warning=ExperimentalWarning' },
      },
    );
  }
  let chromium = null;
  try {
    chromium = ensureChromium();
  } catch (error) {
    process.stdout.write(`${error.message}\n`);
    failures.push('chromium');
  }
  if (built && chromium) {
    const client = new pg.Client({ connectionString: `${database.url}/postgres` });
    await client.connect();
    await client.query('CREATE DATABASE itb_e2e');
    await client.end();
    run('end-to-end tests (playwright, chromium)', 'npx', ['playwright', 'test'], {
      cwd: path.join(root, 'e2e'),
      env: {
        CHROMIUM_PATH: chromium,
        E2E_DATABASE_URL: `${database.url}/itb_e2e`,
        PLAYWRIGHT_JSON_OUTPUT_NAME: path.join(reports, 'playwright.json'),
      },
    });
  }
} finally {
  await database.stop();
}

// Sum the runners' own reports.
const counts = { passed: 0, failed: 0, skipped: 0 };
const vitest = readJson(path.join(reports, 'vitest.json'));
if (vitest) {
  counts.passed += vitest.numPassedTests;
  counts.failed += vitest.numFailedTests;
  counts.skipped += vitest.numPendingTests + vitest.numTodoTests;
}
const jest = readJson(path.join(reports, 'jest.json'));
const jestFaults = readJson(path.join(reports, 'jest-faults.json'));
const fuzz = readJson(path.join(reports, 'jest-fuzz.json'));
for (const report of [jest, fuzz, jestFaults]) {
  if (!report) continue;
  counts.passed += report.numPassedTests;
  counts.failed += report.numFailedTests;
  counts.skipped += report.numPendingTests + report.numTodoTests;
}
const playwright = readJson(path.join(reports, 'playwright.json'));
if (playwright) {
  counts.passed += playwright.stats.expected;
  counts.failed += playwright.stats.unexpected + playwright.stats.flaky;
  counts.skipped += playwright.stats.skipped;
}
for (const [name, report] of [
  ['vitest', vitest],
  ['jest', jest],
  ['jest (fault tier)', jestFaults],
  ['jest (fuzz)', fuzz],
  ['playwright', playwright],
]) {
  if (!report) failures.push(`${name} wrote no report`);
}
if (counts.passed + counts.failed === 0) failures.push('no test ran');
if (counts.failed > 0 || counts.skipped > 0) failures.push('tests failed or were skipped');

if (failures.length) process.stdout.write(`\nFailed steps: ${[...new Set(failures)].join(', ')}\n`);
const summary = `${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ''}`;
writeFileSync(path.join(reports, 'summary.txt'), `${summary}\n`);
process.stdout.write(`\n${summary}\n`);
process.exit(failures.length ? 1 : 0);
