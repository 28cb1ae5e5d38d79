import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ReplacementWorklistRow } from '@itb/contracts';
import { replacementDueOn } from '@itb/domain';
import { createClinic, createPatient, implantPump, type TestClinic } from './factories.js';
import { createIsolatedDatabase, createTestApp, type TestContext, TestClock } from './test-app.js';

const NOW = '2026-03-06T12:00:00.000Z';
const FILLED = '2026-03-01T10:00:00.000Z';

/**
 * The replacement worklist (issue 14 item 6) against hand-worked dates: SynchroMed II estimated at 5 years
 * from implant, Prometra II at 10 (29 February → 1 March in a common year), an interrogated ERI date as it
 * is, an `other` pump and an explanted one never listed; the same date as the pump's own answer.
 */
describe('replacement worklist', () => {
  const clock = new TestClock();
  let ctx: TestContext;
  let clinic: TestClinic;
  const pumps: Record<string, { pumpId: string; patientId: string }> = {};

  const implant = async (name: string, overrides: Parameters<typeof implantPump>[3]) => {
    const patient = await createPatient(clinic, { familyName: name });
    const pump = await implantPump(clinic, patient.id, FILLED, overrides);
    pumps[name] = { pumpId: pump.id, patientId: patient.id };
    return pump;
  };

  beforeAll(async () => {
    ctx = await createTestApp({ databaseUrl: await createIsolatedDatabase(), clock });
    clock.set(NOW);
    clinic = await createClinic(ctx);
    // Implanted 2021-06-01, no interrogation: 2021 + 5 = 2026-06-01, 87 days after 2026-03-06.
    await implant('Estimated', { implantedOn: '2021-06-01' });
    // Interrogation read 2026-09-01: 179 days (25 + 30 + 31 + 30 + 31 + 31 + 1).
    await implant('Interrogated', { implantedOn: '2024-01-10', eriDate: '2026-09-01' });
    // Prometra II implanted 2020-02-29: 2030 has no 29 February, so 2030-03-01.
    await implant('LeapDay', { implantedOn: '2020-02-29', model: 'prometra_ii_20' });
    // A pump outside the catalogue has no estimate; an explanted pump needs no replacement.
    await implant('Other', { implantedOn: '2020-01-01', model: 'other', reservoirMl: 20, alarmMl: 2 });
    const gone = await implant('Explanted', { implantedOn: '2021-01-01' });
    await clinic.as.specialist
      .post(`/api/pumps/${gone.id}/explant`)
      .send({ version: gone.version, explantedOn: '2026-03-05', reason: 'Removed' })
      .expect(200);
  });
  afterAll(async () => ctx.app.close());

  const page = async (query: string) =>
    (await clinic.as.nurse.get(`/api/replacement-worklist?${query}`).expect(200)).body as {
      items: ReplacementWorklistRow[];
      nextCursor: string | null;
    };

  it('lists pumps due within the window, soonest first, saying which dates are estimates', async () => {
    const { items } = await page('withinDays=365');
    expect(items.map((r) => [r.patientName.split(',')[0], r.dueOn, r.isEstimate, r.daysLeft])).toEqual([
      ['Estimated', '2026-06-01', true, 87],
      ['Interrogated', '2026-09-01', false, 179],
    ]);
    const wide = await page('withinDays=3650');
    expect(wide.items.map((r) => [r.patientName.split(',')[0], r.dueOn])).toEqual([
      ['Estimated', '2026-06-01'],
      ['Interrogated', '2026-09-01'],
      ['LeapDay', '2030-03-01'],
    ]);
    // The same date libs/domain and the pump's own answer give.
    for (const row of wide.items) {
      const pump = (await clinic.as.nurse.get(`/api/pumps/${row.pumpId}`).expect(200)).body;
      expect(row.dueOn).toBe(replacementDueOn(pump.model, pump.implantedOn, pump.eriDate));
      expect(pump.replacement).toEqual({ dueOn: row.dueOn, isEstimate: row.isEstimate });
    }
  });

  it('shows the replacement consult booked, and pages by due date without gaps or repeats', async () => {
    const consult = await clinic.as.nurse
      .post('/api/appointments')
      .send({
        patientId: pumps['Estimated']!.patientId,
        type: 'replacement_consult',
        startsAt: '2026-03-20T10:00:00.000Z',
        clinicianId: clinic.users.specialist.id,
      })
      .expect(201);
    const first = await page('withinDays=3650&limit=2');
    expect(first.items[0]!.nextConsult).toEqual({
      id: consult.body.id,
      startsAt: '2026-03-20T10:00:00.000Z',
      status: 'booked',
    });
    expect(first.items[1]!.nextConsult).toBeNull();
    const second = await page(`withinDays=3650&limit=2&cursor=${encodeURIComponent(first.nextCursor!)}`);
    expect(second.items.map((r) => r.patientName.split(',')[0])).toEqual(['LeapDay']);
    expect(second.nextCursor).toBeNull();
  });

  it('answers only the caller’s clinic, and refuses a junk window', async () => {
    const other = await createClinic(ctx);
    expect((await other.as.specialist.get('/api/replacement-worklist?withinDays=3650').expect(200)).body.items).toEqual(
      [],
    );
    const bad = await clinic.as.nurse.get('/api/replacement-worklist?withinDays=-1').expect(400);
    expect(bad.body.details[0].field).toBe('withinDays');
  });
});
