import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { DEMO } from '../fixtures/demo-users.js';
import { seedPatientWithPump } from '../fixtures/seed-pump.js';
import { expect, test } from '../fixtures/test.js';
import { PatientFlagsBanner } from '../pages/flags.page.js';
import { SignInPage } from '../pages/sign-in.page.js';

const SHOTS = process.env.SHOTS_DIR ?? '/tmp/shots-web';

async function recordEvent(
  page: Page,
  label: string,
  fill: (form: ReturnType<Page['getByRole']>) => Promise<void> = async () => {},
) {
  await page.getByRole('button', { name: 'Record event' }).click();
  const form = page.getByRole('form', { name: 'Record pump event' });
  await form.getByRole('combobox', { name: /Event/ }).selectOption({ label });
  await fill(form);
  await form.getByRole('button', { name: 'Record event' }).click();
  await expect(form).toHaveCount(0);
}

test("a specialist records an MRI, the interrogation that clears its check and a clinician bolus from the pump card, then works out a refill interval; the history and the admin's audit log show the events and nothing of the calculator", async ({
  page,
}) => {
  test.setTimeout(90_000);
  mkdirSync(SHOTS, { recursive: true });
  const signIn = new SignInPage(page);
  await signIn.signIn(DEMO.northsideSpecialist);
  // 20 mL of 2,000 mcg/mL at 400 mcg/day (0.2 mL/day), filled 10 days ago.
  const { patientId, familyName } = await seedPatientWithPump(page.request, 10);
  await page.goto(`/patients/${patientId}`);
  await expect(page.getByRole('heading', { name: new RegExp(familyName), level: 1 })).toBeVisible();
  const banner = new PatientFlagsBanner(page);

  // An MRI raises the post-MRI check; the interrogation that follows clears it.
  await recordEvent(page, 'MRI scan');
  await expect(banner.region.getByText('Post-MRI check pending')).toBeVisible();
  await recordEvent(page, 'Interrogation');
  await expect(banner.region.getByText('Post-MRI check pending')).toHaveCount(0);

  // A clinician bolus shows its earlier alarm before it is saved: 1 mL at 0.2 mL/day is 5 days of drug.
  await recordEvent(page, 'Clinician bolus', async (form) => {
    await form.getByLabel(/^Bolus volume/).fill('1');
    await expect(form.getByText(/^Alarm at/)).toContainText('5 days earlier');
    await page.screenshot({ path: `${SHOTS}/e2e-bolus-preview.png` });
  });
  const history = page.getByRole('region', { name: 'History' });
  for (const event of ['MRI scan', 'Interrogation', 'Clinician bolus']) {
    await expect(history.getByText(new RegExp(event)).first()).toBeVisible();
  }

  // The calculator: for 90 days at 400 mcg/day, 2,000 mcg/mL filled to 20 mL. Nothing is saved.
  const writes: string[] = [];
  const onRequest = (request: { method: () => string; url: () => string }) => {
    if (request.method() !== 'GET' && request.url().includes('/api/')) writes.push(request.url());
  };
  page.on('request', onRequest);
  await page.getByRole('button', { name: 'Refill-interval calculator' }).click();
  await page.getByLabel('Target interval (days)').fill('90');
  await expect(page.getByTestId('interval-advice')).toHaveText(
    '2,000 mcg/mL is the lowest concentration that lasts 90 days: fill 20 mL.',
  );
  await page.screenshot({ path: `${SHOTS}/e2e-interval-calculator.png` });
  await page.keyboard.press('Escape');
  page.off('request', onRequest);
  expect(writes).toEqual([]);
  await signIn.signOut();

  await signIn.signIn(DEMO.northsideAdmin);
  await page.goto(`/audit?patientId=${patientId}&action=pump_event.`);
  const log = page.getByRole('table', { name: 'Audit events' });
  await expect(log.getByText('Pump event recorded')).toHaveCount(3);
});
