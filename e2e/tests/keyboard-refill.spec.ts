import { expect, test } from '@playwright/test';
import { DEMO, DEMO_PASSWORD } from '../fixtures/demo-users.js';
import { tabTo, typeDate, typeInto } from '../fixtures/keyboard.js';
import { seedPatientWithPump } from '../fixtures/seed-pump.js';

test('a nurse signs in and records a refill with the keyboard alone', async ({ page }) => {
  await page.goto('/sign-in');
  await typeInto(page, page.getByLabel('Email'), DEMO.northsideNurse);
  await typeInto(page, page.getByLabel('Password'), DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();

  // 30 days at 0.2 mL/day from 20 mL leaves 14 mL.
  const { patientId, pumpId, familyName } = await seedPatientWithPump(page.request, 30);
  await page.goto(`/patients/${patientId}`);
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(familyName) })).toBeVisible();

  await tabTo(page, page.getByRole('link', { name: 'Record refill' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Record refill', level: 1 })).toBeVisible();

  await typeInto(page, page.getByLabel('Residual withdrawn (mL)'), '14');
  await typeInto(page, page.getByLabel('Volume added (mL)'), '19.5');
  await typeInto(page, page.getByLabel('Lot number'), 'KEY-LOT-7');
  await typeDate(page, page.getByLabel('Lot expiry'), '2030-06-30');
  await expect(page.getByTestId('server-check')).toHaveText('Confirmed: the server computes the same numbers.');

  const save = page.getByRole('button', { name: 'Save refill' });
  await tabTo(page, save);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/patients/${patientId}$`));

  const fills = (await (await page.request.get(`/api/pumps/${pumpId}/fills`)).json()) as {
    items: { residualWithdrawnMl: number; volumeAddedMl: number; lotNumber: string }[];
  };
  expect(fills.items).toHaveLength(2);
  expect(fills.items[0]).toMatchObject({ residualWithdrawnMl: 14, volumeAddedMl: 19.5, lotNumber: 'KEY-LOT-7' });
});
