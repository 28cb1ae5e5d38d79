/**
 * The embedded PostgreSQL's watchdog: a small detached process started by the API. Node cannot ask
 * the kernel to kill a child when its parent dies (no PR_SET_PDEATHSIG), so this process holds the
 * read end of a pipe from the API: the API writes the postmaster's pid into it (0 once it has stopped
 * the server itself). When the API dies, even by `kill -9`, the pipe reaches end-of-file (and the
 * parent pid disappears, checked every second as a fallback); the watchdog then asks that postmaster
 * for a fast shutdown (SIGINT, what `pg_ctl stop -m fast` sends) if it is still our server, and exits.
 *
 * Usage: node embedded-watchdog.js <parent pid> <cluster dir>
 */
import { isAlive, isOurPostmaster } from './postmaster.js';

const parentPid = Number(process.argv[2]);
const clusterDir = process.argv[3] ?? '';
let postmasterPid = 0;
let buffered = '';

function stopAndExit(): void {
  if (postmasterPid > 0 && isOurPostmaster(postmasterPid, clusterDir)) {
    try {
      process.kill(postmasterPid, 'SIGINT');
    } catch {
      // already gone
    }
  }
  process.exit(0);
}

process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk: string) => {
  const lines = (buffered + chunk).split('\n');
  buffered = lines.pop() ?? '';
  for (const line of lines) if (/^\d+$/.test(line)) postmasterPid = Number(line);
});
process.stdin.on('end', stopAndExit);
process.stdin.on('error', stopAndExit);
setInterval(() => {
  if (!isAlive(parentPid)) stopAndExit();
}, 1000);
