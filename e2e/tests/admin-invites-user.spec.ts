import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { type Page } from '@playwright/test';
import { expect, test } from '../fixtures/test.js';
import { expectNoSeriousAxeViolations } from '../fixtures/axe.js';
import { DEMO } from '../fixtures/demo-users.js';
import { SignInPage } from '../pages/sign-in.page.js';

const SHOTS = process.env.SHOTS_DIR ?? '/tmp/shots-users';
const FIRST_PASSWORD = 'violet-harbor-kettle-58';
const SECOND_PASSWORD = 'Glacier-Tulip-Orbit-93';

async function linkFromDialog(page: Page): Promise<string> {
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByText('Shown only now')).toBeVisible();
  const link = await dialog.getByLabel('One-time link').inputValue();
  expect(link).toMatch(/\/set-password#token=[A-Za-z0-9_-]{43}$/);
  return link;
}

test('an admin invites a nurse, who sets and later changes her own password; a reset ends it', async ({
  page,
  browser,
}) => {
  // Two people, four screens, argon2 on every password: a longer journey than most.
  test.setTimeout(90_000);
  mkdirSync(SHOTS, { recursive: true });
  const tag = randomUUID().slice(0, 8);
  const name = `Nadia Newcomer ${tag}`;
  const email = `nadia-${tag}@northside.example`;

  // The administrator adds the user: no password field, a one-time link instead.
  await new SignInPage(page).signIn(DEMO.northsideAdmin);
  await page.getByRole('link', { name: 'Users' }).click();
  await page.getByRole('button', { name: 'Add user' }).click();
  const form = page.getByRole('dialog');
  await expect(form.getByLabel(/password/i)).toHaveCount(0);
  await form.getByLabel('Full name').fill(name);
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('Role').selectOption('nurse');
  await form.getByRole('button', { name: 'Add user' }).click();
  const firstLink = await linkFromDialog(page);
  await expect(page.getByRole('button', { name: 'Copy link' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/invitation-link.png` });
  await page.getByRole('button', { name: 'Done' }).click();
  const row = page.getByRole('row').filter({ hasText: email });
  await expect(row.getByText('Invited', { exact: true })).toBeVisible();

  // The nurse opens the link in her own browser and chooses a password, with live feedback.
  const nurseContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const nurse = await nurseContext.newPage();
  await nurse.goto(firstLink);
  await expect(nurse.getByText(`Welcome, ${name}`)).toBeVisible();
  await nurse.getByLabel(/^New password/).fill('password1234');
  await expect(nurse.getByText('Not accepted yet')).toBeVisible();
  await expect(nurse.getByText(/commonly used password/)).toBeVisible();
  await nurse.screenshot({ path: `${SHOTS}/set-password-weak-390.png`, fullPage: true });
  await nurse.getByLabel(/^New password/).fill(FIRST_PASSWORD);
  await expect(nurse.getByText('Good enough')).toBeVisible();
  await nurse.getByLabel('Repeat the new password').fill(FIRST_PASSWORD);
  await expectNoSeriousAxeViolations(nurse, 'set password');
  await nurse.getByRole('button', { name: 'Set password' }).click();
  await expect(nurse.getByText('Your password is set.')).toBeVisible();
  await nurse.getByRole('link', { name: 'Sign in' }).click();
  await new SignInPage(nurse).signIn(email, FIRST_PASSWORD);

  // The link worked once.
  const reused = await nurseContext.request.post('/api/auth/invitations/lookup', {
    data: { token: firstLink.split('#token=')[1] },
  });
  expect(reused.status()).toBe(404);

  // She changes her own password on her account page.
  await nurse.getByRole('button', { name: 'Open navigation' }).click();
  await nurse.getByRole('link', { name: 'Your account' }).click();
  await nurse.getByLabel('Current password').fill(FIRST_PASSWORD);
  await nurse.getByLabel(/^New password/).fill(SECOND_PASSWORD);
  await nurse.getByLabel('Repeat the new password').fill(SECOND_PASSWORD);
  await expectNoSeriousAxeViolations(nurse, 'account');
  await nurse.getByRole('button', { name: 'Change password' }).click();
  await expect(nurse.getByText('Password changed')).toBeVisible();
  await nurse.screenshot({ path: `${SHOTS}/account-changed-390.png`, fullPage: true });

  // The administrator resets her: her session ends, the password stops working, a new link is shown.
  await page.reload();
  await expect(row.getByText('Active', { exact: true })).toBeVisible();
  await row.getByRole('button', { name: `Reset sign-in for ${name}` }).click();
  await page.getByRole('button', { name: 'Reset and make a link' }).click();
  const secondLink = await linkFromDialog(page);
  expect(secondLink).not.toBe(firstLink);
  await page.getByRole('button', { name: 'Done' }).click();
  expect((await nurseContext.request.get('/api/auth/me')).status()).toBe(401);
  const oldPassword = await nurseContext.request.post('/api/auth/login', {
    data: { email, password: SECOND_PASSWORD },
  });
  expect(oldPassword.status()).toBe(401);
  await nurseContext.close();
});
