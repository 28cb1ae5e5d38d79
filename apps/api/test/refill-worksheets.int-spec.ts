import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { FillWorksheet, RefillWorksheet } from '@itb/contracts';
import { toLocalDateTime } from '@itb/domain';
import { createClinic, createPatient, implantPump, pumpVersionOf, type TestClinic } from './factories.js';
import { pdfText } from './pdf-text.js';
import { createTestApp, type TestContext } from './test-app.js';

const FILL_AT = '2026-09-01T10:00:00.000Z';
/** 30 days after the first fill, 11:00 BST in London. */
const NOW = '2026-10-01T10:00:00.000Z';
const REFILL_AT = '2026-10-01T09:30:00.000Z';

const auditRows = async (ctx: TestContext, clinicId: string, action: string) =>
  (await ctx.dataSource.query(
    `SELECT actor_id, entity_type, entity_id, patient_id, after FROM audit_events
      WHERE clinic_id = $1 AND action = $2 ORDER BY occurred_at`,
    [clinicId, action],
  )) as { actor_id: string; entity_type: string; entity_id: string; patient_id: string; after: object }[];

describe('refill worksheets', () => {
  let ctx: TestContext;
  let clinic: TestClinic;
  let patientId: string;
  let mrn: string;
  let pumpId: string;
  let initialFillId: string;

  beforeAll(async () => {
    ctx = await createTestApp();
    clinic = await createClinic(ctx);
    ctx.clock.set(NOW);
    const patient = await createPatient(clinic, { givenName: 'Grace', familyName: 'Hopper', birthDate: '1958-03-02' });
    patientId = patient.id;
    mrn = patient.mrn;
    // DESIGN.md's worked example: 20 mL of 2000 mcg/mL at 400 mcg/day = 0.2 mL/day.
    const pump = await implantPump(clinic, patientId, FILL_AT, { serialNumber: 'NGP123456H', catheterTipLevel: 'T10' });
    pumpId = pump.id;
    initialFillId = pump.currentFill!.id;
  });
  afterAll(async () => {
    ctx.clock.reset();
    await ctx.app.close();
  });

  it('plans the next refill from the pump as it is now: residual, volume, settings and the new dates', async () => {
    const res = await clinic.as.nurse.get(`/api/pumps/${pumpId}/refill-worksheet`).expect(200);
    const sheet = res.body as RefillWorksheet;
    // 30 days at 0.2 mL/day drain 6 mL: 20 − 6 = 14 mL expected. Filled to the 20 mL capacity on 1 Oct
    // 10:00Z: alarm (20 − 2) / 0.2 = 90 days → 30 Dec 10:00Z; empty 100 days → 9 Jan 2027; refill-by
    // 30 Dec − 5 lead days = 25 Dec. Today's alarm: 1 Sep + 90 days = 30 Nov, refill-by 25 Nov.
    expect(sheet).toMatchObject({
      patient: { id: patientId, name: 'Grace Hopper', mrn, birthDate: '1958-03-02' },
      pump: { id: pumpId, modelLabel: 'SynchroMed II 20 mL', serialNumber: 'NGP123456H', reservoirMl: 20, alarmMl: 2 },
      timeZone: 'Europe/London',
      preparedAt: NOW,
      current: {
        fillId: initialFillId,
        concentrationMcgPerMl: 2000,
        programmedDailyDoseMcg: 400,
        programmedDailyVolumeMl: 0.2,
        patientBolusMcgPerDay: null,
        alarmAt: '2026-11-30T10:00:00.000Z',
        refillBy: '2026-11-25',
      },
      expectedResidualMl: 14,
      plannedVolumeMl: 20,
      settings: {
        reservoirVolumeMl: 20,
        concentrationMcgPerMl: 2000,
        dailyDoseMcg: 400,
        mode: 'simple',
        patientBolusMcgPerDay: null,
        lowReservoirAlarmMl: 2,
      },
      afterRefill: {
        alarmAt: '2026-12-30T10:00:00.000Z',
        emptyAt: '2027-01-09T10:00:00.000Z',
        refillBy: '2026-12-25',
        daysToAlarm: 90,
      },
    });
    // Reading the worksheet is not an export.
    expect(await auditRows(ctx, clinic.id, 'pump.worksheet_export')).toEqual([]);
  });

  it("prints one A4 page whose numbers are the JSON's, and audits the export", async () => {
    const sheet = (await clinic.as.nurse.get(`/api/pumps/${pumpId}/refill-worksheet`).expect(200))
      .body as RefillWorksheet;
    const { text, pages } = await pdfText(clinic.as.nurse, `/api/pumps/${pumpId}/refill-worksheet.pdf`);
    expect(pages).toBe(1);
    for (const fact of [
      `Grace Hopper - MRN ${mrn} - born 2 Mar 1958`,
      'prepared 1 Oct 2026, 11:00 BST',
      'Serial number NGP123456H',
      'Catheter tip T10',
      'Expected residual 14 mL',
      'Volume to fill 20 mL (to full)',
      'Reservoir volume 20 mL',
      'Concentration 2,000 mcg/mL',
      'Daily dose 400 mcg/day',
      'Delivers 0.2 mL/day',
      'Low-reservoir alarm 2 mL',
      'Alarm 30 Nov 2026, 10:00 GMT',
      'Refill by 25 Nov 2026',
      'New alarm 30 Dec 2026, 10:00 GMT',
      'New refill by 25 Dec 2026',
      'Days to alarm 90 days',
      'Residual withdrawn',
      'Lot number',
      'Signature and time',
    ]) {
      expect(text).toContain(fact);
    }
    // The same numbers as the API's own answer for this pump at this moment.
    expect(text).toContain(`Expected residual ${sheet.expectedResidualMl} mL`);
    expect(text).toContain(`Volume to fill ${sheet.plannedVolumeMl} mL`);
    expect(text).toContain(`New alarm ${toLocalDateTime(new Date(sheet.afterRefill.alarmAt), sheet.timeZone)}`);

    const rows = await auditRows(ctx, clinic.id, 'pump.worksheet_export');
    expect(rows).toEqual([
      {
        actor_id: clinic.users.nurse.id,
        entity_type: 'pump',
        entity_id: pumpId,
        patient_id: patientId,
        after: { document: 'Refill worksheet (PDF)', preparedAt: NOW, expectedResidualMl: 14, plannedVolumeMl: 20 },
      },
    ]);
  });

  it('prints the record of a refill, found against expected, what was done and who signed it', async () => {
    // At 09:30Z, 29 d 23.5 h after the fill: 20 − 29.979 × 0.2 = 14.00 mL expected. 12.5 mL withdrawn:
    // discrepancy 12.5 − 14 = −1.5 mL; delivered 7.5 against 6 expected = +25.0 %: beyond both thresholds.
    // 500 mcg/day (+25 %, within the spinal 30 %) at 2000 = 0.25 mL/day: alarm (20 − 2) / 0.25 = 72 days
    // → 12 Dec 09:30Z; empty 80 days → 20 Dec; refill-by 12 Dec − 5 = 7 Dec.
    const recorded = await clinic.as.nurse
      .post(`/api/pumps/${pumpId}/fills`)
      .send({
        performedAt: REFILL_AT,
        residualWithdrawnMl: 12.5,
        volumeAddedMl: 20,
        concentrationMcgPerMl: 2000,
        dailyDoseMcg: 500,
        drugProduct: 'Lioresal Intrathecal',
        lotNumber: 'LOT-777',
        lotExpiresOn: '2027-06-30',
        notes: 'Pocket checked.\nNo swelling.',
        pumpVersion: await pumpVersionOf(ctx, pumpId),
      })
      .expect(201);
    const fillId = recorded.body.id as string;

    const sheet = (await clinic.as.nurse.get(`/api/fills/${fillId}/worksheet`).expect(200)).body as FillWorksheet;
    expect(sheet).toMatchObject({
      patient: { id: patientId, mrn },
      fillId,
      performedAt: REFILL_AT,
      found: {
        expectedResidualMl: 14,
        residualWithdrawnMl: 12.5,
        leftInReservoirMl: 0,
        residualFoundMl: 12.5,
        discrepancyMl: -1.5,
        deliveryErrorPct: 25,
        isDiscrepant: true,
        emptySince: null,
      },
      previous: { concentrationMcgPerMl: 2000, dailyDoseMcg: 400 },
      done: { volumeAddedMl: 20, concentrationMcgPerMl: 2000, dailyDoseMcg: 500, lotNumber: 'LOT-777' },
      result: { alarmAt: '2026-12-12T09:30:00.000Z', emptyAt: '2026-12-20T09:30:00.000Z', refillBy: '2026-12-07' },
      signedBy: { name: expect.stringMatching(/^Test nurse /), role: 'nurse' },
    });

    const { text, pages } = await pdfText(clinic.as.specialist, `/api/fills/${fillId}/worksheet.pdf`);
    expect(pages).toBe(1);
    for (const fact of [
      `MRN ${mrn}`,
      'refill performed 1 Oct 2026, 10:30 BST',
      'Expected residual 14 mL',
      'Residual found 12.5 mL',
      'Discrepancy -1.5 mL - investigate',
      'Delivery error +25 %',
      'Volume added 20 mL',
      'Lot number LOT-777',
      'Lot expiry 30 Jun 2027',
      'Daily dose 500 mcg/day (was 400)',
      'Concentration 2,000 mcg/mL',
      'Alarm 12 Dec 2026, 09:30 GMT',
      'Refill by 7 Dec 2026',
      'Pocket checked. No swelling.',
      `Signed: ${sheet.signedBy.name}, Nurse, ${toLocalDateTime(new Date(sheet.signedBy.recordedAt), 'Europe/London')}`,
    ]) {
      expect(text).toContain(fact);
    }
    expect(text).toContain(`Residual found ${sheet.found.residualFoundMl} mL`);
    expect(text).toContain(`Volume after ${sheet.done.reservoirVolumeAfterMl} mL`);

    expect(await auditRows(ctx, clinic.id, 'fill.worksheet_export')).toEqual([
      {
        actor_id: clinic.users.specialist.id,
        entity_type: 'fill',
        entity_id: fillId,
        patient_id: patientId,
        after: { document: 'Refill record (PDF)', performedAt: REFILL_AT },
      },
    ]);
  });

  it("refuses a first fill's record, and answers 404 to another clinic for both sheets", async () => {
    const first = await clinic.as.nurse.get(`/api/fills/${initialFillId}/worksheet.pdf`).expect(422);
    expect(first.body.details[0].field).toBe('fillId');
    const other = await createClinic(ctx);
    for (const url of [
      `/api/pumps/${pumpId}/refill-worksheet`,
      `/api/pumps/${pumpId}/refill-worksheet.pdf`,
      `/api/fills/${initialFillId}/worksheet`,
      `/api/fills/${initialFillId}/worksheet.pdf`,
    ]) {
      const res = await other.as.specialist.get(url).expect(404);
      expect(res.body.code).toBe('NOT_FOUND');
    }
    expect(await auditRows(ctx, other.id, 'pump.worksheet_export')).toEqual([]);
  });

  it('refuses a plan for an explanted pump', async () => {
    const patient = await createPatient(clinic);
    const pump = await implantPump(clinic, patient.id, FILL_AT);
    await clinic.as.specialist
      .post(`/api/pumps/${pump.id}/explant`)
      .send({ version: await pumpVersionOf(ctx, pump.id), explantedOn: '2026-09-20', reason: 'Infection' })
      .expect(200);
    const res = await clinic.as.nurse.get(`/api/pumps/${pump.id}/refill-worksheet.pdf`).expect(422);
    expect(res.body.details[0].field).toBe('pumpId');
  });
});
