import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  CALENDAR_FEED_DAYS_AHEAD,
  CALENDAR_FEED_DAYS_BACK,
  CALENDAR_FEED_TOKEN,
  type CalendarFeed,
  type CalendarFeedCreated,
  type CalendarFeedScope,
  type CalendarFeedStatus,
  calendarFeedPath,
} from '@itb/contracts';
import { addDays, toLocalDate } from '@itb/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AppError } from '../../common/app-error.js';
import { Clock } from '../../common/clock.js';
import type { SessionUser } from '../../common/request-context.js';
import { AuditService } from '../audit/audit.service.js';
import { calendarIcs, type FeedAppointment } from './calendar-ics.js';
import { CalendarFeedLimits } from './calendar-feed-limits.js';

const DAY_MS = 86_400_000;

export const digestFeedToken = (token: string): string => createHash('sha256').update(token).digest('hex');

interface FeedRow {
  id: string;
  scope: CalendarFeedScope;
  created_at: Date;
  last_fetched_at: Date | null;
}

const toFeed = (row: FeedRow): CalendarFeed => ({
  scope: row.scope,
  createdAt: row.created_at.toISOString(),
  lastFetchedAt: row.last_fetched_at?.toISOString() ?? null,
});

/** An unknown, revoked or malformed token, or a deactivated user: one answer, so it confirms nothing. */
const noFeed = () => new AppError('NOT_FOUND', 'No calendar at this address');

/**
 * Each user's secret iCalendar feed: made, re-made (a new address), re-scoped and revoked by its owner
 * (each audited), and read by calendar apps with the token alone. Only the token's SHA-256 is stored.
 */
@Injectable()
export class CalendarFeedsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly limits: CalendarFeedLimits,
    private readonly clock: Clock,
  ) {}

  async status(user: SessionUser): Promise<CalendarFeedStatus> {
    const row = await this.findOwn(this.dataSource.manager, user);
    return { feed: row ? toFeed(row) : null };
  }

  /** Makes the feed, or gives it a new address (the old one answers 404 from this commit on). */
  async create(user: SessionUser, scope: CalendarFeedScope): Promise<CalendarFeedCreated> {
    assertScopeFor(user, scope);
    const token = randomBytes(32).toString('base64url');
    const tokenHash = digestFeedToken(token);
    return this.dataSource.transaction(async (m) => {
      const before = await this.findOwn(m, user, true);
      const now = this.clock.now();
      const [row] = (await m.query(
        `INSERT INTO calendar_feeds (clinic_id, user_id, token_hash, scope, created_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (user_id) DO UPDATE
           SET token_hash = EXCLUDED.token_hash, scope = EXCLUDED.scope, created_at = EXCLUDED.created_at,
               last_fetched_at = NULL
         RETURNING id, scope, created_at, last_fetched_at`,
        [user.clinicId, user.id, tokenHash, scope, now],
      )) as [FeedRow];
      await this.audit.record(m, {
        clinicId: user.clinicId,
        actorId: user.id,
        action: before ? 'calendar_feed.regenerate' : 'calendar_feed.create',
        entityType: 'calendar_feed',
        entityId: row.id,
        before: before ? { scope: before.scope, createdAt: before.created_at.toISOString() } : null,
        after: { scope: row.scope, createdAt: row.created_at.toISOString() },
      });
      return { feed: toFeed(row), token, path: calendarFeedPath(token) };
    });
  }

  /** Changes what the feed holds; its address stays. */
  async update(user: SessionUser, scope: CalendarFeedScope): Promise<CalendarFeedStatus> {
    assertScopeFor(user, scope);
    return this.dataSource.transaction(async (m) => {
      const before = await this.findOwn(m, user, true);
      if (!before) throw AppError.notFound('Calendar feed');
      await m.query(`UPDATE calendar_feeds SET scope = $2 WHERE id = $1`, [before.id, scope]);
      const updated = (await this.findOwn(m, user))!;
      await this.audit.record(m, {
        clinicId: user.clinicId,
        actorId: user.id,
        action: 'calendar_feed.update',
        entityType: 'calendar_feed',
        entityId: before.id,
        before: { scope: before.scope },
        after: { scope: updated.scope },
      });
      return { feed: toFeed(updated) };
    });
  }

  /** The address stops working at once; a new feed gets a new address. */
  async revoke(user: SessionUser): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const before = await this.findOwn(m, user, true);
      if (!before) throw AppError.notFound('Calendar feed');
      await m.query(`DELETE FROM calendar_feeds WHERE id = $1`, [before.id]);
      await this.audit.record(m, {
        clinicId: user.clinicId,
        actorId: user.id,
        action: 'calendar_feed.revoke',
        entityType: 'calendar_feed',
        entityId: before.id,
        before: { scope: before.scope, createdAt: before.created_at.toISOString() },
      });
    });
  }

  /**
   * The feed's calendar, computed now: the clinic days from CALENDAR_FEED_DAYS_BACK before the clinic's
   * today to CALENDAR_FEED_DAYS_AHEAD after it (the same span `GET /appointments?from&to` answers).
   */
  async ics(token: string, address: string): Promise<string> {
    const feed = CALENDAR_FEED_TOKEN.test(token) ? await this.findByToken(token) : undefined;
    if (!feed) {
      await this.limits.missed(address);
      throw noFeed();
    }
    await this.limits.admitFeed(feed.id);
    const now = this.clock.now();
    const today = toLocalDate(now, feed.time_zone);
    const from = addDays(today, -CALENDAR_FEED_DAYS_BACK);
    const to = addDays(today, CALENDAR_FEED_DAYS_AHEAD);
    const params: unknown[] = [feed.clinic_id, from, to];
    // "Mine": the appointments naming the user as clinician, and those they booked naming nobody.
    const mine =
      feed.scope === 'mine'
        ? `AND (a.clinician_id = $${params.push(feed.user_id)} OR (a.clinician_id IS NULL AND a.created_by = $${params.length}))`
        : '';
    const rows = (await this.dataSource.query(
      `SELECT a.id, a.type, a.starts_at, a.duration_minutes, a.status, a.version, a.updated_at,
              pt.given_name, pt.family_name, pt.mrn, u.name AS clinician_name
       FROM appointments a
       JOIN patients pt ON pt.id = a.patient_id
       LEFT JOIN users u ON u.id = a.clinician_id
       WHERE a.clinic_id = $1 AND a.starts_on BETWEEN $2 AND $3 ${mine}
       ORDER BY a.starts_at, a.id`,
      params,
    )) as AppointmentRow[];
    // Last fetched, to the minute: most fetches write nothing.
    await this.dataSource.query(
      `UPDATE calendar_feeds SET last_fetched_at = $2
       WHERE id = $1 AND (last_fetched_at IS NULL OR last_fetched_at < $2::timestamptz - interval '1 minute')`,
      [feed.id, now],
    );
    return calendarIcs({
      clinicName: feed.clinic_name,
      timeZone: feed.time_zone,
      scope: feed.scope,
      // A day either side covers every instant of the first and last clinic day in any zone.
      from: new Date(Date.parse(`${from}T00:00:00Z`) - DAY_MS),
      to: new Date(Date.parse(`${to}T00:00:00Z`) + 2 * DAY_MS),
      now,
      appointments: rows.map(toFeedAppointment),
    });
  }

  private async findOwn(m: EntityManager, user: SessionUser, forUpdate = false): Promise<FeedRow | undefined> {
    const [row] = (await m.query(
      `SELECT id, scope, created_at, last_fetched_at FROM calendar_feeds WHERE user_id = $1 AND clinic_id = $2
       ${forUpdate ? 'FOR UPDATE' : ''}`,
      [user.id, user.clinicId],
    )) as FeedRow[];
    return row;
  }

  /** The feed behind a token, while its owner is active in the feed's clinic. */
  private async findByToken(token: string): Promise<OwnedFeedRow | undefined> {
    const [row] = (await this.dataSource.query(
      `SELECT f.id, f.clinic_id, f.user_id, f.scope, c.name AS clinic_name, c.time_zone
       FROM calendar_feeds f
       JOIN users u ON u.id = f.user_id AND u.clinic_id = f.clinic_id AND u.is_active
       JOIN clinics c ON c.id = f.clinic_id
       WHERE f.token_hash = $1`,
      [digestFeedToken(token)],
    )) as OwnedFeedRow[];
    return row;
  }
}

interface OwnedFeedRow {
  id: string;
  clinic_id: string;
  user_id: string;
  scope: CalendarFeedScope;
  clinic_name: string;
  time_zone: string;
}

interface AppointmentRow {
  id: string;
  type: FeedAppointment['type'];
  starts_at: Date;
  duration_minutes: number;
  status: FeedAppointment['status'];
  version: number;
  updated_at: Date;
  given_name: string;
  family_name: string;
  mrn: string;
  clinician_name: string | null;
}

const toFeedAppointment = (r: AppointmentRow): FeedAppointment => ({
  id: r.id,
  type: r.type,
  startsAt: r.starts_at,
  durationMinutes: r.duration_minutes,
  status: r.status,
  version: r.version,
  updatedAt: r.updated_at,
  givenName: r.given_name,
  familyName: r.family_name,
  mrn: r.mrn,
  clinicianName: r.clinician_name,
});

/** An administrator is nobody's clinician and books nothing: their feed is the clinic's. */
function assertScopeFor(user: SessionUser, scope: CalendarFeedScope): void {
  if (scope === 'mine' && user.role === 'admin') {
    throw AppError.rule('scope', 'must be clinic for an administrator, who holds no appointments of their own');
  }
}
