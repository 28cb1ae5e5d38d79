import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { OverdueNowPage, OverdueReport, ReportPatients } from '@itb/contracts';
import { atClinicTime } from '../src/demo/clinic-slots.js';
import { createClinic, createPatient, implantPump, pumpVersionOf, type TestClinic } from './factories.js';
import { createTestApp, type TestContext } from './test-app.js';

/** A minimal RFC 4180 reader: quoted fields, doubled quotes, CRLF rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') quoted = !quoted;
    else if (quoted || (c !== ',' && c !== '\n' && c !== '\r')) field += c;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    }
  }
  return rows;
}

/**
 * Issue 18, worked by hand. Every pump is a SynchroMed II 20 mL filled with 20 mL of 2000 mcg/mL at
 * 400 mcg/day: 0.2 mL/day, alarm at 2 mL = 90 days after the fill, refill-by = the alarm's clinic date
 * − 5 days. Fills at 10:00 clinic time. Period February–April 2026 (both zones change to summer time
 * inside it: Chicago on 8 March, London on 29 March); today is 20 April.
 *
 *   pump  filled      alarm   refill-by  what happened                               month  outcome
 *   A     2025-12-05  03-05   02-28      refilled 02-27 (a month's last day due)    Feb    on time
 *   B     2025-12-01  03-01   02-24      refilled 03-02, after the alarm            Feb    after alarm
 *   C     2025-12-20  03-20   03-15      refilled 03-17                             Mar    late
 *   E     2025-12-25  03-25   03-20      refilled 03-19                             Mar    on time
 *   D     2026-01-10  04-10   04-05      not refilled                               Apr    not done
 *   G     2025-10-20  01-18   01-13      refilled 01-12 (previous period: on time);
 *                     04-12   04-07      then not refilled                          Apr    not done
 *   F     2026-01-28  04-28   04-23      due after today                            Apr    pending
 *
 * Refills after these fall due in May or later. Fell due 6: on time 2 (A, E), late 1 (C), after the
 * alarm 1 (B), not done 2 (D, G): 2 of 6 = 33.3 %. Median of (alarm − refill) over A 6, B −1, C 3,
 * E 6 days = (3 + 6) / 2 = 4.5. Previous period (Nov–Jan, as many whole months): G's first, on time.
 *
 * Refill appointments: B 02-23 marked no-show; A 02-26 checked in, never refilled that day; C 03-17
 * fulfilled by its refill; E 03-18 cancelled; D 04-08 booked and passed with no refill; F 04-22
 * upcoming. Appointments 4 (B, A, C, D): missed 3 (marked 1, passed 1, arrived 1) = 75 %.
 */
describe.each(['Europe/London', 'America/Chicago'])('overdue-refill report in %s', (timeZone) => {
  let ctx: TestContext;
  let clinic: TestClinic;
  const pumps: Record<string, string> = {};
  const patients: Record<string, string> = {};
  const at = (date: string, time = '10:00') => new Date(atClinicTime(date, time, timeZone)).toISOString();
  const PERIOD = 'from=2026-02-01&to=2026-04-30';

  const refill = async (name: string, date: string, residual: number, by: 'nurse' | 'specialist' = 'nurse') => {
    ctx.clock.set(at(date, '11:00'));
    await clinic.as[by]
      .post(`/api/pumps/${pumps[name]}/fills`)
      .send({
        pumpVersion: await pumpVersionOf(ctx, pumps[name]!),
        performedAt: at(date),
        residualWithdrawnMl: residual,
        volumeAddedMl: 20,
        concentrationMcgPerMl: 2000,
        dailyDoseMcg: 400,
        drugProduct: 'Lioresal Intrathecal',
        lotNumber: 'LOT-R18',
        lotExpiresOn: '2028-01-01',
      })
      .expect(201);
  };
  const book = async (name: string, date: string, bookedOn: string) => {
    ctx.clock.set(at(bookedOn, '08:00'));
    const res = await clinic.as.nurse
      .post('/api/appointments')
      .send({ patientId: patients[name], type: 'refill', startsAt: at(date) })
      .expect(201);
    return res.body as { id: string; version: number };
  };
  const setStatus = async (appointment: { id: string; version: number }, status: string, on: string) => {
    ctx.clock.set(at(on, '11:00'));
    await clinic.as.nurse
      .patch(`/api/appointments/${appointment.id}`)
      .send({
        version: appointment.version,
        status,
        ...(status === 'cancelled' ? { reason: 'Patient in hospital' } : {}),
      })
      .expect(200);
  };

  beforeAll(async () => {
    ctx = await createTestApp();
    clinic = await createClinic(ctx, { timeZone });
    ctx.clock.set(at('2026-02-01'));
    for (const [name, filled, withSpecialist] of [
      ['A', '2025-12-05', true],
      ['B', '2025-12-01', true],
      ['C', '2025-12-20', true],
      ['D', '2026-01-10', false],
      ['E', '2025-12-25', false],
      ['F', '2026-01-28', false],
      ['G', '2025-10-20', false],
    ] as const) {
      const patient = await createPatient(clinic, {
        familyName: `Pump${name}`,
        phone: `+44 7700 90000${name.charCodeAt(0) - 64}`,
        emergencyContact: `Relative of ${name}`,
        ...(withSpecialist && { primarySpecialistId: clinic.users.specialist.id }),
      });
      patients[name] = patient.id;
      pumps[name] = (await implantPump(clinic, patient.id, at(filled))).id;
    }
    await refill('G', '2026-01-12', 3.2);
    await setStatus(await book('B', '2026-02-23', '2026-02-20'), 'noshow', '2026-02-24');
    await setStatus(await book('A', '2026-02-26', '2026-02-20'), 'arrived', '2026-02-26');
    await refill('A', '2026-02-27', 3.2);
    await refill('B', '2026-03-02', 1.8);
    await book('C', '2026-03-17', '2026-03-10');
    await refill('C', '2026-03-17', 2.6);
    await setStatus(await book('E', '2026-03-18', '2026-03-10'), 'cancelled', '2026-03-16');
    await refill('E', '2026-03-19', 3.2, 'specialist');
    await book('D', '2026-04-08', '2026-04-01');
    await book('F', '2026-04-22', '2026-04-19');
    ctx.clock.set(at('2026-04-20', '12:00'));
  });
  afterAll(async () => {
    ctx.clock.reset();
    await ctx.app.close();
  });

  it('counts refills by the month they fell due, with the hand-worked numerators and denominators', async () => {
    const report = (await clinic.as.admin.get(`/api/reports/overdue?${PERIOD}`).expect(200)).body as OverdueReport;
    expect(report).toMatchObject({ timeZone, from: '2026-02-01', to: '2026-04-30', today: '2026-04-20' });
    expect(report.headline).toEqual({
      from: '2026-02-01',
      to: '2026-04-30',
      fellDue: 6,
      onTime: 2,
      late: 1,
      afterAlarm: 1,
      notDone: 2,
      pending: 1,
      onTimeRate: { numerator: 2, denominator: 6, pct: 33.3 },
      medianDaysRefillToAlarm: 4.5,
      overdueNow: 2,
      pastAlarmNow: 2,
      noShows: {
        appointments: 4,
        fulfilled: 1,
        markedNoShow: 1,
        passedWithoutFill: 1,
        arrivedWithoutFill: 1,
        upcoming: 1,
        cancelled: 1,
        noShowRate: { numerator: 3, denominator: 4, pct: 75 },
      },
    });
    const rate = (n: number, d: number, pct: number | null) => ({ numerator: n, denominator: d, pct });
    expect(report.byMonth).toEqual([
      {
        month: '2026-02',
        fellDue: 2,
        onTime: 1,
        late: 0,
        afterAlarm: 1,
        notDone: 0,
        pending: 0,
        onTimeRate: rate(1, 2, 50),
      },
      {
        month: '2026-03',
        fellDue: 2,
        onTime: 1,
        late: 1,
        afterAlarm: 0,
        notDone: 0,
        pending: 0,
        onTimeRate: rate(1, 2, 50),
      },
      {
        month: '2026-04',
        fellDue: 2,
        onTime: 0,
        late: 0,
        afterAlarm: 0,
        notDone: 2,
        pending: 1,
        onTimeRate: rate(0, 2, 0),
      },
    ]);
    expect(report.previous).toMatchObject({
      from: '2025-11-01',
      to: '2026-01-31',
      fellDue: 1,
      onTime: 1,
      onTimeRate: rate(1, 1, 100),
      medianDaysRefillToAlarm: 6, // 10:00 summer time + 90 × 24 h = 09:00 winter time on 01-18: 5.96 days
      noShows: expect.objectContaining({ appointments: 0, noShowRate: rate(0, 0, null) }),
    });
    // A, B and C answer to the specialist; D, E and G (F is pending) to nobody.
    expect(report.bySpecialist).toEqual([
      expect.objectContaining({
        specialistId: clinic.users.specialist.id,
        fellDue: 3,
        onTime: 1,
        late: 1,
        afterAlarm: 1,
      }),
      expect.objectContaining({ specialistId: null, name: 'No primary specialist', fellDue: 3, onTime: 1, notDone: 2 }),
    ]);
    expect(report.byPerformer.map((p) => [p.clinicianId, p.done, p.onTime, p.onTimeRate.pct])).toEqual([
      [clinic.users.nurse.id, 3, 1, 33.3],
      [clinic.users.specialist.id, 1, 1, 100],
    ]);
  });

  it('lists the pumps overdue now with contact, last refill, projected empty time and the missed booking', async () => {
    const report = (await clinic.as.admin.get(`/api/reports/overdue?${PERIOD}`).expect(200)).body as OverdueReport;
    expect(report.overdueNow.map((o) => [o.patientName, o.refillBy, o.daysOverdue, o.isPastAlarm])).toEqual([
      ['PumpD, Ada', '2026-04-05', 15, true],
      ['PumpG, Ada', '2026-04-07', 13, true],
    ]);
    const [d, g] = report.overdueNow;
    expect(d).toMatchObject({
      phone: '+44 7700 900004',
      emergencyContact: 'Relative of D',
      primarySpecialistName: null,
      lastRefillOn: '2026-01-10',
      emptyAt: new Date(Date.parse(at('2026-01-10')) + 100 * 86_400_000).toISOString(), // 20 mL / 0.2 mL/day
      appointment: { startsAt: at('2026-04-08'), state: 'missed' },
    });
    expect(d!.appointment!.startsAtLocal).toMatch(/^8 Apr 2026, 10:00 /);
    expect(g).toMatchObject({ lastRefillOn: '2026-01-12', appointment: null });
  });

  it('pages the pumps overdue now by keyset: the report carries the first page, /overdue/now the rest', async () => {
    const report = (await clinic.as.admin.get(`/api/reports/overdue?${PERIOD}&limit=1`).expect(200))
      .body as OverdueReport;
    // D and G are overdue (worked above): a page of one holds D, the headline still counts both.
    expect(report.overdueNow.map((o) => o.patientName)).toEqual(['PumpD, Ada']);
    expect(report.headline).toMatchObject({ overdueNow: 2, pastAlarmNow: 2 });
    expect(report.overdueNowNextCursor).toEqual(expect.any(String));
    const next = (
      await clinic.as.admin
        .get(`/api/reports/overdue/now?limit=1&cursor=${encodeURIComponent(report.overdueNowNextCursor!)}`)
        .expect(200)
    ).body as OverdueNowPage;
    expect(next.items.map((o) => [o.patientName, o.daysOverdue])).toEqual([['PumpG, Ada', 13]]);
    expect(next.nextCursor).toBeNull();
    // The whole list fits the default page: no cursor.
    const whole = (await clinic.as.admin.get(`/api/reports/overdue?${PERIOD}`).expect(200)).body as OverdueReport;
    expect(whole.overdueNowNextCursor).toBeNull();
    // A cursor of another list is refused.
    const bad = await clinic.as.admin.get(`/api/reports/overdue/now?cursor=${report.overdueNowNextCursor!}x`);
    expect(bad.status).toBe(400);
  });

  it('pages the patients behind a count, the total counting them all', async () => {
    // no_show lists B, A, D (worked above), oldest due first.
    const first = (
      await clinic.as.admin.get(`/api/reports/overdue/patients?${PERIOD}&measure=no_show&limit=2`).expect(200)
    ).body as ReportPatients;
    expect(first.items.map((i) => i.patientName.split(',')[0])).toEqual(['PumpB', 'PumpA']);
    expect(first.total).toBe(3);
    const second = (
      await clinic.as.admin
        .get(
          `/api/reports/overdue/patients?${PERIOD}&measure=no_show&limit=2&cursor=${encodeURIComponent(first.nextCursor!)}`,
        )
        .expect(200)
    ).body as ReportPatients;
    expect(second.items.map((i) => i.patientName.split(',')[0])).toEqual(['PumpD']);
    expect(second.total).toBe(3);
    expect(second.nextCursor).toBeNull();
  });

  it.each([
    ['late', '2026-03', ['PumpC']],
    ['after_alarm', undefined, ['PumpB']],
    ['not_done', undefined, ['PumpD', 'PumpG']],
    ['on_time', '2026-02', ['PumpA']],
    ['no_show', undefined, ['PumpB', 'PumpA', 'PumpD']],
    ['cancelled', undefined, ['PumpE']],
  ] as const)('opens the patients behind %s (month %s)', async (measure, month, names) => {
    const query = `${PERIOD}&measure=${measure}${month ? `&month=${month}` : ''}`;
    const list = (await clinic.as.admin.get(`/api/reports/overdue/patients?${query}`).expect(200))
      .body as ReportPatients;
    expect(list.items.map((i) => i.patientName.split(',')[0])).toEqual(names);
    expect(list.total).toBe(names.length);
  });

  it("narrows the patients to one primary specialist's, or to those without one", async () => {
    const mine = await clinic.as.admin
      .get(`/api/reports/overdue/patients?${PERIOD}&measure=fell_due&specialistId=${clinic.users.specialist.id}`)
      .expect(200);
    expect(mine.body.items.map((i: { patientName: string }) => i.patientName.split(',')[0])).toEqual([
      'PumpB',
      'PumpA',
      'PumpC',
    ]);
    const byNurse = await clinic.as.admin
      .get(`/api/reports/overdue/patients?${PERIOD}&measure=fell_due&performedById=${clinic.users.nurse.id}`)
      .expect(200);
    expect(byNurse.body.items.map((i: { patientName: string }) => i.patientName.split(',')[0])).toEqual([
      'PumpB',
      'PumpA',
      'PumpC',
    ]);
    const none = await clinic.as.admin
      .get(`/api/reports/overdue/patients?${PERIOD}&measure=fell_due&specialistId=none`)
      .expect(200);
    expect(none.body.total).toBe(3);
  });

  it('writes each CSV section under a header block naming the clinic, period, zone and headline rates', async () => {
    const res = await clinic.as.admin.get(`/api/reports/overdue.csv?${PERIOD}&section=months`).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="overdue-refills_test-clinic-[a-z0-9]+_months_2026-02-01_2026-04-30\.csv"$/,
    );
    const rows = parseCsv(res.text);
    const value = (label: string) => rows.find((r) => r[0] === label)?.[1];
    expect(value('Period')).toBe('2026-02-01 to 2026-04-30');
    expect(value('Time zone')).toBe(timeZone);
    expect(value('On-time rate')).toBe('33.3 % (2 of 6)');
    expect(value('No-show rate')).toBe('75 % (3 of 4)');
    const header = rows.findIndex((r) => r[0] === 'month');
    expect(rows.slice(header + 1).map((r) => r.slice(0, 7))).toEqual([
      ['2026-02', '2', '1', '0', '1', '0', '50'],
      ['2026-03', '2', '1', '1', '0', '0', '50'],
      ['2026-04', '2', '0', '0', '0', '2', '0'],
    ]);
    const overdue = parseCsv(
      (await clinic.as.admin.get(`/api/reports/overdue.csv?${PERIOD}&section=overdue-now`).expect(200)).text,
    );
    // A leading + would be read as a formula by a spreadsheet: the phone is kept as text (OWASP CSV injection).
    expect(overdue.filter((r) => r[0]?.startsWith('PumpD')).map((r) => r[3])).toEqual(["'+44 7700 900004"]);
  });

  it('keeps every month of a period with nothing due in it, as zeros; refills due after today are pending', async () => {
    const res = await clinic.as.admin.get('/api/reports/overdue?from=2026-06-01&to=2026-08-31').expect(200);
    // C's and E's next refill-by dates (06-10 and 06-12) are after today (04-20): pending, in no rate.
    expect((res.body as OverdueReport).byMonth.map((m) => [m.month, m.fellDue, m.pending, m.onTimeRate.pct])).toEqual([
      ['2026-06', 0, 2, null],
      ['2026-07', 0, 0, null],
      ['2026-08', 0, 0, null],
    ]);
  });
});

describe('a clinic that changes its time zone', () => {
  let ctx: TestContext;
  afterAll(async () => ctx.app.close());

  it('moves the stored clinic dates of its refills, appointments and refill-by dates in the same change', async () => {
    ctx = await createTestApp();
    const clinic = await createClinic(ctx, { timeZone: 'Europe/London' });
    ctx.clock.set('2026-06-01T12:00:00.000Z');
    const patient = await createPatient(clinic);
    // 23:30 UTC is 00:30 the next day in London (BST) and 18:30 the same day in Chicago (CDT).
    const pump = await implantPump(clinic, patient.id, '2026-05-10T23:30:00.000Z');
    const booked = await clinic.as.nurse
      .post('/api/appointments')
      .send({ patientId: patient.id, type: 'refill', startsAt: '2026-06-20T23:30:00.000Z' })
      .expect(201);
    expect(booked.body.startsOn).toBe('2026-06-21');
    // Alarm 90 days after the fill: 2026-08-08T23:30Z, 00:30 on 08-09 in London: refill-by 08-04.
    expect(pump.projection!.refillBy).toBe('2026-08-04');

    const settings = (await clinic.as.admin.get('/api/clinic').expect(200)).body as { version: number };
    await clinic.as.admin
      .patch('/api/clinic')
      .send({ version: settings.version, timeZone: 'America/Chicago' })
      .expect(200);
    const [fill] = (await ctx.dataSource.query(`SELECT performed_on::text FROM fills WHERE pump_id = $1`, [
      pump.id,
    ])) as [{ performed_on: string }];
    expect(fill.performed_on).toBe('2026-05-10');
    const appointment = await clinic.as.nurse.get(`/api/appointments?patientId=${patient.id}`).expect(200);
    expect(appointment.body.items[0].startsOn).toBe('2026-06-20');
    // 18:30 on 08-08 in Chicago: refill-by 08-03.
    const after = await clinic.as.nurse.get(`/api/pumps/${pump.id}`).expect(200);
    expect(after.body.projection.refillBy).toBe('2026-08-03');
    const [stored] = (await ctx.dataSource.query(`SELECT refill_by::text FROM pumps WHERE id = $1`, [pump.id])) as [
      { refill_by: string },
    ];
    expect(stored.refill_by).toBe('2026-08-03'); // what the queue and the report read
  });
});
