import type { Page } from '@playwright/test';
import { clinicNow } from '../fixtures/clinic-clock.js';
import { DEMO } from '../fixtures/demo-users.js';
import { seedPatientWithPump } from '../fixtures/seed-pump.js';
import { expect, test } from '../fixtures/test.js';
import { PatientFlagsBanner } from '../pages/flags.page.js';
import { PatientForms } from '../pages/patient-forms.page.js';
import { DoseChangeFormPage } from '../pages/dose-change-form.page.js';
import { RefillFormPage } from '../pages/refill-form.page.js';
import { SignInPage } from '../pages/sign-in.page.js';

/**
 * Issue 14, acceptance 3: every submit button of the app, double-clicked, makes one record and says
 * it was saved. The count is the audit log's (one row per write, in the same transaction) and the
 * record's own list; the message is the one a single click shows.
 */

interface AuditRow {
  action: string;
}

/** The audit rows of a patient by action, read by the administrator after the journey. */
async function auditActions(page: Page, patientId: string): Promise<Record<string, number>> {
  const answer = await page.request.get(`/api/audit-events?patientId=${patientId}&limit=200`);
  expect(answer.status()).toBe(200);
  const counts: Record<string, number> = {};
  for (const row of ((await answer.json()) as { items: AuditRow[] }).items) {
    counts[row.action] = (counts[row.action] ?? 0) + 1;
  }
  return counts;
}

const count = async (page: Page, path: string) =>
  ((await (await page.request.get(path)).json()) as { items: unknown[] }).items.length;

test("a specialist's double clicks on every clinical form of a pump make one record each, each reported saved", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const signIn = new SignInPage(page);
  await signIn.signIn(DEMO.northsideSpecialist);
  const { timeZone } = (await (await page.request.get('/api/clinic')).json()) as { timeZone: string };
  // Filled 60 days ago: 8 mL left, no flags yet.
  const { patientId, pumpId, familyName } = await seedPatientWithPump(page.request, 60);
  const name = `${familyName}, Iris`;
  await page.goto(`/patients/${patientId}`);
  await expect(page.getByRole('heading', { name: new RegExp(familyName), level: 1 })).toBeVisible();

  // Book appointment.
  const section = page.getByRole('region', { name: 'Appointments' });
  await section.getByRole('button', { name: 'Book appointment' }).click();
  const booking = page.getByRole('dialog', { name: `Book an appointment for ${name}` });
  await expect(booking.getByTestId('booking-checks')).toBeVisible();
  await booking.getByRole('button', { name: 'Book appointment' }).dblclick();
  await expect(page.getByText('Appointment booked').or(booking.getByText('Booked', { exact: true }))).toBeVisible();
  if (await booking.isVisible()) await booking.getByRole('button', { name: 'Done' }).click();
  await expect(section.getByRole('article')).toHaveCount(1);

  // Move appointment.
  await section.getByRole('button', { name: 'Move' }).click();
  const move = page.getByRole('dialog', { name: 'Move appointment' });
  await move.getByLabel('New time').fill('16:30');
  await expect(move.getByTestId('booking-checks')).toBeVisible();
  await move.getByRole('button', { name: 'Move appointment' }).dblclick();
  await expect(page.getByText('Appointment moved')).toBeVisible();
  await expect(move).toBeHidden();

  // Record event.
  await page.getByRole('button', { name: 'Record event' }).click();
  const event = page.getByRole('form', { name: 'Record pump event' });
  await event.getByRole('combobox', { name: /Event/ }).selectOption({ label: 'Interrogation' });
  await event.getByRole('button', { name: 'Record event' }).dblclick();
  await expect(page.getByText('Pump event recorded')).toBeVisible();
  expect(await count(page, `/api/pumps/${pumpId}/events`)).toBe(1);

  // Save details (pump record).
  await page.getByRole('button', { name: 'Pump record' }).click();
  await page.getByRole('menuitem', { name: 'Edit details' }).click();
  const details = page.getByRole('form', { name: 'Edit pump details' });
  await details.getByLabel('Catheter tip level').fill('T9');
  await details.getByLabel('Reason for the change').fill('Read from the interrogation');
  await details.getByRole('button', { name: 'Save details' }).dblclick();
  await expect(page.getByText('Pump details saved')).toBeVisible();
  await expect(details).toHaveCount(0);

  // Report clinical signs, then acknowledge the flag.
  const banner = new PatientFlagsBanner(page);
  await banner.region.getByRole('button', { name: 'Report clinical signs' }).click();
  const signs = page.getByRole('dialog', { name: 'Report withdrawal or overdose signs' });
  await signs.getByRole('checkbox', { name: 'Returning spasticity' }).check();
  await signs.getByLabel('Note').fill('Stiffer since yesterday');
  await signs.getByRole('button', { name: 'Raise critical flag' }).dblclick();
  await expect(page.getByText('Critical flag raised')).toBeVisible();
  await expect(banner.flag('Critical: Withdrawal signs')).toHaveCount(1);
  await banner
    .flag('Critical: Withdrawal signs')
    .getByRole('button', { name: /^Acknowledge/ })
    .click();
  const ack = page.getByRole('dialog', { name: 'Acknowledge flag' });
  await ack.getByLabel('Note (optional)').fill('Oral baclofen started');
  await ack.getByRole('button', { name: 'Acknowledge flag' }).dblclick();
  await expect(ack).toBeHidden();
  await expect(banner.flag('Critical: Withdrawal signs').getByTestId('flag-acknowledged')).toBeVisible();

  // Save refill.
  const refill = new RefillFormPage(page);
  await refill.open();
  await refill.enter({
    residualWithdrawnMl: '8',
    volumeAddedMl: '20',
    lotNumber: 'E2E-DBL',
    lotExpiresOn: '2030-06-30',
  });
  await refill.expectServerConfirmed();
  await page.getByRole('button', { name: 'Save refill' }).dblclick();
  await expect(page).toHaveURL(new RegExp(`/patients/${patientId}$`));
  await expect(page.getByText('Refill recorded')).toBeVisible();
  expect(await count(page, `/api/pumps/${pumpId}/fills`)).toBe(2);

  // Confirm and save (dose change).
  const dose = new DoseChangeFormPage(page);
  await dose.open();
  await dose.enterDose('440');
  await dose.choose('Titration up', 'Dr Amara Okafor');
  await dose.reviewButton.click();
  await page.getByRole('button', { name: 'Confirm and save' }).dblclick();
  await expect(page).toHaveURL(new RegExp(`/patients/${patientId}$`));
  await expect(page.getByText('Dose changed')).toBeVisible();
  await expect(page.getByText('Could not save')).toHaveCount(0);
  expect(await count(page, `/api/pumps/${pumpId}/dose-adjustments`)).toBe(1);

  // Save changes (patient details).
  await page.getByRole('link', { name: 'Edit patient' }).click();
  await page.getByLabel('Phone').fill('01632 960123');
  await page.getByLabel('Reason for the change').fill('New phone number from the patient');
  await page.getByRole('button', { name: 'Save changes' }).dblclick();
  await expect(page.getByText('Patient saved')).toBeVisible();

  // Cancel appointment (a confirmation's button).
  await section.getByRole('button', { name: 'Cancel' }).click();
  const cancel = page.getByRole('dialog', { name: 'Cancel this appointment?' });
  await cancel.getByLabel('Reason').fill('Seen at the ward round instead');
  await cancel.getByRole('button', { name: 'Cancel appointment' }).dblclick();
  await expect(section.getByText('Cancelled because: Seen at the ward round instead')).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'refused' })).toHaveCount(0);

  // Explant pump (last: the pump is gone after it).
  await page.getByRole('button', { name: 'Pump record' }).click();
  await page.getByRole('menuitem', { name: 'Explant' }).click();
  const explant = page.getByRole('form', { name: 'Explant pump' });
  await explant.getByLabel('Explanted on').fill(clinicNow(timeZone).date);
  await explant.getByLabel('Reason').fill('End of battery life');
  await explant.getByRole('button', { name: 'Explant pump' }).dblclick();
  await expect(page.getByText('Pump explanted')).toBeVisible();

  // The administrator's audit log holds exactly one row for each write.
  await signIn.signOut();
  await signIn.signIn(DEMO.northsideAdmin);
  expect(await auditActions(page, patientId)).toMatchObject({
    'appointment.create': 1,
    'appointment.update': 1,
    'appointment.cancelled': 1,
    'pump_event.create': 1,
    'pump.update': 1,
    'flag.raise': 1,
    'flag.acknowledge': 1,
    'fill.create': 1,
    'dose_adjustment.create': 1,
    'patient.update': 1,
    'pump.explant': 1,
  });
});

test("a nurse's and an administrator's double clicks add one patient, one pump and one user", async ({ page }) => {
  test.setTimeout(90_000);
  const signIn = new SignInPage(page);
  const forms = new PatientForms(page);
  const mrn = `E2E-DBL-${Date.now().toString(36).toUpperCase()}`;
  await signIn.signIn(DEMO.northsideNurse);
  const { timeZone } = (await (await page.request.get('/api/clinic')).json()) as { timeZone: string };

  // Save patient.
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Patients' }).click();
  await page.getByRole('button', { name: 'Add patient' }).click();
  await forms.fillPatient({ mrn, givenName: 'Dora', familyName: 'Doubleclick', birthDate: '1970-05-06' });
  await page.getByRole('button', { name: 'Save patient' }).dblclick();
  await expect(page.getByText('Patient added')).toBeVisible();
  await expect(page.getByRole('heading', { name: /Doubleclick/, level: 1 })).toBeVisible();
  const found = (await (await page.request.get(`/api/patients?q=${mrn}`)).json()) as { items: { id: string }[] };
  expect(found.items).toHaveLength(1);
  const patientId = found.items[0]!.id;

  // Implant pump.
  const { date, time } = clinicNow(timeZone, new Date(Date.now() - 3_600_000));
  await forms.enterImplant(`NGP-DBL-${Date.now() % 100000}`, `${date}T${time}`);
  await page.getByRole('button', { name: 'Implant pump' }).last().dblclick();
  await expect(page.getByText('Pump recorded')).toBeVisible();
  const patient = (await (await page.request.get(`/api/patients/${patientId}`)).json()) as {
    activePump: { id: string } | null;
  };
  expect(await count(page, `/api/pumps/${patient.activePump!.id}/fills`)).toBe(1);
  await signIn.signOut();

  // Add user.
  await signIn.signIn(DEMO.northsideAdmin);
  const email = `double-${Date.now()}@northside.example`;
  await page.getByRole('link', { name: 'Users' }).click();
  await page.getByRole('button', { name: 'Add user' }).click();
  const form = page.getByRole('dialog');
  await form.getByLabel('Full name').fill('Dana Doubleclick');
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('Role').selectOption('nurse');
  await form.getByRole('button', { name: 'Add user' }).dblclick();
  await expect(page.getByRole('button', { name: 'Copy link' })).toBeVisible();
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('row').filter({ hasText: email })).toHaveCount(1);
  const users = (await (await page.request.get('/api/users?limit=200')).json()) as { items: { email: string }[] };
  expect(users.items.filter((u) => u.email === email)).toHaveLength(1);

  expect(await auditActions(page, patientId)).toMatchObject({ 'patient.create': 1, 'pump.implant': 1 });
});
