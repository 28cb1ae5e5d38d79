import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source-options.js';
import { APP_ROLE, OWNER_ROLE, setUpDatabase } from '../src/database/database-setup.js';
import { createClinic, type TestClinic } from './factories.js';
import { createIsolatedDatabase, createTestApp, runDatabaseUrl, type TestContext } from './test-app.js';

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

describe('the API runs as a restricted database role', () => {
  let ctx: TestContext;
  let clinic: TestClinic;

  beforeAll(async () => {
    ctx = await createTestApp();
    clinic = await createClinic(ctx);
    // The sign-ins above wrote audit rows as the API's role: INSERT on audit_events works.
  });
  afterAll(async () => ctx.app.close());

  it('connects as itb_app, which is no superuser and owns nothing; the owner role owns every table', async () => {
    const [me] = (await ctx.dataSource.query(
      `SELECT current_user AS name, r.rolsuper, r.rolcreaterole, r.rolcreatedb, r.rolbypassrls
         FROM pg_roles r WHERE r.rolname = current_user`,
    )) as [{ name: string; rolsuper: boolean; rolcreaterole: boolean; rolcreatedb: boolean; rolbypassrls: boolean }];
    expect(me).toEqual({
      name: APP_ROLE,
      rolsuper: false,
      rolcreaterole: false,
      rolcreatedb: false,
      rolbypassrls: false,
    });
    const owners = (await ctx.dataSource.query(
      `SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'public'`,
    )) as { tableowner: string }[];
    expect(owners).toEqual([{ tableowner: OWNER_ROLE }]);
  });

  it('may read and append to audit_events, and nothing more', async () => {
    const rows = (await ctx.dataSource.query(`SELECT count(*)::int AS n FROM audit_events WHERE clinic_id = $1`, [
      clinic.id,
    ])) as [{ n: number }];
    expect(rows[0].n).toBe(3); // one auth.login per signed-in role
    const [privileges] = (await ctx.dataSource.query(
      `SELECT ${['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER']
        .map((p) => `has_table_privilege('audit_events', '${p}') AS "${p}"`)
        .join(', ')}`,
    )) as [Record<string, boolean>];
    expect(privileges).toEqual({
      SELECT: true,
      INSERT: true,
      UPDATE: false,
      DELETE: false,
      TRUNCATE: false,
      REFERENCES: false,
      TRIGGER: false,
    });
  });

  it('cannot UPDATE, DELETE or TRUNCATE audit_events', async () => {
    await expect(
      ctx.dataSource.query(`UPDATE audit_events SET action = 'x' WHERE clinic_id = $1`, [clinic.id]),
    ).rejects.toThrow(/permission denied for table audit_events/);
    await expect(ctx.dataSource.query(`DELETE FROM audit_events WHERE clinic_id = $1`, [clinic.id])).rejects.toThrow(
      /permission denied for table audit_events/,
    );
    await expect(ctx.dataSource.query(`TRUNCATE audit_events`)).rejects.toThrow(
      /permission denied for table audit_events/,
    );
    const rows = (await ctx.dataSource.query(`SELECT count(*)::int AS n FROM audit_events WHERE clinic_id = $1`, [
      clinic.id,
    ])) as [{ n: number }];
    expect(rows[0].n).toBe(3);
  });

  it('cannot set session_replication_role nor disable, drop or add triggers', async () => {
    await expect(ctx.dataSource.query(`SET session_replication_role = replica`)).rejects.toThrow(
      /permission denied to set parameter "session_replication_role"/,
    );
    await expect(ctx.dataSource.query(`ALTER TABLE audit_events DISABLE TRIGGER ALL`)).rejects.toThrow(
      /must be owner of table audit_events/,
    );
    await expect(
      ctx.dataSource.query(`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete`),
    ).rejects.toThrow(/must be owner of table audit_events/);
    await expect(ctx.dataSource.query(`DROP TRIGGER audit_events_no_update_delete ON audit_events`)).rejects.toThrow(
      /must be owner of (table|relation) audit_events/,
    );
    await expect(ctx.dataSource.query(`CREATE TABLE sneaky (id int)`)).rejects.toThrow(
      /permission denied for schema public/,
    );
  });

  it('cannot touch the migrations table nor TRUNCATE any other table', async () => {
    await expect(ctx.dataSource.query(`SELECT * FROM migrations`)).rejects.toThrow(/permission denied/);
    await expect(ctx.dataSource.query(`TRUNCATE sessions`)).rejects.toThrow(/permission denied for table sessions/);
  });
});

describe('database set-up', () => {
  it('never leaves a serving API without SELECT and INSERT on the audit trail while another set-up runs', async () => {
    // Every instance (and every test worker) sets the database up at start; it used to REVOKE ALL on
    // audit_events then GRANT again, and a sign-in in between failed with "permission denied".
    const url = await createIsolatedDatabase();
    const setup = await setUpDatabase(url);
    const app = await connect(setup.appUrl);
    try {
      let stop = false;
      const failures: string[] = [];
      const reads = (async () => {
        let n = 0;
        while (!stop || n < 50) {
          n++;
          await app.query('SELECT count(*) FROM audit_events').catch((e: Error) => failures.push(e.message));
        }
        return n;
      })();
      for (let i = 0; i < 5; i++) await setUpDatabase(url);
      stop = true;
      expect(await reads).toBeGreaterThanOrEqual(50);
      expect(failures).toEqual([]);
    } finally {
      await app.end();
    }
  });

  it('grants tables a later migration creates (default privileges), except TRUNCATE', async () => {
    const url = await createIsolatedDatabase();
    const setup = await setUpDatabase(url);
    const owner = await connect(url);
    const app = await connect(setup.appUrl);
    try {
      await owner.query(`SET ROLE ${OWNER_ROLE}`);
      await owner.query(`CREATE TABLE later_things (id bigserial PRIMARY KEY, label text NOT NULL)`);
      await app.query(`INSERT INTO later_things (label) VALUES ('a'), ('b')`);
      await app.query(`UPDATE later_things SET label = 'c' WHERE label = 'a'`);
      await app.query(`DELETE FROM later_things WHERE label = 'b'`);
      const rows = await app.query<{ label: string }>(`SELECT label FROM later_things`);
      expect(rows.rows).toEqual([{ label: 'c' }]);
      await expect(app.query(`TRUNCATE later_things`)).rejects.toThrow(/permission denied/);
    } finally {
      await owner.end();
      await app.end();
    }
  });

  it('moves a database an earlier version migrated as the superuser to the owner role', async () => {
    const url = await createIsolatedDatabase();
    // What earlier versions did: migrations as the superuser, so the superuser owned every table.
    const legacy = new DataSource(dataSourceOptions(url));
    await legacy.initialize();
    await legacy.runMigrations({ transaction: 'each' });
    await legacy.destroy();
    const before = await connect(url);
    const [superuser] = (await before.query<{ u: string }>(`SELECT current_user AS u`)).rows;
    const owned = await before.query<{ tableowner: string }>(
      `SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'public'`,
    );
    expect(owned.rows).toEqual([{ tableowner: superuser!.u }]);
    await before.end();

    const setup = await setUpDatabase(url);
    expect(setup.migrationsApplied).toBe(0);
    const after = await connect(url);
    try {
      const tables = await after.query<{ tableowner: string }>(
        `SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'public'`,
      );
      expect(tables.rows).toEqual([{ tableowner: OWNER_ROLE }]);
      const functions = await after.query<{ owner: string }>(
        `SELECT DISTINCT pg_get_userbyid(p.proowner) AS owner
           FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public'`,
      );
      expect(functions.rows).toEqual([{ owner: OWNER_ROLE }]);
    } finally {
      await after.end();
    }
    const app = await connect(setup.appUrl);
    try {
      await expect(app.query(`DELETE FROM audit_events`)).rejects.toThrow(/permission denied/);
    } finally {
      await app.end();
    }
  });

  it('refuses an APP_DATABASE_URL that names a superuser', async () => {
    const url = runDatabaseUrl();
    await expect(setUpDatabase(url, url)).rejects.toThrow(/must not be a superuser/);
  });
});
