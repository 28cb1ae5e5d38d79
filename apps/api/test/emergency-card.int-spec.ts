import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EMERGENCY_CARD_TEXT, MRI_INSTRUCTIONS } from '@itb/contracts';
import { pdfText } from './pdf-text.js';
import { createClinic, createPatient, implantPump, type TestClinic } from './factories.js';
import { createTestApp, type TestContext } from './test-app.js';

const FILL_AT = '2026-09-01T10:00:00.000Z';
const PHONE = '+44 20 7946 0958';

describe('emergency wallet card', () => {
  let ctx: TestContext;
  let clinic: TestClinic;
  let olderId: string;
  let childId: string;

  beforeAll(async () => {
    ctx = await createTestApp();
    clinic = await createClinic(ctx);
    ctx.clock.set('2026-09-11T10:00:00.000Z');
    const older = await createPatient(clinic, {
      givenName: 'Grace',
      familyName: 'Hopper',
      birthDate: '1958-03-02', // 68 on 2026-09-11: over 65
      cautions: ['renal_impairment', 'stroke_history', 'hypersensitivity'],
      interactingMedicines: ['opioids', 'tizanidine'],
      oralBaclofenBackupMgPerDay: 40,
    });
    olderId = older.id;
    // 20 mL of 2000 mcg/mL at 400 mcg/day = 0.2 mL/day: alarm at 2.0 mL after (20 − 2) / 0.2 = 90 days,
    // 2026-11-30; refill-by = the alarm date − 5 lead days = 2026-11-25 (before fill + 180 days).
    await implantPump(clinic, olderId, FILL_AT, { serialNumber: 'NGP123456H', catheterTipLevel: 'T10' });
    const child = await createPatient(clinic, {
      givenName: 'Tom',
      familyName: 'Child',
      birthDate: '2014-06-01', // 12 on 2026-09-11
      spasticityOrigin: 'cerebral',
      diagnosis: 'cp',
    });
    childId = child.id;
    await implantPump(clinic, childId, FILL_AT, { model: 'prometra_ii_20', serialNumber: 'PRO987654' });
    await ctx.dataSource.query(`UPDATE clinics SET emergency_phone = $2 WHERE id = $1`, [clinic.id, PHONE]);
  });
  afterAll(async () => {
    ctx.clock.reset();
    await ctx.app.close();
  });

  it('carries every item of the card list, with the dose and dates the patient page shows', async () => {
    const chart = await clinic.as.nurse.get(`/api/patients/${olderId}`).expect(200);
    const card = await clinic.as.nurse.get(`/api/patients/${olderId}/emergency-card`).expect(200);
    expect(card.body).toMatchObject({
      patientName: 'Grace Hopper',
      birthDate: '1958-03-02',
      ageBand: 'age_over_65',
      pumpModel: 'SynchroMed II 20 mL',
      pumpModelCode: 'synchromed_ii_20',
      serialNumber: 'NGP123456H',
      catheterTipLevel: 'T10',
      drugProduct: 'Lioresal Intrathecal',
      concentrationMcgPerMl: 2000,
      dailyDoseMcg: 400,
      alarmDate: '2026-11-30',
      refillByDate: '2026-11-25',
      emergencyPhone: PHONE,
      cautions: ['renal_impairment', 'stroke_history', 'hypersensitivity'],
      interactingMedicines: ['opioids', 'tizanidine'],
      oralBaclofenBackupMgPerDay: 40,
      mriInstruction: MRI_INSTRUCTIONS.synchromed,
      printedOn: '2026-09-11',
    });
    expect(card.body.dailyDoseMcg).toBe(chart.body.activePump.currentDailyDoseMcg);
    expect(chart.body.activePump.projection.refillBy).toBe(card.body.refillByDate);
  });

  it('is a two-page, card-sized PDF that prints every item of the card list', async () => {
    const { text, pages } = await pdfText(clinic.as.specialist, `/api/patients/${olderId}/emergency-card.pdf`);
    expect(pages).toBe(2);
    for (const fact of [
      'Grace Hopper',
      'Born 2 Mar 1958',
      'Over 65',
      'SynchroMed II 20 mL, serial NGP123456H',
      'Catheter tip T10',
      'Lioresal Intrathecal, 2,000 mcg/mL',
      '400 mcg/day',
      'Alarm date 30 Nov 2026',
      'Refill by 25 Nov 2026',
      `24-hour phone: ${PHONE}`,
      EMERGENCY_CARD_TEXT.withdrawalSigns,
      EMERGENCY_CARD_TEXT.withdrawalAction,
      EMERGENCY_CARD_TEXT.overdoseSigns,
      EMERGENCY_CARD_TEXT.overdoseAction,
      'Cautions: Renal impairment, History of stroke, Hypersensitivity to baclofen. Age: Over 65.',
      'Interacting medicines (add sedation): Opioids, Tizanidine.',
      'Oral baclofen back-up at home: 40 mg/day',
      MRI_INSTRUCTIONS.synchromed,
    ]) {
      expect(text).toContain(fact);
    }
    expect(text).toMatch(/Test clinic [0-9a-f]{8}/);
    expect(text.toLowerCase()).not.toContain('clinic letter');
  });

  it('leaves the oral back-up line off when there is none, and gives a Prometra its MRI rule and a child its band', async () => {
    const card = await clinic.as.nurse.get(`/api/patients/${childId}/emergency-card`).expect(200);
    expect(card.body).toMatchObject({
      ageBand: 'child',
      catheterTipLevel: null,
      cautions: [],
      interactingMedicines: [],
      oralBaclofenBackupMgPerDay: null,
      mriInstruction: MRI_INSTRUCTIONS.prometra,
    });
    const { text } = await pdfText(clinic.as.nurse, `/api/patients/${childId}/emergency-card.pdf`);
    expect(text).toContain('Child (under 18)');
    expect(text).toContain('Catheter tip not recorded');
    expect(text).toContain('Cautions: none recorded.');
    expect(text).toContain('Interacting medicines (add sedation): none recorded.');
    expect(text).toContain(MRI_INSTRUCTIONS.prometra);
    expect(text).not.toContain('Oral baclofen');
  });

  it('still fits the card with every caution, every medicine and a back-up', async () => {
    const full = await createPatient(clinic, {
      givenName: 'Maximiliana',
      familyName: 'Featherstonehaugh-Worthington',
      cautions: ['renal_impairment', 'epilepsy', 'pregnancy', 'breastfeeding', 'stroke_history', 'hypersensitivity'],
      interactingMedicines: [
        'opioids',
        'benzodiazepines',
        'alcohol',
        'antidepressants',
        'antihistamines',
        'sleep_aids',
        'other_muscle_relaxants',
        'tizanidine',
      ],
      oralBaclofenBackupMgPerDay: 120,
    });
    await implantPump(clinic, full.id, FILL_AT, { model: 'other', reservoirMl: 20, alarmMl: 2 });
    const { text, pages } = await pdfText(clinic.as.nurse, `/api/patients/${full.id}/emergency-card.pdf`);
    expect(pages).toBe(2);
    expect(text).toContain('Other muscle relaxants, Tizanidine.');
    expect(text).toContain('Oral baclofen back-up at home: 120 mg/day');
    expect(text).toContain(MRI_INSTRUCTIONS.other);
  });

  it('refuses every card while the clinic has no 24-hour phone, and tells the admin where to set it', async () => {
    const bare = await createClinic(ctx);
    const patient = await createPatient(bare);
    await implantPump(bare, patient.id, FILL_AT);
    for (const path of ['emergency-card', 'emergency-card.pdf']) {
      const res = await bare.as.nurse.get(`/api/patients/${patient.id}/${path}`).expect(422);
      expect(res.body.code).toBe('RULE_VIOLATION');
      expect(res.body.details[0].field).toBe('emergencyPhone');
      expect(res.body.message).toContain('clinic settings');
    }
    // A blank number is no number.
    await bare.as.admin.patch('/api/clinic').send({ version: 1, emergencyPhone: '   ' });
    await bare.as.nurse.get(`/api/patients/${patient.id}/emergency-card`).expect(422);
    const clinicNow = await bare.as.admin.get('/api/clinic').expect(200);
    await bare.as.admin
      .patch('/api/clinic')
      .send({ version: clinicNow.body.version, emergencyPhone: '+44 161 496 0000' })
      .expect(200);
    const card = await bare.as.nurse.get(`/api/patients/${patient.id}/emergency-card`).expect(200);
    expect(card.body.emergencyPhone).toBe('+44 161 496 0000');
  });

  it('refuses a patient without a pump, and other clinics', async () => {
    const bare = await createPatient(clinic);
    const res = await clinic.as.nurse.get(`/api/patients/${bare.id}/emergency-card.pdf`).expect(422);
    expect(res.body.details[0].field).toBe('patientId');
    const other = await createClinic(ctx);
    await other.as.nurse.get(`/api/patients/${olderId}/emergency-card.pdf`).expect(404);
  });
});
