import { mkdirSync } from 'node:fs';
import { type Page } from '@playwright/test';
import { expect, test } from '../fixtures/test.js';
import { instantWithoutZone } from '../fixtures/clinic-format.js';
import { DEMO } from '../fixtures/demo-users.js';
import { seedPatientWithPump } from '../fixtures/seed-pump.js';
import { FlagsWorkListPage, PatientFlagsBanner } from '../pages/flags.page.js';
import { SignInPage } from '../pages/sign-in.page.js';

const SHOTS = process.env.SHOTS_DIR ?? '/tmp/shots-flags';

interface StoredFlag {
  code: string;
  severity: string;
  status: string;
  raisedAt: string;
  raisedBy: { name: string } | null;
  details: { summary: string; kind?: string; signs?: string[] };
  acknowledged: { byName: string; at: string; note: string | null } | null;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const userName = async (page: Page) =>
  ((await (await page.request.get('/api/auth/me')).json()) as { name: string }).name;

test('a nurse reports withdrawal signs; the specialist finds the critical flag, acknowledges it, and reports overdose signs', async ({
  page,
}) => {
  // Two users, each signing in and opening two screens, and three reports: three times a one-user journey's time.
  test.setTimeout(90_000);
  mkdirSync(SHOTS, { recursive: true });
  const signIn = new SignInPage(page);
  await signIn.signIn(DEMO.northsideNurse);
  const nurseName = await userName(page);
  const { timeZone } = (await (await page.request.get('/api/clinic')).json()) as { timeZone: string };
  // Filled 10 days ago: nothing is due yet, so the only flag will be the one the nurse raises.
  const { patientId, familyName } = await seedPatientWithPump(page.request, 10);
  const patientName = `${familyName}, Iris`;
  const flagsOfPatient = async () =>
    ((await (await page.request.get(`/api/flags?patientId=${patientId}`)).json()) as { items: StoredFlag[] }).items;

  // The nurse opens the chart and reports the signs.
  await page.goto(`/patients/${patientId}`);
  await expect(page.getByRole('heading', { name: patientName, level: 1 })).toBeVisible();
  const banner = new PatientFlagsBanner(page);
  await expect(banner.region.getByText('No open flags')).toBeVisible();
  const note = 'Carer reports itching without rash and stiffer legs since last night';
  await banner.reportClinicalSigns(['Pruritus (itching without rash)', 'Returning spasticity'], note);

  const raised = banner.flag('Critical: Withdrawal signs');
  await expect(raised).toBeVisible();
  await expect(raised.getByText('Critical', { exact: true })).toBeVisible();
  await expect(raised).toContainText(
    `Withdrawal signs: Pruritus (itching without rash), Returning spasticity. ${note}`,
  );
  const [stored] = await flagsOfPatient();
  expect(stored).toMatchObject({ code: 'manual', severity: 'critical', status: 'open' });
  expect(stored!.details).toMatchObject({ kind: 'withdrawal', signs: ['pruritus', 'returning_spasticity'] });
  await expect(raised).toContainText(`Raised by ${nurseName}, ${instantWithoutZone(stored!.raisedAt, timeZone)}`);
  await page.screenshot({ path: `${SHOTS}/e2e-nurse-reported-signs.png`, fullPage: true });
  await signIn.signOut();

  // The specialist sees it on the clinic's work list…
  await signIn.signIn(DEMO.northsideSpecialist);
  const specialistName = await userName(page);
  const workList = new FlagsWorkListPage(page);
  await workList.openFromNavigation();
  await workList.filter('Rule', 'Clinical signs');
  await workList.filter('Severity', 'Critical');
  await expect(page).toHaveURL(/\/flags\?severity=critical&code=manual$/);
  const row = workList.row(patientName);
  await expect(row).toBeVisible();
  await expect(row).toContainText('Critical');
  await expect(row).toContainText('Withdrawal signs');
  await expect(row).toContainText(note);
  await expect(row).toContainText('Open');
  await page.screenshot({ path: `${SHOTS}/e2e-specialist-work-list.png`, fullPage: true });

  // …opens the chart from it and acknowledges the flag.
  await row.getByRole('link', { name: patientName }).click();
  await expect(page.getByRole('heading', { name: patientName, level: 1 })).toBeVisible();
  await expect(banner.flag('Critical: Withdrawal signs')).toBeVisible();
  const acknowledgement = 'Called the carer: oral baclofen started, seen in clinic at 14:00 today';
  await banner.acknowledge('Critical: Withdrawal signs', acknowledgement);

  const [after] = await flagsOfPatient();
  expect(after).toMatchObject({ status: 'acknowledged' });
  expect(after!.acknowledged).toMatchObject({ byName: specialistName, note: acknowledgement });
  const acknowledged = banner.flag('Critical: Withdrawal signs');
  await expect(acknowledged.getByTestId('flag-acknowledged')).toHaveText(
    new RegExp(
      `^${escape(`Acknowledged by ${specialistName}, ${instantWithoutZone(after!.acknowledged!.at, timeZone)}`)} \\S+: ${escape(acknowledgement)}$`,
    ),
  );
  // Acknowledged, not resolved: it stays on the chart, and only the specialist's Resolve is left.
  await expect(acknowledged.getByRole('button', { name: /^Acknowledge/ })).toHaveCount(0);
  await expect(acknowledged.getByRole('button', { name: /^Resolve/ })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/e2e-specialist-acknowledged.png`, fullPage: true });

  // Later the same day a relative phones: the patient is hard to wake. Overdose signs are their own report.
  const overdoseNote = 'Wife says he is very hard to wake and breathing slowly; ambulance called';
  await banner.reportClinicalSigns(['Severe drowsiness', 'Slow or shallow breathing'], overdoseNote, 'Overdose signs');
  const overdose = banner.flag('Critical: Overdose signs');
  await expect(overdose).toContainText(`Overdose signs: Severe drowsiness, Slow or shallow breathing. ${overdoseNote}`);
  const stored2 = (await flagsOfPatient()).find((f) => f.details.summary.startsWith('Overdose'));
  expect(stored2).toMatchObject({ severity: 'critical', status: 'open' });
  expect(stored2!.details.signs).toEqual(['severe_drowsiness', 'slow_or_shallow_breathing']);
  await page.screenshot({ path: `${SHOTS}/e2e-overdose-reported.png`, fullPage: true });
});
