import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { PumpResponse } from '@itb/contracts';
import pg from 'pg';
import { countRows, createClinic, createPatient, implantPump, pumpVersionOf, type TestClinic } from './factories.js';
import { createTestApp, runDatabaseUrl, type TestContext } from './test-app.js';

const DAY_MS = 86_400_000;
const FILL_AT = '2026-03-02T09:00:00.000Z';
const at = (days: number) => new Date(Date.parse(FILL_AT) + days * DAY_MS).toISOString();

/**
 * "The change and its audit row commit together": the database refuses the audit row, and the whole use
 * case must be gone — the record, the pump's projection and version,
 * the appointment it fulfilled, the flags it moved, the audit row itself and the idempotency claim.
 */
describe('a failing audit write rolls the clinical write back', () => {
  let ctx: TestContext;
  let clinic: TestClinic;
  let patientId: string;
  let pump: PumpResponse;

  beforeAll(async () => {
    ctx = await createTestApp();
  });
  afterAll(async () => ctx.app.close());
  afterEach(async () => {
    await restoreAuditRows();
  });

  beforeEach(async () => {
    clinic = await createClinic(ctx);
    ctx.clock.set(at(60));
    patientId = (await createPatient(clinic)).id;
    pump = await implantPump(clinic, patientId, FILL_AT); // 20 mL, 2000 mcg/mL, 400 mcg/day
  });

  /**
   * A refill and a dose change write their rows and audit row in one statement
   * (PumpsRepository.recordRefill, recordDoseChange), not through the audit service: a trigger makes the
   * database refuse this clinic's audit row of that action instead.
   */
  const failAuditRowOf = async (action: string) => {
    await asOwner(`
      CREATE FUNCTION ${failingTrigger}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.action = '${action}' AND NEW.clinic_id = '${clinic.id}' THEN
          RAISE EXCEPTION 'injected failure writing the ${action} audit row';
        END IF;
        RETURN NEW;
      END $$`);
    await asOwner(
      `CREATE TRIGGER ${failingTrigger} BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION ${failingTrigger}()`,
    );
  };
  const restoreAuditRows = async () => {
    await asOwner(`DROP TRIGGER IF EXISTS ${failingTrigger} ON audit_events`);
    await asOwner(`DROP FUNCTION IF EXISTS ${failingTrigger}()`);
  };
  /** The API's role may not create triggers: the run's server login (the owner) does. */
  const asOwner = async (sql: string) => {
    const owner = new pg.Client({ connectionString: runDatabaseUrl() });
    await owner.connect();
    try {
      await owner.query(sql);
    } finally {
      await owner.end();
    }
  };
  const failingTrigger = `test_fail_audit_${process.pid}`;

  /** Everything of the clinic a refill or a dose change could touch, row for row. */
  const state = async () => {
    const rowsOf = async (sql: string) => (await ctx.dataSource.query(sql, [clinic.id])) as unknown[];
    return {
      pump: await rowsOf(`SELECT * FROM pumps WHERE clinic_id = $1`),
      fills: await rowsOf(`SELECT id FROM fills WHERE clinic_id = $1 ORDER BY id`),
      doseAdjustments: await rowsOf(`SELECT id FROM dose_adjustments WHERE clinic_id = $1`),
      pumpEvents: await rowsOf(`SELECT id FROM pump_events WHERE clinic_id = $1`),
      appointments: await rowsOf(`SELECT id, status, fill_id, version FROM appointments WHERE clinic_id = $1`),
      flags: await rowsOf(`SELECT id, status, severity, version FROM flags WHERE clinic_id = $1 ORDER BY id`),
      audit: await rowsOf(`SELECT id FROM audit_events WHERE clinic_id = $1 ORDER BY id`),
      idempotencyKeys: await rowsOf(`SELECT key FROM idempotency_keys WHERE clinic_id = $1`),
    };
  };

  it('leaves no fill, no fulfilled appointment and an unchanged pump when the refill audit row fails', async () => {
    // A refill booked for today, which the refill fulfils in its transaction.
    await clinic.as.nurse
      .post('/api/appointments')
      .send({ patientId, type: 'refill', startsAt: at(60.01) })
      .expect(201);
    const before = await state();
    expect(before.fills).toHaveLength(1);
    await failAuditRowOf('fill.create');
    // 60 days at 0.2 mL/day leave 8.0 mL: a refill on target.
    const body = {
      performedAt: at(60.02),
      residualWithdrawnMl: 8,
      volumeAddedMl: 20,
      concentrationMcgPerMl: 2000,
      dailyDoseMcg: 400,
      drugProduct: 'Lioresal Intrathecal',
      lotNumber: 'LOT-R',
      lotExpiresOn: '2028-01-01',
      pumpVersion: await pumpVersionOf(ctx, pump.id),
    };
    ctx.clock.set(at(60.03));
    const res = await clinic.as.nurse
      .post(`/api/pumps/${pump.id}/fills`)
      .set('Idempotency-Key', `refill-audit-${pump.id}`)
      .send(body)
      .expect(500);
    expect(res.body.code).toBe('INTERNAL');
    expect(JSON.stringify(res.body)).not.toContain('injected');
    expect(await state()).toEqual(before);

    // With the audit working again, the same request (same key) records once, with its audit row.
    await restoreAuditRows();
    const saved = await clinic.as.nurse
      .post(`/api/pumps/${pump.id}/fills`)
      .set('Idempotency-Key', `refill-audit-${pump.id}`)
      .send(body)
      .expect(201);
    expect(await countRows(ctx, 'fills', clinic.id)).toBe(2);
    const audit = (await ctx.dataSource.query(`SELECT action FROM audit_events WHERE entity_id = $1`, [
      saved.body.id,
    ])) as { action: string }[];
    expect(audit).toEqual([{ action: 'fill.create' }]);
    expect((await state()).appointments).toMatchObject([{ status: 'fulfilled', fill_id: saved.body.id }]);
  });

  it('leaves no adjustment, no flag and an unchanged pump when the dose-change audit row fails', async () => {
    // 400 → 300 mcg/day is −25 %: beyond the 20 % decrease limit (a specialist's override) and a fall of
    // more than 20 % within 72 h, which raises RAPID_DOSE_REDUCTION in the same transaction.
    const change = async () =>
      clinic.as.specialist.post(`/api/pumps/${pump.id}/dose-adjustments`).send({
        effectiveAt: at(60),
        newDailyDoseMcg: 300,
        reason: 'side_effects',
        orderedById: clinic.users.specialist.id,
        overrideReason: 'Drowsy since Monday',
        pumpVersion: await pumpVersionOf(ctx, pump.id),
      });
    const before = await state();
    expect(before.flags).toEqual([]);
    await failAuditRowOf('dose_adjustment.create');
    ctx.clock.set(at(60.01));
    expect((await change()).status).toBe(500);
    expect(await state()).toEqual(before);
    const [row] = (await ctx.dataSource.query(`SELECT current_daily_dose_mcg FROM pumps WHERE id = $1`, [pump.id])) as [
      { current_daily_dose_mcg: string },
    ];
    expect(Number(row.current_daily_dose_mcg)).toBe(400);

    // The same change with the audit working: one adjustment, one audit row, and the flag it raises.
    await restoreAuditRows();
    const saved = await change();
    expect(saved.status).toBe(201);
    const after = await state();
    expect(after.doseAdjustments).toHaveLength(1);
    expect(after.flags).toHaveLength(1);
    const audit = (await ctx.dataSource.query(`SELECT action FROM audit_events WHERE entity_id = $1`, [
      saved.body.id,
    ])) as { action: string }[];
    expect(audit).toEqual([{ action: 'dose_adjustment.create' }]);
  });
});
