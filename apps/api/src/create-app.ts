import 'reflect-metadata';
import { ConsoleLogger, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import { AppModule, CONTROLLERS } from './app.module.js';
import type { Clock } from './common/clock.js';
import { ExpressClassesAdapter } from './common/express-classes.adapter.js';
import { setCursorSecret } from './common/cursor.js';
import { httpContextMiddleware } from './common/http-context.middleware.js';
import { jsonBodyOnly, originGuard } from './common/write-guard.middleware.js';
import type { AppConfig } from './config/config.js';
import { reachableReplicas, replicaLoginUrls } from './database/replica-urls.js';
import { SessionsService } from './modules/auth/sessions.service.js';
import { docsAccess } from './openapi/docs-access.js';
import { buildOpenApiDocument } from './openapi/openapi-document.js';
import { responseValidator } from './openapi/response-validator.js';
import { serveDashboard } from './serve-dashboard.js';

/** Built once per process: it depends on the code only. */
let openApiDocument: ReturnType<typeof buildOpenApiDocument> | undefined;

const LEVELS: Record<AppConfig['logLevel'], LogLevel[]> = {
  debug: ['debug', 'log', 'warn', 'error', 'fatal'],
  info: ['log', 'warn', 'error', 'fatal'],
  warn: ['warn', 'error', 'fatal'],
  error: ['error', 'fatal'],
};

/** Builds the Nest application: security headers, request context, `/api`, OpenAPI, and the dashboard. */
export async function createApp(
  config: AppConfig,
  databaseUrl: string,
  clock?: Clock,
): Promise<NestExpressApplication> {
  // Read replicas (DATABASE_REPLICA_URLS) log in as the API's role; one that is down now is left out.
  const logger = new ConsoleLogger({ json: true, logLevels: LEVELS[config.logLevel] });
  const replicaUrls = await reachableReplicas(
    replicaLoginUrls(databaseUrl, config.databaseReplicaUrls),
    (msg, details) => logger.warn({ msg, ...details }, 'ReadReplicas'),
  );
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot(config, databaseUrl, clock, replicaUrls),
    new ExpressClassesAdapter(),
    {
      logger,
      // The one body parser is jsonBodyOnly below: no form or text bodies are ever read.
      bodyParser: false,
    },
  );
  // X-Forwarded-For is believed only from the proxies TRUST_PROXY names; by default req.ip is the socket's.
  app.set('trust proxy', config.trustProxy);
  setCursorSecret(config.cursorSecret);
  app.disable('x-powered-by');
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
        },
      },
    }),
  );
  app.use(cookieParser());
  app.use(httpContextMiddleware);
  const openApi = (openApiDocument ??= buildOpenApiDocument(CONTROLLERS));
  if (config.validateResponses) app.use(responseValidator(openApi));
  app.use(originGuard(config.allowedOrigins));
  app.use(jsonBodyOnly);
  app.setGlobalPrefix('api');
  app.enableShutdownHooks();

  // The viewer (Swagger UI) at /api/docs and the document at /api/docs-json, generated from the routes and
  // the zod contracts (openapi/openapi-document.ts); committed as apps/api/openapi.json.
  app.use(
    ['/api/docs', '/api/docs-json', '/api/docs-yaml'],
    docsAccess(app.get(SessionsService), config.isApiDocsPublic),
  );
  SwaggerModule.setup('api/docs', app, openApi as unknown as OpenAPIObject);

  serveDashboard(app, config.webDistDir);
  return app;
}
