import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { createTestApp, type TestContext } from './test-app.js';

/**
 * How the API serves a built dashboard (serve-dashboard.ts), on a small dist folder laid out as
 * `vite build` lays it out: this tier runs before the build, so it does not read apps/web/dist (the
 * built-dist check is test-faults/built-dashboard.built-spec.ts, which runs after `npm run build`).
 */
const ENTRY = 'index-Ab12Cd34.js';
const ENTRY_SOURCE = `console.log(${JSON.stringify('the dashboard '.repeat(200))});\n`;
const INDEX_HTML = `<!doctype html><html><head><script type="module" src="/assets/${ENTRY}"></script></head><body><div id="root"></div></body></html>\n`;

/** The copies the build would put beside the script (vite-plugin-compression2). */
const ENTRY_BR = brotliCompressSync(ENTRY_SOURCE);
const ENTRY_GZ = gzipSync(ENTRY_SOURCE);

/** The answer as sent (the client unpacks it by its Content-Encoding): its length says which file went out. */
const sentBytes = (res: request.Response) => Number(res.headers['content-length']);

describe('the built dashboard: compressed, cached by kind, no source maps, no page for a missing file', () => {
  let ctx: TestContext;
  let dist: string;

  beforeAll(async () => {
    dist = mkdtempSync(path.join(os.tmpdir(), 'itb-web-dist-'));
    mkdirSync(path.join(dist, 'assets'));
    writeFileSync(path.join(dist, 'index.html'), INDEX_HTML);
    writeFileSync(path.join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    const entry = path.join(dist, 'assets', ENTRY);
    writeFileSync(entry, ENTRY_SOURCE);
    writeFileSync(`${entry}.br`, ENTRY_BR);
    writeFileSync(`${entry}.gz`, ENTRY_GZ);
    // A map left in the folder by a build made with source maps: still never served.
    writeFileSync(`${entry}.map`, '{"version":3,"sources":["secret-source.ts"],"mappings":""}');
    ctx = await createTestApp({ env: { WEB_DIST_DIR: dist } });
  });
  afterAll(async () => {
    await ctx.app.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('answers a hashed script in brotli when the browser accepts it, cached immutable for a year', async () => {
    const res = await request(ctx.server).get(`/assets/${ENTRY}`).set('Accept-Encoding', 'gzip, deflate, br');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['content-type']).toMatch(/^text\/javascript/);
    expect(res.headers['vary']).toMatch(/Accept-Encoding/i);
    expect(sentBytes(res)).toBe(ENTRY_BR.length);
    expect(res.text).toBe(ENTRY_SOURCE);
    // The security headers still apply to the dashboard's files.
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('answers gzip to a browser without brotli, and the plain file to one that accepts neither', async () => {
    const gz = await request(ctx.server).get(`/assets/${ENTRY}`).set('Accept-Encoding', 'gzip');
    expect(gz.status).toBe(200);
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(sentBytes(gz)).toBe(ENTRY_GZ.length);
    expect(gz.text).toBe(ENTRY_SOURCE);

    const plain = await request(ctx.server).get(`/assets/${ENTRY}`).set('Accept-Encoding', 'identity');
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(sentBytes(plain)).toBe(Buffer.byteLength(ENTRY_SOURCE));
    expect(plain.text).toBe(ENTRY_SOURCE);
  });

  it('answers index.html with no-cache, at / and as the fallback for a client route', async () => {
    for (const url of ['/', '/patients/0b6f1a52-3c1e-4c55-9d43-4f0d2f4a8d11/refill', '/index.html']) {
      const res = await request(ctx.server).get(url).set('Accept', 'text/html');
      expect({ url, status: res.status }).toEqual({ url, status: 200 });
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.text).toBe(INDEX_HTML);
    }
  });

  it('answers 404 for a source map, whether it exists or not', async () => {
    for (const url of [`/assets/${ENTRY}.map`, '/assets/other-Zz99Yy88.js.map', '/favicon.svg.map']) {
      const res = await request(ctx.server).get(url);
      expect({ url, status: res.status }).toEqual({ url, status: 404 });
      expect(res.text).not.toContain('secret-source');
      expect(res.text).not.toContain('<div id="root">');
    }
  });

  it('answers 404 for a missing file under /assets, not the page', async () => {
    for (const url of ['/assets/x.js', '/assets/index-Old00000.js', '/assets/index-Old00000.css', '/assets/']) {
      const res = await request(ctx.server).get(url).set('Accept', '*/*');
      expect({ url, status: res.status }).toEqual({ url, status: 404 });
      expect(res.headers['content-type'] ?? '').not.toMatch(/text\/html/);
      expect(res.text).not.toContain('<div id="root">');
    }
  });

  it('keeps the API answering JSON beside the dashboard', async () => {
    const res = await request(ctx.server).get('/api/health').expect(200);
    expect(res.headers['content-type']).toMatch(/application\/json/);
  });
});
