import { mkdirSync } from 'node:fs';
import ICAL from 'ical.js';
import { expect, test } from '../fixtures/test.js';
import { expectNoSeriousAxeViolations } from '../fixtures/axe.js';
import { DEMO } from '../fixtures/demo-users.js';
import { tabTo } from '../fixtures/keyboard.js';
import { seedPatientWithPump } from '../fixtures/seed-pump.js';
import { SignInPage } from '../pages/sign-in.page.js';

const SHOTS = process.env.SHOTS_DIR ?? '/tmp/shots-calendar-feed';
const DESK = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

test('a specialist subscribes to their own appointments, a calendar app reads the booking, and a revoked address answers 404', async ({
  page,
  request,
}) => {
  mkdirSync(SHOTS, { recursive: true });
  await page.setViewportSize(DESK);
  await new SignInPage(page).signIn(DEMO.northsideSpecialist);

  // A booking of this specialist's, two days ahead on the hour, made through the API with the session.
  const me = (await (await page.request.get('/api/auth/me')).json()) as { id: string };
  const patient = await seedPatientWithPump(page.request, 10);
  const startsAt = new Date(Date.now() + 2 * 86_400_000);
  startsAt.setUTCMinutes(0, 0, 0);
  const booked = await page.request.post('/api/appointments', {
    data: { patientId: patient.patientId, type: 'dose_review', startsAt: startsAt.toISOString(), clinicianId: me.id },
  });
  expect(booked.status()).toBe(201);
  const appointment = (await booked.json()) as { id: string; mrn: string };

  // The account page: no address yet; the card is reached with the keyboard.
  await page.getByRole('link', { name: 'Your account' }).click();
  const card = page.locator('.mantine-Card-root').filter({ has: page.getByRole('heading', { name: 'Calendar feed' }) });
  await expect(card.getByText('You have no calendar address.')).toBeVisible();
  await card.getByRole('radio', { name: 'Only my appointments' }).check();
  const make = card.getByRole('button', { name: 'Make my calendar address' });
  await tabTo(page, make);
  await page.keyboard.press('Enter');

  const address = card.getByLabel('Your calendar address');
  await expect(card.getByText('Shown only now')).toBeVisible();
  const url = await address.inputValue();
  expect(url).toMatch(/\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
  await page.screenshot({ path: `${SHOTS}/address-desk.png`, fullPage: true });
  await expectNoSeriousAxeViolations(page, 'account with calendar address');
  await page.setViewportSize(PHONE);
  await expect(card.getByRole('button', { name: 'Copy address' })).toBeVisible();
  const box = await card.boundingBox();
  expect(box!.width).toBeLessThanOrEqual(PHONE.width);
  await page.screenshot({ path: `${SHOTS}/address-390.png`, fullPage: true });
  await page.setViewportSize(DESK);

  // A calendar app, which has no session, fetches the address.
  const feed = await request.get(url);
  expect(feed.status()).toBe(200);
  expect(feed.headers()['content-type']).toBe('text/calendar; charset=utf-8');
  const ics = await feed.text();
  const calendar = new ICAL.Component(ICAL.parse(ics));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  const event = calendar
    .getAllSubcomponents('vevent')
    .map((component) => new ICAL.Event(component))
    .find((e) => e.uid === `${appointment.id}@itb-clinic`);
  expect(event, 'the booked appointment is in the feed').toBeDefined();
  expect(event!.startDate.toJSDate().toISOString()).toBe(startsAt.toISOString());
  expect(event!.summary).toBe(`Dose review · I.${patient.familyName.charAt(0)}. · ${appointment.mrn}`);
  expect(ics).not.toContain(patient.familyName);

  // Done: the card shows the feed; revoking asks first.
  await card.getByRole('button', { name: 'Done' }).click();
  // The fetch above shows on the card: not "never".
  await expect(card.getByText(/last fetched by a calendar app \d/)).toBeVisible();
  await expect(card.getByRole('radio', { name: 'Only my appointments' })).toBeChecked();
  await page.setViewportSize(PHONE);
  await page.screenshot({ path: `${SHOTS}/feed-390.png`, fullPage: true });
  await page.setViewportSize(DESK);
  await page.screenshot({ path: `${SHOTS}/feed-desk.png`, fullPage: true });
  await card.getByRole('button', { name: 'Revoke' }).click();
  const dialog = page.getByRole('dialog', { name: 'Revoke your calendar feed?' });
  await expect(dialog).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/revoke-confirm-desk.png` });
  await dialog.getByRole('button', { name: 'Revoke the feed' }).click();
  await expect(dialog).toBeHidden();
  await expect(card.getByText('You have no calendar address.')).toBeVisible();

  const revoked = await request.get(url);
  expect(revoked.status()).toBe(404);
});
