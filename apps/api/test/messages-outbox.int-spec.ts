import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SMTPServer } from 'smtp-server';
import type { MessageResponse, PatientResponse } from '@itb/contracts';
import { MessagePlanner } from '../src/modules/messages/message-planner.js';
import { MessageSender } from '../src/modules/messages/message-sender.js';
import request from 'supertest';
import { createClinic, createPatient, implantPump, TEST_PASSWORD, type TestClinic } from './factories.js';
import { pdfText } from './pdf-text.js';
import { createIsolatedDatabase, createTestApp, type TestContext, TestClock } from './test-app.js';

/**
 * The outbox as the administrator and the clinicians use it (issue 13): contact and consent on the
 * patient, held e-mails without SMTP_URL, the letter batch, re-sending, and the send worker's retries
 * against an SMTP server that refuses. The planner reads every clinic, so these run on a database of
 * their own.
 */
describe('the outbox', () => {
  const clock = new TestClock();
  let databaseUrl: string;
  let held: TestContext;
  let clinic: TestClinic;

  beforeAll(async () => {
    databaseUrl = await createIsolatedDatabase();
    clock.set('2026-12-01T12:00:00Z');
    held = await createTestApp({ databaseUrl, clock });
    clinic = await createClinic(held);
  });
  afterAll(async () => {
    await held.app.close();
  });

  const bookRefill = async (overrides: Parameters<typeof createPatient>[1]) => {
    const patient = await createPatient(clinic, overrides);
    await implantPump(clinic, patient.id, '2026-11-20T10:00:00Z');
    await clinic.as.nurse
      .post('/api/appointments')
      .send({ patientId: patient.id, type: 'refill', startsAt: '2026-12-04T10:00:00Z' })
      .expect(201);
    return patient;
  };
  const messagesOf = async (patientId: string) =>
    ((await clinic.as.admin.get('/api/messages?limit=200').expect(200)).body.items as MessageResponse[]).filter(
      (m) => m.patient?.id === patientId,
    );

  it('keeps contact and consent on the patient, with who recorded an opt-out and when', async () => {
    await clinic.as.nurse
      .post('/api/patients')
      .send({
        mrn: 'NO-MAIL-1',
        givenName: 'A',
        familyName: 'B',
        birthDate: '1970-01-01',
        sex: 'female',
        spasticityOrigin: 'spinal',
        diagnosis: 'ms',
        reminderChannel: 'email',
      })
      .expect(422)
      .expect((r) =>
        expect(r.body.details).toEqual([
          { field: 'reminderChannel', message: 'e-mail reminders need an e-mail address' },
        ]),
      );
    await clinic.as.nurse
      .post('/api/patients')
      .send({
        mrn: 'BAD-MAIL-1',
        givenName: 'A',
        familyName: 'B',
        birthDate: '1970-01-01',
        sex: 'female',
        spasticityOrigin: 'spinal',
        diagnosis: 'ms',
        email: 'not an address',
      })
      .expect(400)
      .expect((r) => expect(r.body.details[0].field).toBe('email'));
    expect(await held.dataSource.query(`SELECT 1 FROM patients WHERE mrn IN ('NO-MAIL-1', 'BAD-MAIL-1')`)).toEqual([]);

    const patient = await createPatient(clinic, { email: 'ada@patients.test', reminderChannel: 'email' });
    clock.set('2026-12-01T12:30:00Z');
    const optedOut = (
      await clinic.as.nurse
        .patch(`/api/patients/${patient.id}`)
        .send({ version: patient.version, remindersOptOut: true, reason: 'Asked at clinic' })
        .expect(200)
    ).body as PatientResponse;
    expect(optedOut).toMatchObject({
      email: 'ada@patients.test',
      reminderChannel: 'email',
      remindersOptedOutAt: '2026-12-01T12:30:00.000Z',
      remindersOptedOutByName: expect.stringMatching(/^Test nurse/),
    });
    // Clearing the address while e-mail is the channel is refused; changing the channel with it is not.
    await clinic.as.nurse
      .patch(`/api/patients/${patient.id}`)
      .send({ version: optedOut.version, email: '', reason: 'x' })
      .expect(422);
    const back = (
      await clinic.as.specialist
        .patch(`/api/patients/${patient.id}`)
        .send({
          version: optedOut.version,
          remindersOptOut: false,
          email: '',
          reminderChannel: 'letter',
          reason: 'Changed her mind',
        })
        .expect(200)
    ).body as PatientResponse;
    expect(back).toMatchObject({
      email: null,
      reminderChannel: 'letter',
      remindersOptedOutAt: null,
      remindersOptedOutByName: null,
    });
  });

  it('holds e-mails without SMTP_URL, prints letters a page each, and puts a printed letter back on request', async () => {
    const byEmail = await bookRefill({ email: 'grace@patients.test', reminderChannel: 'email' });
    const byLetter = await bookRefill({ postalAddress: '1 High Street\nLondon N1 1AA' });
    const optedOut = await bookRefill({ email: 'no@patients.test', reminderChannel: 'email', remindersOptOut: true });
    clock.set('2026-12-01T13:00:00Z');
    await held.app.get(MessagePlanner).plan(clock.now());

    const [email] = await messagesOf(byEmail.id);
    expect(email).toMatchObject({ channel: 'email', status: 'held', recipient: 'grace@patients.test', attempts: 0 });
    expect(email?.body).toContain('in 3 days');
    expect(await messagesOf(optedOut.id)).toEqual([]);
    const summary = (await clinic.as.admin.get('/api/messages/summary').expect(200)).body;
    expect(summary).toMatchObject({ canSendEmail: false, counts: { held: 1, to_print: 1, sent: 0 } });
    await clinic.as.admin
      .post(`/api/messages/${email!.id}/resend`)
      .send({})
      .expect(409)
      .expect((r) => expect(r.body.message).toMatch(/SMTP_URL/));

    const { text, pages } = await pdfText(clinic.as.admin, '/api/messages/letters.pdf');
    expect(pages).toBe(1);
    expect(text).toContain('1 High Street London N1 1AA');
    expect(text).toContain('WITHDRAWAL signs');
    const [letter] = await messagesOf(byLetter.id);
    await clinic.as.admin
      .post('/api/messages/letters/printed')
      .send({ messageIds: [letter!.id] })
      .expect(200, { printed: 1 });
    await clinic.as.admin.get('/api/messages/letters.pdf').expect(422);
    // Marking again changes nothing; printing it again puts it back in the batch, audited.
    await clinic.as.admin
      .post('/api/messages/letters/printed')
      .send({ messageIds: [letter!.id] })
      .expect(200, { printed: 0 });
    const again = await clinic.as.admin
      .post(`/api/messages/${letter!.id}/resend`)
      .send({ reason: 'Lost in the post' })
      .expect(200);
    expect(again.body).toMatchObject({ status: 'to_print' });
    const audit = (await held.dataSource.query(
      `SELECT action, reason FROM audit_events WHERE entity_id = $1 ORDER BY id`,
      [letter!.id],
    )) as { action: string; reason: string | null }[];
    expect(audit).toEqual([
      { action: 'message.letters_export', reason: null },
      { action: 'message.printed', reason: null },
      { action: 'message.resend', reason: 'Lost in the post' },
    ]);
    // Nurses and specialists have no outbox.
    await clinic.as.nurse.get('/api/messages').expect(403);
    await clinic.as.admin.patch('/api/auth/me').send({ staffDigest: true }).expect(403);
  });

  it('retries a refused e-mail, sends it once, and marks it failed after the fifth refusal', async () => {
    let refusals = 1;
    const accepted: string[] = [];
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo(address, _session, callback) {
        if (address.address.startsWith('never@') || refusals-- > 0) {
          callback(Object.assign(new Error('Mailbox busy'), { responseCode: 450 }));
        } else callback();
      },
      onData(stream, session, callback) {
        stream.resume();
        stream.on('end', () => {
          accepted.push(session.envelope.rcptTo[0]?.address ?? '');
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const { port } = smtp.server.address() as AddressInfo;
    // No worker polls here: the test hands the jobs to the sender itself, as pg-boss would.
    const sending = await createTestApp({
      databaseUrl,
      clock,
      env: { SMTP_URL: `smtp://127.0.0.1:${port}`, MESSAGE_POLL_SECONDS: '60' },
    });
    try {
      const sender = sending.app.get(MessageSender);
      const retried = await bookRefill({ email: 'tries@patients.test', reminderChannel: 'email' });
      const never = await bookRefill({ email: 'never@patients.test', reminderChannel: 'email' });
      clock.set('2026-12-01T14:00:00Z');
      await sending.app.get(MessagePlanner).plan(clock.now());
      const [first] = await messagesOf(retried.id);
      expect(first?.status).toBe('queued');

      await expect(sender.deliver({ messageId: first!.id })).rejects.toThrow(/Mailbox busy/);
      expect((await messagesOf(retried.id))[0]).toMatchObject({
        status: 'queued',
        attempts: 1,
        lastError: expect.stringMatching(/Mailbox busy/),
      });
      await sender.deliver({ messageId: first!.id });
      await sender.deliver({ messageId: first!.id }); // a second delivery of the job finds nothing to send
      expect(accepted).toEqual(['tries@patients.test']);
      expect((await messagesOf(retried.id))[0]).toMatchObject({ status: 'sent', attempts: 2, lastError: null });

      const [doomed] = await messagesOf(never.id);
      for (let attempt = 1; attempt < 5; attempt++) {
        await expect(sender.deliver({ messageId: doomed!.id })).rejects.toThrow(/Mailbox busy/);
      }
      await sender.deliver({ messageId: doomed!.id }); // the fifth: marked failed, not retried
      expect((await messagesOf(never.id))[0]).toMatchObject({ status: 'failed', attempts: 5 });
      const failedAudit = (await sending.dataSource.query(
        `SELECT count(*)::int AS n FROM audit_events WHERE entity_id = $1 AND action = 'message.failed'`,
        [doomed!.id],
      )) as [{ n: number }];
      expect(failedAudit[0].n).toBe(1);

      // The administrator sends it again once the address is fixed on the server's side: queued, then sent.
      const admin = request.agent(sending.server);
      await admin
        .post('/api/auth/login')
        .send({ email: clinic.users.admin.email, password: TEST_PASSWORD })
        .expect(200);
      const resent = await admin.post(`/api/messages/${doomed!.id}/resend`).send({}).expect(200);
      expect(resent.body).toMatchObject({ status: 'queued', attempts: 0 });
    } finally {
      await sending.app.close();
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
    }
  });
});
