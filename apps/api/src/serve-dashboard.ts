import { existsSync } from 'node:fs';
import path from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import expressStaticGzip from 'express-static-gzip';

/** Hashed file names change with their content, so a browser may keep them for a year without asking. */
export const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';

/**
 * The built dashboard from the same port as the API:
 * - `/assets/*` (Vite's content-hashed chunks): the build's brotli or gzip copy when the browser accepts
 *   one (made once at build time, vite-plugin-compression2), cached immutable for a year; a missing file
 *   is a 404, never the page.
 * - other files at the root (favicon): an hour.
 * - `index.html`, directly or as the fallback for any other non-API GET (client routing): `no-cache`, so
 *   a release is picked up at the next load.
 * - source maps: 404 wherever they are asked for (the production build emits none).
 */
export function serveDashboard(app: NestExpressApplication, webDistDir: string): void {
  const indexHtml = path.join(webDistDir, 'index.html');
  if (!existsSync(indexHtml)) return;

  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.path.endsWith('.map') && !req.path.startsWith('/api/')) return void res.sendStatus(404);
    next();
  });
  app.use(
    '/assets',
    expressStaticGzip(path.join(webDistDir, 'assets'), {
      enableBrotli: true,
      orderPreference: ['br', 'gzip'],
      index: false,
      serveStatic: {
        index: false,
        fallthrough: true,
        setHeaders: (res) => res.setHeader('Cache-Control', IMMUTABLE_CACHE),
      },
    }),
  );
  // Whatever /assets did not find is a plain 404 here, instead of reaching the index.html fallback.
  app.use('/assets', (_req: Request, res: Response) => void res.sendStatus(404));
  app.useStaticAssets(webDistDir, {
    index: false,
    maxAge: '1h',
    setHeaders: (res, file) => {
      if (file.endsWith('.html')) res.setHeader('Cache-Control', 'no-cache');
    },
  });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || req.path.startsWith('/api')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(indexHtml);
  });
}
