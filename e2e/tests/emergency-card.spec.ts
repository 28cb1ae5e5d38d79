import { mkdirSync } from 'node:fs';
import { expect, test } from '../fixtures/test.js';
import { localDate } from '../fixtures/clinic-format.js';
import { DEMO } from '../fixtures/demo-users.js';
import { seedPatientWithPump } from '../fixtures/seed-pump.js';
import { SignInPage } from '../pages/sign-in.page.js';

const SHOTS = process.env.SHOTS_DIR ?? '/tmp/shots-card';

interface Card {
  alarmDate: string;
  refillByDate: string;
  emergencyPhone: string;
  clinicName: string;
}

test('the wallet card page carries every item of the card list, at desktop width and on a phone', async ({ page }) => {
  test.setTimeout(60_000);
  mkdirSync(SHOTS, { recursive: true });
  await new SignInPage(page).signIn(DEMO.northsideNurse);
  const { patientId, familyName } = await seedPatientWithPump(page.request, 10);
  // The chart's safety facts, set through the edit API as a nurse would on the form.
  const patient = (await (await page.request.get(`/api/patients/${patientId}`)).json()) as { version: number };
  const patched = await page.request.patch(`/api/patients/${patientId}`, {
    data: {
      version: patient.version,
      cautions: ['epilepsy', 'breastfeeding'],
      interactingMedicines: ['benzodiazepines', 'sleep_aids'],
      oralBaclofenBackupMgPerDay: 60,
    },
  });
  expect(patched.status()).toBe(200);
  const card = (await (await page.request.get(`/api/patients/${patientId}/emergency-card`)).json()) as Card;

  await page.goto(`/patients/${patientId}/emergency-card`);
  await expect(page.getByRole('heading', { level: 1, name: 'Emergency card' })).toBeVisible();
  const front = page.getByTestId('card-front');
  const back = page.getByTestId('card-back');
  for (const text of [
    `Iris ${familyName}`,
    localDate('1971-09-14'),
    'Adult (18-64)',
    'SynchroMed II 20 mL, serial',
    'Catheter tip',
    'Lioresal Intrathecal, 2,000 mcg/mL',
    '400 mcg/day',
    localDate(card.alarmDate),
    localDate(card.refillByDate),
    card.clinicName,
    `24-hour ${card.emergencyPhone}`,
  ])
    await expect(front).toContainText(text);
  for (const text of [
    'WITHDRAWAL signs',
    'rhabdomyolysis',
    'What to do: call the 24-hour number now',
    'OVERDOSE signs',
    'slow or shallow breathing',
    'What to do: call an ambulance now',
    'Cautions: Epilepsy, Breastfeeding. Age: Adult (18-64).',
    'Interacting medicines (add sedation): Benzodiazepines, Sleep medicines.',
    'Oral baclofen back-up at home: 60 mg/day',
    'MRI: have the pump checked (interrogated) by the pump clinic after any MRI scan.',
  ])
    await expect(back).toContainText(text);
  await expect(page.getByText(/clinic letter/i)).toHaveCount(0);
  // Nothing is cut off: the back's text ends inside the card.
  const fits = await back.evaluate((el) => el.scrollHeight <= el.clientHeight + 1);
  expect(fits).toBe(true);
  await page.screenshot({ path: `${SHOTS}/card-desktop.png`, fullPage: true });

  await page.setViewportSize({ width: 390, height: 844 });
  await expect(front).toBeVisible();
  expect(await back.evaluate((el) => el.scrollHeight <= el.clientHeight + 1)).toBe(true);
  // The navigation collapses with a transition: poll until the page has settled at phone width.
  await expect.poll(() => page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
  await page.screenshot({ path: `${SHOTS}/card-390.png`, fullPage: true });

  // The longest card there can be: every caution, every medicine, a back-up. Still nothing cut off.
  const current = (await (await page.request.get(`/api/patients/${patientId}`)).json()) as { version: number };
  const longest = await page.request.patch(`/api/patients/${patientId}`, {
    data: {
      version: current.version,
      cautions: ['renal_impairment', 'epilepsy', 'pregnancy', 'breastfeeding', 'stroke_history', 'hypersensitivity'],
      interactingMedicines: [
        'opioids',
        'benzodiazepines',
        'alcohol',
        'antidepressants',
        'antihistamines',
        'sleep_aids',
        'other_muscle_relaxants',
        'tizanidine',
      ],
      oralBaclofenBackupMgPerDay: 120,
    },
  });
  expect(longest.status()).toBe(200);
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 844 });
    await page.reload();
    await expect(back).toContainText('Other muscle relaxants, Tizanidine.');
    expect(await back.evaluate((el) => el.scrollHeight <= el.clientHeight + 1)).toBe(true);
  }
  await page.screenshot({ path: `${SHOTS}/card-longest.png`, fullPage: true });

  const pdf = await page.request.get(`/api/patients/${patientId}/emergency-card.pdf`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
});
