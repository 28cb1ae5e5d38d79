import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { FlagResponse } from '@itb/contracts';
import { FlagScheduler } from '../src/modules/flags/flag-scheduler.js';
import { createClinic, createPatient, implantPump, pumpVersionOf, type TestClinic } from './factories.js';
import { createIsolatedDatabase, createTestApp, type TestContext, TestClock } from './test-app.js';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const FILL_AT = '2026-06-01T09:00:00.000Z';
const at = (days: number) => new Date(Date.parse(FILL_AT) + days * DAY_MS);

/**
 * The rules the other tests never took through the API and its risk-state SQL: raised by a write or
 * the hourly pass, escalated as time passes, and resolved by themselves. The hourly pass reads every
 * pump of its database, so each block has a database of its own and its `escalated` count is exact.
 */
async function isolatedClinic(clock: TestClock): Promise<{ ctx: TestContext; clinic: TestClinic }> {
  const ctx = await createTestApp({ databaseUrl: await createIsolatedDatabase(), clock });
  return { ctx, clinic: await createClinic(ctx) };
}

const openFlags = async (clinic: TestClinic, patientId: string, code: string) =>
  (
    (await clinic.as.nurse.get(`/api/flags?patientId=${patientId}&code=${code}`).expect(200)).body
      .items as FlagResponse[]
  ).map((f) => ({ severity: f.severity, facts: f.details.facts }));

const resolvedFlags = async (clinic: TestClinic, patientId: string, code: string) =>
  (
    (await clinic.as.nurse.get(`/api/flags?patientId=${patientId}&code=${code}&status=resolved`).expect(200)).body
      .items as FlagResponse[]
  ).map((f) => f.resolved?.note);

describe('PUMP_REPLACEMENT_DUE: raised 180 days before the ERI date, escalated at 90 and at 0, resolved by a new date', () => {
  const clock = new TestClock();
  let ctx: TestContext;
  let clinic: TestClinic;
  let patientId: string;
  let pumpId: string;

  beforeAll(async () => {
    ({ ctx, clinic } = await isolatedClinic(clock));
    clock.set(at(0.5));
    patientId = (await createPatient(clinic)).id;
    pumpId = (await implantPump(clinic, patientId, FILL_AT)).id;
    // The interrogation read an ERI date of 2027-01-01.
    await clinic.as.specialist
      .patch(`/api/pumps/${pumpId}`)
      .send({ version: await pumpVersionOf(ctx, pumpId), eriDate: '2027-01-01', reason: 'Interrogation' })
      .expect(200);
  });
  afterAll(async () => ctx.app.close());

  /** The hourly pass at noon UTC of a London date (13:00 BST / 12:00 GMT: the same local date). */
  const passOn = async (localDate: string) => {
    clock.set(`${localDate}T12:00:00.000Z`);
    const result = await ctx.app.get(FlagScheduler).runDueTick();
    return { result, flags: await openFlags(clinic, patientId, 'PUMP_REPLACEMENT_DUE') };
  };

  it('walks the thresholds with the days left counted by hand', async () => {
    // Days before 2027-01-01: Dec 31 + Nov 30 + Oct 31 + Sep 30 + Aug 31 + Jul 31 = 184 from 2026-07-01.
    // 2026-07-04 is 181 days before: outside the 180-day notice.
    expect((await passOn('2026-07-04')).flags).toEqual([]);
    // 2026-07-05 is 180 days before: moderate.
    const notice = await passOn('2026-07-05');
    expect(notice.flags).toEqual([
      { severity: 'moderate', facts: { dueOn: '2027-01-01', daysLeft: 180, source: 'eri' } },
    ]);
    // 2026-10-01 is 31 + 30 + 31 = 92 days before; 10-02 is 91: still moderate, nothing escalated.
    const stillModerate = await passOn('2026-10-02');
    expect(stillModerate.result).toMatchObject({ escalated: 0 });
    // (A flag's details are written when it is raised or escalated, so its facts still say 180.)
    expect(stillModerate.flags).toMatchObject([{ severity: 'moderate', facts: { daysLeft: 180 } }]);
    // 2026-10-03 is 90 days before: high, one escalation.
    const urgent = await passOn('2026-10-03');
    expect(urgent.result).toMatchObject({ escalated: 1 });
    expect(urgent.flags).toMatchObject([{ severity: 'high', facts: { daysLeft: 90 } }]);
    const dayBefore = await passOn('2026-12-31');
    expect(dayBefore.result).toMatchObject({ escalated: 0 });
    expect(dayBefore.flags).toMatchObject([{ severity: 'high', facts: { daysLeft: 90 } }]);
    // On the ERI date itself: critical.
    const due = await passOn('2027-01-01');
    expect(due.result).toMatchObject({ escalated: 1 });
    expect(due.flags).toMatchObject([{ severity: 'critical', facts: { daysLeft: 0 } }]);

    // One flag all along, escalated twice, each change audited.
    const [flag] = (await clinic.as.nurse.get(`/api/flags?patientId=${patientId}&code=PUMP_REPLACEMENT_DUE`)).body
      .items as FlagResponse[];
    const audit = (await ctx.dataSource.query(
      `SELECT action, after->>'severity' AS severity FROM audit_events WHERE entity_id = $1 ORDER BY id`,
      [flag!.id],
    )) as { action: string; severity: string }[];
    expect(audit).toEqual([
      { action: 'flag.raise', severity: 'moderate' },
      { action: 'flag.escalate', severity: 'high' },
      { action: 'flag.escalate', severity: 'critical' },
    ]);
  });

  it('resolves by itself when a new interrogation moves the ERI date beyond the notice', async () => {
    // Now 2027-01-01; a new ERI date 1 Dec 2027 is 334 days away.
    await clinic.as.specialist
      .patch(`/api/pumps/${pumpId}`)
      .send({ version: await pumpVersionOf(ctx, pumpId), eriDate: '2027-12-01', reason: 'Interrogation' })
      .expect(200);
    expect(await openFlags(clinic, patientId, 'PUMP_REPLACEMENT_DUE')).toEqual([]);
    expect(await resolvedFlags(clinic, patientId, 'PUMP_REPLACEMENT_DUE')).toEqual(['Pump details changed']);
  });
});

describe('RAPID_DOSE_REDUCTION: a fall of more than 20 % below the highest dose of the last 72 h', () => {
  const clock = new TestClock();
  let ctx: TestContext;
  let clinic: TestClinic;
  let patientId: string;
  let pumpId: string;

  beforeAll(async () => {
    ({ ctx, clinic } = await isolatedClinic(clock));
    clock.set(at(1));
    patientId = (await createPatient(clinic, { spasticityOrigin: 'spinal' })).id;
    // 20 mL of 2000 mcg/mL at 500 mcg/day.
    pumpId = (await implantPump(clinic, patientId, FILL_AT, { initialFill: { dailyDoseMcg: 500 } as never })).id;
  });
  afterAll(async () => ctx.app.close());

  const lowerDose = async (effectiveAt: Date, newDailyDoseMcg: number) => {
    clock.set(new Date(effectiveAt.getTime() + 60_000));
    await clinic.as.specialist
      .post(`/api/pumps/${pumpId}/dose-adjustments`)
      .send({
        effectiveAt: effectiveAt.toISOString(),
        newDailyDoseMcg,
        reason: 'titration_down',
        orderedById: clinic.users.specialist.id,
        pumpVersion: await pumpVersionOf(ctx, pumpId),
      })
      .expect(201);
  };
  const passAt = async (instant: Date) => {
    clock.set(instant);
    return ctx.app.get(FlagScheduler).runDueTick();
  };

  it('stays quiet at exactly 20 %, is raised by a second, stacked decrease, and clears 72 h after the high dose ended', async () => {
    // 500 → 400 at day 10: (500 − 400) / 500 = 20 %, not more than 20 %.
    await lowerDose(at(10), 400);
    expect(await openFlags(clinic, patientId, 'RAPID_DOSE_REDUCTION')).toEqual([]);
    // 400 → 380 at day 11 + 1 h (−5 %, the 500 is outside the 24-h limit window): the highest dose of
    // the 72 h before is still 500, and (500 − 380) / 500 = 24 %.
    await lowerDose(new Date(at(11).getTime() + HOUR_MS), 380);
    expect(await openFlags(clinic, patientId, 'RAPID_DOSE_REDUCTION')).toEqual([
      { severity: 'moderate', facts: { fromMcg: 500, toMcg: 380, fallPct: 24 } },
    ]);
    // The 500 was in force until day 10, so it counts until day 13 (72 h later): half an hour before,
    // the hourly pass keeps the flag …
    expect(await passAt(new Date(at(13).getTime() - HOUR_MS / 2))).toMatchObject({ resolved: 0 });
    expect(await openFlags(clinic, patientId, 'RAPID_DOSE_REDUCTION')).toHaveLength(1);
    // … and half an hour after, the highest dose of the 72 h is 400: (400 − 380) / 400 = 5 %, cleared.
    await passAt(new Date(at(13).getTime() + HOUR_MS / 2));
    expect(await openFlags(clinic, patientId, 'RAPID_DOSE_REDUCTION')).toEqual([]);
    expect(await resolvedFlags(clinic, patientId, 'RAPID_DOSE_REDUCTION')).toEqual([
      'Condition cleared (hourly check)',
    ]);
  });
});

describe('DOSE_ESCALATION and PUMP_ALARM_RECORDED clear by themselves', () => {
  const clock = new TestClock();
  let ctx: TestContext;
  let clinic: TestClinic;

  beforeAll(async () => {
    ({ ctx, clinic } = await isolatedClinic(clock));
  });
  afterAll(async () => ctx.app.close());

  const post = async (pumpId: string, path: string, body: Record<string, unknown>) =>
    clinic.as.specialist
      .post(`/api/pumps/${pumpId}/${path}`)
      .send({ ...body, pumpVersion: await pumpVersionOf(ctx, pumpId) })
      .expect(201);

  it('DOSE_ESCALATION: raised past +50 % of the lowest dose of 30 days, cleared when the low dose leaves the window', async () => {
    clock.set(at(1));
    const patientId = (await createPatient(clinic, { spasticityOrigin: 'spinal' })).id;
    const pumpId = (await implantPump(clinic, patientId, FILL_AT)).id; // 400 mcg/day
    const raise = async (day: number, newDailyDoseMcg: number) => {
      clock.set(new Date(at(day).getTime() + 60_000));
      await post(pumpId, 'dose-adjustments', {
        effectiveAt: at(day).toISOString(),
        newDailyDoseMcg,
        reason: 'titration_up',
        orderedById: clinic.users.specialist.id,
      });
    };
    // 400 → 520 at day 2 (+30 %, the spinal limit): +30 % is not above 50 %.
    await raise(2, 520);
    expect(await openFlags(clinic, patientId, 'DOSE_ESCALATION')).toEqual([]);
    // 520 → 600 at day 4 (+15.4 %): (600 − 400) / 400 = 50 %, still not above.
    await raise(4, 600);
    expect(await openFlags(clinic, patientId, 'DOSE_ESCALATION')).toEqual([]);
    // 600 → 640 at day 6: (640 − 400) / 400 = 60 %.
    await raise(6, 640);
    expect(await openFlags(clinic, patientId, 'DOSE_ESCALATION')).toEqual([
      { severity: 'moderate', facts: { fromMcg: 400, toMcg: 640, risePct: 60 } },
    ]);
    // The 400 was in force until day 2; from day 32 the lowest dose of 30 days is 520: +23.1 %.
    clock.set(new Date(at(32).getTime() - HOUR_MS));
    await ctx.app.get(FlagScheduler).runDueTick();
    expect(await openFlags(clinic, patientId, 'DOSE_ESCALATION')).toHaveLength(1);
    clock.set(new Date(at(32).getTime() + HOUR_MS));
    await ctx.app.get(FlagScheduler).runDueTick();
    expect(await openFlags(clinic, patientId, 'DOSE_ESCALATION')).toEqual([]);
    expect(await resolvedFlags(clinic, patientId, 'DOSE_ESCALATION')).toEqual(['Condition cleared (hourly check)']);
  });

  it('PUMP_ALARM_RECORDED: an early low-reservoir alarm is critical until an interrogation', async () => {
    clock.set(at(20));
    const patientId = (await createPatient(clinic)).id;
    const pumpId = (await implantPump(clinic, patientId, FILL_AT)).id; // alarm projected at day 90
    // Heard at day 20: 70 days before the projected alarm, more than 7: early emptying.
    await post(pumpId, 'events', {
      type: 'alarm_low_reservoir',
      occurredAt: new Date(Date.parse(FILL_AT) + 20 * DAY_MS - HOUR_MS).toISOString(),
    });
    expect(await openFlags(clinic, patientId, 'PUMP_ALARM_RECORDED')).toMatchObject([
      { severity: 'critical', facts: { alarmType: 'alarm_low_reservoir' } },
    ]);
    await post(pumpId, 'events', {
      type: 'interrogation',
      occurredAt: new Date(at(20).getTime() - 60_000).toISOString(),
    });
    expect(await openFlags(clinic, patientId, 'PUMP_ALARM_RECORDED')).toEqual([]);
    expect(await resolvedFlags(clinic, patientId, 'PUMP_ALARM_RECORDED')).toEqual([
      'Pump event recorded: interrogation',
    ]);
  });
});

describe('Flags a clinician closes: WITHDRAWAL_WATCH and RESIDUAL_DISCREPANCY stay as the clinician left them', () => {
  const clock = new TestClock();
  let ctx: TestContext;
  let clinic: TestClinic;

  beforeAll(async () => {
    ({ ctx, clinic } = await isolatedClinic(clock));
  });
  afterAll(async () => ctx.app.close());

  const refill = async (pumpId: string, day: number, body: Record<string, unknown>) => {
    clock.set(new Date(at(day).getTime() + 60_000));
    return clinic.as.nurse
      .post(`/api/pumps/${pumpId}/fills`)
      .send({
        pumpVersion: await pumpVersionOf(ctx, pumpId),
        performedAt: at(day).toISOString(),
        concentrationMcgPerMl: 2000,
        dailyDoseMcg: 400,
        drugProduct: 'Lioresal Intrathecal',
        lotNumber: 'LOT-CLOSE',
        lotExpiresOn: '2030-01-01',
        ...body,
      })
      .expect(201);
  };
  const passAt = async (instant: Date) => {
    clock.set(instant);
    return ctx.app.get(FlagScheduler).runDueTick();
  };
  const resolve = async (patientId: string, code: string, note: string) => {
    const [flag] = (await clinic.as.nurse.get(`/api/flags?patientId=${patientId}&code=${code}`).expect(200)).body
      .items as FlagResponse[];
    await clinic.as.specialist.post(`/api/flags/${flag!.id}/resolve`).send({ note }).expect(200);
  };

  it('WITHDRAWAL_WATCH: a dry refill raises it; past the 72 h it waits for a clinician, whose note closes it for good', async () => {
    clock.set(at(0.5));
    const patientId = (await createPatient(clinic)).id;
    // 20 mL of 2000 mcg/mL at 400 mcg/day: 0.2 mL/day, empty at day 100. Refilled at day 102: 48 h dry.
    const pumpId = (await implantPump(clinic, patientId, FILL_AT)).id;
    await refill(pumpId, 102, { residualWithdrawnMl: 0, volumeAddedMl: 20, primingBolusMl: 0.5 });
    expect(await openFlags(clinic, patientId, 'WITHDRAWAL_WATCH')).toMatchObject([
      { severity: 'high', facts: { hoursWithoutDrug: 48, watchUntil: at(105).toISOString() } },
    ]);
    // Day 105 + 1 h: the 72 h are over, but nobody has said the patient came through: still open.
    await passAt(new Date(at(105).getTime() + HOUR_MS));
    expect(await openFlags(clinic, patientId, 'WITHDRAWAL_WATCH')).toHaveLength(1);
    await resolve(patientId, 'WITHDRAWAL_WATCH', 'Phoned day 3: no itching, tone as before the pump ran dry');
    await passAt(new Date(at(105).getTime() + 2 * HOUR_MS));
    expect(await openFlags(clinic, patientId, 'WITHDRAWAL_WATCH')).toEqual([]);
    expect(await resolvedFlags(clinic, patientId, 'WITHDRAWAL_WATCH')).toEqual([
      'Phoned day 3: no itching, tone as before the pump ran dry',
    ]);
  });

  it('RESIDUAL_DISCREPANCY: resolved for its fill, the hourly pass never reopens it; the next refill is judged anew', async () => {
    clock.set(at(0.5));
    const patientId = (await createPatient(clinic)).id;
    const pumpId = (await implantPump(clinic, patientId, FILL_AT)).id;
    // Day 60: expected 20 − 60 × 0.2 = 8 mL; 6 mL found → −2 mL, delivered 14 mL for 12 programmed: +16.7 %.
    await refill(pumpId, 60, { residualWithdrawnMl: 6, volumeAddedMl: 14 });
    expect(await openFlags(clinic, patientId, 'RESIDUAL_DISCREPANCY')).toHaveLength(1);
    await resolve(patientId, 'RESIDUAL_DISCREPANCY', 'Interrogated: delivering within 2 %; residual mis-measured');
    await passAt(new Date(at(60).getTime() + 2 * HOUR_MS));
    await passAt(new Date(at(61).getTime() + 2 * HOUR_MS));
    expect(await openFlags(clinic, patientId, 'RESIDUAL_DISCREPANCY')).toEqual([]);
    // Day 120: expected 20 − 60 × 0.2 = 8 mL again; 5.5 mL found → −2.5 mL, +20.8 %: a new flag for the new fill.
    await refill(pumpId, 120, { residualWithdrawnMl: 5.5, volumeAddedMl: 14.5 });
    expect(await openFlags(clinic, patientId, 'RESIDUAL_DISCREPANCY')).toHaveLength(1);
  });
});
