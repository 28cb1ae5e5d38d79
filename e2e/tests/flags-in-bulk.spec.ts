import { DEMO } from '../fixtures/demo-users.js';
import { seedPatientWithPump } from '../fixtures/seed-pump.js';
import { expect, test } from '../fixtures/test.js';
import { SignInPage } from '../pages/sign-in.page.js';

const SHOTS = process.env.SHOTS_DIR ?? '/tmp/shots-web';

test('a nurse follows the escalation banner and acknowledges two critical flags with one note; the admin reads both in the audit log', async ({
  page,
}) => {
  const signIn = new SignInPage(page);
  await signIn.signIn(DEMO.northsideNurse);
  // The demo's critical flags were raised long ago: the banner is on every clinical screen.
  const banner = page.getByTestId('critical-escalation');
  await expect(banner).toContainText(/critical flags? ha(s|ve) waited over 30 minutes/);

  // Two patients reported with withdrawal signs just now (critical, not yet escalated).
  const names: string[] = [];
  for (const _ of [1, 2]) {
    const { patientId, familyName } = await seedPatientWithPump(page.request, 30);
    const res = await page.request.post(`/api/patients/${patientId}/flags`, {
      data: { signs: ['pruritus', 'fever'], note: 'Itching and a temperature, phoned in' },
    });
    expect(res.status()).toBe(201);
    names.push(`${familyName}, Iris`);
  }

  await banner.getByRole('link', { name: 'Open the critical flags' }).click();
  await expect(page).toHaveURL(/\/flags\?status=open&severity=critical$/);
  for (const name of names) await page.getByRole('checkbox', { name: new RegExp(`for ${name}$`) }).check();
  await expect(page.getByText('2 selected')).toBeVisible();
  await page.getByRole('button', { name: 'Acknowledge selected' }).click();
  const dialog = page.getByRole('dialog', { name: 'Acknowledge selected flags' });
  const note = 'Both phoned back: oral baclofen started, seen in clinic today';
  await dialog.getByLabel(/^Note/).fill(note);
  const [answer] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/api/flags/acknowledge') && r.request().method() === 'POST'),
    dialog.getByRole('button', { name: 'Acknowledge 2 flags' }).click(),
  ]);
  expect(answer.status()).toBe(200);
  await expect(dialog).toBeHidden();
  // Acknowledged flags leave the open list.
  for (const name of names) await expect(page.getByRole('link', { name })).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/e2e-flags-in-bulk.png`, fullPage: true });

  await signIn.signOut();
  await signIn.signIn(DEMO.northsideAdmin);
  await page.goto('/audit?action=flag.acknowledge');
  await expect(page.getByRole('table', { name: 'Audit events' }).getByText(note)).toHaveCount(2);
});
