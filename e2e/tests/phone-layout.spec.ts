import { mkdirSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { DEMO } from '../fixtures/demo-users.js';
import { seedPatientWithPump } from '../fixtures/seed-pump.js';
import { expect, test } from '../fixtures/test.js';
import { RefillFormPage } from '../pages/refill-form.page.js';
import { SignInPage } from '../pages/sign-in.page.js';

const SHOTS = process.env.SHOTS_DIR ?? '/tmp/shots-web';
const PHONE = { width: 390, height: 844 };

test.use({ viewport: PHONE });

async function expectWithinScreenWidth(locator: Locator, what: string): Promise<void> {
  const box = await locator.boundingBox();
  expect(box, `${what} is drawn`).not.toBeNull();
  expect(box!.x, `${what} starts on the screen`).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width, `${what} ends within ${PHONE.width} px`).toBeLessThanOrEqual(PHONE.width);
}

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);
}

const topOf = async (locator: Locator) => (await locator.boundingBox())!.y;

test('at 390 × 844 the queue is cards: the overdue state, refill-by and Book in view, no sideways scrolling', async ({
  page,
}) => {
  mkdirSync(SHOTS, { recursive: true });
  await new SignInPage(page).signIn(DEMO.northsideSpecialist);
  await page.goto('/queue');
  const queue = page.getByRole('list', { name: 'Due-refill queue' });
  await expect(queue).toBeVisible();
  await expect(page.getByRole('table', { name: 'Due-refill queue' })).toHaveCount(0);

  // The demo clinic has overdue pumps; an unbooked one shows Book on its card.
  const overdue = queue.locator('[data-testid="queue-card"][data-overdue]').first();
  await expect(overdue).toBeVisible();
  await expectWithinScreenWidth(overdue, 'an overdue card');
  await expectWithinScreenWidth(overdue.getByTestId('overdue-badge'), 'its overdue badge');
  await expect(overdue.getByTestId('overdue-badge')).toHaveText(/^Overdue \d+ days?$/);
  const book = queue.getByRole('button', { name: /^Book refill for / }).first();
  await book.scrollIntoViewIfNeeded();
  await expectWithinScreenWidth(book, 'a Book button');
  await expectNoSidewaysScroll(page);
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: `${SHOTS}/e2e-queue-390.png` });
});

test('at 390 × 844 the refill checks and the new dates come before the save button', async ({ page }) => {
  mkdirSync(SHOTS, { recursive: true });
  await new SignInPage(page).signIn(DEMO.northsideNurse);
  // 30 days at 0.2 mL/day from 20 mL should leave 14 mL; 12.5 mL found is 1.5 mL short.
  const { patientId } = await seedPatientWithPump(page.request, 30);
  await page.goto(`/patients/${patientId}/refill`);
  const refill = new RefillFormPage(page);
  await expect(page.getByRole('heading', { name: 'Record refill', level: 1 })).toBeVisible();
  await refill.enter({
    residualWithdrawnMl: '12.5',
    volumeAddedMl: '18',
    lotNumber: 'E2E-LOT-390',
    lotExpiresOn: '2030-06-30',
  });
  await expect(page.getByTestId('residual-alert')).toContainText('possible over-infusion');
  await refill.expectServerConfirmed();

  const save = page.getByRole('button', { name: 'Save refill' });
  const saveTop = await topOf(save);
  for (const [what, locator] of [
    ['the residual check', page.getByTestId('residual-alert')],
    ['the new alarm date', page.getByTestId('preview-alarm')],
    ['the new refill-by date', page.getByTestId('preview-refill-by')],
    ['the server check', page.getByTestId('server-check')],
  ] as const) {
    expect(await topOf(locator), `${what} is above the save button`).toBeLessThan(saveTop);
    await expectWithinScreenWidth(locator, what);
  }
  await expectWithinScreenWidth(save, 'the save button');
  await expectNoSidewaysScroll(page);
  await save.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/e2e-refill-form-390.png` });
});

test('at 390 × 844 the replacement worklist is cards and the calendar is each day as a list, with no sideways scrolling', async ({
  page,
}) => {
  mkdirSync(SHOTS, { recursive: true });
  await new SignInPage(page).signIn(DEMO.northsideSpecialist);
  await page.goto('/replacements');
  const worklist = page.getByRole('list', { name: 'Replacement worklist' });
  await expect(worklist).toBeVisible();
  await expect(page.getByRole('table', { name: 'Replacement worklist' })).toHaveCount(0);
  const first = worklist.getByRole('listitem').first();
  await expectWithinScreenWidth(first, 'a worklist card');
  await expectNoSidewaysScroll(page);
  await page.screenshot({ path: `${SHOTS}/e2e-replacements-390.png` });

  await page.goto('/calendar');
  await expect(page.getByRole('heading', { name: 'Calendar', level: 1 })).toBeVisible();
  await expect(page.getByTestId('time-grid')).toHaveCount(0);
  const newAppointment = page.getByRole('button', { name: 'New appointment' });
  await expectWithinScreenWidth(newAppointment, 'the New appointment button');
  await expectWithinScreenWidth(page.getByRole('radiogroup', { name: 'Calendar view' }), 'the Day/Week switch');
  // The week's buttons are whole: "Today" is not cut to "To".
  const todayButton = page.getByRole('button', { name: 'Today', exact: true });
  const todayWidth = await todayButton.evaluate((el) => [el.scrollWidth, el.clientWidth]);
  expect(todayWidth[0]).toBeLessThanOrEqual(todayWidth[1]!);
  const label = todayButton.locator('.mantine-Button-label');
  expect(await label.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  await expectNoSidewaysScroll(page);
  await page.screenshot({ path: `${SHOTS}/e2e-calendar-390.png` });
});

test('at 390 × 844 the clinic settings are one column: every field and Save within the screen', async ({ page }) => {
  mkdirSync(SHOTS, { recursive: true });
  await new SignInPage(page).signIn(DEMO.northsideAdmin);
  await page.goto('/clinic-settings');
  const form = page.getByRole('form', { name: 'Clinic settings' });
  await expect(form.getByLabel('Name')).toHaveValue(/\S/);
  for (const field of [
    'Name',
    'Opens at',
    'Closes at',
    'Appointments a day',
    'Refill lead (days)',
    'From (clinic time)',
  ]) {
    await expectWithinScreenWidth(form.getByLabel(field), `the ${field} field`);
  }
  // One column: the opening and closing times stand one above the other.
  expect(await topOf(form.getByLabel('Closes at'))).toBeGreaterThan(await topOf(form.getByLabel('Opens at')));
  const save = form.getByRole('button', { name: /^Save/ });
  await save.scrollIntoViewIfNeeded();
  await expectWithinScreenWidth(save, 'the Save button');
  await expectNoSidewaysScroll(page);
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: `${SHOTS}/e2e-clinic-settings-390.png`, fullPage: true });
});
