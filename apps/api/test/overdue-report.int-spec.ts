import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { OverdueReport } from '@itb/contracts';
import { createClinic, createPatient, implantPump, type TestClinic, pumpVersionOf } from './factories.js';
import { createTestApp, type TestContext } from './test-app.js';

const NOW = '2026-06-20T10:00:00.000Z';
const IMPLANT_FILL = '2026-03-01T10:00:00.000Z'; // worked example: alarm 2026-05-30 10:00Z, refill-by 2026-05-25

/** A minimal RFC 4180 reader: quoted fields, doubled quotes, CRLF rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (quoted || (c !== ',' && c !== '\n' && c !== '\r')) {
      field += c;
    } else if (c === ',') {
      endField();
    } else if (c === '\n') {
      endField();
      rows.push(row);
      row = [];
    }
  }
  return rows;
}

describe('overdue-refill report', () => {
  let ctx: TestContext;
  let clinic: TestClinic;
  const pumps: Record<string, string> = {};

  const refill = async (agent: 'nurse' | 'specialist', name: string, performedAt: string, residual: number) =>
    clinic.as[agent]
      .post(`/api/pumps/${pumps[name]}/fills`)
      .send({
        pumpVersion: await pumpVersionOf(ctx, pumps[name]!),
        performedAt,
        residualWithdrawnMl: residual,
        volumeAddedMl: 20,
        concentrationMcgPerMl: 2000,
        dailyDoseMcg: 400,
        drugProduct: 'Lioresal Intrathecal',
        lotNumber: 'LOT-R',
        lotExpiresOn: '2028-01-01',
      })
      .expect(201);

  beforeAll(async () => {
    ctx = await createTestApp();
    clinic = await createClinic(ctx);
    ctx.clock.set(NOW);
    for (const [name, fillAt] of [
      ['Ontime', IMPLANT_FILL],
      ['Late', IMPLANT_FILL],
      ['Pastalarm', IMPLANT_FILL],
      ['Overdue', '2026-03-10T10:00:00.000Z'], // alarm 06-08, refill-by 06-03: 17 days overdue on 06-20
    ] as const) {
      const patient = await createPatient(clinic, { familyName: name, riskFactors: [] });
      pumps[name] = (await implantPump(clinic, patient.id, fillAt)).id;
    }
    // Two refill appointments: one kept (fulfilled by Pastalarm's refill), one missed.
    ctx.clock.set('2026-05-31T08:00:00.000Z');
    const patientsByName = (await clinic.as.nurse.get('/api/patients').expect(200)).body.items as {
      id: string;
      familyName: string;
    }[];
    const idOf = (name: string) => patientsByName.find((p) => p.familyName === name)!.id;
    await clinic.as.nurse
      .post('/api/appointments')
      .send({ patientId: idOf('Pastalarm'), type: 'refill', startsAt: '2026-06-01T09:00:00.000Z' })
      .expect(201);
    const missed = await clinic.as.nurse
      .post('/api/appointments')
      .send({ patientId: idOf('Overdue'), type: 'refill', startsAt: '2026-06-05T09:00:00.000Z' })
      .expect(201);
    ctx.clock.set('2026-06-06T09:00:00.000Z');
    await clinic.as.nurse
      .patch(`/api/appointments/${missed.body.id}`)
      .send({ version: missed.body.version, status: 'noshow' })
      .expect(200);

    ctx.clock.set(NOW);
    await refill('specialist', 'Ontime', '2026-05-20T10:00:00.000Z', 4); // 10 days before the alarm
    await refill('nurse', 'Late', '2026-05-27T10:00:00.000Z', 2.6); // after refill-by, 3 days before the alarm
    await refill('nurse', 'Pastalarm', '2026-06-01T10:00:00.000Z', 1.6); // 2 days after the alarm
  });
  afterAll(async () => {
    ctx.clock.reset();
    await ctx.app.close();
  });

  it('counts on-time and late refills, overdue pumps and no-shows as worked by hand', async () => {
    const res = await clinic.as.admin.get('/api/reports/overdue?from=2026-05-01&to=2026-06-30').expect(200);
    const report = res.body as OverdueReport;
    expect(report.headline).toEqual({
      overdueNow: 1,
      pastAlarmNow: 1,
      refills: 3,
      onTime: 1,
      afterRefillBy: 2,
      afterAlarm: 1,
      onTimeRatePct: 33.3,
      onTimeRateThisMonthPct: 0, // June: Pastalarm only, late
      medianDaysRefillToAlarm: 3, // of 10, 3 and −2 days
      refillAppointments: 2,
      noShows: 1,
      noShowRatePct: 50,
    });
    expect(report.overdueNow).toEqual([
      expect.objectContaining({
        patientName: 'Overdue, Ada',
        refillBy: '2026-06-03',
        alarmAtLocal: '2026-06-08 11:00 BST',
        daysOverdue: 17,
        isPastAlarm: true,
      }),
    ]);
    expect(report.byMonth).toEqual([
      { month: '2026-05', refills: 2, onTime: 1, afterRefillBy: 1, afterAlarm: 0, onTimeRatePct: 50 },
      { month: '2026-06', refills: 1, onTime: 0, afterRefillBy: 1, afterAlarm: 1, onTimeRatePct: 0 },
    ]);
    expect(report.byClinician.map((c) => [c.clinicianName.split(' ')[1], c.refills, c.onTime, c.afterAlarm])).toEqual([
      ['nurse', 2, 0, 1],
      ['specialist', 1, 1, 0],
    ]);
    const appointments = await clinic.as.nurse.get('/api/appointments?status=fulfilled').expect(200);
    expect(appointments.body.items).toHaveLength(1);
  });

  it('exports a CSV that parses back to the rows the JSON returns', async () => {
    const json = (await clinic.as.specialist.get('/api/reports/overdue?from=2026-05-01&to=2026-06-30').expect(200))
      .body as OverdueReport;
    const res = await clinic.as.specialist.get('/api/reports/overdue.csv?from=2026-05-01&to=2026-06-30').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="overdue-refills.csv"/);
    const [header, ...rows] = parseCsv(res.text);
    expect(header).toEqual([
      'section',
      'month',
      'clinician',
      'patient',
      'mrn',
      'high_risk',
      'refill_by',
      'alarm_at_local',
      'days_overdue',
      'past_alarm',
      'refills',
      'on_time',
      'after_refill_by',
      'after_alarm',
      'on_time_rate_pct',
    ]);
    const records = rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]])));
    const section = (s: string) => records.filter((r) => r.section === s);
    expect(
      section('overdue_now').map((r) => [
        r.patient,
        r.mrn,
        r.refill_by,
        r.alarm_at_local,
        Number(r.days_overdue),
        r.past_alarm,
      ]),
    ).toEqual(
      json.overdueNow.map((o) => [
        o.patientName,
        o.mrn,
        o.refillBy,
        o.alarmAtLocal,
        o.daysOverdue,
        String(o.isPastAlarm),
      ]),
    );
    const late = (r: Record<string, string | undefined>) =>
      [r.refills, r.on_time, r.after_refill_by, r.after_alarm, r.on_time_rate_pct].map(Number);
    expect(section('month').map((r) => [r.month, ...late(r)])).toEqual(
      json.byMonth.map((m) => [m.month, m.refills, m.onTime, m.afterRefillBy, m.afterAlarm, m.onTimeRatePct]),
    );
    expect(section('clinician').map((r) => [r.clinician, ...late(r)])).toEqual(
      json.byClinician.map((c) => [
        c.clinicianName,
        c.refills,
        c.onTime,
        c.afterRefillBy,
        c.afterAlarm,
        c.onTimeRatePct,
      ]),
    );
    expect(records).toHaveLength(json.overdueNow.length + json.byMonth.length + json.byClinician.length);
  });

  it('refuses a nurse, a reversed period and a malformed date', async () => {
    await clinic.as.nurse.get('/api/reports/overdue').expect(403);
    const reversed = await clinic.as.admin.get('/api/reports/overdue?from=2026-06-30&to=2026-05-01').expect(400);
    expect(reversed.body.details[0].field).toBe('to');
    await clinic.as.admin.get('/api/reports/overdue.csv?from=June').expect(400);
  });
});
