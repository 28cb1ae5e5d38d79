import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { ErrorBody } from '@itb/contracts';
import { DataSource, type EntitySubscriberInterface, type TransactionCommitEvent } from 'typeorm';
import { AppError } from '../app-error.js';
import { queryPrepared } from '../prepared-query.js';
import { APPLICATION_NAME_PREFIX, INSTANCE_ID } from '../instance-id.js';
import { requestContext, type PendingIdempotencyClaim } from '../request-context.js';

/**
 * The same key is being answered right now (a double click, a retry racing the first try). The field
 * tells a client to ask again in a moment: the replay will carry the first answer.
 */
export const stillInFlight = () =>
  new AppError('CONFLICT', 'A request with this Idempotency-Key is still being processed. Retry in a moment.', [
    { field: 'Idempotency-Key', message: 'is still being processed' },
  ]);

export type Begin = { kind: 'new' } | { kind: 'replay'; statusCode: number; body: unknown };

/** What a retry hears when the first request's write was committed but its answer was lost in a crash. */
export const LOST_ANSWER_STATUS = 409;
export const LOST_ANSWER_BODY: ErrorBody = {
  code: 'CONFLICT',
  message:
    'This request was saved, but the server stopped before it could answer. Reload to see the saved record; do not enter it again.',
  details: [],
};

const COMPLETE_RETRY_MS = 2000;
const COMPLETE_RETRY_LIMIT = 150; // five minutes

const answeringKey = (userId: string, key: string) => `${userId}\n${key}`;

/** The owners of in-flight claims that still have a connection open: live API processes. */
const OWNER_IS_CONNECTED = `EXISTS (SELECT 1 FROM pg_stat_activity WHERE application_name = '${APPLICATION_NAME_PREFIX}' || owner)`;

/**
 * Idempotency keys in Postgres, per user: safe across API instances and crashes.
 *
 * A key is claimed inside the transaction that commits the write (a transaction subscriber inserts
 * the claim just before COMMIT), so a crash before the commit leaves no claim and a retry simply runs
 * again. The answer is stored right after; a claim found without its answer is either still being
 * answered by a live process (409 "retry in a moment") or was left by a process that died after its
 * commit (or whose COMMIT reply was lost with its connection). Such an orphan is settled as "saved, answer lost" (409 with that message) at start-up and
 * when a retry finds it, so no key stays in flight.
 */
@Injectable()
export class IdempotencyStore implements EntitySubscriberInterface, OnApplicationBootstrap {
  private readonly logger = new Logger('Idempotency');
  /** Keys this process is answering right now (a claim of ours not in here lost its answer). */
  private readonly answering = new Map<string, number>();

  constructor(private readonly dataSource: DataSource) {
    dataSource.subscribers.push(this);
  }

  async onApplicationBootstrap(): Promise<void> {
    const settled = await this.settleOrphans();
    if (settled) this.logger.warn({ msg: 'settled idempotency keys left in flight by a stopped process', settled });
  }

  /** Whether a request with this key has committed its write (answered or not yet). */
  async isClaimed(userId: string, key: string): Promise<boolean> {
    const rows = (await this.dataSource.query(`SELECT 1 FROM idempotency_keys WHERE user_id = $1 AND key = $2`, [
      userId,
      key,
    ])) as unknown[];
    return rows.length > 0;
  }

  /** Answers what the first request with this key answered, or lets the request run. */
  async begin(claim: Omit<PendingIdempotencyClaim, 'isClaimed'>): Promise<Begin> {
    // Every idempotent write runs this, the claim and the answer below: prepared, not planned each time.
    const [row] = await queryPrepared<{
      method: string;
      path: string;
      request_hash: string;
      status_code: number | null;
      response_body: unknown;
      owner: string | null;
      owner_connected: boolean;
    }>(
      this.dataSource.manager,
      `SELECT method, path, request_hash, status_code, response_body, owner, ${OWNER_IS_CONNECTED} AS owner_connected
         FROM idempotency_keys WHERE user_id = $1 AND key = $2`,
      [claim.userId, claim.key],
    );
    if (!row) return { kind: 'new' };
    if (row.method !== claim.method || row.path !== claim.path || row.request_hash !== claim.requestHash) {
      throw AppError.rule('Idempotency-Key', 'was already used for a different request');
    }
    if (row.status_code !== null) return { kind: 'replay', statusCode: row.status_code, body: row.response_body };
    const isLive =
      row.owner === INSTANCE_ID
        ? (this.answering.get(answeringKey(claim.userId, claim.key)) ?? 0) > 0
        : row.owner_connected;
    if (isLive) {
      throw stillInFlight();
    }
    await this.settle(claim.userId, claim.key);
    return this.begin(claim);
  }

  /** The request runs: until finish(), a claim of ours on this key counts as being answered. */
  track(userId: string, key: string): void {
    const k = answeringKey(userId, key);
    this.answering.set(k, (this.answering.get(k) ?? 0) + 1);
  }

  finish(userId: string, key: string): void {
    const k = answeringKey(userId, key);
    const left = (this.answering.get(k) ?? 1) - 1;
    if (left > 0) this.answering.set(k, left);
    else this.answering.delete(k);
  }

  /** Transaction subscriber: the request's claim is written by the transaction that commits its write. */
  async beforeTransactionCommit(event: TransactionCommitEvent): Promise<void> {
    const pending = requestContext.get()?.idempotency;
    if (!pending || pending.isClaimed || event.queryRunner.connection !== this.dataSource) return;
    const inserted = await queryPrepared(
      event.queryRunner.manager,
      `INSERT INTO idempotency_keys (user_id, key, clinic_id, method, path, request_hash, owner)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING RETURNING key`,
      [pending.userId, pending.key, pending.clinicId, pending.method, pending.path, pending.requestHash, INSTANCE_ID],
    );
    if (!inserted.length) {
      // A concurrent request with the same key committed first: this one's write rolls back.
      throw stillInFlight();
    }
    pending.isClaimed = true;
  }

  /**
   * Stores the answer. The write is already committed, so a failure here (the database just went
   * away) must not turn the success into an error: the answer is retried in the background.
   */
  async complete(pending: PendingIdempotencyClaim, statusCode: number, body: unknown, attempt = 0): Promise<void> {
    try {
      await queryPrepared(
        this.dataSource.manager,
        `INSERT INTO idempotency_keys (user_id, key, clinic_id, method, path, request_hash, owner, status_code, response_body)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (user_id, key) DO UPDATE SET status_code = EXCLUDED.status_code, response_body = EXCLUDED.response_body
         WHERE idempotency_keys.status_code IS NULL`,
        [
          pending.userId,
          pending.key,
          pending.clinicId,
          pending.method,
          pending.path,
          pending.requestHash,
          INSTANCE_ID,
          statusCode,
          JSON.stringify(body ?? null),
        ],
      );
      this.finish(pending.userId, pending.key);
    } catch {
      if (attempt >= COMPLETE_RETRY_LIMIT) {
        this.finish(pending.userId, pending.key);
        this.logger.error({ msg: 'gave up storing an idempotent answer', userId: pending.userId });
        return;
      }
      if (attempt === 0)
        this.logger.warn({ msg: 'storing an idempotent answer failed; retrying', userId: pending.userId });
      setTimeout(() => void this.complete(pending, statusCode, body, attempt + 1), COMPLETE_RETRY_MS).unref();
    }
  }

  /** Settles one claim whose write committed but whose answer will never come. */
  async settle(userId: string, key: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE idempotency_keys SET status_code = $3, response_body = $4
        WHERE user_id = $1 AND key = $2 AND status_code IS NULL`,
      [userId, key, LOST_ANSWER_STATUS, JSON.stringify(LOST_ANSWER_BODY)],
    );
  }

  /** Settles every claim in flight whose owning process has no connection left (it stopped or died). */
  async settleOrphans(): Promise<number> {
    // TypeORM answers an UPDATE on Postgres with [rows, affected count].
    const [, count] = (await this.dataSource.query(
      `UPDATE idempotency_keys SET status_code = $1, response_body = $2
        WHERE status_code IS NULL AND (owner IS NULL OR (owner <> $3 AND NOT ${OWNER_IS_CONNECTED}))`,
      [LOST_ANSWER_STATUS, JSON.stringify(LOST_ANSWER_BODY), INSTANCE_ID],
    )) as [unknown[], number];
    return count;
  }
}
