import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { PDFParse } from 'pdf-parse';
import { expectNoSeriousAxeViolations } from '../fixtures/axe.js';
import { localDate, ml } from '../fixtures/clinic-format.js';
import { DEMO } from '../fixtures/demo-users.js';
import { seedPatientWithPump } from '../fixtures/seed-pump.js';
import { expect, test } from '../fixtures/test.js';
import { RefillFormPage } from '../pages/refill-form.page.js';
import { SignInPage } from '../pages/sign-in.page.js';

const SHOTS = process.env.SHOTS_DIR ?? '/tmp/shots-sheet';

interface Worksheet {
  patient: { mrn: string };
  expectedResidualMl: number;
  plannedVolumeMl: number;
  settings: { dailyDoseMcg: number };
  afterRefill: { refillBy: string };
}

/** Clicks the screen's "Download PDF" and reads the file the browser saved: its text and its page count. */
async function downloadPdf(page: Page): Promise<{ text: string; pages: number; isPdf: boolean }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download PDF' }).click(),
  ]);
  const bytes = readFileSync(await download.path());
  const parser = new PDFParse({ data: new Uint8Array(bytes) });
  const { text, total } = await parser.getText();
  await parser.destroy();
  return { text: text.replace(/\s+/g, ' '), pages: total, isPdf: bytes.subarray(0, 5).toString() === '%PDF-' };
}

/** The sheet as the browser prints it (print CSS, A4), kept beside the screenshots: how many pages it takes. */
async function printedPages(page: Page, name: string): Promise<number> {
  const parser = new PDFParse({
    data: new Uint8Array(await page.pdf({ path: `${SHOTS}/${name}.pdf`, preferCSSPageSize: true })),
  });
  const { total } = await parser.getText();
  await parser.destroy();
  return total;
}

test('a nurse prints the refill worksheet, records the refill, prints its signed record; the admin sees both exports', async ({
  page,
}) => {
  test.setTimeout(90_000);
  mkdirSync(SHOTS, { recursive: true });
  const signIn = new SignInPage(page);
  await signIn.signIn(DEMO.northsideNurse);
  // 30 days at 0.2 mL/day from 20 mL: 20 − 6 = 14 mL expected now, 20 mL to put in (the reservoir full).
  const { patientId, pumpId, familyName } = await seedPatientWithPump(page.request, 30);
  await page.goto(`/patients/${patientId}`);
  await expect(page.getByRole('heading', { name: new RegExp(familyName) })).toBeVisible();

  // 1. Before: the worksheet from the pump card, its numbers the API's.
  await page.getByRole('link', { name: 'Refill worksheet' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Refill worksheet' })).toBeVisible();
  const sheet = page.getByRole('article', { name: 'Refill worksheet' });
  await expect(sheet).toBeVisible();
  const api = (await (await page.request.get(`/api/pumps/${pumpId}/refill-worksheet`)).json()) as Worksheet;
  expect(api.expectedResidualMl).toBe(14);
  expect(api.plannedVolumeMl).toBe(20);
  const refill = sheet.getByRole('region', { name: 'The refill' });
  await expect(refill).toContainText(`Expected residual${ml(api.expectedResidualMl)}`);
  await expect(refill).toContainText('Volume to fill20 mL (to full)');
  const settings = sheet.getByRole('region', { name: 'Settings to key into the programmer' });
  await expect(settings).toContainText('Daily dose400 mcg/day');
  await expect(settings).toContainText('Concentration2,000 mcg/mL');
  await expect(sheet).toContainText(`MRN ${api.patient.mrn}`);
  await expect(sheet).toContainText(localDate(api.afterRefill.refillBy));
  await expectNoSeriousAxeViolations(page, 'the refill worksheet');
  await page.screenshot({ path: `${SHOTS}/worksheet-desktop.png`, fullPage: true });
  expect(await printedPages(page, 'worksheet-printed')).toBe(1);
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: `${SHOTS}/worksheet-print.png`, fullPage: true });
  await page.emulateMedia({ media: null });

  await page.setViewportSize({ width: 390, height: 844 });
  await expect(sheet).toBeVisible();
  await expect.poll(() => page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
  await page.screenshot({ path: `${SHOTS}/worksheet-390.png`, fullPage: true });
  // The phone prints the same one A4 page.
  expect(await printedPages(page, 'worksheet-printed-390')).toBe(1);
  await page.setViewportSize({ width: 1280, height: 900 });

  const before = await downloadPdf(page);
  expect(before.isPdf).toBe(true);
  expect(before.pages).toBe(1);
  expect(before.text).toContain(`MRN ${api.patient.mrn}`);
  expect(before.text).toContain('Expected residual 14 mL');
  expect(before.text).toContain('Volume to fill 20 mL (to full)');

  // 2. The refill, recorded as the worksheet planned it.
  await page.getByRole('link', { name: 'Back to patient' }).click();
  const form = new RefillFormPage(page);
  await form.open();
  await form.enter({
    residualWithdrawnMl: '13.9',
    volumeAddedMl: '20',
    lotNumber: 'E2E-SHEET-1',
    lotExpiresOn: '2030-06-30',
  });
  await form.expectServerConfirmed();
  await form.save();
  await expect(page).toHaveURL(new RegExp(`/patients/${patientId}$`));

  // 3. After: the refill's record from the patient's history, signed by the nurse.
  const history = page.getByRole('list', { name: 'History' });
  const worksheetLinks = history.getByRole('link', { name: /^Worksheet of the refill on / });
  await expect(worksheetLinks).toHaveCount(1);
  await worksheetLinks.first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/patient-history-link.png` });
  await worksheetLinks.first().click();
  const record = page.getByRole('article', { name: 'Refill record' });
  await expect(record).toBeVisible();
  await expect(record.getByRole('region', { name: 'What was done' })).toContainText('Lot numberE2E-SHEET-1');
  await expect(record.getByRole('region', { name: 'Recorded' })).toContainText('Signed: Nurse Tom Hughes, Nurse,');
  await expectNoSeriousAxeViolations(page, 'the refill record');
  await page.screenshot({ path: `${SHOTS}/record-desktop.png`, fullPage: true });
  expect(await printedPages(page, 'record-printed')).toBe(1);
  const after = await downloadPdf(page);
  expect(after.isPdf && after.pages === 1).toBe(true);
  expect(after.text).toContain(`MRN ${api.patient.mrn}`);
  expect(after.text).toContain('Lot number E2E-SHEET-1');
  expect(after.text).toContain('Signed: Nurse Tom Hughes, Nurse,');

  // 4. The administrator finds both exports in the audit log.
  await signIn.signOut();
  await signIn.signIn(DEMO.northsideAdmin);
  await page.goto(`/audit?patientId=${patientId}`);
  const log = page.getByRole('table', { name: 'Audit events' });
  await expect(log.getByText('Refill worksheet downloaded (PDF)')).toBeVisible();
  await expect(log.getByText('Refill record downloaded (PDF)')).toBeVisible();
  await expect(log.getByText('Refill recorded')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/audit-exports.png`, fullPage: true });
});
