import { Injectable } from '@nestjs/common';
import type { ApiTokenResponse, CreateApiTokenRequest, CreatedApiTokenResponse } from '@itb/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { AppError } from '../../common/app-error.js';
import type { FhirReader, SessionUser } from '../../common/request-context.js';
import { AuditService } from '../audit/audit.service.js';
import { hashApiTokenSecret, newApiTokenSecret } from './api-token-secret.js';

/** A token's `last_used_at` is written at most this often, like a session's idle timer. */
export const API_TOKEN_TOUCH_SECONDS = 60;

interface ApiTokenRow {
  id: string;
  name: string;
  scope: 'fhir.read';
  token_prefix: string;
  created_by: string;
  created_by_name: string;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

const SELECT_TOKEN = `
  SELECT t.id, t.name, t.scope, t.token_prefix, t.created_by, u.name AS created_by_name,
         t.created_at, t.last_used_at, t.revoked_at
  FROM api_tokens t JOIN users u ON u.id = t.created_by`;

export const toApiTokenResponse = (row: ApiTokenRow): ApiTokenResponse => ({
  id: row.id,
  name: row.name,
  scope: row.scope,
  prefix: row.token_prefix,
  createdBy: { id: row.created_by, name: row.created_by_name },
  createdAt: row.created_at.toISOString(),
  lastUsedAt: row.last_used_at?.toISOString() ?? null,
  revokedAt: row.revoked_at?.toISOString() ?? null,
});

/** What the audit rows keep of a token: never the secret nor its hash. */
const auditView = (row: ApiTokenRow) => ({
  name: row.name,
  scope: row.scope,
  prefix: row.token_prefix,
  revokedAt: row.revoked_at?.toISOString() ?? null,
});

/**
 * Personal API tokens: an administrator creates one for a machine client (the secret is answered once
 * and only its SHA-256 stored), lists and revokes them; the access guard resolves a bearer secret to
 * its clinic on the FHIR routes only.
 */
@Injectable()
export class ApiTokensService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(clinicId: string): Promise<ApiTokenResponse[]> {
    const rows = (await this.dataSource.query(
      `${SELECT_TOKEN} WHERE t.clinic_id = $1 ORDER BY t.created_at DESC, t.id DESC LIMIT 500`,
      [clinicId],
    )) as ApiTokenRow[];
    return rows.map(toApiTokenResponse);
  }

  async create(actor: SessionUser, input: CreateApiTokenRequest): Promise<CreatedApiTokenResponse> {
    const { secret, hash, prefix } = newApiTokenSecret();
    return this.dataSource.transaction(async (m) => {
      const [{ id }] = (await m.query(
        `INSERT INTO api_tokens (clinic_id, name, token_hash, token_prefix, created_by)
         VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [actor.clinicId, input.name, hash, prefix, actor.id],
      )) as [{ id: string }];
      const row = await this.findInClinic(m, actor.clinicId, id);
      await this.audit.record(m, {
        clinicId: actor.clinicId,
        actorId: actor.id,
        action: 'api_token.create',
        entityType: 'api_token',
        entityId: id,
        after: auditView(row),
      });
      return { token: toApiTokenResponse(row), secret };
    });
  }

  /** Revoking twice answers the token as it is and writes nothing the second time. */
  async revoke(actor: SessionUser, id: string, reason: string | null = null): Promise<ApiTokenResponse> {
    return this.dataSource.transaction(async (m) => {
      const before = await this.findInClinic(m, actor.clinicId, id, true);
      if (before.revoked_at) return toApiTokenResponse(before);
      await m.query(`UPDATE api_tokens SET revoked_at = now(), revoked_by = $2 WHERE id = $1`, [id, actor.id]);
      const after = await this.findInClinic(m, actor.clinicId, id);
      await this.audit.record(m, {
        clinicId: actor.clinicId,
        actorId: actor.id,
        action: 'api_token.revoke',
        entityType: 'api_token',
        entityId: id,
        before: auditView(before),
        after: auditView(after),
        reason,
      });
      return toApiTokenResponse(after);
    });
  }

  /**
   * The reader a bearer secret stands for, or null when no live token has it. A personal token lives
   * as long as its creator's account: deactivating the administrator who made it stops it too. `last_used_at` is written
   * at most once a minute (API_TOKEN_TOUCH_SECONDS), in the same statement, so most reads write nothing.
   */
  async resolve(secret: string): Promise<FhirReader | null> {
    const rows = (await this.dataSource.query(
      `WITH live AS (
         SELECT t.id, t.clinic_id, t.last_used_at FROM api_tokens t JOIN users u ON u.id = t.created_by
         WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND t.scope = 'fhir.read' AND u.is_active
       ), touched AS (
         UPDATE api_tokens t SET last_used_at = now()
         FROM live
         WHERE t.id = live.id
           AND (live.last_used_at IS NULL OR live.last_used_at <= now() - make_interval(secs => $2))
       )
       SELECT id, clinic_id FROM live`,
      [hashApiTokenSecret(secret), API_TOKEN_TOUCH_SECONDS],
    )) as Array<{ id: string; clinic_id: string }>;
    const row = rows[0];
    return row ? { clinicId: row.clinic_id, userId: null, tokenId: row.id } : null;
  }

  private async findInClinic(m: EntityManager, clinicId: string, id: string, forUpdate = false): Promise<ApiTokenRow> {
    const rows = (await m.query(
      `${SELECT_TOKEN} WHERE t.id = $1 AND t.clinic_id = $2${forUpdate ? ' FOR UPDATE OF t' : ''}`,
      [id, clinicId],
    )) as ApiTokenRow[];
    if (!rows[0]) throw AppError.notFound('API token');
    return rows[0];
  }
}
