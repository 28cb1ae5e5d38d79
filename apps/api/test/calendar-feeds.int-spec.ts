import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { AppointmentResponse, CalendarFeedCreated, UserResponse } from '@itb/contracts';
import ICAL from 'ical.js';
import request from 'supertest';
import { loggablePath } from '../src/common/http-context.middleware.js';
import { countAuditEvents, createClinic, createPatient, type TestClinic } from './factories.js';
import { createTestApp, type TestContext } from './test-app.js';

const DAY_MS = 86_400_000;
const NOW = '2026-06-10T08:00:00.000Z'; // Wednesday 09:00 BST in the clinic (Europe/London)
const at = (iso: string) => new Date(iso).toISOString();
// The feed's span: 30 days before the clinic's today (2026-06-10) to 180 days after it, worked by hand:
// 10 June − 30 days = 11 May; 10 June + 180 days = 30 June (20) + Jul 31 + Aug 31 + Sep 30 + Oct 31 + Nov 30 (173) + 7 = 7 Dec.
const FROM = '2026-05-11';
const TO = '2026-12-07';

/** Parses as a calendar app does: the feed's own VTIMEZONE gives the clinic zone's offsets. */
function parseFeed(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  return calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      start: event.startDate.toJSDate().toISOString(),
      end: event.endDate.toJSDate().toISOString(),
      zone: event.startDate.zone?.tzid,
      summary: event.summary,
      sequence: event.sequence,
      status: component.getFirstPropertyValue('status'),
    };
  });
}

const fetchFeed = (ctx: TestContext, path: string) =>
  request(ctx.server)
    .get(path)
    .buffer(true)
    .parse((res, done) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => done(null, text));
    });

describe('calendar feeds', () => {
  let ctx: TestContext;
  let clinic: TestClinic;
  let other: TestClinic;
  /** Appointment ids by name, and the initials + MRN each patient's events must show. */
  const ids: Record<string, string> = {};
  const patientLabel: Record<string, string> = {};
  let otherClinicAppointment: string;

  const book = async (
    agent: TestClinic['as']['nurse'],
    body: { patientId: string; type: string; startsAt: string; clinicianId?: string; notes?: string },
  ) => (await agent.post('/api/appointments').send(body).expect(201)).body as AppointmentResponse;

  beforeAll(async () => {
    ctx = await createTestApp();
    clinic = await createClinic(ctx);
    other = await createClinic(ctx, { timeZone: 'America/Chicago' });
    const augusta = await createPatient(clinic, { givenName: 'Augusta', familyName: 'Kingsbury', mrn: 'CAL-0001' });
    const grace = await createPatient(clinic, { givenName: 'Grace', familyName: 'Hopperton', mrn: 'CAL-0002' });
    const emilie = await createPatient(clinic, { givenName: 'Émilie', familyName: 'du Châtelet', mrn: 'CAL-0003' });
    patientLabel[augusta.id] = 'A.K. · CAL-0001';
    patientLabel[grace.id] = 'G.H. · CAL-0002';
    patientLabel[emilie.id] = 'É.D. · CAL-0003';
    const { specialist, nurse } = clinic.users;

    // Booked 20 days before NOW, for 10 days before it: inside the span's 30 days back.
    ctx.clock.set(new Date(Date.parse(NOW) - 20 * DAY_MS));
    ids.past = (
      await book(clinic.as.nurse, {
        patientId: augusta.id,
        type: 'interrogation',
        startsAt: at('2026-05-31T13:00:00Z'),
        clinicianId: specialist.id,
      })
    ).id;
    // 40 days before NOW: outside the span.
    ctx.clock.set(new Date(Date.parse(NOW) - 50 * DAY_MS));
    ids.tooOld = (
      await book(clinic.as.nurse, {
        patientId: grace.id,
        type: 'interrogation',
        startsAt: at('2026-05-01T09:00:00Z'),
        clinicianId: specialist.id,
      })
    ).id;

    ctx.clock.set(NOW);
    ids.mineNamed = (
      await book(clinic.as.nurse, {
        patientId: augusta.id,
        type: 'dose_review',
        startsAt: at('2026-06-11T09:00:00Z'),
        clinicianId: specialist.id,
        notes: 'Bring the programmer tablet',
      })
    ).id;
    // After the October clock change: 10:00 GMT.
    ids.nurses = (
      await book(clinic.as.specialist, {
        patientId: grace.id,
        type: 'dose_review',
        startsAt: at('2026-11-02T10:00:00Z'),
        clinicianId: nurse.id,
      })
    ).id;
    ids.mineBookedUnnamed = (
      await book(clinic.as.specialist, {
        patientId: emilie.id,
        type: 'interrogation',
        startsAt: at('2026-07-01T14:30:00Z'),
      })
    ).id;
    ids.nurseBookedUnnamed = (
      await book(clinic.as.nurse, {
        patientId: emilie.id,
        type: 'replacement_consult',
        startsAt: at('2026-07-02T08:00:00Z'),
      })
    ).id;
    const toCancel = await book(clinic.as.nurse, {
      patientId: grace.id,
      type: 'replacement_consult',
      startsAt: at('2026-06-20T10:00:00Z'),
      clinicianId: specialist.id,
    });
    ids.cancelled = toCancel.id;
    await clinic.as.nurse
      .patch(`/api/appointments/${toCancel.id}`)
      .send({ version: toCancel.version, status: 'cancelled', reason: 'Patient unwell' })
      .expect(200);
    // 250 days ahead: outside the span.
    ids.tooFar = (
      await book(clinic.as.nurse, {
        patientId: augusta.id,
        type: 'interrogation',
        startsAt: at('2027-02-15T10:00:00Z'),
        clinicianId: specialist.id,
      })
    ).id;

    const stranger = await createPatient(other, { givenName: 'Otto', familyName: 'Elsewhere' });
    otherClinicAppointment = (
      await book(other.as.nurse, {
        patientId: stranger.id,
        type: 'dose_review',
        startsAt: at('2026-06-12T15:00:00Z'),
        clinicianId: other.users.specialist.id,
      })
    ).id;
  });

  afterAll(async () => {
    ctx.clock.reset();
    await ctx.app.close();
  });

  it("serves every appointment of the clinic's span as the API lists it: same UIDs, instants, zone, initials and MRN only", async () => {
    const created = await clinic.as.specialist.post('/api/calendar-feed').send({ scope: 'clinic' }).expect(201);
    const body = created.body as CalendarFeedCreated;
    expect(body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(body.path).toBe(`/api/calendar/${body.token}.ics`);
    expect(body.feed).toEqual({ scope: 'clinic', createdAt: NOW, lastFetchedAt: null });
    const [stored] = (await ctx.dataSource.query(`SELECT token_hash FROM calendar_feeds WHERE user_id = $1`, [
      clinic.users.specialist.id,
    ])) as [{ token_hash: string }];
    expect(stored.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.token_hash).not.toContain(body.token);

    // Moved once: version 2, so the event's SEQUENCE is 1.
    const toMove = await appointment(ids.nurses!);
    await clinic.as.nurse
      .patch(`/api/appointments/${ids.nurses}`)
      .send({ version: toMove.version, startsAt: at('2026-11-03T11:15:00Z') })
      .expect(200);

    const res = await fetchFeed(ctx, body.path).expect(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(res.headers['cache-control']).toBe('private, no-store');
    const ics = res.body as string;
    const events = parseFeed(ics);

    const listed = (
      await clinic.as.specialist.get('/api/appointments').query({ from: FROM, to: TO, limit: 200 }).expect(200)
    ).body.items as AppointmentResponse[];
    expect(new Set(events.map((e) => e.uid))).toEqual(new Set(listed.map((a) => `${a.id}@itb-clinic`)));
    expect(listed.map((a) => a.id).sort()).toEqual(
      [ids.past, ids.mineNamed, ids.nurses, ids.mineBookedUnnamed, ids.nurseBookedUnnamed, ids.cancelled].sort(),
    );
    const TYPE = {
      refill: 'Refill',
      dose_review: 'Dose review',
      interrogation: 'Interrogation',
      replacement_consult: 'Replacement consult',
    };
    for (const a of listed) {
      const event = events.find((e) => e.uid === `${a.id}@itb-clinic`);
      expect(event).toEqual({
        uid: `${a.id}@itb-clinic`,
        start: a.startsAt,
        end: new Date(Date.parse(a.startsAt) + a.durationMinutes * 60_000).toISOString(),
        zone: 'Europe/London',
        summary: `${a.status === 'cancelled' ? 'Cancelled: ' : ''}${TYPE[a.type]} · ${patientLabel[a.patientId]}`,
        sequence: a.version - 1,
        status: a.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
      });
    }
    // Hand-checked: the moved review is 11:15 GMT on 3 November, the first 10:00 BST on 11 June.
    expect(ics).toContain('DTSTART;TZID=Europe/London:20261103T111500');
    expect(ics).toContain('DTSTART;TZID=Europe/London:20260611T100000');
    expect(events.find((e) => e.uid === `${ids.nurses}@itb-clinic`)?.sequence).toBe(1);
    expect(events.find((e) => e.uid === `${ids.cancelled}@itb-clinic`)?.status).toBe('CANCELLED');
    for (const secret of ['Augusta', 'Kingsbury', 'Grace', 'Hopperton', 'Émilie', 'Châtelet', 'programmer', 'unwell']) {
      expect(ics).not.toContain(secret);
    }
    expect(ics).not.toContain(otherClinicAppointment);
    expect(ics).not.toContain('Elsewhere');

    const status = await clinic.as.specialist.get('/api/calendar-feed').expect(200);
    expect(status.body).toEqual({ feed: { scope: 'clinic', createdAt: NOW, lastFetchedAt: NOW } });
  });

  async function appointment(id: string): Promise<AppointmentResponse> {
    const all = (await clinic.as.specialist.get('/api/appointments').query({ limit: 200 }).expect(200)).body
      .items as AppointmentResponse[];
    return all.find((a) => a.id === id)!;
  }

  it('"only mine" holds the appointments naming the user as clinician and those they booked naming nobody', async () => {
    const created = (await clinic.as.specialist.post('/api/calendar-feed').send({ scope: 'clinic' }).expect(201))
      .body as CalendarFeedCreated;
    await clinic.as.specialist.patch('/api/calendar-feed').send({ scope: 'mine' }).expect(200);
    const mine = parseFeed((await fetchFeed(ctx, created.path).expect(200)).body as string).map((e) => e.uid);
    expect(mine.sort()).toEqual(
      [ids.past, ids.mineNamed, ids.cancelled, ids.mineBookedUnnamed].map((id) => `${id}@itb-clinic`).sort(),
    );

    const nurseFeed = (await clinic.as.nurse.post('/api/calendar-feed').send({ scope: 'mine' }).expect(201))
      .body as CalendarFeedCreated;
    const nurses = parseFeed((await fetchFeed(ctx, nurseFeed.path).expect(200)).body as string).map((e) => e.uid);
    expect(nurses.sort()).toEqual([ids.nurses, ids.nurseBookedUnnamed].map((id) => `${id}@itb-clinic`).sort());
  });

  it('a regenerated address replaces the old one, a revoked one answers 404, and each step is audited', async () => {
    const auditBefore = await countAuditEvents(ctx, clinic.id);
    const first = (await clinic.as.admin.post('/api/calendar-feed').send({ scope: 'clinic' }).expect(201))
      .body as CalendarFeedCreated;
    await fetchFeed(ctx, first.path).expect(200);
    const second = (await clinic.as.admin.post('/api/calendar-feed').send({ scope: 'clinic' }).expect(201))
      .body as CalendarFeedCreated;
    expect(second.token).not.toBe(first.token);
    const gone = await request(ctx.server).get(first.path).expect(404);
    expect(gone.body.code).toBe('NOT_FOUND');
    const events = parseFeed((await fetchFeed(ctx, second.path).expect(200)).body as string);
    expect(events).toHaveLength(6); // the admin's feed is the clinic's

    await clinic.as.admin.delete('/api/calendar-feed').expect(204);
    await request(ctx.server).get(second.path).expect(404);
    expect((await clinic.as.admin.get('/api/calendar-feed').expect(200)).body).toEqual({ feed: null });
    await clinic.as.admin.delete('/api/calendar-feed').expect(404);

    const actions = (await ctx.dataSource.query(
      `SELECT action FROM audit_events WHERE clinic_id = $1 AND actor_id = $2 AND entity_type = 'calendar_feed'
       ORDER BY occurred_at, id`,
      [clinic.id, clinic.users.admin.id],
    )) as { action: string }[];
    expect(actions.map((a) => a.action)).toEqual([
      'calendar_feed.create',
      'calendar_feed.regenerate',
      'calendar_feed.revoke',
    ]);
    expect(await countAuditEvents(ctx, clinic.id)).toBe(auditBefore + 3);
  });

  it('refuses "only mine" to an administrator and writes nothing', async () => {
    const auditBefore = await countAuditEvents(ctx, clinic.id);
    const res = await clinic.as.admin.post('/api/calendar-feed').send({ scope: 'mine' }).expect(422);
    expect(res.body.details).toEqual([{ field: 'scope', message: expect.stringContaining('must be clinic') }]);
    await clinic.as.admin.post('/api/calendar-feed').send({ scope: 'everyone' }).expect(400);
    expect((await clinic.as.admin.get('/api/calendar-feed').expect(200)).body).toEqual({ feed: null });
    expect(await countAuditEvents(ctx, clinic.id)).toBe(auditBefore);
  });

  it('answers 404 for a malformed or unknown token and once the owner is deactivated', async () => {
    await request(ctx.server).get('/api/calendar/not-a-token.ics').expect(404);
    await request(ctx.server)
      .get(`/api/calendar/${'A'.repeat(43)}.ics`)
      .expect(404);
    const feed = (await other.as.nurse.post('/api/calendar-feed').send({ scope: 'clinic' }).expect(201))
      .body as CalendarFeedCreated;
    const events = parseFeed((await fetchFeed(ctx, feed.path).expect(200)).body as string);
    expect(events.map((e) => e.uid)).toEqual([`${otherClinicAppointment}@itb-clinic`]);
    expect(events[0]?.zone).toBe('America/Chicago');

    const users = (await other.as.admin.get('/api/users').expect(200)).body.items as UserResponse[];
    const nurse = users.find((u) => u.id === other.users.nurse.id)!;
    await other.as.admin.patch(`/api/users/${nurse.id}`).send({ version: nurse.version, isActive: false }).expect(200);
    await request(ctx.server).get(feed.path).expect(404);
  });

  it('cuts off a feed fetched more than 60 times an hour', async () => {
    const feed = (await other.as.specialist.post('/api/calendar-feed').send({ scope: 'mine' }).expect(201))
      .body as CalendarFeedCreated;
    for (let i = 0; i < 60; i++) await request(ctx.server).get(feed.path).expect(200);
    const refused = await request(ctx.server).get(feed.path).expect(429);
    expect(refused.body.code).toBe('RATE_LIMITED');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('redacts only the feed path for the logs', () => {
    expect(loggablePath(`/api/calendar/${'x'.repeat(43)}.ics`)).toBe('/api/calendar/[redacted].ics');
    expect(loggablePath('/api/calendar-feed')).toBe('/api/calendar-feed');
    expect(loggablePath('/api/appointments')).toBe('/api/appointments');
  });
});

describe('calendar feed misses', () => {
  let ctx: TestContext;
  afterAll(async () => ctx.app.close());

  it('refuses an address after 50 misses in 15 minutes, and never holds up a good feed fetched from it', async () => {
    // Behind a proxy on loopback, so this test's client has an address of its own.
    ctx = await createTestApp({ env: { TRUST_PROXY: 'loopback' } });
    const clinic = await createClinic(ctx);
    const feed = (await clinic.as.nurse.post('/api/calendar-feed').send({ scope: 'clinic' }).expect(201))
      .body as CalendarFeedCreated;
    const client = `198.51.100.${Math.floor(Math.random() * 250) + 1}`;
    const get = (path: string) => request(ctx.server).get(path).set('X-Forwarded-For', client);
    for (let i = 0; i < 50; i++) await get(`/api/calendar/miss-${i}.ics`).expect(404);
    const refused = await get(`/api/calendar/${'M'.repeat(43)}.ics`).expect(429);
    expect(refused.body.code).toBe('RATE_LIMITED');
    await get(feed.path).expect(200);
    // Another address is not affected.
    await request(ctx.server).get('/api/calendar/miss.ics').set('X-Forwarded-For', '192.0.2.7').expect(404);
  });
});

describe('calendar feeds in the request log', () => {
  let ctx: TestContext;
  afterAll(async () => ctx.app.close());

  it('logs each fetch with the token redacted, found or not', async () => {
    ctx = await createTestApp({ env: { LOG_LEVEL: 'info' } });
    const clinic = await createClinic(ctx);
    const feed = (await clinic.as.nurse.post('/api/calendar-feed').send({ scope: 'clinic' }).expect(201))
      .body as CalendarFeedCreated;
    const unknown = 'Z'.repeat(43);
    const written: string[] = [];
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    try {
      await request(ctx.server).get(feed.path).expect(200);
      await request(ctx.server).get(`/api/calendar/${unknown}.ics`).expect(404);
      // The log line is written when the answer has gone: give it the turn.
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      spy.mockRestore();
    }
    const lines = written.join('');
    expect(lines.match(/"path":"\/api\/calendar\/\[redacted\]\.ics"/g)).toHaveLength(2);
    expect(lines).not.toContain(feed.token);
    expect(lines).not.toContain(unknown);
  });
});
