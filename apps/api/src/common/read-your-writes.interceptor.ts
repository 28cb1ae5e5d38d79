import { type CallHandler, type ExecutionContext, Inject, Injectable, type NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { mergeMap, type Observable } from 'rxjs';
import { DataSource } from 'typeorm';
import { type AppConfig, AppConfigToken } from '../config/app-config.provider.js';
import { WROTE_COOKIE } from './request-context.js';
import { StaleReads } from './stale-reads.js';

/** Past this, any healthy replica has long replayed the write; the cookie lapses. */
export const WROTE_COOKIE_MS = 60_000;
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Read-your-writes with read replicas. After a successful write the answer carries the primary's WAL
 * insert position (past the write's commit) in an HttpOnly cookie; for the next minute StaleReads sends
 * that client's stale-tolerant reads to a replica only if it has replayed that far, otherwise to the
 * primary. So whoever recorded a refill sees it gone from the queue at once, on any instance, while
 * everyone else may see it a moment later. Without replicas nothing is added.
 */
@Injectable()
export class ReadYourWritesInterceptor implements NestInterceptor {
  constructor(
    private readonly dataSource: DataSource,
    private readonly staleReads: StaleReads,
    @Inject(AppConfigToken) private readonly config: AppConfig,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const req = http.getRequest<Request>();
    if (!this.staleReads.hasReplicas || !WRITES.has(req.method)) return next.handle();
    const res = http.getResponse<Response>();
    return next.handle().pipe(
      mergeMap(async (body: unknown) => {
        // The write has committed: its answer must not fail now. Without the position the writer's next
        // reads may merely be a moment old.
        const rows = (await this.dataSource
          .query(`SELECT pg_current_wal_insert_lsn()::text AS lsn`)
          .catch(() => [])) as { lsn: string }[];
        const row = rows[0];
        if (!row) return body;
        res.cookie(WROTE_COOKIE, row.lsn, {
          httpOnly: true,
          sameSite: 'strict',
          secure: this.config.cookieSecure,
          path: '/api',
          maxAge: WROTE_COOKIE_MS,
        });
        return body;
      }),
    );
  }
}
