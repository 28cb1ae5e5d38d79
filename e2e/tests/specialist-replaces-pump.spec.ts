import { mkdirSync } from 'node:fs';
import { clinicNow } from '../fixtures/clinic-clock.js';
import { localDate } from '../fixtures/clinic-format.js';
import { DEMO } from '../fixtures/demo-users.js';
import { seedPatientWithPump } from '../fixtures/seed-pump.js';
import { expect, test } from '../fixtures/test.js';
import { SignInPage } from '../pages/sign-in.page.js';

const SHOTS = process.env.SHOTS_DIR ?? '/tmp/shots-web';

test('a specialist records a new ERI date and replaces the pump from the patient page; the admin reads both in the audit log', async ({
  page,
}) => {
  mkdirSync(SHOTS, { recursive: true });
  const signIn = new SignInPage(page);
  await signIn.signIn(DEMO.northsideSpecialist);
  const { timeZone } = (await (await page.request.get('/api/clinic')).json()) as { timeZone: string };
  const { patientId, familyName } = await seedPatientWithPump(page.request, 40);
  await page.goto(`/patients/${patientId}`);
  await expect(page.getByRole('heading', { name: new RegExp(familyName) })).toBeVisible();
  const card = page.getByRole('region', { name: 'Pump' });
  // No interrogation yet: the card says the replacement date is the model's estimate.
  await expect(card.getByText(/^About /)).toBeVisible();

  // 1. Edit the pump's details with the reason for the audit.
  await page.getByRole('button', { name: 'Pump record' }).click();
  await page.getByRole('menuitem', { name: 'Edit details' }).click();
  const edit = page.getByRole('form', { name: 'Edit pump details' });
  await edit.getByLabel('ERI date').fill('2031-03-01');
  await edit.getByRole('button', { name: 'Save details' }).click();
  await expect(edit.getByText('Required', { exact: true })).toBeVisible();
  await edit.getByLabel('Reason for the change').fill('Interrogation read the replacement indicator date');
  await edit.getByRole('button', { name: 'Save details' }).click();
  await expect(edit).toHaveCount(0);
  await expect(card.getByText(`${localDate('2031-03-01')} (from interrogation)`)).toBeVisible();

  // 2. Replace the pump: the explant and the new implant in one step.
  const fiveMinutesAgo = new Date(Date.now() - 5 * 60_000);
  const { date: today } = clinicNow(timeZone, fiveMinutesAgo);
  // The fill time is typed on the clinic's clock, as the field says.
  const fillClock = clinicNow(timeZone, fiveMinutesAgo);
  const typedFillTime = `${fillClock.date}T${fillClock.time}`;
  const newSerial = `NGP-NEW-${Date.now() % 100000}`;
  const reason = 'Pocket infection: pump replaced on the other side';
  await page.getByRole('button', { name: 'Pump record' }).click();
  await page.getByRole('menuitem', { name: 'Replace pump' }).click();
  await expect(page.getByRole('heading', { name: 'Replace pump', level: 1 })).toBeVisible();
  await page.getByLabel('Explanted on').fill(today);
  await page.getByLabel('Reason for the replacement').fill(reason);
  await page.getByRole('combobox', { name: 'Pump model', exact: true }).selectOption({ label: 'SynchroMed II 40 mL' });
  await page.getByLabel('Serial number').fill(newSerial);
  await page.getByLabel('Implanted on').fill(today);
  await page.getByLabel('Fill performed at').fill(typedFillTime);
  await page.getByLabel('Volume added (mL)').fill('40');
  await page
    .getByRole('combobox', { name: 'Concentration (mcg/mL)', exact: true })
    .selectOption({ label: '2,000 mcg/mL' });
  await page.getByLabel('Daily dose (mcg/day)').fill('400');
  await page.getByLabel('Drug product').fill('Lioresal Intrathecal');
  await page.getByLabel('Lot number').fill('E2E-LOT-NEW');
  await page.getByLabel('Lot expiry').fill('2030-01-31');
  await page.screenshot({ path: `${SHOTS}/e2e-replace-pump.png`, fullPage: true });
  await page.getByRole('button', { name: 'Replace pump' }).click();

  await expect(page).toHaveURL(new RegExp(`/patients/${patientId}$`));
  await expect(card.getByText(newSerial)).toBeVisible();
  await expect(card.getByText('SynchroMed II 40 mL')).toBeVisible();
  const pumps = (await (await page.request.get(`/api/patients/${patientId}`)).json()) as {
    activePump: { serialNumber: string };
  };
  expect(pumps.activePump.serialNumber).toBe(newSerial);

  // 3. The administrator finds all three in the audit log, with their reasons.
  await signIn.signOut();
  await signIn.signIn(DEMO.northsideAdmin);
  await page.goto(`/audit?patientId=${patientId}&action=pump.`);
  const log = page.getByRole('table', { name: 'Audit events' });
  await expect(log.getByText('Pump updated')).toBeVisible();
  await expect(log.getByText('Interrogation read the replacement indicator date')).toBeVisible();
  await expect(log.getByText('Pump explanted')).toBeVisible();
  await expect(log.getByText('Pump implanted')).toHaveCount(2);
  await expect(log.getByText(reason)).toHaveCount(2);
  await page.screenshot({ path: `${SHOTS}/e2e-audit-pump-replaced.png`, fullPage: true });
});
