import { randomUUID } from 'node:crypto';
import { expectNoSeriousAxeViolations } from '../fixtures/axe.js';
import { expect, test } from '../fixtures/test.js';
import { DEMO } from '../fixtures/demo-users.js';
import { SignInPage } from '../pages/sign-in.page.js';

test('an admin creates an API token, another system reads FHIR with it, the admin revokes it', async ({
  page,
  playwright,
  baseURL,
}) => {
  const name = `Registry export ${randomUUID().slice(0, 8)}`;
  await new SignInPage(page).signIn(DEMO.northsideAdmin);
  await page.getByRole('link', { name: 'API tokens' }).click();
  await page.getByRole('button', { name: 'New token' }).click();
  const form = page.getByRole('dialog', { name: 'New API token' });
  await form.getByLabel(/Name/).fill(name);
  await form.getByRole('button', { name: 'Create token' }).click();

  // The secret is shown once, to copy.
  const shown = page.getByRole('dialog', { name: 'Token created: copy the secret' });
  await expect(shown.getByText('Shown only now')).toBeVisible();
  await expect(shown.getByRole('button', { name: 'Copy secret' })).toBeVisible();
  await expectNoSeriousAxeViolations(page, 'API token secret');
  const secret = await shown.getByLabel('Secret').inputValue();
  expect(secret).toMatch(/^itb_pat_[A-Za-z0-9_-]{43}$/);
  await shown.getByRole('button', { name: 'Done' }).click();
  const row = page.getByRole('row').filter({ hasText: name });
  await expect(row.getByText('Active')).toBeVisible();
  await expect(row.getByText('Never')).toBeVisible();
  await expectNoSeriousAxeViolations(page, 'API tokens');

  // Another system: no cookie, only the bearer header.
  const machine = await playwright.request.newContext({ baseURL });
  const read = await machine.get('/api/fhir/R4/Patient?_count=5', { headers: { Authorization: `Bearer ${secret}` } });
  expect(read.status()).toBe(200);
  expect(read.headers()['content-type']).toMatch(/^application\/fhir\+json/);
  const bundle = (await read.json()) as { resourceType: string; type: string; entry: unknown[] };
  expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'searchset' });
  expect(bundle.entry.length).toBeGreaterThan(0);
  // The token reads FHIR and nothing else.
  expect((await machine.get('/api/patients', { headers: { Authorization: `Bearer ${secret}` } })).status()).toBe(401);

  // The list shows the use; the admin revokes the token after confirming.
  await page.reload();
  await expect(row.getByText('Never')).toHaveCount(0);
  await row.getByRole('button', { name: `Revoke ${name}` }).click();
  const confirm = page.getByRole('dialog', { name: 'Revoke API token' });
  await confirm.getByLabel(/Reason/).fill('Journey finished');
  await confirm.getByRole('button', { name: 'Revoke token' }).click();
  await expect(row.getByText(/Revoked/)).toBeVisible();

  const refused = await machine.get('/api/fhir/R4/Patient?_count=5', {
    headers: { Authorization: `Bearer ${secret}` },
  });
  expect(refused.status()).toBe(401);
  expect(await refused.json()).toMatchObject({ resourceType: 'OperationOutcome' });
  await machine.dispose();
});
