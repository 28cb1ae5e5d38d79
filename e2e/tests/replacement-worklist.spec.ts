import { mkdirSync } from 'node:fs';
import { DEMO } from '../fixtures/demo-users.js';
import { expect, test } from '../fixtures/test.js';
import { SignInPage } from '../pages/sign-in.page.js';

const SHOTS = process.env.SHOTS_DIR ?? '/tmp/shots-web';

test('a specialist books a replacement consult from the worklist; the patient page and the audit log show it', async ({
  page,
}) => {
  mkdirSync(SHOTS, { recursive: true });
  const signIn = new SignInPage(page);
  await signIn.signIn(DEMO.northsideSpecialist);
  await page.getByRole('link', { name: 'Replacements' }).click();
  await expect(page.getByRole('heading', { name: 'Replacement worklist', level: 1 })).toBeVisible();
  const table = page.getByRole('table', { name: 'Replacement worklist' });

  // The demo seeds a SynchroMed II whose 5-year estimate falls within the 180 days, with no consult booked.
  const row = table
    .getByRole('row')
    .filter({ hasText: 'Estimate: interrogate to confirm' })
    .filter({
      has: page.getByRole('button', { name: /^Book consult for / }),
    });
  await expect(row.first()).toBeVisible();
  const book = row.first().getByRole('button', { name: /^Book consult for / });
  const patientName = (await book.getAttribute('aria-label'))!.replace('Book consult for ', '');
  await page.screenshot({ path: `${SHOTS}/e2e-replacement-worklist.png`, fullPage: true });

  await book.click();
  const dialog = page.getByRole('dialog', { name: `Book an appointment for ${patientName}` });
  await expect(dialog.getByLabel('Type')).toHaveValue('replacement_consult');
  const [created] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/api/appointments') && r.request().method() === 'POST'),
    dialog.getByRole('button', { name: 'Book appointment' }).click(),
  ]);
  expect(created.status()).toBe(201);
  const booked = (await created.json()) as { patientId: string; type: string; warnings: string[] };
  expect(booked.type).toBe('replacement_consult');
  if (booked.warnings.length > 0) await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();
  const bookedRow = table.getByRole('row').filter({ hasText: patientName });
  await expect(bookedRow.getByTestId('replacement-consult')).toContainText('Booked');

  // The patient page lists it; the administrator finds it in the audit log.
  await bookedRow.getByRole('link', { name: patientName }).click();
  await expect(page.getByRole('main').getByText('Replacement consult').first()).toBeVisible();
  await signIn.signOut();
  await signIn.signIn(DEMO.northsideAdmin);
  await page.goto(`/audit?patientId=${booked.patientId}&action=appointment.create`);
  await expect(page.getByRole('table', { name: 'Audit events' }).getByText('Appointment booked').first()).toBeVisible();
});
