import { mkdirSync } from 'node:fs';
import { PDFParse } from 'pdf-parse';
import { expectNoSeriousAxeViolations } from '../fixtures/axe.js';
import { DEMO } from '../fixtures/demo-users.js';
import { seedPatientWithPump } from '../fixtures/seed-pump.js';
import { expect, test } from '../fixtures/test.js';
import { SignInPage } from '../pages/sign-in.page.js';

const SHOTS = process.env.SHOTS_DIR ?? '/tmp/shots-messages';
const PHONE = { width: 390, height: 844 };

/** Three days ahead on the hour: inside the 7-day reminder's window whatever the hour now. */
const inThreeDays = () => {
  const at = new Date(Date.now() + 3 * 86_400_000);
  at.setUTCMinutes(0, 0, 0);
  return at.toISOString();
};

test('a nurse records a patient’s e-mail and books refills; the administrator reads the reminder in the outbox, prints the letter batch and revokes a calendar feed', async ({
  page,
}) => {
  test.setTimeout(120_000);
  mkdirSync(SHOTS, { recursive: true });
  const signIn = new SignInPage(page);
  await signIn.signIn(DEMO.northsideNurse);

  // One patient is reminded by e-mail, entered on the patient form; the other by letter.
  const byEmail = await seedPatientWithPump(page.request, 10);
  const byLetter = await seedPatientWithPump(page.request, 10);
  await page.goto(`/patients/${byEmail.patientId}/edit`);
  await page.getByLabel('E-mail').fill('iris.journey@patients.example');
  await page.getByLabel('Remind by').selectOption('email');
  await page.getByLabel('Reason for the change').fill('E-mail given at clinic for reminders');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('By e-mail')).toBeVisible();
  for (const patient of [byEmail, byLetter]) {
    const booked = await page.request.post('/api/appointments', {
      data: { patientId: patient.patientId, type: 'refill', startsAt: inThreeDays() },
    });
    expect(booked.status()).toBe(201);
  }
  await signIn.signOut();

  // The administrator: the reminder is in the outbox, held exactly as it would be sent (no SMTP_URL here).
  await signIn.signIn(DEMO.northsideAdmin);
  await expect
    .poll(
      async () => {
        const res = await page.request.get('/api/messages?kind=refill_reminder&limit=200');
        const { items } = (await res.json()) as { items: { patient: { id: string } | null }[] };
        return items.filter((m) => [byEmail.patientId, byLetter.patientId].includes(m.patient?.id ?? '')).length;
      },
      { timeout: 20_000 },
    )
    .toBe(2);
  await page.getByRole('link', { name: 'Messages' }).click();
  await expect(page.getByRole('heading', { name: 'Messages', level: 1 })).toBeVisible();
  await expect(page.getByText('E-mail is not going out')).toBeVisible();
  const reminder = page.getByRole('button', { name: new RegExp(`Refill reminder · Iris ${byEmail.familyName}`) });
  await reminder.click();
  const item = page.locator('.mantine-Accordion-item').filter({ has: reminder });
  const text = item.getByLabel('Message text');
  await expect(text).toContainText(`Dear Iris ${byEmail.familyName},`);
  await expect(text).toContainText('pump refill appointment at Northside ITB Clinic in 3 days');
  await expect(item.getByText('iris.journey@patients.example')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/outbox-desk.png`, fullPage: true });
  await expectNoSeriousAxeViolations(page, 'messages outbox');

  // The letter batch: one A4 page per waiting letter, the new patient's among them.
  const card = page
    .locator('.mantine-Card-root')
    .filter({ has: page.getByRole('heading', { name: 'Letters to print' }) });
  const waitingText = await card.getByText(/letters? waiting/).innerText();
  const waiting = Number(/^(\d+)/.exec(waitingText)?.[1]);
  expect(waiting).toBeGreaterThanOrEqual(1);
  const href = await card.getByRole('link', { name: 'Open letters PDF' }).getAttribute('href');
  const pdf = await page.request.get(href!);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  const parser = new PDFParse({ data: new Uint8Array(await pdf.body()) });
  const { text: letters, total } = await parser.getText();
  await parser.destroy();
  expect(total).toBe(waiting);
  expect(letters.replace(/\s+/g, ' ')).toContain(`Dear Iris ${byLetter.familyName},`);
  await card.getByRole('button', { name: `Mark ${waiting} printed` }).click();
  await expect(page.getByText(`${waiting} letter${waiting === 1 ? '' : 's'} marked printed`)).toBeVisible();
  await expect(card.getByText('No letters are waiting.')).toBeVisible();
  await page.setViewportSize(PHONE);
  await page.screenshot({ path: `${SHOTS}/outbox-390.png`, fullPage: true });
  expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);

  // The clinic's reminder settings: a third reminder ten days ahead.
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByRole('link', { name: 'Clinic settings' }).click();
  await expect(page.getByLabel(/Days before a refill/)).toHaveValue('7, 1');
  await page.getByLabel(/Days before a refill/).fill('10, 7, 1');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Clinic settings saved')).toBeVisible();
  await expect(page.getByLabel(/Days before a refill/)).toHaveValue('10, 7, 1');
  await page.screenshot({ path: `${SHOTS}/clinic-settings-desk.png`, fullPage: true });
  await expectNoSeriousAxeViolations(page, 'clinic settings');

  // The administrator's own calendar feed: made, then revoked; the address answers 404 after.
  await page.getByRole('link', { name: 'Your account' }).click();
  const feed = page.locator('.mantine-Card-root').filter({ has: page.getByRole('heading', { name: 'Calendar feed' }) });
  await feed.getByRole('button', { name: 'Make my calendar address' }).click();
  const url = await feed.getByLabel('Your calendar address').inputValue();
  expect((await page.request.get(url)).status()).toBe(200);
  await feed.getByRole('button', { name: 'Done' }).click();
  await feed.getByRole('button', { name: 'Revoke' }).click();
  await page
    .getByRole('dialog', { name: 'Revoke your calendar feed?' })
    .getByRole('button', { name: 'Revoke the feed' })
    .click();
  await expect(feed.getByText('You have no calendar address.')).toBeVisible();
  expect((await page.request.get(url)).status()).toBe(404);

  // The audit log names the printing and the feed's end.
  const audit = (await (await page.request.get('/api/audit-events?action=message.&limit=50')).json()) as {
    items: { action: string }[];
  };
  expect(audit.items.map((e) => e.action)).toEqual(
    expect.arrayContaining(['message.printed', 'message.letters_export']),
  );
});
