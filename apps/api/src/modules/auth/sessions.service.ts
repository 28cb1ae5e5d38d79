import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Role } from '@itb/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { SessionUser } from '../../common/request-context.js';
import { queryPrepared } from '../../common/prepared-query.js';

/** Sessions expire after 30 idle minutes and 12 hours in all. */
export const SESSION_IDLE_MINUTES = 30;
export const SESSION_ABSOLUTE_HOURS = 12;
/** A session's idle timer is written at most this often: a signed-in read within it writes nothing. */
export const SESSION_TOUCH_SECONDS = 60;

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

  /**
   * The session's user; null when absent, expired, revoked or the user is inactive. The idle limit is
   * checked on every request against the database clock, exactly; the idle timer (`last_seen_at`) is
   * written at most once a minute (SESSION_TOUCH_SECONDS), so most signed-in reads write nothing. A
   * session therefore never outlives its idle limit after the last recorded touch, and the touch is at
   * most a minute behind the last request.
   */
  async resolve(token: string): Promise<SessionUser | null> {
    // Every signed-in request runs this: prepared, so it is not planned again on each one.
    const rows = await queryPrepared<{
      session_id: string;
      id: string;
      clinic_id: string;
      role: Role;
      email: string;
      name: string;
    }>(
      this.dataSource.manager,
      `WITH live AS (
         SELECT s.id AS session_id, s.last_seen_at, u.id, u.clinic_id, u.role, u.email, u.name
         FROM sessions s JOIN users u ON u.id = s.user_id
         WHERE s.id = $1 AND u.is_active
           AND s.revoked_at IS NULL
           AND s.last_seen_at > now() - make_interval(mins => $2)
           AND s.created_at > now() - make_interval(hours => $3)
       ), touched AS (
         UPDATE sessions s SET last_seen_at = now()
         FROM live
         WHERE s.id = live.session_id AND live.last_seen_at <= now() - make_interval(secs => $4)
       )
       SELECT session_id, id, clinic_id, role, email, name FROM live`,
      [digest(token), SESSION_IDLE_MINUTES, SESSION_ABSOLUTE_HOURS, SESSION_TOUCH_SECONDS],
    );
    const row = rows[0];
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
