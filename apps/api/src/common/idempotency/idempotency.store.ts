import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError } from '../app-error.js';

export type Begin = { kind: 'new' } | { kind: 'replay'; statusCode: number; body: unknown };

/** Idempotency keys in Postgres, per user: safe across API instances. */
@Injectable()
export class IdempotencyStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Claims the key, or answers what the first request with it answered. */
  async begin(claim: {
    userId: string;
    clinicId: string;
    key: string;
    method: string;
    path: string;
    requestHash: string;
  }): Promise<Begin> {
    const inserted = (await this.dataSource.query(
      `INSERT INTO idempotency_keys (user_id, key, clinic_id, method, path, request_hash)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING key`,
      [claim.userId, claim.key, claim.clinicId, claim.method, claim.path, claim.requestHash],
    )) as unknown[];
    if (inserted.length) return { kind: 'new' };
    const [row] = (await this.dataSource.query(
      `SELECT method, path, request_hash, status_code, response_body FROM idempotency_keys WHERE user_id = $1 AND key = $2`,
      [claim.userId, claim.key],
    )) as { method: string; path: string; request_hash: string; status_code: number | null; response_body: unknown }[];
    if (!row) return this.begin(claim); // abandoned between our insert and select: claim it again
    if (row.method !== claim.method || row.path !== claim.path || row.request_hash !== claim.requestHash) {
      throw AppError.rule('Idempotency-Key', 'was already used for a different request');
    }
    if (row.status_code === null) {
      throw new AppError(
        'CONFLICT',
        'A request with this Idempotency-Key is still being processed. Retry in a moment.',
      );
    }
    return { kind: 'replay', statusCode: row.status_code, body: row.response_body };
  }

  async complete(userId: string, key: string, statusCode: number, body: unknown): Promise<void> {
    await this.dataSource.query(
      `UPDATE idempotency_keys SET status_code = $3, response_body = $4 WHERE user_id = $1 AND key = $2`,
      [userId, key, statusCode, JSON.stringify(body ?? null)],
    );
  }

  /** A failed request frees its key, so the client can retry it. */
  async abandon(userId: string, key: string): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM idempotency_keys WHERE user_id = $1 AND key = $2 AND status_code IS NULL`,
      [userId, key],
    );
  }
}
