import { expect, test } from '../fixtures/test.js';
import { clinicInstant, clinicNow, eveningSlotToday, type ClinicFacts } from '../fixtures/clinic-clock.js';
import { DEMO } from '../fixtures/demo-users.js';
import { signInWithKeyboard, tabTo, typeDate, typeInto } from '../fixtures/keyboard.js';
import { seedPatientWithPump } from '../fixtures/seed-pump.js';

/** Every step below is a key press or typed text: no clicks, so each workflow is proven keyboard-reachable. */
test('a nurse signs in and records a refill with the keyboard alone', async ({ page }) => {
  await signInWithKeyboard(page, DEMO.northsideNurse);

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

test('a specialist books the proposed refill date from the queue with the keyboard alone', async ({ page }) => {
  await signInWithKeyboard(page, DEMO.northsideSpecialist);
  // DESIGN.md's worked example filled 80 days ago: refill-by in 5 days, so the dialog proposes a clinic
  // day at opening time, which books without warnings and closes the dialog.
  const { patientId, familyName } = await seedPatientWithPump(page.request, 80);
  const name = `${familyName}, Iris`;
  await page.goto('/queue');
  await expect(page.getByRole('table', { name: 'Due-refill queue' })).toBeVisible();

  await tabTo(page, page.getByRole('button', { name: `Book refill for ${name}` }), 120);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: `Book an appointment for ${name}` });
  await expect(dialog).toBeVisible();
  await tabTo(page, dialog.getByRole('button', { name: 'Book appointment' }));
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();

  const booked = (await (await page.request.get(`/api/appointments?patientId=${patientId}`)).json()) as {
    items: { type: string; status: string }[];
  };
  expect(booked.items).toEqual([expect.objectContaining({ type: 'refill', status: 'booked' })]);
});

test("a nurse checks a patient in from today's clinic with the keyboard alone", async ({ page }) => {
  await signInWithKeyboard(page, DEMO.northsideNurse);
  const clinic = (await (await page.request.get('/api/clinic')).json()) as ClinicFacts;
  const { patientId, familyName } = await seedPatientWithPump(page.request, 60);
  const startsAt = clinicInstant(clinicNow(clinic.timeZone).date, eveningSlotToday(clinic), clinic.timeZone);
  const created = await page.request.post('/api/appointments', {
    data: { patientId, type: 'refill', startsAt: startsAt.toISOString() },
  });
  expect(created.status()).toBe(201);

  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: "Today's clinic" })).toBeVisible();
  const arrivals = page.getByRole('region', { name: /^Arrivals/ });
  const card = arrivals.getByRole('article', { name: new RegExp(`^Refill, ${familyName}, Iris,`) });
  await tabTo(page, card.getByRole('button', { name: 'Check in' }), 120);
  await page.keyboard.press('Enter');
  await expect(card).toContainText('Checked in');

  const appointment = ((await created.json()) as { id: string }).id;
  const stored = (await (await page.request.get(`/api/appointments?patientId=${patientId}`)).json()) as {
    items: { id: string; status: string }[];
  };
  expect(stored.items).toEqual([expect.objectContaining({ id: appointment, status: 'arrived' })]);
});
