import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { FlagResponse } from '@itb/contracts';
import { createClinic, createPatient, type TestClinic } from './factories.js';
import { createTestApp, type TestContext } from './test-app.js';

/** Issue 14 item 7: several flags acknowledged with one note, all of them or none. */
describe('acknowledging flags in bulk', () => {
  let ctx: TestContext;
  let clinic: TestClinic;
  let other: TestClinic;

  beforeAll(async () => {
    ctx = await createTestApp();
    clinic = await createClinic(ctx);
    other = await createClinic(ctx);
  });
  afterAll(async () => ctx.app.close());

  const raise = async (on: TestClinic) => {
    const patient = await createPatient(on);
    const res = await on.as.nurse
      .post(`/api/patients/${patient.id}/flags`)
      .send({ signs: ['fever', 'pruritus'], note: 'Itching and 38.4 °C at home' })
      .expect(201);
    return res.body as FlagResponse;
  };
  const statusOf = async (id: string) =>
    ((await ctx.dataSource.query('SELECT status FROM flags WHERE id = $1', [id])) as [{ status: string }])[0].status;
  const acknowledgeRows = async (id: string) =>
    Number(
      (
        (await ctx.dataSource.query(
          `SELECT count(*) AS n FROM audit_events WHERE entity_id = $1 AND action = 'flag.acknowledge'`,
          [id],
        )) as [{ n: string }]
      )[0].n,
    );

  it('acknowledges every selected flag with the one note, each audited, once for a repeated key', async () => {
    const [a, b] = [await raise(clinic), await raise(clinic)];
    const note = 'Both phoned: ambulance for one, refill today for the other';
    const send = () =>
      clinic.as.nurse
        .post('/api/flags/acknowledge')
        .set('Idempotency-Key', `bulk-${a.id}`)
        .send({ ids: [b.id, a.id], note });
    const res = await send().expect(200);
    expect((res.body.items as FlagResponse[]).map((f) => [f.id, f.status, f.acknowledged?.note])).toEqual([
      [b.id, 'acknowledged', note],
      [a.id, 'acknowledged', note],
    ]);
    const again = await send().expect(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect([await acknowledgeRows(a.id), await acknowledgeRows(b.id)]).toEqual([1, 1]);
  });

  it('changes nothing when one of them is no longer open or belongs to another clinic', async () => {
    const [open, done] = [await raise(clinic), await raise(clinic)];
    await clinic.as.nurse.post(`/api/flags/${done.id}/acknowledge`).send({}).expect(200);
    const stale = await clinic.as.nurse
      .post('/api/flags/acknowledge')
      .send({ ids: [open.id, done.id], note: 'Seen' })
      .expect(409);
    expect(stale.body.details).toEqual([{ field: 'ids.1', message: 'is acknowledged' }]);
    const foreign = await raise(other);
    const notOurs = await clinic.as.nurse
      .post('/api/flags/acknowledge')
      .send({ ids: [open.id, foreign.id], note: 'Seen' })
      .expect(404);
    expect(notOurs.body.details).toEqual([{ field: 'ids.1', message: 'is not a flag of this clinic' }]);
    expect([await statusOf(open.id), await statusOf(foreign.id)]).toEqual(['open', 'open']);
    expect(await acknowledgeRows(open.id)).toBe(0);
  });

  it('refuses an empty or repeated selection and a note left out, and an administrator', async () => {
    const flag = await raise(clinic);
    for (const [body, field] of [
      [{ ids: [], note: 'x' }, 'ids'],
      [{ ids: [flag.id, flag.id], note: 'x' }, 'ids'],
      [{ ids: [flag.id] }, 'note'],
    ] as const) {
      const res = await clinic.as.nurse.post('/api/flags/acknowledge').send(body).expect(400);
      expect(res.body.details[0].field).toBe(field);
    }
    await clinic.as.admin
      .post('/api/flags/acknowledge')
      .send({ ids: [flag.id], note: 'x' })
      .expect(403);
    expect(await statusOf(flag.id)).toBe('open');
  });
});
