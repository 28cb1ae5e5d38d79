import { createHash } from 'node:crypto';
import { type CallHandler, type ExecutionContext, HttpStatus, Injectable, type NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants.js';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import { from, type Observable, of, switchMap, mergeMap, catchError } from 'rxjs';
import type { AuthedRequest } from '../access.decorators.js';
import { AppError } from '../app-error.js';
import { requestContext, type PendingIdempotencyClaim } from '../request-context.js';
import { IDEMPOTENT_KEY } from './idempotent.decorator.js';
import { IdempotencyStore, stillInFlight } from './idempotency.store.js';

const KEY_PATTERN = /^[A-Za-z0-9_.:-]{8,200}$/;

/** What a second copy of a write meets when the first committed under its feet: a unique row, a moved version. */
const collidesWithACopy = (error: unknown) =>
  (error instanceof AppError && (error.code === 'CONFLICT' || error.code === 'STALE_VERSION')) ||
  (error as { driverError?: { code?: string } } | null)?.driverError?.code === '23505';

@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly store: IdempotencyStore,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (!this.reflector.get<boolean>(IDEMPOTENT_KEY, context.getHandler())) return next.handle();
    const http = context.switchToHttp();
    const req = http.getRequest<AuthedRequest>();
    const res = http.getResponse<Response>();
    const key = req.header('idempotency-key');
    if (key === undefined || !req.user) return next.handle();
    if (!KEY_PATTERN.test(key)) {
      throw AppError.validation('Idempotency-Key', 'must be 8–200 letters, digits or - _ . :');
    }
    const user = req.user;
    const statusCode =
      this.reflector.get<number | undefined>(HTTP_CODE_METADATA, context.getHandler()) ??
      (req.method === 'POST' ? HttpStatus.CREATED : HttpStatus.OK);
    const requestHash = createHash('sha256')
      .update(JSON.stringify(req.body ?? null))
      .digest('hex');
    const claim = { userId: user.id, clinicId: user.clinicId, key, method: req.method, path: req.path, requestHash };
    return from(this.store.begin(claim)).pipe(
      switchMap((begin) => {
        if (begin.kind === 'replay') {
          res.status(begin.statusCode);
          res.setHeader('Idempotent-Replayed', 'true');
          return of(begin.body);
        }
        const pending: PendingIdempotencyClaim = { ...claim, isClaimed: false };
        const context = requestContext.get();
        if (context) context.idempotency = pending;
        this.store.track(user.id, key);
        return next.handle().pipe(
          mergeMap(async (body: unknown) => {
            await this.store.complete(pending, statusCode, body);
            return body;
          }),
          catchError(async (error: unknown) => {
            this.store.finish(user.id, key);
            // Before the commit nothing holds the key: the client may simply retry. After it, the
            // write is saved, so say so rather than pass on an error that reads "nothing was saved".
            if (!pending.isClaimed) {
              // A copy of this request (same key) committed first and this one tripped over its rows
              // (the same MRN, the same pump version): it is the same write, so say "in flight" and
              // the client's retry gets the first answer.
              if (collidesWithACopy(error) && (await this.store.isClaimed(user.id, key).catch(() => false)))
                throw stillInFlight();
              throw error;
            }
            await this.store.settle(user.id, key).catch(() => undefined);
            throw new AppError(
              'CONFLICT',
              'This request was saved, but answering it failed. Reload to see the saved record; do not enter it again.',
            );
          }),
        );
      }),
    );
  }
}
