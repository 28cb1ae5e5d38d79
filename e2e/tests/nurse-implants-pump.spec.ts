import { expect, test } from '../fixtures/test.js';
import { clinicNow } from '../fixtures/clinic-clock.js';
import { DEMO } from '../fixtures/demo-users.js';
import { PatientForms } from '../pages/patient-forms.page.js';
import { SignInPage } from '../pages/sign-in.page.js';

/** The clinic's wall clock `YYYY-MM-DDTHH:MM` some days ago, as a datetime-local input takes it. */
function clinicDateTimeDaysAgo(days: number, timeZone: string): string {
  const { date, time } = clinicNow(timeZone, new Date(Date.now() - days * 86_400_000));
  return `${date}T${time}`;
}

test('a nurse adds a patient, implants a pump and sees it on the patient page; Riverside cannot open it', async ({
  page,
}) => {
  const signIn = new SignInPage(page);
  const forms = new PatientForms(page);
  const mrn = `E2E-${Date.now().toString(36).toUpperCase()}`;
  const serial = `NGP-E2E-${Date.now() % 100000}`;

  await signIn.signIn(DEMO.northsideNurse);
  await forms.addPatient({ mrn, givenName: 'Edith', familyName: 'Playwright', birthDate: '1968-04-02' });
  const patientUrl = page.url();

  const { timeZone } = (await (await page.request.get('/api/clinic')).json()) as { timeZone: string };
  await forms.implantPump(serial, clinicDateTimeDaysAgo(10, timeZone));
  await expect(page.getByRole('heading', { name: 'Pump', exact: true })).toBeVisible();
  await expect(page.getByRole('main').getByText(serial, { exact: true })).toBeVisible();
  // 10 days at 0.2 mL/day from 20 mL leave 18 mL; the alarm (at 2 mL) is (18 − 2) / 0.2 = 80 days after now,
  // less the seconds the fill time lost to the input's minute precision: 79 whole days.
  await expect(page.getByText('18 mL', { exact: true })).toBeVisible();
  await expect(page.getByText('79 days', { exact: true })).toBeVisible();
  await page.screenshot({ path: 'test-results/patient-page.png', fullPage: true });

  await signIn.signOut();
  await signIn.signIn(DEMO.riversideNurse);
  await page.goto(patientUrl);
  await expect(page.getByRole('heading', { name: 'Patient not found' })).toBeVisible();
  await expect(page.getByText(serial)).toHaveCount(0);
  await expect(page.getByText('Playwright')).toHaveCount(0);
});
