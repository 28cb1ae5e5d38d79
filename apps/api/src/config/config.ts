import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_URL: z.string().url().optional(),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  ITB_DATA_DIR: z.string().optional(),
  SEED_DEMO: z.enum(['true', 'false']).optional(),
  COOKIE_SECURE: z.enum(['true', 'false']).default('false'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  WEB_DIST_DIR: z.string().optional(),
  FLAG_CHECK_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
  API_DOCS_PUBLIC: z.enum(['true', 'false']).default('false'),
  VALIDATE_RESPONSES: z.enum(['true', 'false']).default('false'),
});

export interface AppConfig {
  port: number;
  databaseUrl?: string;
  embeddedPgPort: number;
  dataDir: string;
  /** undefined = seed only when the embedded database is new. */
  seedDemo?: boolean;
  cookieSecure: boolean;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  webDistDir: string;
  /** How often each instance checks whether the hourly flag evaluation is due; 0 turns the scheduler off. */
  flagCheckIntervalSeconds: number;
  /** `/api/docs` and `/api/docs-json` without a session. */
  isApiDocsPublic: boolean;
  /** Tests only: every answer is checked against the OpenAPI document (openapi/response-validator.ts). */
  validateResponses: boolean;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  // An empty variable counts as unset (`DATABASE_URL= npm start` means "use the embedded database").
  const set = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = envSchema.safeParse(set);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid environment: ${fields}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    embeddedPgPort: e.EMBEDDED_PG_PORT,
    dataDir: path.resolve(e.ITB_DATA_DIR ?? path.join(repoRoot, '.data')),
    seedDemo: e.SEED_DEMO === undefined ? undefined : e.SEED_DEMO === 'true',
    cookieSecure: e.COOKIE_SECURE === 'true',
    logLevel: e.LOG_LEVEL,
    webDistDir: path.resolve(e.WEB_DIST_DIR ?? path.join(repoRoot, 'apps/web/dist')),
    flagCheckIntervalSeconds: e.FLAG_CHECK_INTERVAL_SECONDS,
    isApiDocsPublic: e.API_DOCS_PUBLIC === 'true',
    validateResponses: e.VALIDATE_RESPONSES === 'true',
  };
}
