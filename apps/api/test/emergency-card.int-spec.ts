import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EMERGENCY_CARD_TEXT } from '@itb/contracts';
import { PDFParse } from 'pdf-parse';
import { createClinic, createPatient, implantPump, type TestClinic } from './factories.js';
import { createTestApp, type TestContext } from './test-app.js';

const FILL_AT = '2026-09-01T10:00:00.000Z'; // alarm 2026-11-30 10:00Z

describe('emergency wallet card', () => {
  let ctx: TestContext;
  let clinic: TestClinic;
  let patientId: string;

  beforeAll(async () => {
    ctx = await createTestApp();
    clinic = await createClinic(ctx);
    ctx.clock.set('2026-09-11T10:00:00.000Z');
    const patient = await createPatient(clinic, {
      givenName: 'Grace',
      familyName: 'Hopper',
      oralBaclofenBackupMgPerDay: 40,
    });
    patientId = patient.id;
    await implantPump(clinic, patientId, FILL_AT, { serialNumber: 'NGP123456H' });
    await ctx.dataSource.query(`UPDATE clinics SET emergency_phone = '+44 20 7946 0958' WHERE id = $1`, [clinic.id]);
  });
  afterAll(async () => {
    ctx.clock.reset();
    await ctx.app.close();
  });

  it('carries the dose and alarm date the patient page shows', async () => {
    const chart = await clinic.as.nurse.get(`/api/patients/${patientId}`).expect(200);
    const card = await clinic.as.nurse.get(`/api/patients/${patientId}/emergency-card`).expect(200);
    expect(card.body).toMatchObject({
      patientName: 'Grace Hopper',
      pumpModel: 'SynchroMed II 20 mL',
      serialNumber: 'NGP123456H',
      concentrationMcgPerMl: 2000,
      dailyDoseMcg: chart.body.activePump.currentDailyDoseMcg,
      alarmDate: '2026-11-30',
      emergencyPhone: '+44 20 7946 0958',
      oralBaclofenBackupMgPerDay: 40,
      printedOn: '2026-09-11',
    });
    expect(chart.body.activePump.projection.alarmAt.slice(0, 10)).toBe(card.body.alarmDate);
  });

  it('is a two-page, card-sized PDF that says the same', async () => {
    const res = await clinic.as.specialist
      .get(`/api/patients/${patientId}/emergency-card.pdf`)
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const parser = new PDFParse({ data: new Uint8Array(res.body as Buffer) });
    const { text, total } = await parser.getText();
    await parser.destroy();
    expect(total).toBe(2);
    for (const fact of [
      'Grace Hopper',
      'NGP123456H',
      '2,000 mcg/mL',
      '400 mcg/day',
      '2026-11-30',
      '+44 20 7946 0958',
      '40 mg/day',
    ]) {
      expect(text).toContain(fact);
    }
    expect(text.replace(/\s+/g, ' ')).toContain(EMERGENCY_CARD_TEXT.lateSigns);
  });

  it('refuses a patient without a pump, and other clinics', async () => {
    const bare = await createPatient(clinic);
    const res = await clinic.as.nurse.get(`/api/patients/${bare.id}/emergency-card.pdf`).expect(422);
    expect(res.body.details[0].field).toBe('patientId');
    const other = await createClinic(ctx);
    await other.as.nurse.get(`/api/patients/${patientId}/emergency-card.pdf`).expect(404);
  });
});
