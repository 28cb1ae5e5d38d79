import { mkdirSync } from 'node:fs';
import { expect, test } from '../fixtures/test.js';
import { instantWithoutZone, localDate, ml, signedMl, signedPercent } from '../fixtures/clinic-format.js';
import { DEMO } from '../fixtures/demo-users.js';
import { seedPatientWithPump } from '../fixtures/seed-pump.js';
import { RefillFormPage } from '../pages/refill-form.page.js';
import { SignInPage } from '../pages/sign-in.page.js';

const SHOTS = process.env.SHOTS_DIR ?? '/tmp/shots-web';

interface StoredFill {
  expectedResidualMl: number;
  discrepancyMl: number;
  deliveryErrorPct: number;
  alarmAt: string;
  emptyAt: string;
  refillBy: string;
  residualWithdrawnMl: number;
  volumeAddedMl: number;
}

test("a nurse records a refill; the live preview's numbers are the ones the API stores", async ({ page }) => {
  mkdirSync(SHOTS, { recursive: true });
  await new SignInPage(page).signIn(DEMO.northsideNurse);
  const { timeZone } = (await (await page.request.get('/api/clinic')).json()) as { timeZone: string };
  // 30 days at 0.2 mL/day from 20 mL should leave 14 mL; 12.5 mL withdrawn is 1.5 mL (25 %) short.
  const { patientId, pumpId, familyName } = await seedPatientWithPump(page.request, 30);
  await page.goto(`/patients/${patientId}`);
  await expect(page.getByRole('heading', { name: new RegExp(familyName) })).toBeVisible();

  const refill = new RefillFormPage(page);
  await refill.open();
  await refill.enter({
    residualWithdrawnMl: '12.5',
    volumeAddedMl: '18',
    lotNumber: 'E2E-LOT-2',
    lotExpiresOn: '2030-06-30',
  });
  await expect(page.getByTestId('residual-alert')).toContainText('possible over-infusion');
  await refill.expectServerConfirmed();
  const shown = {
    expectedResidual: await refill.previewValue('expected-residual'),
    discrepancy: await refill.previewValue('discrepancy'),
    deliveryError: await refill.previewValue('delivery-error'),
    alarm: await refill.previewValue('alarm'),
    empty: await refill.previewValue('empty'),
    refillBy: await refill.previewValue('refill-by'),
  };
  await page.screenshot({ path: `${SHOTS}/e2e-refill-form.png`, fullPage: true });

  await refill.save();
  await expect(page).toHaveURL(new RegExp(`/patients/${patientId}$`));

  const fills = (await (await page.request.get(`/api/pumps/${pumpId}/fills`)).json()) as { items: StoredFill[] };
  expect(fills.items).toHaveLength(2);
  const stored = fills.items[0]!;
  expect(stored).toMatchObject({ residualWithdrawnMl: 12.5, volumeAddedMl: 18, expectedResidualMl: 14 });
  expect(shown.expectedResidual).toMatch(new RegExp(`^${ml(stored.expectedResidualMl)}`));
  expect(shown.discrepancy).toBe(signedMl(stored.discrepancyMl));
  expect(shown.deliveryError).toBe(signedPercent(stored.deliveryErrorPct));
  expect(shown.alarm.startsWith(instantWithoutZone(stored.alarmAt, timeZone))).toBe(true);
  expect(shown.empty.startsWith(instantWithoutZone(stored.emptyAt, timeZone))).toBe(true);
  expect(shown.refillBy).toBe(localDate(stored.refillBy));

  // The pump card now projects from the new fill: 18 mL at 0.2 mL/day.
  const card = page.getByRole('region', { name: 'Pump' });
  await expect(card.getByText(instantWithoutZone(stored.alarmAt, timeZone))).toBeVisible();
  await expect(card.getByText(localDate(stored.refillBy), { exact: true })).toBeVisible();
  await expect(card.getByText('18 mL', { exact: true })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/e2e-patient-after-refill.png`, fullPage: true });
});
