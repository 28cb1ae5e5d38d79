import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { MessagePlanner } from '../src/modules/messages/message-planner.js';
import { createClinic, createPatient, implantPump, type TestClinic } from './factories.js';
import { createIsolatedDatabase, createTestApp, type TestContext, TestClock } from './test-app.js';

interface Received {
  to: string;
  subject: string;
  text: string;
  messageId: string;
}

/**
 * Issue 13, acceptance 1: a real SMTP server (smtp-server) receives what two API instances send,
 * through pg-boss, with a restart between passes. The planner reads every clinic, so the test has a
 * database of its own; the instances share it and one clock, as two servers share time.
 */
describe('reminders and digests over SMTP', () => {
  const clock = new TestClock();
  const received: Received[] = [];
  let smtp: SMTPServer;
  let env: Record<string, string>;
  let databaseUrl: string;
  let first: TestContext;
  let second: TestContext;
  let london: TestClinic;
  let auckland: TestClinic;

  const tickBoth = () =>
    Promise.all([first.app.get(MessagePlanner).plan(clock.now()), second.app.get(MessagePlanner).plan(clock.now())]);

  /** Waits until `count` messages have arrived in all, then a little longer to catch any extra one. */
  const settle = async (count: number) => {
    const deadline = Date.now() + 20_000;
    while (received.length < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 1_500));
    return received.length;
  };

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, _session, callback) {
        simpleParser(stream)
          .then((mail: ParsedMail) => {
            const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
            received.push({
              to: to?.value[0]?.address ?? '',
              subject: mail.subject ?? '',
              text: (mail.text ?? '').replace(/\s+/g, ' '),
              messageId: mail.messageId ?? '',
            });
            callback();
          })
          .catch(callback);
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const { port } = smtp.server.address() as AddressInfo;
    env = { SMTP_URL: `smtp://127.0.0.1:${port}`, MESSAGE_POLL_SECONDS: '0.5' };
    databaseUrl = await createIsolatedDatabase();
    clock.set('2026-12-01T12:00:00Z');
    first = await createTestApp({ databaseUrl, clock, env });
    second = await createTestApp({ databaseUrl, clock, env });
    london = await createClinic(first, { timeZone: 'Europe/London' });
    auckland = await createClinic(first, { timeZone: 'Pacific/Auckland' });
  });

  afterAll(async () => {
    await first.app.close();
    await second.app.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  it('sends each reminder and digest once, from two instances and across a restart, on each clinic’s clock', async () => {
    const book = async (clinic: TestClinic, email: string | null, startsAt: string) => {
      const patient = await createPatient(clinic, {
        email,
        reminderChannel: email ? 'email' : 'letter',
        postalAddress: email ? null : '1 High Street\nLondon N1 1AA',
      });
      await implantPump(clinic, patient.id, '2026-11-20T10:00:00Z');
      await clinic.as.nurse
        .post('/api/appointments')
        .send({ patientId: patient.id, type: 'refill', startsAt })
        .expect(201);
      return patient;
    };
    // 10:00 on 15 Dec on each clinic's wall clock: 10:00Z in London (GMT), 21:00Z the day before in Auckland (GMT+13).
    await book(london, 'ada@patients.test', '2026-12-15T10:00:00Z');
    await book(auckland, 'kiri@patients.test', '2026-12-14T21:00:00Z');
    const byLetter = await book(london, null, '2026-12-15T11:00:00Z');
    await london.as.nurse
      .post('/api/appointments')
      .send({ patientId: byLetter.id, type: 'dose_review', startsAt: '2026-12-08T14:00:00Z' })
      .expect(201);

    // 18:30Z on 7 Dec: 07:30 on 8 Dec in Auckland (its 7-day reminder is due), 18:30 on 7 Dec in London (not yet).
    clock.set('2026-12-07T18:30:00Z');
    await tickBoth();
    expect(await settle(1)).toBe(1);
    expect(received[0]).toMatchObject({ to: 'kiri@patients.test' });
    expect(received[0]?.text).toContain('in 7 days: 15 Dec 2026, 10:00 GMT+13');

    // 07:05 on 8 Dec in London: its 7-day reminder, the letter, and the digest of the nurse who has just
    // turned it on (a Tuesday, a clinic day).
    await london.as.nurse.patch('/api/auth/me').send({ staffDigest: true }).expect(200);
    clock.set('2026-12-08T07:05:00Z');
    await tickBoth();
    expect(await settle(3)).toBe(3);
    const ada = received.find((m) => m.to === 'ada@patients.test');
    expect(ada?.text).toContain('in 7 days: 15 Dec 2026, 10:00 GMT');
    const digest = received.find((m) => m.to === london.users.nurse.email);
    expect(digest?.subject).toMatch(/morning digest for 8 Dec 2026$/);
    expect(digest?.text).toContain(`Today's clinic: 1 - 14:00 GMT ${byLetter.mrn} A.L.: Dose review (booked)`);
    expect(digest?.text).not.toContain('Lovelace');

    // A restart: the second instance goes and a new one comes; the same moment plans nothing new.
    await second.app.close();
    second = await createTestApp({ databaseUrl, clock, env });
    await tickBoth();
    expect(await settle(3)).toBe(3);

    // 07:01 on 14 Dec in London (a Monday): the 1-day reminders in both clinics and the next digest.
    clock.set('2026-12-14T07:01:00Z');
    await tickBoth();
    await tickBoth();
    expect(await settle(6)).toBe(6);
    expect(received.filter((m) => m.to === 'ada@patients.test').map((m) => m.text)).toEqual([
      expect.stringContaining('in 7 days: 15 Dec 2026, 10:00 GMT'),
      expect.stringContaining('tomorrow: 15 Dec 2026, 10:00 GMT'),
    ]);
    expect(received.filter((m) => m.to === 'kiri@patients.test').map((m) => m.text)).toEqual([
      expect.stringContaining('in 7 days: 15 Dec 2026, 10:00 GMT+13'),
      expect.stringContaining('tomorrow: 15 Dec 2026, 10:00 GMT+13'),
    ]);
    expect(received.filter((m) => m.to === london.users.nurse.email).map((m) => m.subject)).toEqual([
      expect.stringMatching(/8 Dec 2026$/),
      expect.stringMatching(/14 Dec 2026$/),
    ]);
    expect(new Set(received.map((m) => m.messageId)).size).toBe(received.length);

    // Every e-mail is in the outbox as sent, once, with one audit row; the letters wait to print.
    const rows = (await first.dataSource.query(
      `SELECT channel, status, attempts, (SELECT count(*)::int FROM audit_events a
                 WHERE a.entity_id = m.id::text AND a.action = 'message.sent') AS audits
         FROM messages m WHERE clinic_id = ANY ($1::uuid[])`,
      [[london.id, auckland.id]],
    )) as { channel: string; status: string; attempts: number; audits: number }[];
    expect(rows.filter((r) => r.channel === 'email')).toEqual(
      Array.from({ length: 6 }, () => ({ channel: 'email', status: 'sent', attempts: 1, audits: 1 })),
    );
    expect(rows.filter((r) => r.channel === 'letter').map((r) => r.status)).toEqual(['to_print', 'to_print']);
  });

  it('asks an overdue patient with nothing booked to call, once, and opens one nurse task', async () => {
    clock.set('2026-12-20T08:00:00Z');
    const overdue = await createPatient(london, { email: 'grace@patients.test', reminderChannel: 'email' });
    await implantPump(london, overdue.id, '2026-09-01T10:00:00Z'); // alarm about 90 days on: passed
    const optedOut = await createPatient(london, { remindersOptOut: true });
    await implantPump(london, optedOut.id, '2026-09-01T10:00:00Z');
    const before = received.length;

    await tickBoth();
    await tickBoth();
    expect(await settle(before + 1)).toBe(before + 1);
    const callUs = received[received.length - 1];
    expect(callUs).toMatchObject({ to: 'grace@patients.test', subject: expect.stringMatching(/^Please call/) });

    const tasks = (await london.as.nurse.get('/api/tasks').expect(200)).body as { patient: { id: string } }[];
    expect(tasks.map((t) => t.patient.id).sort()).toEqual([overdue.id, optedOut.id].sort());
    const optedOutMessages = (await first.dataSource.query(
      `SELECT count(*)::int AS n FROM messages WHERE patient_id = $1`,
      [optedOut.id],
    )) as [{ n: number }];
    expect(optedOutMessages[0].n).toBe(0);
  });
});
