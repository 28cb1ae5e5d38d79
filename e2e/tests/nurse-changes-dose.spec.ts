import { mkdirSync } from 'node:fs';
import { expect, test } from '../fixtures/test.js';
import { instantWithoutZone } from '../fixtures/clinic-format.js';
import { DEMO } from '../fixtures/demo-users.js';
import { seedPatientWithPump } from '../fixtures/seed-pump.js';
import { DoseChangeFormPage } from '../pages/dose-change-form.page.js';
import { SignInPage } from '../pages/sign-in.page.js';

const SHOTS = process.env.SHOTS_DIR ?? '/tmp/shots-web';

test('a nurse is stopped above the limit, then confirms a change within it before → after', async ({ page }) => {
  mkdirSync(SHOTS, { recursive: true });
  await new SignInPage(page).signIn(DEMO.northsideNurse);
  const { timeZone } = (await (await page.request.get('/api/clinic')).json()) as { timeZone: string };
  const { patientId, pumpId, familyName } = await seedPatientWithPump(page.request, 10);
  await page.goto(`/patients/${patientId}`);
  await expect(page.getByRole('heading', { name: new RegExp(familyName) })).toBeVisible();

  const dose = new DoseChangeFormPage(page);
  await dose.open();
  await dose.enterDose('560');
  await expect(dose.limitNotice).toContainText(
    'Increase of 40.0 % exceeds the 30 % limit for spinal-origin spasticity by 10.0 %',
  );
  await expect(dose.reviewButton).toBeDisabled();
  await page.screenshot({ path: `${SHOTS}/e2e-dose-above-limit.png`, fullPage: true });

  await dose.enterDose('480');
  await expect(dose.limitNotice).toContainText('Increase of 20.0 % is within the 30 % limit');
  await dose.choose('Titration up', 'Dr Amara Okafor');
  await dose.reviewButton.click();
  expect(await dose.confirmationRow('Daily dose')).toEqual(['Daily dose', '400 mcg/day', '480 mcg/day']);
  expect(await dose.confirmationRow('Daily volume')).toEqual(['Daily volume', '0.2 mL/day', '0.24 mL/day']);
  const [, alarmBefore, alarmAfter] = await dose.confirmationRow('Alarm date');
  expect(alarmAfter).not.toBe(alarmBefore);
  await page.screenshot({ path: `${SHOTS}/e2e-dose-confirm.png`, fullPage: true });

  await dose.confirm();
  await expect(page).toHaveURL(new RegExp(`/patients/${patientId}$`));
  const card = page.getByRole('region', { name: 'Pump' });
  await expect(card.getByText('480 mcg/day', { exact: true })).toBeVisible();

  const adjustments = (await (await page.request.get(`/api/pumps/${pumpId}/dose-adjustments`)).json()) as {
    items: { previousDailyDoseMcg: number; newDailyDoseMcg: number; orderedByName: string }[];
  };
  expect(adjustments.items).toEqual([
    expect.objectContaining({ previousDailyDoseMcg: 400, newDailyDoseMcg: 480, orderedByName: 'Dr Amara Okafor' }),
  ]);
  const projection = (await (await page.request.get(`/api/pumps/${pumpId}/projection`)).json()) as { alarmAt: string };
  expect(alarmAfter!.startsWith(instantWithoutZone(projection.alarmAt, timeZone))).toBe(true);
  await expect(card.getByText(instantWithoutZone(projection.alarmAt, timeZone))).toBeVisible();
});
