import { mkdirSync, readFileSync } from 'node:fs';
import { expect, test } from '../fixtures/test.js';
import { clinicNow } from '../fixtures/clinic-clock.js';
import { DEMO } from '../fixtures/demo-users.js';
import { pumpVersionOf, seedPatientWithPump } from '../fixtures/seed-pump.js';
import { SignInPage } from '../pages/sign-in.page.js';

const SHOTS = process.env.REPORT_SHOTS_DIR ?? '/tmp/shots-report';
const DAY_MS = 86_400_000;
const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

test('an administrator picks a period, opens the patients behind the late count and downloads a CSV naming period and zone', async ({
  page,
}) => {
  test.setTimeout(120_000);
  mkdirSync(SHOTS, { recursive: true });
  const signIn = new SignInPage(page);

  // A nurse records a late refill, placed by hand: filled 100 days ago at 0.2 mL/day, the alarm came
  // 10 days ago (90 days after the fill) and the refill-by 15 days ago; refilled 12 days ago with the
  // 20 − 88 × 0.2 = 2.4 mL expected: after the refill-by, before the alarm. Late.
  await signIn.signIn(DEMO.northsideNurse);
  const { timeZone } = (await (await page.request.get('/api/clinic')).json()) as { timeZone: string };
  const late = await seedPatientWithPump(page.request, 100);
  const refill = await page.request.post(`/api/pumps/${late.pumpId}/fills`, {
    data: {
      performedAt: new Date(Date.now() - 12 * DAY_MS).toISOString(),
      residualWithdrawnMl: 2.4,
      volumeAddedMl: 20,
      concentrationMcgPerMl: 2000,
      dailyDoseMcg: 400,
      drugProduct: 'Lioresal Intrathecal',
      lotNumber: 'E2E-LOT-LATE',
      lotExpiresOn: '2030-03-31',
      pumpVersion: await pumpVersionOf(page.request, late.pumpId),
    },
  });
  expect(refill.status()).toBe(201);
  await signIn.signOut();

  // The administrator chooses the last 20 days, which hold that refill-by date.
  await signIn.signIn(DEMO.northsideAdmin);
  await expect(page).toHaveURL(/\/reports$/);
  const today = clinicNow(timeZone).date;
  const from = addDays(today, -20);
  const period = page.getByRole('form', { name: 'Report period' });
  await period.getByLabel('Period').selectOption('custom');
  await period.getByLabel('From').fill(from);
  await period.getByLabel('To').fill(today);
  await period.getByRole('button', { name: 'Show period' }).click();
  await expect(page).toHaveURL(new RegExp(`from=${from}&to=${today}`));
  await expect(page.getByText(`Clinic dates in ${timeZone}`)).toBeVisible();

  // The late count of the whole period opens the patients behind it; ours is among them.
  const lateCount = page
    .getByRole('table', { name: 'Refills by the month they fell due' })
    .getByRole('button', { name: /^Refills done late, before the alarm, .*Show the patients$/ })
    .last();
  await lateCount.click();
  const dialog = page.getByRole('dialog', { name: /Refills done late, before the alarm/ });
  const ours = dialog.getByRole('row').filter({ hasText: late.familyName });
  await expect(ours).toBeVisible();
  await expect(ours).toContainText(/late/i);
  await page.screenshot({ path: `${SHOTS}/e2e-report-drill-down.png`, fullPage: true });
  await dialog.getByRole('button', { name: /close/i }).click();
  await expect(dialog).toBeHidden();

  // The month section as CSV: the header block names the period and the clinic's zone.
  await page.getByRole('button', { name: 'Download CSV' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('menuitem', { name: 'By month' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`overdue-refills_northside-itb-clinic_months_${from}_${today}.csv`);
  const lines = readFileSync(await download.path(), 'utf8').split('\r\n');
  expect(lines).toContain(`Period,${from} to ${today}`);
  expect(lines).toContain(`Time zone,${timeZone}`);
  expect(lines.some((line) => line.startsWith('month,fell_due,on_time,late,after_alarm,not_done'))).toBe(true);
});
