import { createHmac } from 'node:crypto';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options.js';

/** Owns the schema and runs the migrations (created when the set-up connection is a superuser). */
export const OWNER_ROLE = 'itb_owner';
/** The schemas the owner role owns: the application's, and pg-boss's job tables. */
const OWNED_SCHEMAS = ['public', 'pgboss'];
/** The API's login: no superuser, no ownership, no TRUNCATE; INSERT and SELECT only on append-only tables. */
export const APP_ROLE = 'itb_app';
/** Tables the API may only read and append to. A migration adding one lists it here. */
export const APPEND_ONLY_TABLES = ['audit_events'] as const;
/** TypeORM's bookkeeping: the API never touches it. */
const MIGRATIONS_TABLE = 'migrations';

export interface DatabaseSetup {
  /** The restricted login the API connects with. */
  appUrl: string;
  /** The role that ran the migrations and owns the schema. */
  ownerRole: string;
  migrationsApplied: number;
}

/**
 * Prepares the database at start-up: roles, migrations (as the owner), then the API role's privileges.
 *
 * `adminUrl` (DATABASE_URL, or the embedded superuser) must be able to run migrations. When it is a
 * superuser, it creates the owner role, hands it the database and any objects an earlier version made
 * under another owner, and migrations run `SET ROLE` to it. Otherwise the URL's own role is the owner.
 * `appUrl` (APP_DATABASE_URL) names the API's login; without it the set-up creates `itb_app` when it
 * may create roles, with a password derived from the admin password (every instance derives the same).
 */
export async function setUpDatabase(adminUrl: string, appUrl?: string): Promise<DatabaseSetup> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  let ownerRole: string;
  let resolvedAppUrl: string;
  try {
    // One set-up at a time per database (parallel test workers, several instances starting together).
    await admin.query('SELECT pg_advisory_lock(4242)');
    const [me] = (
      await admin.query<{ rolname: string; rolsuper: boolean; rolcreaterole: boolean; db: string }>(
        `SELECT rolname, rolsuper, rolcreaterole, current_database() AS db FROM pg_roles WHERE rolname = current_user`,
      )
    ).rows;
    if (!me) throw new Error('Database set-up: cannot read the connecting role');
    if (me.rolsuper) {
      ownerRole = OWNER_ROLE;
      await ensureRole(admin, OWNER_ROLE, 'NOLOGIN');
      await adoptObjects(admin, me.db, OWNER_ROLE);
    } else {
      ownerRole = me.rolname;
    }
    if (appUrl) {
      resolvedAppUrl = appUrl;
    } else if (me.rolsuper || me.rolcreaterole) {
      resolvedAppUrl = await ensureAppLogin(admin, adminUrl);
    } else {
      throw new Error(
        `DATABASE_URL's role "${me.rolname}" may not create roles: set APP_DATABASE_URL to a login role ` +
          'without superuser or ownership for the API (see README, "Database roles").',
      );
    }
  } finally {
    await admin.end();
  }

  const appRole = decodeURIComponent(new URL(resolvedAppUrl).username);
  if (appRole === ownerRole) throw new Error('APP_DATABASE_URL must name a role other than the schema owner');
  const owner = new DataSource({
    ...dataSourceOptions(adminUrl),
    // One connection: the advisory lock and the migrations share it. As a superuser, act as the owner.
    extra: { max: 1, ...(ownerRole === OWNER_ROLE && { options: `-c role=${OWNER_ROLE}` }) },
  });
  await owner.initialize();
  let migrationsApplied: number;
  try {
    await owner.query('SELECT pg_advisory_lock(4242)');
    migrationsApplied = (await owner.runMigrations({ transaction: 'each' })).length;
    await grantAppPrivileges(owner, appRole);
    await owner.query('SELECT pg_advisory_unlock(4242)');
  } finally {
    await owner.destroy();
  }
  await assertRestricted(resolvedAppUrl);
  return { appUrl: resolvedAppUrl, ownerRole, migrationsApplied };
}

const isDuplicate = (error: unknown) =>
  typeof error === 'object' && error !== null && ['42710', '23505'].includes((error as { code?: string }).code ?? '');

async function ensureRole(client: pg.Client, role: string, attributes: string, password?: string): Promise<void> {
  const exists = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
  if (exists.rowCount) return;
  const withPassword = password === undefined ? '' : ` PASSWORD ${client.escapeLiteral(password)}`;
  try {
    await client.query(
      `CREATE ROLE ${client.escapeIdentifier(role)} ${attributes} NOSUPERUSER NOCREATEDB NOCREATEROLE ` +
        `NOREPLICATION NOBYPASSRLS${withPassword}`,
    );
  } catch (error) {
    // Another database of the same server created it a moment ago (roles are server-wide).
    if (!isDuplicate(error)) throw error;
  }
}

/** Hands the owner role the database and every object an earlier version created as the superuser. */
async function adoptObjects(client: pg.Client, database: string, owner: string): Promise<void> {
  const o = client.escapeIdentifier(owner);
  await client.query(`ALTER DATABASE ${client.escapeIdentifier(database)} OWNER TO ${o}`);
  const statements = async (sql: string, schema: string) =>
    (await client.query<{ stmt: string }>(sql, [owner, schema])).rows.map((r) => r.stmt);
  // The application's schema and pg-boss's (migration 1764710000000), where it exists yet.
  for (const schema of OWNED_SCHEMAS) {
    const exists = await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema]);
    if (exists.rowCount === 0) continue;
    await client.query(`ALTER SCHEMA ${client.escapeIdentifier(schema)} OWNER TO ${o}`);
    // Tables first: their serial sequences and indexes follow them.
    for (const stmt of await statements(
      `SELECT format('ALTER TABLE %I.%I OWNER TO %I', n.nspname, c.relname, $1::text) AS stmt
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = $2 AND c.relkind IN ('r', 'p', 'v', 'm') AND pg_get_userbyid(c.relowner) <> $1`,
      schema,
    ))
      await client.query(stmt);
    for (const stmt of await statements(
      `SELECT format('ALTER SEQUENCE %I.%I OWNER TO %I', n.nspname, c.relname, $1::text) AS stmt
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = $2 AND c.relkind = 'S' AND pg_get_userbyid(c.relowner) <> $1`,
      schema,
    ))
      await client.query(stmt);
    for (const stmt of await statements(
      `SELECT format('ALTER FUNCTION %s OWNER TO %I', p.oid::regprocedure, $1::text) AS stmt
         FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname = $2 AND pg_get_userbyid(p.proowner) <> $1`,
      schema,
    ))
      await client.query(stmt);
    // Enum types (pg-boss's job_state); a table's row type follows its table.
    for (const stmt of await statements(
      `SELECT format('ALTER TYPE %I.%I OWNER TO %I', n.nspname, t.typname, $1::text) AS stmt
         FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
        WHERE n.nspname = $2 AND t.typtype = 'e' AND pg_get_userbyid(t.typowner) <> $1`,
      schema,
    ))
      await client.query(stmt);
  }
}

/** The app login's password, derived from the admin's, so every instance agrees without storing it. */
export function derivedAppPassword(adminUrl: string): string {
  const secret = decodeURIComponent(new URL(adminUrl).password);
  return createHmac('sha256', secret).update(`itb-app-role:${APP_ROLE}`).digest('base64url');
}

async function ensureAppLogin(admin: pg.Client, adminUrl: string): Promise<string> {
  const password = derivedAppPassword(adminUrl);
  await ensureRole(admin, APP_ROLE, 'LOGIN NOINHERIT', password);
  const url = new URL(adminUrl);
  url.username = APP_ROLE;
  url.password = password;
  // The admin password changed since the role was made (a data folder from an earlier version): follow it.
  if (!(await canConnect(url.toString()))) {
    await admin.query(`ALTER ROLE ${APP_ROLE} WITH LOGIN PASSWORD ${admin.escapeLiteral(password)}`);
  }
  return url.toString();
}

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === '28P01') return false;
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Runs as the owner after every migration, so it is idempotent: read and write on every table, read and
 * append only on the append-only ones, nothing on the migrations table, never TRUNCATE, REFERENCES or
 * TRIGGER. Default privileges grant future migrations' tables and sequences as they are created.
 */
async function grantAppPrivileges(owner: DataSource, appRole: string): Promise<void> {
  const app = `"${appRole.replaceAll('"', '""')}"`;
  // One transaction: the API's sessions (another instance, a test worker already serving) never see the
  // append-only tables without SELECT and INSERT half-way through (a REVOKE ALL then a GRANT).
  await owner.transaction(async (m) => {
    await m.query(`GRANT USAGE ON SCHEMA public TO ${app}`);
    await m.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${app}`);
    await m.query(`REVOKE TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA public FROM ${app}`);
    await m.query(`GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO ${app}`);
    await m.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app}`);
    await m.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO ${app}`);
    for (const table of APPEND_ONLY_TABLES) {
      await m.query(`REVOKE ALL ON ${table} FROM ${app}`);
      await m.query(`GRANT SELECT, INSERT ON ${table} TO ${app}`);
    }
    await m.query(`REVOKE ALL ON ${MIGRATIONS_TABLE} FROM ${app}`);
    // pg-boss's job tables (migration 1764710000000 made them): the send queue's reads and writes only.
    await m.query(`GRANT USAGE ON SCHEMA pgboss TO ${app}`);
    await m.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA pgboss TO ${app}`);
  });
}

/** Refuses to serve with a login that could rewrite the audit trail. */
async function assertRestricted(appUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: appUrl });
  await client.connect();
  try {
    const [row] = (
      await client.query<{ rolsuper: boolean; owns: number }>(
        `SELECT r.rolsuper,
                (SELECT count(*)::int FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                  WHERE n.nspname = 'public' AND pg_has_role(current_user, c.relowner, 'MEMBER')) AS owns
           FROM pg_roles r WHERE r.rolname = current_user`,
      )
    ).rows;
    if (!row || row.rolsuper || row.owns > 0) {
      throw new Error(
        'The API database role must not be a superuser nor own (or be a member of the owner of) any table: ' +
          'check APP_DATABASE_URL',
      );
    }
  } finally {
    await client.end();
  }
}
