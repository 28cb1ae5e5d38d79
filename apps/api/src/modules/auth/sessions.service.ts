import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Role } from '@itb/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { SessionUser } from '../../common/request-context.js';

/** Sessions expire after 30 idle minutes and 12 hours in all. */
export const SESSION_IDLE_MINUTES = 30;
export const SESSION_ABSOLUTE_HOURS = 12;

const digest = (token: string) => createHash('sha256').update(token).digest('hex');

/** Server-side sessions in Postgres; the cookie holds a random token, the table only its hash. */
@Injectable()
export class SessionsService {
  constructor(private readonly dataSource: DataSource) {}

  async create(userId: string, clinicId: string): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.dataSource.query(`INSERT INTO sessions (id, user_id, clinic_id) VALUES ($1, $2, $3)`, [
      digest(token),
      userId,
      clinicId,
    ]);
    return token;
  }

  /** The session's user, touching its idle timer; null when absent, expired, revoked or the user is inactive. */
  async resolve(token: string): Promise<SessionUser | null> {
    const rows = (await this.dataSource.query(
      `UPDATE sessions s SET last_seen_at = now()
         FROM users u
        WHERE s.id = $1 AND u.id = s.user_id AND u.is_active
          AND s.revoked_at IS NULL
          AND s.last_seen_at > now() - make_interval(mins => $2)
          AND s.created_at > now() - make_interval(hours => $3)
       RETURNING s.id AS session_id, u.id, u.clinic_id, u.role, u.email, u.name`,
      [digest(token), SESSION_IDLE_MINUTES, SESSION_ABSOLUTE_HOURS],
    )) as [
      Array<{ session_id: string; id: string; clinic_id: string; role: Role; email: string; name: string }>,
      number,
    ];
    const row = rows[0]?.[0];
    if (!row) return null;
    return {
      id: row.id,
      clinicId: row.clinic_id,
      role: row.role,
      email: row.email,
      name: row.name,
      sessionId: row.session_id,
    };
  }

  async revoke(sessionId: string): Promise<void> {
    await this.dataSource.query(`UPDATE sessions SET revoked_at = now() WHERE id = $1`, [sessionId]);
  }

  /** Ends every open session of the user (but `exceptSessionId`), inside the caller's transaction when given. */
  async revokeAllFor(userId: string, m: EntityManager = this.dataSource.manager, exceptSessionId?: string) {
    await m.query(
      `UPDATE sessions SET revoked_at = now()
        WHERE user_id = $1 AND revoked_at IS NULL AND ($2::text IS NULL OR id <> $2)`,
      [userId, exceptSessionId ?? null],
    );
  }
}
