import { mkdirSync } from 'node:fs';
import { expect, test } from '../fixtures/test.js';
import { instantWithoutZone, localDate } from '../fixtures/clinic-format.js';
import { DEMO } from '../fixtures/demo-users.js';
import { pumpVersionOf, seedPatientWithPump } from '../fixtures/seed-pump.js';
import { SignInPage } from '../pages/sign-in.page.js';

const SHOTS = process.env.SHOTS_DIR ?? '/tmp/shots-web';

interface StoredFill {
  id: string;
  residualWithdrawnMl: number | null;
  reservoirVolumeAfterMl: number;
}

interface PatientChart {
  activePump: { currentDailyDoseMcg: number; projection: { alarmAt: string } };
}

const clinicDateOf = (iso: string, timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(iso),
  );

test("a patient's page draws every fill the API holds, and the wallet card carries the page's dose and alarm date", async ({
  page,
}) => {
  mkdirSync(SHOTS, { recursive: true });
  await new SignInPage(page).signIn(DEMO.northsideNurse);
  const { timeZone } = (await (await page.request.get('/api/clinic')).json()) as { timeZone: string };
  const { patientId, pumpId, familyName } = await seedPatientWithPump(page.request, 60);

  // A refill today: 60 days at 0.2 mL/day leave 8 mL expected; 7.4 mL found, topped up to 20 mL.
  const refill = await page.request.post(`/api/pumps/${pumpId}/fills`, {
    data: {
      performedAt: new Date(Date.now() - 3_600_000).toISOString(),
      residualWithdrawnMl: 7.4,
      volumeAddedMl: 20,
      concentrationMcgPerMl: 2000,
      dailyDoseMcg: 400,
      drugProduct: 'Lioresal Intrathecal',
      lotNumber: 'E2E-LOT-3',
      lotExpiresOn: '2030-03-31',
      pumpVersion: await pumpVersionOf(page.request, pumpId),
    },
  });
  expect(refill.status()).toBe(201);

  await page.goto(`/patients/${patientId}`);
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(familyName) })).toBeVisible();
  const history = page.getByRole('region', { name: 'Reservoir and dose history' });
  const points = history.getByTestId('fill-point');
  await expect(points).toHaveCount(2);

  const fills = (await (await page.request.get(`/api/pumps/${pumpId}/fills`)).json()) as { items: StoredFill[] };
  const drawn = await points.evaluateAll((elements) =>
    elements.map((element) => ({
      id: element.getAttribute('data-fill-id'),
      volumeAfterMl: Number(element.getAttribute('data-volume-after-ml')),
      residualMl: element.hasAttribute('data-residual-ml') ? Number(element.getAttribute('data-residual-ml')) : null,
    })),
  );
  const stored = fills.items.map((fill) => ({
    id: fill.id,
    volumeAfterMl: fill.reservoirVolumeAfterMl,
    residualMl: fill.residualWithdrawnMl,
  }));
  const byId = (a: { id: string | null }, b: { id: string | null }) => (a.id ?? '').localeCompare(b.id ?? '');
  expect(drawn.sort(byId)).toEqual(stored.sort(byId));

  // The history lists the refill with who recorded it.
  const timeline = page.getByRole('region', { name: 'History' });
  await expect(timeline.getByText('Nurse Tom Hughes').first()).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/e2e-patient-history.png`, fullPage: true });

  // The wallet card says what the patient page says.
  const chart = (await (await page.request.get(`/api/patients/${patientId}`)).json()) as PatientChart;
  const { currentDailyDoseMcg, projection } = chart.activePump;
  const pumpCard = page.getByRole('region', { name: 'Pump' });
  await expect(pumpCard.getByText(`${currentDailyDoseMcg} mcg/day`).first()).toBeVisible();
  await expect(pumpCard.getByText(instantWithoutZone(projection.alarmAt, timeZone)).first()).toBeVisible();

  await page.getByRole('link', { name: 'Emergency card' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Emergency card/ })).toBeVisible();
  const front = page.getByTestId('card-front');
  await expect(front).toContainText(familyName);
  await expect(front).toContainText(`${currentDailyDoseMcg} mcg/day`);
  await expect(front).toContainText(localDate(clinicDateOf(projection.alarmAt, timeZone)));
  await page.screenshot({ path: `${SHOTS}/e2e-wallet-card.png`, fullPage: true });
});
