import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isValidTimeZone } from '@itb/domain';
import { z } from 'zod';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** The address to listen on: loopback unless said otherwise (the container sets 0.0.0.0). */
  HOST: z.string().min(1).default('127.0.0.1'),
  /**
   * The proxies whose X-Forwarded-For is believed: addresses, subnets, or Express's names `loopback`,
   * `linklocal`, `uniquelocal`, comma-separated. Unset: none (the socket's address is the client's).
   */
  TRUST_PROXY: z
    .string()
    .refine(
      (v) => !/^\s*(true|\*|\d+)\s*$/i.test(v),
      'must name the proxy (addresses, subnets, loopback), not trust everyone',
    )
    .optional(),
  /** Origins other than the served one allowed to make writes, comma-separated (`https://clinic.example.org`). */
  ALLOWED_ORIGINS: z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean),
    )
    .pipe(
      z.array(
        z
          .string()
          .refine(
            (o) => URL.canParse(o) && new URL(o).origin === o,
            'must be origins such as https://clinic.example.org',
          ),
      ),
    )
    .optional(),
  /** Signs list cursors; set the same value on every instance behind one address (default: random per process). */
  CURSOR_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  DATABASE_URL: z.string().url().optional(),
  APP_DATABASE_URL: z.string().url().optional(),
  /**
   * Streaming standbys of DATABASE_URL's database for reads that may be a moment old, comma-separated
   * (`postgres://replica-1:5432/itb`). A URL without a user name logs in as the API's role.
   */
  DATABASE_REPLICA_URLS: z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((u) => u.trim())
        .filter(Boolean),
    )
    .pipe(
      z.array(
        z
          .string()
          .refine(
            (u) => URL.canParse(u) && ['postgres:', 'postgresql:'].includes(new URL(u).protocol),
            'must be postgres:// URLs, comma-separated',
          ),
      ),
    )
    .optional(),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  ITB_DATA_DIR: z.string().optional(),
  SEED_DEMO: z.enum(['true', 'false']).optional(),
  DEMO_TIME_ZONE: z.string().refine(isValidTimeZone, 'must be an IANA time zone such as Europe/London').optional(),
  COOKIE_SECURE: z.enum(['true', 'false']).default('false'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  WEB_DIST_DIR: z.string().optional(),
  FLAG_CHECK_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
  API_DOCS_PUBLIC: z.enum(['true', 'false']).default('false'),
  /** `smtp://user:pass@host:587` or `smtps://…`; unset: messages stay in the outbox, shown to administrators. */
  SMTP_URL: z
    .string()
    .refine((v) => URL.canParse(v) && /^smtps?:$/.test(new URL(v).protocol), 'must be an smtp:// or smtps:// URL')
    .optional(),
  MAIL_FROM: z.string().min(3).default('ITB Clinic <no-reply@itb-clinic.invalid>'),
  MESSAGE_CHECK_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
  MESSAGE_POLL_SECONDS: z.coerce.number().min(0.5).max(60).default(2),
  VALIDATE_RESPONSES: z.enum(['true', 'false']).default('false'),
});

export interface AppConfig {
  port: number;
  host: string;
  /** Express `trust proxy`: false, or the proxies named by TRUST_PROXY. */
  trustProxy: false | string[];
  allowedOrigins: string[];
  cursorSecret?: string;
  /** The owner's (or a superuser's) URL: roles and migrations. Unset: the embedded server. */
  databaseUrl?: string;
  /** The API's restricted login; unset: the set-up creates `itb_app` (see database-setup.ts). */
  appDatabaseUrl?: string;
  /** Read replicas for the reads that may be a moment old (common/stale-reads.ts); empty: the primary only. */
  databaseReplicaUrls: string[];
  embeddedPgPort: number;
  dataDir: string;
  /** undefined = seed only when the embedded database is new. */
  seedDemo?: boolean;
  /** Demo seed only: the first demo clinic's time zone instead of Europe/London (the end-to-end tests pin it). */
  demoTimeZone?: string;
  cookieSecure: boolean;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  webDistDir: string;
  /** How often each instance checks whether the hourly flag evaluation is due; 0 turns the scheduler off. */
  flagCheckIntervalSeconds: number;
  /** `/api/docs` and `/api/docs-json` without a session. */
  isApiDocsPublic: boolean;
  /** Where e-mail goes out; undefined keeps every e-mail in the outbox as `held` (issue 13). */
  smtpUrl?: string;
  mailFrom: string;
  /** How often each instance checks for reminders and digests that came due; 0 turns the planner off. */
  messageCheckIntervalSeconds: number;
  /** How often an instance's send worker asks the queue for work. */
  messagePollSeconds: number;
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
    host: e.HOST,
    trustProxy: e.TRUST_PROXY
      ? e.TRUST_PROXY.split(',')
          .map((p) => p.trim())
          .filter(Boolean)
      : false,
    allowedOrigins: e.ALLOWED_ORIGINS ?? [],
    cursorSecret: e.CURSOR_SECRET,
    databaseUrl: e.DATABASE_URL,
    appDatabaseUrl: e.APP_DATABASE_URL,
    databaseReplicaUrls: e.DATABASE_REPLICA_URLS ?? [],
    embeddedPgPort: e.EMBEDDED_PG_PORT,
    dataDir: path.resolve(e.ITB_DATA_DIR ?? path.join(repoRoot, '.data')),
    seedDemo: e.SEED_DEMO === undefined ? undefined : e.SEED_DEMO === 'true',
    demoTimeZone: e.DEMO_TIME_ZONE,
    cookieSecure: e.COOKIE_SECURE === 'true',
    logLevel: e.LOG_LEVEL,
    webDistDir: path.resolve(e.WEB_DIST_DIR ?? path.join(repoRoot, 'apps/web/dist')),
    flagCheckIntervalSeconds: e.FLAG_CHECK_INTERVAL_SECONDS,
    isApiDocsPublic: e.API_DOCS_PUBLIC === 'true',
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    messageCheckIntervalSeconds: e.MESSAGE_CHECK_INTERVAL_SECONDS,
    messagePollSeconds: e.MESSAGE_POLL_SECONDS,
    validateResponses: e.VALIDATE_RESPONSES === 'true',
  };
}
