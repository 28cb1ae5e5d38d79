import { describe, expect, it } from '@jest/globals';
import type { FillWorksheet, RefillWorksheet } from '@itb/contracts';
import { PDFParse } from 'pdf-parse';
import { fillWorksheetPdf } from './fill-worksheet.pdf.js';
import { refillWorksheetPdf } from './refill-worksheet.pdf.js';

async function read(bytes: Uint8Array): Promise<{ text: string; pages: number }> {
  const parser = new PDFParse({ data: bytes });
  const { text, total } = await parser.getText();
  await parser.destroy();
  return { text: text.replace(/\s+/g, ' '), pages: total };
}

const patient = {
  id: '3c2d1e0f-0000-4000-8000-000000000042',
  name: 'Maximiliana Featherstonehaugh-Worthington',
  mrn: 'MRN-0000000000000000000042',
  birthDate: '1958-03-05',
};
const pump = {
  id: '3c2d1e0f-0000-4000-8000-0000000000aa',
  modelLabel: 'Prometra II 40 mL',
  serialNumber: 'PRO-0000000000000042',
  reservoirMl: 40,
  alarmMl: 3,
  catheterTipLevel: 'T10, tip confirmed on fluoroscopy',
};
/** The longest drug name the contract takes: 100 characters. */
const DRUG = 'Baclofen intrathecal (compounded, preservative-free) — pharmacy batch for this patient, do not remix';

/** The longest record there can be: every optional row, a found-dry pump, a mix, and 2,000 characters of notes. */
const longest: FillWorksheet = {
  patient,
  pump,
  // The longest clinic name the settings take: 120 characters.
  clinicName:
    'Northside Intrathecal Baclofen, Spasticity Management and Neuromodulation Clinic, Department of Rehabilitation Medicine'.padEnd(
      120,
      '.',
    ),
  timeZone: 'Europe/London',
  fillId: '3c2d1e0f-0000-4000-8000-0000000000f2',
  performedAt: '2026-10-01T09:30:00.000Z',
  found: {
    expectedResidualMl: 14,
    residualWithdrawnMl: 0,
    leftInReservoirMl: 2,
    residualFoundMl: 2,
    patientBolusesDeliveredMl: 1.25,
    discrepancyMl: -12,
    deliveryErrorPct: 200,
    isDiscrepant: true,
    emptySince: '2026-09-30T23:00:00.000Z',
  },
  previous: { concentrationMcgPerMl: 1000, dailyDoseMcg: 500 },
  done: {
    volumeAddedMl: 38,
    reservoirVolumeAfterMl: 40,
    drugProduct: DRUG,
    concentrationMcgPerMl: 2000,
    lotNumber: `LOT-${'0'.repeat(34)}42`,
    lotExpiresOn: '2027-06-30',
    dailyDoseMcg: 520.5,
    mode: 'simple',
    patientBolusMcgPerDay: 100,
    mixedConcentrationMcgPerMl: 1950,
    realDailyDoseMcg: 507.5,
    bridgeBolusGiven: true,
    primingBolusGiven: true,
    notes: `${'Pocket checked, no swelling or redness; catheter access port aspirated clear. '.repeat(26)}`.slice(
      0,
      2000,
    ),
  },
  result: { alarmAt: '2026-12-12T09:30:00.000Z', emptyAt: '2026-12-20T09:30:00.000Z', refillBy: '2026-12-07' },
  signedBy: { name: 'Dr Amara Okafor-Featherstonehaugh', role: 'specialist', recordedAt: '2026-10-01T09:42:00.000Z' },
};

describe('refill worksheet PDFs', () => {
  it('tests the longest names the contracts take', () => {
    expect(DRUG).toHaveLength(100);
    expect(longest.clinicName).toHaveLength(120);
  });

  it('keeps the longest refill record on one A4 page, cutting the notes to what fits and saying so', async () => {
    const bytes = await fillWorksheetPdf(longest);
    const { text, pages } = await read(bytes);
    expect(pages).toBe(1);
    expect(text).toContain('(continued in the record)');
    expect(text).toContain('Found dry since 1 Oct 2026, 00:00 BST');
    expect(text).toContain('Mixed 1,950 mcg/mL');
    expect(text).toContain('Real dose 507.5 mcg/day');
    expect(text).toContain('Daily dose 520.5 mcg/day (was 500)');
    expect(text).toContain('Concentration 2,000 mcg/mL (was 1,000)');
    expect(text).toContain('Bridge bolus given');
    // A 40-character lot number with no space breaks inside its column rather than running off the page.
    expect(text).toMatch(/Lot number LOT-0+ \S*42/);
    expect(text).toContain('Signed: Dr Amara Okafor-Featherstonehaugh, Specialist, 1 Oct 2026, 10:42 BST');
    // A long name wraps, never cut; text outside WinAnsi (the em dash) is written in its nearest form.
    expect(text).toContain(`Drug ${DRUG.replace('—', '-')}`);
  });

  it('prints a long worksheet on one page with the bolus allowance and its units', async () => {
    const sheet: RefillWorksheet = {
      patient,
      pump,
      clinicName: longest.clinicName,
      timeZone: 'America/Chicago',
      preparedAt: '2026-10-01T15:00:00.000Z',
      current: {
        fillId: longest.fillId,
        filledAt: '2026-09-01T15:00:00.000Z',
        reservoirVolumeAfterMl: 40,
        drugProduct: DRUG,
        concentrationMcgPerMl: 2000,
        lotNumber: longest.done.lotNumber,
        programmedDailyDoseMcg: 400,
        programmedDailyVolumeMl: 0.2,
        patientBolusMcgPerDay: 100,
        alarmAt: '2027-03-01T15:00:00.000Z',
        refillBy: '2027-02-24',
      },
      expectedResidualMl: 34,
      plannedVolumeMl: 40,
      settings: {
        reservoirVolumeMl: 40,
        drugProduct: DRUG,
        concentrationMcgPerMl: 2000,
        dailyDoseMcg: 400,
        mode: 'simple',
        patientBolusMcgPerDay: 100,
        lowReservoirAlarmMl: 3,
      },
      afterRefill: {
        volumeNowMl: 40,
        dailyVolumeMl: 0.25,
        alarmAt: '2027-03-30T15:00:00.000Z',
        emptyAt: '2027-04-11T15:00:00.000Z',
        refillBy: '2027-03-25',
        daysToAlarm: 148,
        isRefillByStabilityCapped: false,
      },
    };
    const { text, pages } = await read(await refillWorksheetPdf(sheet));
    expect(pages).toBe(1);
    expect(text).toContain('prepared 1 Oct 2026, 10:00 CDT');
    expect(text).toContain('Bolus allowance 100 mcg/day');
    expect(text).toContain('Days to alarm 148 days');
    expect(text).toContain(`Drug ${DRUG.replace('—', '-')}`);
  });
});
