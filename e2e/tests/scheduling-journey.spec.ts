import { mkdirSync, readFileSync } from 'node:fs';
import { type APIRequestContext } from '@playwright/test';
import { expect, test } from '../fixtures/test.js';
import { clinicNow, eveningSlotToday, weekdayDate, type ClinicFacts } from '../fixtures/clinic-clock.js';
import { DEMO } from '../fixtures/demo-users.js';
import { seedPatientWithPump } from '../fixtures/seed-pump.js';
import { CalendarPage } from '../pages/calendar.page.js';
import { RefillFormPage } from '../pages/refill-form.page.js';
import { RefillQueuePage } from '../pages/refill-queue.page.js';
import { SignInPage } from '../pages/sign-in.page.js';

const SHOTS = process.env.SCHEDULING_SHOTS_DIR ?? '/tmp/shots-sched';

interface QueueRow {
  pumpId: string;
  proposedDate: string | null;
  daysOverdue: number;
  isOverdue: boolean;
}

interface Appointment {
  id: string;
  status: string;
  fillId: string | null;
  startsOn: string;
}

/** The API's own queue row of a pump, following the keyset pages. */
async function queueRowOf(request: APIRequestContext, pumpId: string): Promise<QueueRow> {
  let cursor = '';
  for (let page = 0; page < 50; page++) {
    const answer = await request.get(
      `/api/refill-queue?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    expect(answer.status()).toBe(200);
    const { items, nextCursor } = (await answer.json()) as { items: QueueRow[]; nextCursor: string | null };
    const row = items.find((item) => item.pumpId === pumpId);
    if (row) return row;
    if (!nextCursor) break;
    cursor = nextCursor;
  }
  throw new Error(`pump ${pumpId} is not in the refill queue`);
}

test('a specialist books a refill from the queue, the nurse checks the patient in and the refill fulfils it, the admin downloads the report', async ({
  page,
}) => {
  // Three people, three sign-ins and a refill: a journey, not a single screen.
  test.setTimeout(120_000);
  mkdirSync(SHOTS, { recursive: true });
  const signIn = new SignInPage(page);

  // The specialist lands on the queue.
  await signIn.signIn(DEMO.northsideSpecialist);
  await expect(page).toHaveURL(/\/queue$/);
  await expect(page.getByRole('heading', { name: 'Refill queue', level: 1 })).toBeVisible();
  const clinic = (await (await page.request.get('/api/clinic')).json()) as ClinicFacts;

  // Two pumps of DESIGN.md's worked example (alarm 90 days after the fill, refill-by 5 days before it):
  // one filled 84 days ago is due tomorrow, one filled 95 days ago is 10 days overdue.
  const due = await seedPatientWithPump(page.request, 84);
  const overdue = await seedPatientWithPump(page.request, 95);
  const dueName = `${due.familyName}, Iris`;
  const overdueName = `${overdue.familyName}, Iris`;
  const overdueMrn = ((await (await page.request.get(`/api/patients/${overdue.patientId}`)).json()) as { mrn: string })
    .mrn;
  await page.reload();

  const queue = new RefillQueuePage(page);
  const overdueRow = await queue.row(overdueName);
  const overdueApiRow = await queueRowOf(page.request, overdue.pumpId);
  expect(overdueApiRow).toMatchObject({ isOverdue: true, daysOverdue: 10 });
  await expect(overdueRow).toHaveAttribute('data-overdue', 'true');
  await expect(overdueRow.getByTestId('overdue-badge')).toHaveText('Overdue 10 days');
  await expect(overdueRow).toContainText('Critical');

  const dueRow = await queue.row(dueName);
  const dueApiRow = await queueRowOf(page.request, due.pumpId);
  expect(dueApiRow.proposedDate).not.toBeNull();
  await expect(dueRow).not.toHaveAttribute('data-overdue', 'true');
  await expect(dueRow.getByTestId('proposed-date')).toHaveText(`Proposed ${weekdayDate(dueApiRow.proposedDate!)}`);

  // The dialog proposes the queue's date at opening time; the specialist books this evening instead.
  const dialog = await queue.openBooking(dueRow, dueName);
  const today = clinicNow(clinic.timeZone).date;
  await expect(dialog.getByLabel('Date')).toHaveValue(dueApiRow.proposedDate!);
  await expect(dialog.getByLabel('Time')).toHaveValue(
    dueApiRow.proposedDate! > today ? clinic.opensAt : /^([01]\d|2[0-3]):(00|15|30|45)$/,
  );
  await expect(dialog.getByLabel('Type')).toHaveValue('refill');
  await expect(dialog.getByLabel('Duration')).toHaveValue('30');
  const slot = eveningSlotToday(clinic);
  await dialog.getByLabel('Date').fill(today);
  await dialog.getByLabel('Time').fill(slot);
  await expect(dialog.getByTestId('live-booking-warnings')).toContainText('outside clinic hours');
  const [created] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/api/appointments') && r.request().method() === 'POST'),
    dialog.getByRole('button', { name: 'Book appointment' }).click(),
  ]);
  expect(created.status()).toBe(201);
  expect(created.request().headers()['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
  const booked = (await created.json()) as Appointment & { warnings: string[] };
  expect(booked).toMatchObject({ status: 'booked', startsOn: today });
  expect(booked.warnings.some((w) => w.includes('outside clinic hours'))).toBe(true);
  for (const warning of booked.warnings) await expect(dialog.getByTestId('booking-warnings')).toContainText(warning);
  await page.screenshot({ path: `${SHOTS}/e2e-book-dialog-warnings.png` });
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();

  // The row now shows the appointment instead of "Book".
  const next = dueRow.getByTestId('next-appointment');
  await expect(next).toContainText(weekdayDate(today));
  await expect(next).toContainText(`${slot} · Booked`);
  await expect(dueRow.getByRole('button', { name: `Book refill for ${dueName}` })).toHaveCount(0);
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: `${SHOTS}/e2e-queue.png`, fullPage: true });
  await signIn.signOut();

  // The nurse finds it on the calendar and checks the patient in.
  await signIn.signIn(DEMO.northsideNurse);
  const calendar = new CalendarPage(page);
  await calendar.openFromNavigation();
  await expect(calendar.event(dueName)).toHaveAccessibleName(/, Booked\)$/);
  await page.screenshot({ path: `${SHOTS}/e2e-calendar-week.png`, fullPage: true });
  await calendar.openDay(weekdayDate(today));
  const card = calendar.appointment(dueName);
  await card.getByRole('button', { name: 'Check in' }).click();
  await expect(card).toContainText('Checked in');
  await expect(card.getByRole('button', { name: 'Check in' })).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/e2e-calendar-day-checked-in.png`, fullPage: true });

  // The refill, recorded through the refill form, fulfils the appointment.
  await card.getByRole('link', { name: 'Record refill' }).click();
  await expect(page.getByRole('heading', { name: 'Record refill', level: 1 })).toBeVisible();
  const refill = new RefillFormPage(page);
  // 84 days at 0.2 mL/day from 20 mL leave 3.2 mL.
  await refill.enter({
    residualWithdrawnMl: '3.2',
    volumeAddedMl: '18',
    lotNumber: 'E2E-LOT-Q',
    lotExpiresOn: '2030-06-30',
  });
  await refill.expectServerConfirmed();
  await refill.save();
  await expect(page).toHaveURL(new RegExp(`/patients/${due.patientId}$`));

  const fills = (await (await page.request.get(`/api/pumps/${due.pumpId}/fills`)).json()) as {
    items: { id: string }[];
  };
  const appointments = (await (await page.request.get(`/api/appointments?patientId=${due.patientId}`)).json()) as {
    items: Appointment[];
  };
  expect(appointments.items).toHaveLength(1);
  expect(appointments.items[0]).toMatchObject({ id: booked.id, status: 'fulfilled', fillId: fills.items[0]!.id });

  await calendar.openFromNavigation();
  await calendar.openDay(weekdayDate(today));
  await expect(calendar.appointment(dueName)).toContainText('Fulfilled');
  await expect(calendar.appointment(dueName).getByRole('button')).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/e2e-calendar-day-fulfilled.png`, fullPage: true });
  await signIn.signOut();

  // The administrator lands on the report and downloads it as CSV.
  await signIn.signIn(DEMO.northsideAdmin);
  await expect(page).toHaveURL(/\/reports$/);
  const report = (await (await page.request.get('/api/reports/overdue')).json()) as {
    headline: { overdueNow: number };
  };
  expect(report.headline.overdueNow).toBeGreaterThanOrEqual(1);
  const overdueNow = page.getByRole('group', { name: 'Overdue now' }).getByTestId('figure-value');
  await expect(overdueNow).toHaveText(
    `${report.headline.overdueNow} ${report.headline.overdueNow === 1 ? 'pump' : 'pumps'}`,
  );
  const overdueTableRow = page
    .getByRole('table', { name: 'Overdue now' })
    .getByRole('row')
    .filter({ hasText: overdueName });
  await expect(overdueTableRow).toContainText(overdueMrn);
  await expect(overdueTableRow).toContainText('10 days');
  await page.screenshot({ path: `${SHOTS}/e2e-report.png`, fullPage: true });
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Download CSV' })).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeHidden();
  await page.screenshot({ path: `${SHOTS}/e2e-report-print.png`, fullPage: true });
  await page.emulateMedia({ media: 'screen' });

  // One CSV per section: the overdue-now list, named by the server with the clinic and the period.
  await page.getByRole('button', { name: 'Download CSV' }).click();
  const csvLink = page.getByRole('menuitem', { name: 'Overdue now' });
  await expect(csvLink).toHaveAttribute('href', /^\/api\/reports\/overdue\.csv\?(.+&)?section=overdue-now$/);
  const [download] = await Promise.all([page.waitForEvent('download'), csvLink.click()]);
  expect(download.suggestedFilename()).toMatch(
    /^overdue-refills_northside-itb-clinic_overdue-now_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.csv$/,
  );
  const rows = readFileSync(await download.path(), 'utf8')
    .trimEnd()
    .split('\r\n');
  const header = rows.findIndex((line) => line.startsWith('patient,mrn,'));
  expect(header).toBeGreaterThan(0);
  const overdueLines = rows.slice(header + 1);
  expect(overdueLines).toHaveLength(report.headline.overdueNow);
  const ours = overdueLines.find((line) => line.includes(`,${overdueMrn},`));
  expect(ours).toBeDefined();
  expect(ours).toContain(`"${overdueName}"`);
  expect(ours!.split(',')[8]).toBe('10'); // days overdue: the name's comma makes it the 9th field
});
