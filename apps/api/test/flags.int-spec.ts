import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { FillPreviewRequest, FlagResponse, PumpResponse } from '@itb/contracts';
import {
  countAuditEvents,
  createClinic,
  createPatient,
  implantPump,
  type TestClinic,
  pumpVersionOf,
} from './factories.js';
import { createTestApp, type TestContext } from './test-app.js';

const DAY_MS = 86_400_000;
const FILL_AT = '2026-03-02T09:00:00.000Z';
const at = (days: number) => new Date(Date.parse(FILL_AT) + days * DAY_MS).toISOString();

/** 60 days after a 20 mL fill at 0.25 mL/day, 5.0 mL should be left. */
const refill = (residualWithdrawnMl: number, days = 60): FillPreviewRequest => ({
  performedAt: at(days),
  residualWithdrawnMl,
  volumeAddedMl: 20,
  concentrationMcgPerMl: 2000,
  dailyDoseMcg: 500,
  drugProduct: 'Lioresal Intrathecal',
  lotNumber: 'LOT-F1',
  lotExpiresOn: '2028-01-01',
});

describe('flags', () => {
  let ctx: TestContext;
  let clinic: TestClinic;
  let patientId: string;
  let pump: PumpResponse;

  const flagsOf = async (query = '') =>
    (await clinic.as.specialist.get(`/api/flags?patientId=${patientId}${query}`).expect(200)).body
      .items as FlagResponse[];

  beforeAll(async () => {
    ctx = await createTestApp();
  });
  afterAll(async () => ctx.app.close());

  beforeEach(async () => {
    clinic = await createClinic(ctx);
    ctx.clock.set(at(61));
    const patient = await createPatient(clinic, { riskFactors: ['sci_t6_or_above'] });
    patientId = patient.id;
    // 20 mL of 2000 mcg/mL at 500 mcg/day: 0.25 mL/day, alarm after 72 days.
    pump = await implantPump(clinic, patientId, FILL_AT, { initialFill: { dailyDoseMcg: 500 } as never });
  });

  it('raises RESIDUAL_DISCREPANCY past 14.5 % and 1.0 mL, keeps it through later refills, and lets a specialist resolve it with a note', async () => {
    // Expected 5.0 mL, withdrawn 8.0: discrepancy +3.0 mL; delivered 12 of 15 expected → −20 %.
    await clinic.as.nurse
      .post(`/api/pumps/${pump.id}/fills`)
      .send({ ...refill(8), pumpVersion: await pumpVersionOf(ctx, pump.id) })
      .expect(201);
    const [flag] = await flagsOf();
    expect(flag).toMatchObject({
      code: 'RESIDUAL_DISCREPANCY',
      severity: 'high',
      status: 'open',
      isHighRisk: true,
      pumpId: pump.id,
      raisedAt: at(61),
      details: { facts: { discrepancyMl: 3, deliveryErrorPct: -20 } },
    });
    expect(flag!.details.summary).toMatch(/\+3 mL off expected, delivery error -20 %/);

    // A later refill on target does not clear it: it waits for a clinician.
    ctx.clock.set(at(101));
    await clinic.as.nurse
      .post(`/api/pumps/${pump.id}/fills`)
      .send({ ...refill(10, 100), pumpVersion: await pumpVersionOf(ctx, pump.id) })
      .expect(201);
    expect((await flagsOf()).map((f) => [f.code, f.status])).toEqual([['RESIDUAL_DISCREPANCY', 'open']]);

    await clinic.as.nurse.post(`/api/flags/${flag!.id}/resolve`).send({ note: 'x' }).expect(403);
    const noNote = await clinic.as.specialist.post(`/api/flags/${flag!.id}/resolve`).send({}).expect(400);
    expect(noNote.body.details[0]).toEqual({ field: 'note', message: 'is required' });
    const resolved = await clinic.as.specialist
      .post(`/api/flags/${flag!.id}/resolve`)
      .send({ note: 'Interrogated: pump delivering to within 2 %; residual mis-measured.' })
      .expect(200);
    expect(resolved.body).toMatchObject({
      status: 'resolved',
      resolved: {
        byId: clinic.users.specialist.id,
        resolution: 'manual',
        note: 'Interrogated: pump delivering to within 2 %; residual mis-measured.',
      },
    });
    expect(await flagsOf()).toEqual([]);
    // The implant at day 0 was already due within the window, unbooked; the first refill cleared that.
    const resolvedFlags = (await flagsOf('&status=resolved')).map((f) => [
      f.code,
      f.resolved?.resolution,
      f.resolved?.note,
    ]);
    expect(resolvedFlags.sort()).toEqual([
      ['REFILL_DUE_UNSCHEDULED', 'auto', 'Refill recorded'],
      ['RESIDUAL_DISCREPANCY', 'manual', 'Interrogated: pump delivering to within 2 %; residual mis-measured.'],
    ]);
    const audit = (await ctx.dataSource.query(
      `SELECT action, actor_id, reason FROM audit_events WHERE entity_id = $1 ORDER BY id`,
      [flag!.id],
    )) as { action: string; actor_id: string; reason: string | null }[];
    expect(audit.map((a) => a.action)).toEqual(['flag.raise', 'flag.resolve']);
    expect(audit[0]!.actor_id).toBe(clinic.users.nurse.id);
    expect(audit[1]!.reason).toMatch(/Interrogated/);
  });

  it('raises a critical clinical-sign flag from a nurse, acknowledged with who and when', async () => {
    const raised = await clinic.as.nurse
      .post(`/api/patients/${patientId}/flags`)
      .send({ signs: ['pruritus', 'returning_spasticity'], note: 'Itching since yesterday, legs stiffer' })
      .expect(201);
    expect(raised.body).toMatchObject({
      code: 'manual',
      severity: 'critical',
      status: 'open',
      pumpId: pump.id,
      raisedBy: { id: clinic.users.nurse.id },
      // No kind sent: a withdrawal report, as every manual flag was before overdose reports.
      details: { kind: 'withdrawal', signs: ['pruritus', 'returning_spasticity'] },
    });
    expect(raised.body.details.summary).toBe(
      'Withdrawal signs: Pruritus (itching without rash), Returning spasticity. Itching since yesterday, legs stiffer',
    );
    ctx.clock.set(at(61.5));
    const ack = await clinic.as.specialist
      .post(`/api/flags/${raised.body.id}/acknowledge`)
      .send({ note: 'Seen; oral baclofen started, pump check today' })
      .expect(200);
    expect(ack.body).toMatchObject({
      status: 'acknowledged',
      acknowledged: {
        byId: clinic.users.specialist.id,
        at: at(61.5),
        note: 'Seen; oral baclofen started, pump check today',
      },
    });
    expect(ack.body.acknowledged.byName).toMatch(/^Test specialist/);
    await clinic.as.nurse.post(`/api/flags/${raised.body.id}/acknowledge`).send({}).expect(409);
  });

  it('raises a critical overdose-signs report with the later withdrawal signs and seizures in both kinds', async () => {
    const overdose = await clinic.as.nurse
      .post(`/api/patients/${patientId}/flags`)
      .send({
        kind: 'overdose',
        signs: ['severe_drowsiness', 'slow_or_shallow_breathing', 'seizures'],
        note: 'Hard to wake, breathing slowly; ambulance called',
      })
      .expect(201);
    expect(overdose.body).toMatchObject({
      code: 'manual',
      severity: 'critical',
      status: 'open',
      details: { kind: 'overdose', signs: ['severe_drowsiness', 'slow_or_shallow_breathing', 'seizures'] },
    });
    expect(overdose.body.details.summary).toMatch(
      /^Overdose signs: Severe drowsiness, Slow or shallow breathing, Seizures\./,
    );
    const withdrawal = await clinic.as.nurse
      .post(`/api/patients/${patientId}/flags`)
      .send({
        kind: 'withdrawal',
        signs: ['rigidity', 'high_blood_pressure', 'hallucinations', 'agitation_or_anxiety', 'insomnia', 'seizures'],
        note: 'x',
      })
      .expect(201);
    expect(withdrawal.body.details).toMatchObject({ kind: 'withdrawal' });
    const [audit] = (await ctx.dataSource.query(
      `SELECT after FROM audit_events WHERE entity_id = $1 AND action = 'flag.raise'`,
      [overdose.body.id],
    )) as [{ after: Record<string, unknown> }];
    expect(audit.after).toMatchObject({ kind: 'overdose', severity: 'critical' });
  });

  it('refuses bad input with the field named and writes nothing', async () => {
    const before = await countAuditEvents(ctx, clinic.id);
    const cases: [object, string][] = [
      [{ signs: [], note: 'x' }, 'signs'],
      [{ signs: ['sneezing'], note: 'x' }, 'signs.0'],
      [{ kind: 'panic', signs: ['fever'], note: 'x' }, 'kind'],
      [{ kind: 'overdose', signs: ['severe_drowsiness', 'fever'], note: 'x' }, 'signs.1'],
      [{ signs: ['severe_drowsiness'], note: 'x' }, 'signs.0'], // withdrawal by default
      [{ kind: 'withdrawal', signs: ['loss_of_consciousness'], note: 'x' }, 'signs.0'],
      [{ signs: ['fever'] }, 'note'],
      [{ signs: ['fever'], note: '   ' }, 'note'],
    ];
    for (const [body, field] of cases) {
      const res = await clinic.as.nurse.post(`/api/patients/${patientId}/flags`).send(body).expect(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    }
    await clinic.as.admin
      .post(`/api/patients/${patientId}/flags`)
      .send({ signs: ['fever'], note: 'x' })
      .expect(403);
    expect(await countAuditEvents(ctx, clinic.id)).toBe(before);
    expect((await flagsOf()).map((f) => f.code)).toEqual(['REFILL_DUE_UNSCHEDULED']);
  });

  it('will not resolve by hand a rule flag that clears itself', async () => {
    ctx.clock.set(at(73)); // past the alarm at day 72
    await clinic.as.nurse
      .post(`/api/pumps/${pump.id}/events`)
      .send({ pumpVersion: await pumpVersionOf(ctx, pump.id), type: 'mri', occurredAt: at(72.9) })
      .expect(201);
    const flags = await flagsOf();
    // One scheduling flag per pump: the overdue refill supersedes "due, not booked".
    expect(flags.map((f) => f.code).sort()).toEqual(['POST_MRI_CHECK_PENDING', 'REFILL_OVERDUE']);
    const superseded = (await flagsOf('&status=resolved')).find((f) => f.code === 'REFILL_DUE_UNSCHEDULED');
    expect(superseded?.resolved).toMatchObject({ resolution: 'auto', note: 'Superseded by Refill overdue' });
    const mri = flags.find((f) => f.code === 'POST_MRI_CHECK_PENDING')!;
    const res = await clinic.as.specialist.post(`/api/flags/${mri.id}/resolve`).send({ note: 'done' }).expect(422);
    expect(res.body.message).toMatch(/resolves itself/);
    // The interrogation clears it, with the cause recorded.
    await clinic.as.nurse
      .post(`/api/pumps/${pump.id}/events`)
      .send({ pumpVersion: await pumpVersionOf(ctx, pump.id), type: 'interrogation', occurredAt: at(72.95) })
      .expect(201);
    const cleared = (await flagsOf('&status=resolved')).find((f) => f.id === mri.id);
    expect(cleared?.resolved).toMatchObject({ resolution: 'auto', note: 'Pump event recorded: interrogation' });
  });

  it('lists by severity then newest with keyset pages, filters, and hides other clinics', async () => {
    for (const sign of ['fever', 'hypotension', 'paresthesia'] as const) {
      ctx.clock.set(new Date(Date.parse(at(61)) + Math.random() * 1000).toISOString());
      await clinic.as.nurse
        .post(`/api/patients/${patientId}/flags`)
        .send({ signs: [sign], note: sign })
        .expect(201);
    }
    await clinic.as.nurse
      .post(`/api/pumps/${pump.id}/fills`)
      .send({ ...refill(8), pumpVersion: await pumpVersionOf(ctx, pump.id) })
      .expect(201); // a high flag
    const all = await flagsOf();
    expect(all.map((f) => f.severity)).toEqual(['critical', 'critical', 'critical', 'high']);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: FlagResponse[]; nextCursor: string | null } } = await clinic.as.specialist
        .get(`/api/flags?patientId=${patientId}&limit=1${cursor ? `&cursor=${cursor}` : ''}`)
        .expect(200);
      seen.push(...(page.body.items as FlagResponse[]).map((f) => f.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.map((f) => f.id));
    expect((await flagsOf('&severity=high')).map((f) => f.code)).toEqual(['RESIDUAL_DISCREPANCY']);
    expect((await flagsOf('&code=manual')).length).toBe(3);
    await clinic.as.specialist.get('/api/flags?severity=urgent').expect(400);

    const other = await createClinic(ctx);
    const foreign = await other.as.specialist.get(`/api/flags?patientId=${patientId}`).expect(200);
    expect(foreign.body.items).toEqual([]);
    await other.as.specialist.post(`/api/flags/${all[0]!.id}/acknowledge`).send({}).expect(404);
    await other.as.nurse
      .post(`/api/patients/${patientId}/flags`)
      .send({ signs: ['fever'], note: 'x' })
      .expect(404);
  });
});
