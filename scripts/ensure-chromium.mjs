// Makes sure a Chromium for the end-to-end tests is on this machine and prints its path.
// Debian's package when running as root on Debian; an existing Chrome/Chromium otherwise.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

export function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  return CANDIDATES.find((p) => existsSync(p)) ?? null;
}

function installDebianChromium() {
  const isRoot = process.getuid?.() === 0;
  if (!isRoot || !existsSync('/etc/debian_version')) return false;
  process.stderr.write("Chromium is missing: installing Debian's chromium package…\n");
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  const result = spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], {
    stdio: 'inherit',
    env,
  });
  return result.status === 0;
}

export function ensureChromium() {
  let path = findChromium();
  if (!path && installDebianChromium()) path = findChromium();
  if (!path) {
    throw new Error(
      'No Chromium found. Install it (Debian: apt-get install -y --no-install-recommends chromium) or set CHROMIUM_PATH.',
    );
  }
  return path;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    process.stdout.write(`${ensureChromium()}\n`);
  } catch (error) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}
