import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type ApiProcess, BASE, freshDataDir, startApi, stopApi } from './api-process.js';

/**
 * Issue 14, item 16 / acceptance 4, on the real build: it reads apps/web/dist as `npm run build` left it
 * (this tier runs after the build; test-all.mjs) and asks the built API for its files.
 */
const DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');
const ASSETS = path.join(DIST, 'assets');
/** Item 16: the first page's entry script, gzipped. */
const ENTRY_LIMIT_BYTES = 150 * 1024;

const gzippedBytes = (file: string) => gzipSync(readFileSync(path.join(ASSETS, file)), { level: 9 }).length;
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

/** The script index.html starts, and every chunk it imports statically (what the browser must fetch first). */
function firstLoad(): { entry: string; chunks: string[] } {
  const html = readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const entry = /<script type="module"[^>]*src="\/assets\/([^"]+\.js)"/.exec(html)?.[1];
  if (!entry) throw new Error(`index.html loads no /assets script:\n${html}`);
  const chunks = new Set<string>();
  const visit = (file: string) => {
    if (chunks.has(file)) return;
    chunks.add(file);
    const code = readFileSync(path.join(ASSETS, file), 'utf8');
    for (const m of code.matchAll(/(?:\bfrom|\bimport)\s*["']\.\/([^"']+\.js)["']/g)) if (m[1]) visit(m[1]);
  };
  visit(entry);
  return { entry, chunks: [...chunks] };
}

describe('the built dashboard (apps/web/dist)', () => {
  beforeAll(() => {
    if (!existsSync(path.join(DIST, 'index.html'))) throw new Error(`${DIST} has no build: run npm run build first`);
  });

  it('starts from an entry chunk under 150 KB gzipped', () => {
    const { entry, chunks } = firstLoad();
    const entryBytes = gzippedBytes(entry);
    const firstLoadBytes = chunks.reduce((sum, file) => sum + gzippedBytes(file), 0);
    // Reported on every run, so a growing bundle is seen before it crosses the line.
    process.stdout.write(
      `entry chunk ${entry}: ${kib(entryBytes)} gzipped; with its ${chunks.length - 1} static imports ${kib(firstLoadBytes)}\n`,
    );
    expect(entryBytes).toBeLessThan(ENTRY_LIMIT_BYTES);
  });

  it('holds no source maps and no link to one', () => {
    const files = readdirSync(ASSETS);
    expect(files.filter((file) => file.endsWith('.map'))).toEqual([]);
    const linked = files
      .filter((file) => file.endsWith('.js'))
      .filter((file) => readFileSync(path.join(ASSETS, file), 'utf8').includes('sourceMappingURL='));
    expect(linked).toEqual([]);
  });

  it('has a brotli and a gzip copy of every script', () => {
    const files = new Set(readdirSync(ASSETS));
    const scripts = [...files].filter((file) => file.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(1);
    // The build compresses files from 1 KiB up (vite.config.ts); smaller ones are not worth it.
    const bare = scripts.filter(
      (file) => statSync(path.join(ASSETS, file)).size >= 1024 && !(files.has(`${file}.br`) && files.has(`${file}.gz`)),
    );
    expect(bare).toEqual([]);
  });
});

describe('the built API serving the built dashboard', () => {
  let api: ApiProcess | undefined;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = freshDataDir();
    api = await startApi(dataDir);
  });
  afterAll(async () => {
    await stopApi(api);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers the entry chunk compressed and cached immutable for a year, and its map 404', async () => {
    const { entry } = firstLoad();
    const source = readFileSync(path.join(ASSETS, entry), 'utf8');
    for (const encoding of ['br', 'gzip']) {
      const res = await fetch(`${BASE}/assets/${entry}`, { headers: { 'Accept-Encoding': encoding } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-encoding')).toBe(encoding);
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(await res.text()).toBe(source);
    }
    const map = await fetch(`${BASE}/assets/${entry}.map`);
    expect(map.status).toBe(404);
    // A chunk name no build made (a hash may end in "-", so the name is extended, not its hash replaced).
    const missing = await fetch(`${BASE}/assets/${entry.replace(/\.js$/, '.gone0000.js')}`);
    expect(missing.status).toBe(404);
  });

  it('answers index.html with no-cache for a client route', async () => {
    const res = await fetch(`${BASE}/queue`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(await res.text()).toBe(readFileSync(path.join(DIST, 'index.html'), 'utf8'));
  });
});
