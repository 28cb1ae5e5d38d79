import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { FlagResponse } from '@itb/contracts';
import {
  SAFETY_CASES,
  SAFETY_CLINIC,
  SAFETY_FILL_AT,
  type SafetyAction,
  type SafetyCase,
} from '../../../libs/domain/src/clinical-safety.cases.js';
import { countRows, createClinic, createPatient, implantPump, type TestClinic, pumpVersionOf } from './factories.js';
import { createTestApp, type TestContext } from './test-app.js';

/** How each limit reads in the refusal a clinician sees (the codes themselves stay out of messages). */
const LIMIT_WORDS: Record<string, string> = {
  INCREASE_LIMIT_SPINAL: 'exceeds the 30 % limit for spinal-origin spasticity',
  INCREASE_LIMIT_CEREBRAL: 'exceeds the 15 % limit for cerebral-origin spasticity',
  INCREASE_LIMIT_CHILD: 'exceeds the 15 % limit for children',
  DECREASE_LIMIT: 'exceeds the 20 % limit',
  NO_INCREASE_AFTER_IMPLANT: "within 24 h of the implant's first fill, when no increase is allowed",
};

/**
 * Issue 11's hand-worked cases (libs/domain clinical-safety.cases.ts) through HTTP: a fresh clinic and patient
 * per case, the history recorded by a specialist, then the act by the case's role with the clock at `now`,
 * and the numbers, the refusal and the open flags checked against the hand-worked values in the table.
 */
describe("issue 11's hand-worked cases through the API", () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await createTestApp();
  });
  afterAll(async () => ctx.app.close());

  async function send(
    clinic: TestClinic,
    pumpId: string,
    patientId: string,
    action: SafetyAction,
    role: 'nurse' | 'specialist',
    overrideReason?: string,
  ) {
    const agent = clinic.as[role];
    switch (action.kind) {
      case 'refill':
        return agent.post(`/api/pumps/${pumpId}/fills`).send({
          pumpVersion: await pumpVersionOf(ctx, pumpId),
          performedAt: action.at,
          residualWithdrawnMl: action.withdrawnMl,
          volumeAddedMl: action.addedMl,
          ...(action.afterMl !== undefined && { reservoirVolumeAfterMl: action.afterMl }),
          concentrationMcgPerMl: action.concentrationMcgPerMl,
          dailyDoseMcg: action.dailyDoseMcg,
          ...(action.patientBolusMcgPerDay !== undefined && { patientBolusMcgPerDay: action.patientBolusMcgPerDay }),
          ...(action.patientBolusesDeliveredMl !== undefined && {
            patientBolusesDeliveredMl: action.patientBolusesDeliveredMl,
          }),
          ...(action.bridgeBolusMl !== undefined && { bridgeBolusMl: action.bridgeBolusMl }),
          ...(action.primingBolusMl !== undefined && { primingBolusMl: action.primingBolusMl }),
          ...(action.confirmShortInterval !== undefined && { confirmShortInterval: action.confirmShortInterval }),
          drugProduct: 'Lioresal Intrathecal',
          lotNumber: 'LOT-SAFETY',
          lotExpiresOn: '2030-01-01',
          ...(overrideReason && { overrideReason }),
        });
      case 'dose':
        return agent.post(`/api/pumps/${pumpId}/dose-adjustments`).send({
          pumpVersion: await pumpVersionOf(ctx, pumpId),
          effectiveAt: action.at,
          newDailyDoseMcg: action.dailyDoseMcg,
          reason: 'other',
          orderedById: clinic.users.specialist.id,
          ...(overrideReason && { overrideReason }),
        });
      case 'event':
        return agent.post(`/api/pumps/${pumpId}/events`).send({
          pumpVersion: await pumpVersionOf(ctx, pumpId),
          type: action.type,
          occurredAt: action.at,
          ...(action.volumeMl !== undefined && { volumeMl: action.volumeMl }),
        });
      case 'book':
        return agent.post('/api/appointments').send({
          patientId,
          type: 'refill',
          startsAt: action.startsAt,
          durationMinutes: 30,
          clinicianId: clinic.users.nurse.id,
        });
      case 'resolve':
        return (async () => {
          const open = (
            await clinic.as.specialist.get(`/api/flags?patientId=${patientId}&code=${action.code}`).expect(200)
          ).body.items as FlagResponse[];
          const flag = open.find((f) => f.status !== 'resolved');
          if (!flag) throw new Error(`no open ${action.code} to resolve`);
          return clinic.as.specialist
            .post(`/api/flags/${flag.id}/resolve`)
            .send({ note: 'Pump interrogated; refill volumes re-checked' });
        })();
      case 'signs':
        return agent
          .post(`/api/patients/${patientId}/flags`)
          .send({ kind: action.signKind, signs: action.signs, note: 'Seen in clinic; hand-worked case' });
    }
  }

  async function openManualFlags(clinic: TestClinic, patientId: string) {
    const flags = (
      await clinic.as.nurse.get(`/api/flags?patientId=${patientId}&code=manual&status=open,acknowledged`).expect(200)
    ).body.items as FlagResponse[];
    return flags.map((f) => ({ kind: f.details.kind, severity: f.severity }));
  }

  async function openRuleFlags(clinic: TestClinic, patientId: string) {
    const flags = (await clinic.as.nurse.get(`/api/flags?patientId=${patientId}&status=open,acknowledged`).expect(200))
      .body.items as FlagResponse[];
    return flags
      .filter((f) => f.code !== 'manual')
      .map((f) => ({ code: f.code, severity: f.severity }))
      .sort((a, b) => a.code.localeCompare(b.code));
  }

  it.each(SAFETY_CASES.map((c) => [`${c.item}. ${c.name}`, c] as const))('%s', async (_name, c: SafetyCase) => {
    ctx.clock.set(new Date(Date.parse(SAFETY_FILL_AT) + 3_600_000));
    try {
      const clinic = await createClinic(ctx, SAFETY_CLINIC);
      await ctx.dataSource.query(
        `UPDATE clinics SET due_soon_window_days = $2, emergency_phone = '+44 20 7946 0000' WHERE id = $1`,
        [clinic.id, SAFETY_CLINIC.dueSoonWindowDays],
      );
      const patient = await createPatient(clinic, { spasticityOrigin: c.origin, birthDate: c.birthDate });
      const pump = await implantPump(clinic, patient.id, SAFETY_FILL_AT, {
        model: c.pump?.model ?? 'synchromed_ii_20',
        implantedOn: c.pump?.implantedOn ?? SAFETY_FILL_AT.slice(0, 10),
        initialFill: {
          performedAt: SAFETY_FILL_AT,
          volumeAddedMl: 20,
          concentrationMcgPerMl: 2000,
          dailyDoseMcg: c.firstFill?.dailyDoseMcg ?? 400,
          patientBolusMcgPerDay: c.firstFill?.patientBolusMcgPerDay ?? null,
          drugProduct: 'Lioresal Intrathecal',
          lotNumber: 'LOT-SAFETY',
          lotExpiresOn: '2030-01-01',
        },
      });
      for (const action of c.history) {
        ctx.clock.set(new Date(Date.parse('at' in action ? action.at : action.bookedAt) + 60_000));
        const res = await send(clinic, pump.id, patient.id, action, 'specialist', 'Hand-worked case history');
        expect([200, 201]).toContain(res.status);
      }
      ctx.clock.set(c.now);
      const fillsBefore = await countRows(ctx, 'fills', clinic.id);
      const res = await send(clinic, pump.id, patient.id, c.act, c.act.by, c.act.overrideReason);
      const e = c.expect;
      if (e.outcome === 'refused') {
        expect(res.status).toBe(e.refusedStatus ?? 422);
        const details = res.body.details as { field: string; message: string }[];
        expect(details.map((d) => d.field)).toContain(e.refusedField);
        if (e.limitCode) expect(details[0]!.message).toContain(LIMIT_WORDS[e.limitCode]);
        expect(await countRows(ctx, 'fills', clinic.id)).toBe(fillsBefore);
      } else {
        expect([200, 201]).toContain(res.status);
      }
      if (c.act.kind === 'refill' && (e.outcome === 'recorded' || e.mixedConcentrationMcgPerMl || e.hoursWithoutDrug)) {
        // The numbers: the record's answer, or (refused) a specialist's preview, which runs the same checks.
        const body =
          e.outcome === 'recorded'
            ? res.body
            : (
                await clinic.as.specialist.post(`/api/pumps/${pump.id}/fills/preview`).send({
                  performedAt: c.act.at,
                  residualWithdrawnMl: c.act.withdrawnMl,
                  volumeAddedMl: c.act.addedMl,
                  ...(c.act.afterMl !== undefined && { reservoirVolumeAfterMl: c.act.afterMl }),
                  concentrationMcgPerMl: c.act.concentrationMcgPerMl,
                  dailyDoseMcg: c.act.dailyDoseMcg,
                  drugProduct: 'Lioresal Intrathecal',
                  lotNumber: 'LOT-SAFETY',
                  lotExpiresOn: '2030-01-01',
                  overrideReason: 'preview',
                })
              ).body;
        if (e.residualFoundMl !== undefined) expect(body.residualFoundMl).toBe(e.residualFoundMl);
        if (e.expectedResidualMl !== undefined) expect(body.expectedResidualMl).toBe(e.expectedResidualMl);
        if (e.discrepancyMl !== undefined) expect(body.discrepancyMl).toBe(e.discrepancyMl);
        if (e.deliveryErrorPct !== undefined) expect(body.deliveryErrorPct).toBe(e.deliveryErrorPct);
        if (e.mixedConcentrationMcgPerMl !== undefined) {
          expect(body.mixedConcentrationMcgPerMl).toBe(e.mixedConcentrationMcgPerMl);
        }
        if (e.realDailyDoseMcg !== undefined) expect(body.realDailyDoseMcg).toBe(e.realDailyDoseMcg);
        if (e.hoursWithoutDrug !== undefined)
          expect(body.checks.withoutDrug?.hoursWithoutDrug).toBe(e.hoursWithoutDrug);
        if (e.alarmAt !== undefined) expect(body.alarmAt).toBe(e.alarmAt);
      }
      if (e.manualFlags) expect(await openManualFlags(clinic, patient.id)).toEqual(e.manualFlags);
      if (e.ageBand !== undefined) {
        // Derived on the clinic's today, the same on the record and on the emergency card.
        const record = await clinic.as.nurse.get(`/api/patients/${patient.id}`).expect(200);
        const card = await clinic.as.nurse.get(`/api/patients/${patient.id}/emergency-card`).expect(200);
        expect({ record: record.body.ageBand, card: card.body.ageBand }).toEqual({
          record: e.ageBand,
          card: e.ageBand,
        });
      }
      if (e.openFlags) {
        expect(await openRuleFlags(clinic, patient.id)).toEqual(
          [...e.openFlags].sort((a, b) => a.code.localeCompare(b.code)),
        );
      }
    } finally {
      ctx.clock.reset();
    }
  });
});
