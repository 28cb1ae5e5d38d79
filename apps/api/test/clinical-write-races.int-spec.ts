import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { PumpResponse } from '@itb/contracts';
import {
  countRows,
  createClinic,
  createPatient,
  implantInput,
  implantPump,
  patientInput,
  pumpVersionOf,
  type TestClinic,
} from './factories.js';
import { createTestApp, type TestContext } from './test-app.js';

const DAY_MS = 86_400_000;
const FILL_AT = '2026-03-02T09:00:00.000Z';
const at = (days: number) => new Date(Date.parse(FILL_AT) + days * DAY_MS).toISOString();

/**
 * Issue 12 item 8: every clinical write names the pump version its form was opened on, so two
 * writes made on one view of the pump store one; and a record POST sent twice with one
 * Idempotency-Key stores one record.
 */
describe('clinical writes name the pump version', () => {
  let ctx: TestContext;
  let clinic: TestClinic;
  let pump: PumpResponse;

  const doseChange = (newDailyDoseMcg: number) => ({
    effectiveAt: at(10),
    newDailyDoseMcg,
    reason: 'titration_up',
    orderedById: clinic.users.specialist.id,
  });
  const refill = {
    performedAt: at(60),
    residualWithdrawnMl: 8,
    volumeAddedMl: 20,
    concentrationMcgPerMl: 2000,
    dailyDoseMcg: 400,
    drugProduct: 'Lioresal Intrathecal',
    lotNumber: 'LOT-V1',
    lotExpiresOn: '2028-01-01',
  };

  beforeAll(async () => {
    ctx = await createTestApp();
  });
  afterAll(async () => ctx.app.close());

  beforeEach(async () => {
    clinic = await createClinic(ctx);
    ctx.clock.set(at(20));
    const patient = await createPatient(clinic, { spasticityOrigin: 'spinal' });
    pump = await implantPump(clinic, patient.id, FILL_AT); // 400 mcg/day, spinal: +30 % a day at most
  });

  it('stores one of 20 concurrent dose changes made on the same pump version and answers the other 19 with 409', async () => {
    // Each alone is within the limit (+5 % … +24 %); together they would have stacked far past it.
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        clinic.as[i % 2 ? 'nurse' : 'specialist']
          .post(`/api/pumps/${pump.id}/dose-adjustments`)
          .send({ ...doseChange(420 + i * 4), pumpVersion: pump.version }),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    for (const refused of results.filter((r) => r.status === 409)) expect(refused.body.code).toBe('STALE_VERSION');
    expect(await countRows(ctx, 'dose_adjustments', clinic.id)).toBe(1);
    expect(await pumpVersionOf(ctx, pump.id)).toBe(pump.version + 1);
  });

  it.each([
    ['a refill', 'fills', refill],
    ['a dose change', 'dose-adjustments', null],
    ['a pump event', 'events', { type: 'mri', occurredAt: at(5) }],
  ] as const)(
    'refuses %s without pumpVersion with 400 naming the field, and stores nothing',
    async (_l, path, body) => {
      const table = { fills: 'fills', 'dose-adjustments': 'dose_adjustments', events: 'pump_events' }[path];
      const before = await countRows(ctx, table, clinic.id);
      const res = await clinic.as.nurse
        .post(`/api/pumps/${pump.id}/${path}`)
        .send(body ?? doseChange(440))
        .expect(400);
      expect(res.body.details).toContainEqual({
        field: 'pumpVersion',
        message: 'is required (the pump version the form was opened on)',
      });
      expect(await countRows(ctx, table, clinic.id)).toBe(before);
      expect(await pumpVersionOf(ctx, pump.id)).toBe(pump.version);
    },
  );

  it('moves the pump version with every event, so a dose change made on the view before an alarm is stale', async () => {
    await clinic.as.nurse
      .post(`/api/pumps/${pump.id}/events`)
      .send({ type: 'alarm_motor_stall', occurredAt: at(19), pumpVersion: pump.version })
      .expect(201);
    expect(await pumpVersionOf(ctx, pump.id)).toBe(pump.version + 1);
    const stale = await clinic.as.specialist
      .post(`/api/pumps/${pump.id}/dose-adjustments`)
      .send({ ...doseChange(440), pumpVersion: pump.version })
      .expect(409);
    expect(stale.body.code).toBe('STALE_VERSION');
    expect(await countRows(ctx, 'dose_adjustments', clinic.id)).toBe(0);
    // The same event entered twice on one view: the second is refused, one is stored.
    await clinic.as.nurse
      .post(`/api/pumps/${pump.id}/events`)
      .send({ type: 'alarm_motor_stall', occurredAt: at(19), pumpVersion: pump.version })
      .expect(409);
    expect(await countRows(ctx, 'pump_events', clinic.id)).toBe(1);
  });

  it('does not need the version to preview a refill or a dose change (nothing is written)', async () => {
    ctx.clock.set(at(61));
    await clinic.as.nurse.post(`/api/pumps/${pump.id}/fills/preview`).send(refill).expect(200);
    await clinic.as.nurse.post(`/api/pumps/${pump.id}/dose-adjustments/preview`).send(doseChange(440)).expect(200);
  });
});

describe('record POSTs honour Idempotency-Key', () => {
  let ctx: TestContext;
  let clinic: TestClinic;

  beforeAll(async () => {
    ctx = await createTestApp();
    clinic = await createClinic(ctx);
  });
  afterAll(async () => ctx.app.close());

  it('stores one patient for a POST /patients sent twice with one key, and answers the first answer again', async () => {
    const input = patientInput();
    const key = `patient-${input.mrn}`;
    const first = await clinic.as.nurse.post('/api/patients').set('Idempotency-Key', key).send(input).expect(201);
    const again = await clinic.as.nurse.post('/api/patients').set('Idempotency-Key', key).send(input).expect(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
    const [row] = (await ctx.dataSource.query(`SELECT count(*)::int AS n FROM patients WHERE mrn = $1`, [
      input.mrn,
    ])) as [{ n: number }];
    expect(row.n).toBe(1);
  });

  it('stores one patient when ten copies of the POST race with one key', async () => {
    const input = patientInput();
    const key = `patient-race-${input.mrn}`;
    const results = await Promise.all(
      Array.from({ length: 10 }, () => clinic.as.nurse.post('/api/patients').set('Idempotency-Key', key).send(input)),
    );
    // The winner 201; the others replay it (201) or, still in flight, 409 "being processed" naming the key (so a
    // client asks again and gets the first answer, never a duplicate-MRN error): never a second row.
    expect(results.every((r) => r.status === 201 || r.status === 409)).toBe(true);
    for (const copy of results.filter((r) => r.status === 409)) {
      expect(copy.body.details).toEqual([{ field: 'Idempotency-Key', message: 'is still being processed' }]);
    }
    expect(results.filter((r) => r.status === 201).length).toBeGreaterThanOrEqual(1);
    const ids = new Set(results.filter((r) => r.status === 201).map((r) => r.body.id as string));
    expect(ids.size).toBe(1);
    const [row] = (await ctx.dataSource.query(`SELECT count(*)::int AS n FROM patients WHERE mrn = $1`, [
      input.mrn,
    ])) as [{ n: number }];
    expect(row.n).toBe(1);
  });

  it('stores one implant and one explant for each sent twice with one key', async () => {
    const patient = await createPatient(clinic);
    const implant = implantInput(new Date(Date.now() - 10 * DAY_MS).toISOString());
    const key = `implant-${patient.id}`;
    const first = await clinic.as.specialist
      .post(`/api/patients/${patient.id}/pumps`)
      .set('Idempotency-Key', key)
      .send(implant)
      .expect(201);
    const again = await clinic.as.specialist
      .post(`/api/patients/${patient.id}/pumps`)
      .set('Idempotency-Key', key)
      .send(implant)
      .expect(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body.id).toBe(first.body.id);

    const explant = { version: first.body.version, explantedOn: implant.implantedOn, reason: 'Pocket infection' };
    const explanted = await clinic.as.specialist
      .post(`/api/pumps/${first.body.id}/explant`)
      .set('Idempotency-Key', `explant-${first.body.id}`)
      .send(explant)
      .expect(200);
    const replayed = await clinic.as.specialist
      .post(`/api/pumps/${first.body.id}/explant`)
      .set('Idempotency-Key', `explant-${first.body.id}`)
      .send(explant)
      .expect(200);
    expect(replayed.headers['idempotent-replayed']).toBe('true');
    expect(replayed.body).toEqual(explanted.body);
    const [row] = (await ctx.dataSource.query(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE status = 'explanted')::int AS out FROM pumps WHERE patient_id = $1`,
      [patient.id],
    )) as [{ n: number; out: number }];
    expect(row).toEqual({ n: 1, out: 1 });
  });
});
