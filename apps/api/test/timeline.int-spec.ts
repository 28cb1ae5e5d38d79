import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { TimelineItem } from '@itb/contracts';
import { createClinic, createPatient, implantPump, type TestClinic, pumpVersionOf } from './factories.js';
import { createTestApp, type TestContext } from './test-app.js';

const DAY_MS = 86_400_000;
const FILL_AT = '2026-03-02T09:00:00.000Z';
const at = (days: number) => new Date(Date.parse(FILL_AT) + days * DAY_MS).toISOString();

describe('patient timeline', () => {
  let ctx: TestContext;
  let clinic: TestClinic;
  let patientId: string;

  /** Every page, following the cursor. */
  const everything = async (query = '') => {
    const items: TimelineItem[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: { items: TimelineItem[]; nextCursor: string | null } } = await clinic.as.nurse
        .get(`/api/patients/${patientId}/timeline?limit=3${query}${cursor ? `&cursor=${cursor}` : ''}`)
        .expect(200);
      items.push(...res.body.items);
      cursor = res.body.nextCursor;
    } while (cursor);
    return items;
  };

  beforeAll(async () => {
    ctx = await createTestApp();
    clinic = await createClinic(ctx);
    ctx.clock.set(at(50));
    const patient = await createPatient(clinic, { spasticityOrigin: 'spinal' });
    patientId = patient.id;
    const pump = await implantPump(clinic, patientId, FILL_AT);
    await clinic.as.nurse
      .post(`/api/pumps/${pump.id}/dose-adjustments`)
      .send({
        pumpVersion: await pumpVersionOf(ctx, pump.id),
        effectiveAt: at(20),
        newDailyDoseMcg: 440,
        reason: 'spasticity_increase',
        orderedById: clinic.users.specialist.id,
        notes: 'Night spasms',
      })
      .expect(201);
    await clinic.as.specialist
      .post(`/api/pumps/${pump.id}/dose-adjustments`)
      .send({
        pumpVersion: await pumpVersionOf(ctx, pump.id),
        effectiveAt: at(30),
        newDailyDoseMcg: 300,
        reason: 'side_effects',
        orderedById: clinic.users.specialist.id,
        overrideReason: 'Drowsy and hypotonic',
      })
      .expect(201);
    await clinic.as.nurse
      .post(`/api/pumps/${pump.id}/events`)
      .send({ pumpVersion: await pumpVersionOf(ctx, pump.id), type: 'mri', occurredAt: at(35), notes: 'Knee MRI' })
      .expect(201);
    await clinic.as.nurse
      .post(`/api/pumps/${pump.id}/events`)
      .send({ pumpVersion: await pumpVersionOf(ctx, pump.id), type: 'interrogation', occurredAt: at(36) })
      .expect(201);
    // The signs are phoned in a little later than the MRI's flag was raised: the timeline orders them by time.
    ctx.clock.set(at(50.05));
    const flag = await clinic.as.nurse
      .post(`/api/patients/${patientId}/flags`)
      .send({ signs: ['fever'], note: '38.6 °C' })
      .expect(201);
    ctx.clock.set(at(50.1));
    await clinic.as.specialist.post(`/api/flags/${flag.body.id}/acknowledge`).send({ note: 'Seen' }).expect(200);
    ctx.clock.set(at(50.2));
    await clinic.as.specialist.post(`/api/flags/${flag.body.id}/resolve`).send({ note: 'Viral, settled' }).expect(200);
    await clinic.as.nurse
      .post('/api/appointments')
      .send({ patientId, type: 'refill', startsAt: at(60) })
      .expect(201);
    // Another patient's records never appear.
    const other = await createPatient(clinic);
    await implantPump(clinic, other.id, FILL_AT);
  });
  afterAll(async () => {
    ctx.clock.reset();
    await ctx.app.close();
  });

  it('lists every record the database holds for the patient, newest first, across pages', async () => {
    const items = await everything();
    const count = async (sql: string) => ((await ctx.dataSource.query(sql, [patientId])) as [{ n: number }])[0].n;
    const expected = {
      fill: await count(
        `SELECT count(*)::int AS n FROM fills f JOIN pumps p ON p.id = f.pump_id WHERE p.patient_id = $1`,
      ),
      dose_adjustment: await count(
        `SELECT count(*)::int AS n FROM dose_adjustments a JOIN pumps p ON p.id = a.pump_id WHERE p.patient_id = $1`,
      ),
      pump_event: await count(
        `SELECT count(*)::int AS n FROM pump_events e JOIN pumps p ON p.id = e.pump_id WHERE p.patient_id = $1`,
      ),
      appointment: await count(`SELECT count(*)::int AS n FROM appointments WHERE patient_id = $1`),
      flag_raised: await count(`SELECT count(*)::int AS n FROM flags WHERE patient_id = $1`),
      flag_acknowledged: await count(
        `SELECT count(*)::int AS n FROM flags WHERE patient_id = $1 AND acknowledged_at IS NOT NULL`,
      ),
      flag_resolved: await count(
        `SELECT count(*)::int AS n FROM flags WHERE patient_id = $1 AND resolved_at IS NOT NULL`,
      ),
    };
    const byKind = Object.fromEntries(Object.keys(expected).map((k) => [k, items.filter((i) => i.kind === k).length]));
    expect(byKind).toEqual(expected);
    expect(expected).toMatchObject({ fill: 1, dose_adjustment: 2, pump_event: 2, appointment: 1 });
    const times = items.map((i) => Date.parse(i.at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(new Set(items.map((i) => `${i.kind}:${i.id}`)).size).toBe(items.length);
  });

  it('says who and why', async () => {
    const items = await everything();
    const cut = items.find((i) => i.kind === 'dose_adjustment' && i.details.newDailyDoseMcg === 300)!;
    expect(cut).toMatchObject({
      actor: { id: clinic.users.specialist.id },
      title: expect.stringMatching(/^Dose 440 mcg\/day → 300 mcg\/day \(.+\), ordered by Test specialist/),
      reason: 'Override: Drowsy and hypotonic',
    });
    const rise = items.find((i) => i.kind === 'dose_adjustment' && i.details.newDailyDoseMcg === 440)!;
    expect(rise).toMatchObject({ actor: { id: clinic.users.nurse.id }, reason: 'Night spasms' });
    expect(items.find((i) => i.kind === 'flag_resolved')).toMatchObject({
      actor: { id: clinic.users.specialist.id },
      title: 'Flag resolved: Withdrawal signs',
      reason: 'Viral, settled',
      at: at(50.2),
    });
    expect(items.find((i) => i.kind === 'flag_raised')).toMatchObject({
      title: 'Flag raised: Withdrawal signs (critical)',
    });
    expect(items.find((i) => i.kind === 'pump_event' && i.details.type === 'mri')).toMatchObject({
      reason: 'Knee MRI',
    });
    expect(items.find((i) => i.kind === 'fill')).toMatchObject({
      title: 'First fill: 20 mL of 2,000 mcg/mL at 400 mcg/day',
      at: FILL_AT,
    });
  });

  it('filters by kind and keeps other clinics out', async () => {
    expect((await everything('&kind=pump_event,fill')).map((i) => i.kind)).toEqual([
      'pump_event',
      'pump_event',
      'fill',
    ]);
    await clinic.as.nurse.get(`/api/patients/${patientId}/timeline?kind=tweet`).expect(400);
    const other = await createClinic(ctx);
    await other.as.nurse.get(`/api/patients/${patientId}/timeline`).expect(404);
  });
});
