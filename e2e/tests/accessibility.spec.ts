import { mkdirSync } from 'node:fs';
import { type Page } from '@playwright/test';
import { expect, test } from '../fixtures/test.js';
import { expectNoSeriousAxeViolations } from '../fixtures/axe.js';
import { DEMO } from '../fixtures/demo-users.js';
import { seedPatientWithPump } from '../fixtures/seed-pump.js';
import { SignInPage } from '../pages/sign-in.page.js';

const SHOTS = process.env.A11Y_SHOTS_DIR ?? '/tmp/shots-a11y';

interface Screen {
  name: string;
  path: string;
  heading: string | RegExp;
}

/** Opens a screen, waits until nothing on it is still loading, checks it with axe and keeps a screenshot. */
async function checkScreen(page: Page, screen: Screen): Promise<void> {
  await page.goto(screen.path);
  await expect(page.getByRole('heading', { level: 1, name: screen.heading })).toBeVisible();
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  await expectNoSeriousAxeViolations(page, screen.name);
  await page.screenshot({ path: `${SHOTS}/${screen.name}.png`, fullPage: true });
}

test.beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

test('the sign-in screen has no serious accessibility violations', async ({ page }) => {
  await page.goto('/sign-in');
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await expectNoSeriousAxeViolations(page, 'sign-in');
});

test("a nurse's screens have no serious accessibility violations", async ({ page }) => {
  // Eight screens, each loaded, scanned and photographed (Today's clinic now has a withdrawal-watch list
  // too): more than the default 30 s on a busy machine.
  test.setTimeout(90_000);
  await new SignInPage(page).signIn(DEMO.northsideNurse);
  const { patientId, familyName } = await seedPatientWithPump(page.request, 40);
  for (const screen of [
    { name: 'calendar', path: '/calendar', heading: 'Calendar' },
    { name: 'patients', path: '/patients', heading: 'Patients' },
    { name: 'patient', path: `/patients/${patientId}`, heading: new RegExp(familyName) },
    { name: 'edit-patient', path: `/patients/${patientId}/edit`, heading: 'Edit patient' },
    { name: 'refill-form', path: `/patients/${patientId}/refill`, heading: 'Record refill' },
    { name: 'dose-form', path: `/patients/${patientId}/dose`, heading: 'Change dose' },
    { name: 'today', path: '/', heading: "Today's clinic" },
    { name: 'wallet-card', path: `/patients/${patientId}/emergency-card`, heading: /Emergency card/ },
  ])
    await checkScreen(page, screen);
});

test("a specialist's screens have no serious accessibility violations", async ({ page }) => {
  // Four screens and three dialogs, each scanned: like the nurse's, more than 30 s on a busy machine.
  test.setTimeout(90_000);
  await new SignInPage(page).signIn(DEMO.northsideSpecialist);
  const { patientId } = await seedPatientWithPump(page.request, 40);
  for (const screen of [
    { name: 'queue', path: '/queue', heading: 'Refill queue' },
    { name: 'flags', path: '/flags', heading: 'Withdrawal-risk flags' },
    { name: 'replace-pump', path: `/patients/${patientId}/replace-pump`, heading: 'Replace pump' },
    { name: 'replacements', path: '/replacements', heading: 'Replacement worklist' },
  ])
    await checkScreen(page, screen);
  // The pump record's dialogs, open on the patient page.
  await page.goto(`/patients/${patientId}`);
  for (const [item, dialog] of [
    ['Edit details', 'Edit pump details'],
    ['Explant', /^Explant /],
  ] as const) {
    await page.getByRole('button', { name: 'Pump record' }).click();
    await page.getByRole('menuitem', { name: item }).click();
    await expect(page.getByRole('dialog', { name: dialog })).toBeVisible();
    await expectNoSeriousAxeViolations(page, `${item} dialog`);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);
  }
  await page.getByRole('button', { name: 'Refill-interval calculator' }).click();
  await expect(page.getByTestId('interval-advice')).toBeVisible();
  await expectNoSeriousAxeViolations(page, 'refill-interval calculator');
});

test("an administrator's screens have no serious accessibility violations", async ({ page }) => {
  await new SignInPage(page).signIn(DEMO.northsideAdmin);
  for (const screen of [
    { name: 'report', path: '/reports', heading: 'Overdue-refill report' },
    { name: 'users', path: '/users', heading: 'Users' },
    { name: 'audit', path: '/audit', heading: /Audit/ },
  ])
    await checkScreen(page, screen);
});
