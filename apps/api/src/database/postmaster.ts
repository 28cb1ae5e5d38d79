import { readFileSync } from 'node:fs';
import path from 'node:path';

/** What a cluster's `postmaster.pid` says: the server's pid, and whether that process is alive. */
export function readPostmasterPid(clusterDir: string): { pid: number; isAlive: boolean } | undefined {
  let text: string;
  try {
    text = readFileSync(path.join(clusterDir, 'postmaster.pid'), 'utf8');
  } catch {
    return undefined;
  }
  const pid = Number(text.split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  return { pid, isAlive: isAlive(pid) };
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * True when `pid` is a PostgreSQL server whose data folder is `clusterDir` (its command line is
 * `postgres -D <clusterDir> …`), so a reused pid is never taken for our server. Without /proc
 * (not Linux) a live pid from the lock file is trusted.
 */
export function isOurPostmaster(pid: number, clusterDir: string): boolean {
  if (!isAlive(pid)) return false;
  let argv: string[];
  try {
    argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  } catch {
    return process.platform !== 'linux';
  }
  const dataArg = argv.indexOf('-D');
  return (
    path.basename(argv[0] ?? '') === 'postgres' &&
    dataArg >= 0 &&
    path.resolve(argv[dataArg + 1] ?? '') === path.resolve(clusterDir)
  );
}
