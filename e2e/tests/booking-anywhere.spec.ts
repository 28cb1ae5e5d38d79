import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expectNoSeriousAxeViolations } from '../fixtures/axe.js';
import { clinicNow, weekdayDate, type ClinicFacts } from '../fixtures/clinic-clock.js';
import { localDate } from '../fixtures/clinic-format.js';
import { DEMO } from '../fixtures/demo-users.js';
import { seedPatientWithPump } from '../fixtures/seed-pump.js';
import { expect, test } from '../fixtures/test.js';
import { SignInPage } from '../pages/sign-in.page.js';

const SHOTS = process.env.SHOTS_DIR ?? '/tmp/shots-web';

interface Appointment {
  id: string;
  type: string;
  status: string;
  startsAt: string;
  startsOn: string;
  statusReason: string | null;
}

const isoWeekday = (date: string) => ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The first clinic day at least `ahead` days from today. */
function clinicDayAhead(clinic: ClinicFacts & { clinicDays: number[] }, today: string, ahead: number): string {
  for (let day = addDays(today, ahead); ; day = addDays(day, 1)) {
    if (clinic.clinicDays.includes(isoWeekday(day))) return day;
  }
}

/** The centre of the time grid's cell for a clinic date and half hour ("10:00"). */
async function gridPoint(page: Page, date: string, time: string): Promise<{ x: number; y: number }> {
  await page.locator(`td.fc-timegrid-slot-lane[data-time="${time}:00"]`).scrollIntoViewIfNeeded();
  const column = await page.locator(`.fc-timegrid-col[data-date="${date}"]`).boundingBox();
  const row = await page.locator(`td.fc-timegrid-slot-lane[data-time="${time}:00"]`).boundingBox();
  if (!column || !row) throw new Error(`no grid cell for ${date} ${time}`);
  return { x: column.x + column.width / 2, y: row.y + row.height / 2 };
}

async function appointmentsOf(page: Page, patientId: string): Promise<Appointment[]> {
  const answer = await page.request.get(`/api/appointments?patientId=${patientId}`);
  expect(answer.status()).toBe(200);
  return ((await answer.json()) as { items: Appointment[] }).items;
}

test('a specialist books from the patient page and from a free calendar slot, drags it to a new time and cancels with a reason; the admin reads each in the audit log', async ({
  page,
}) => {
  test.setTimeout(120_000);
  mkdirSync(SHOTS, { recursive: true });
  const signIn = new SignInPage(page);
  await signIn.signIn(DEMO.northsideSpecialist);
  const clinic = (await (await page.request.get('/api/clinic')).json()) as ClinicFacts & { clinicDays: number[] };
  // Filled 60 days ago: the alarm is 30 days away and refill-by 25 (DESIGN.md's worked example).
  const { patientId, pumpId, familyName } = await seedPatientWithPump(page.request, 60);
  const name = `${familyName}, Iris`;
  const pump = (await (await page.request.get(`/api/pumps/${pumpId}`)).json()) as {
    projection: { alarmAt: string; refillBy: string };
  };
  const today = clinicNow(clinic.timeZone).date;

  // 1. From the patient page: the form shows the pump's dates and warns past them before saving.
  await page.goto(`/patients/${patientId}`);
  const section = page.getByRole('region', { name: 'Appointments' });
  await expect(section.getByText('Nothing booked from today on.')).toBeVisible();
  await section.getByRole('button', { name: 'Book appointment' }).click();
  const booking = page.getByRole('dialog', { name: `Book an appointment for ${name}` });
  const checks = booking.getByTestId('booking-checks');
  await expect(checks).toContainText(`Refill by${localDate(pump.projection.refillBy)}`);
  const late = clinicDayAhead(clinic, today, 35);
  await booking.getByLabel('Date').fill(late);
  await booking.getByLabel('Time').fill('10:00');
  const warnings = booking.getByTestId('live-booking-warnings');
  await expect(warnings).toContainText("Starts after the pump's low-reservoir alarm");
  await expect(warnings).toContainText(`Falls after the refill-by date (${localDate(pump.projection.refillBy)})`);
  await page.screenshot({ path: `${SHOTS}/e2e-booking-checks.png` });
  await expectNoSeriousAxeViolations(page, 'booking dialog with its checks');

  const reviewDay = clinicDayAhead(clinic, today, 2);
  await booking.getByLabel('Date').fill(reviewDay);
  await booking.getByLabel('Type').selectOption({ label: 'Dose review' });
  await expect(warnings).toHaveCount(0);
  const [reviewAnswer] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/api/appointments') && r.request().method() === 'POST'),
    booking.getByRole('button', { name: 'Book appointment' }).click(),
  ]);
  expect(reviewAnswer.status()).toBe(201);
  await expect(booking).toBeHidden();
  await expect(section.getByRole('article', { name: new RegExp(`^Dose review, ${name}, 10:00–10:30`) })).toBeVisible();
  // The "Appointment booked" toast is still up: a dialog opened now is not covered by it.
  await expect(page.getByText('Appointment booked')).toBeVisible();
  await section.getByRole('button', { name: 'Book appointment' }).click();
  const close = booking.getByRole('button', { name: 'Close' });
  await expect(close).toBeVisible();
  const box = (await close.boundingBox())!;
  // What a click at the close button's centre would reach: the button itself, not a toast over it.
  const reached = await page.evaluate(
    `document.elementFromPoint(${box.x + box.width / 2}, ${box.y + box.height / 2})?.closest('[role="dialog"]') !== null`,
  );
  expect(reached).toBe(true);
  await close.click();
  await expect(booking).toBeHidden();

  // 2. From the calendar: a free slot clicked books there, for a patient found by name.
  const slotDay = clinicDayAhead(clinic, today, 3);
  await page.goto(`/calendar?view=week&date=${slotDay}`);
  await expect(page.getByTestId('time-grid')).toBeVisible();
  const free = await gridPoint(page, slotDay, '11:00');
  await page.mouse.click(free.x, free.y);
  const fromSlot = page.getByRole('dialog', { name: 'Book an appointment' });
  await expect(fromSlot).toContainText(`${weekdayDate(slotDay)} at 11:00`);
  await fromSlot.getByLabel('Patient').fill(familyName);
  await expect(page.getByRole('option', { name: new RegExp(familyName) })).toBeVisible();
  await expectNoSeriousAxeViolations(page, 'patient picker');
  await page.getByRole('option', { name: new RegExp(familyName) }).click();
  const slotForm = page.getByRole('dialog', { name: `Book an appointment for ${name}` });
  await expect(slotForm.getByLabel('Date')).toHaveValue(slotDay);
  await expect(slotForm.getByLabel('Time')).toHaveValue('11:00');
  await expect(slotForm.getByTestId('booking-checks')).toContainText('slots');
  await slotForm.getByRole('button', { name: 'Book appointment' }).click();
  await expect(slotForm).toBeHidden();
  const event = page.getByRole('button', { name: `${name} 11:00 Refill (11:00–11:30, Booked)` });
  await expect(event).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/e2e-calendar-grid-booked.png`, fullPage: true });

  // 3. Dragged to 14:00 the same day, the move is confirmed with the same checks and a reason.
  const from = await event.boundingBox();
  const to = await gridPoint(page, slotDay, '14:00');
  await page.mouse.move(from!.x + from!.width / 2, from!.y + 6);
  await page.mouse.down();
  await page.mouse.move(from!.x + from!.width / 2, from!.y + 40, { steps: 5 });
  await page.mouse.move(to.x, to.y - 10, { steps: 10 });
  await page.mouse.up();
  const move = page.getByRole('dialog', { name: 'Move appointment' });
  await expect(move.getByLabel('New date')).toHaveValue(slotDay);
  await expect(move.getByLabel('New time')).toHaveValue(/^1[34]:[0-5][05]$/);
  await move.getByLabel('New time').fill('14:00');
  await expect(move.getByTestId('booking-checks')).toBeVisible();
  await move.getByLabel('Reason for the move').fill('Theatre list moved to the morning');
  await expectNoSeriousAxeViolations(page, 'move dialog');
  await move.getByRole('button', { name: 'Move appointment' }).click();
  await expect(move).toBeHidden();
  await expect(page.getByRole('button', { name: `${name} 14:00 Refill (14:00–14:30, Booked)` })).toBeVisible();
  const refill = (await appointmentsOf(page, patientId)).find((a) => a.type === 'refill')!;
  expect(refill.startsOn).toBe(slotDay);

  // 4. Cancelled from the patient page, with the reason it needs.
  await page.goto(`/patients/${patientId}`);
  const card = section.getByRole('article', { name: new RegExp(`^Refill, ${name}, 14:00–14:30`) });
  await card.getByRole('button', { name: 'Cancel' }).click();
  const cancel = page.getByRole('dialog', { name: 'Cancel this appointment?' });
  await cancel.getByRole('button', { name: 'Cancel appointment' }).click();
  await expect(cancel.getByText('Say why it is cancelled')).toBeVisible();
  await cancel.getByLabel('Reason').fill('Patient admitted to another hospital');
  await cancel.getByRole('button', { name: 'Cancel appointment' }).click();
  await expect(section.getByText('Cancelled because: Patient admitted to another hospital')).toBeVisible();
  const cancelled = (await appointmentsOf(page, patientId)).find((a) => a.id === refill.id)!;
  expect(cancelled).toMatchObject({ status: 'cancelled', statusReason: 'Patient admitted to another hospital' });
  await page.screenshot({ path: `${SHOTS}/e2e-patient-appointments.png`, fullPage: true });

  // 5. The administrator reads the bookings, the move and the cancellation with their reasons.
  await signIn.signOut();
  await signIn.signIn(DEMO.northsideAdmin);
  await page.goto(`/audit?patientId=${patientId}&action=appointment.`);
  const log = page.getByRole('table', { name: 'Audit events' });
  await expect(log.getByText('Appointment booked')).toHaveCount(2);
  await expect(log.getByText('Appointment moved')).toBeVisible();
  await expect(log.getByText('Theatre list moved to the morning')).toBeVisible();
  await expect(log.getByText('Appointment cancelled')).toBeVisible();
  await expect(log.getByText('Patient admitted to another hospital').first()).toBeVisible();
});
