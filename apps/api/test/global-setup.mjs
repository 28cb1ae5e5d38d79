import pg from 'pg';
import { startTestDatabase } from '../../../scripts/test-database.mjs';

/**
 * One PostgreSQL for the whole Jest run (the runner script's, or one started here) and one database.
 * Migrations run once, on first use (test/test-app.ts). Tests isolate themselves with a fresh clinic
 * each — nothing is truncated.
 */
export default async function globalSetup() {
  let baseUrl = process.env.TEST_DATABASE_URL;
  if (!baseUrl) {
    const server = await startTestDatabase();
    globalThis.__itbTestServer = server;
    baseUrl = server.url;
  }
  const database = `itb_api_${Date.now()}`;
  const client = new pg.Client({ connectionString: `${baseUrl}/postgres` });
  await client.connect();
  await client.query(`CREATE DATABASE ${database}`);
  await client.end();
  process.env.ITB_TEST_DATABASE_URL = `${baseUrl}/${database}`;
}
