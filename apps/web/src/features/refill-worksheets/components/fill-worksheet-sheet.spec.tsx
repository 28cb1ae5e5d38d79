import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../../test-utils';
import { fillWorksheet } from '../testing/worksheet.fixture';
import { FillWorksheetSheet } from './fill-worksheet-sheet';

function facts(sectionName: string): Record<string, string> {
  const section = screen.getByRole('region', { name: sectionName });
  return Object.fromEntries(
    [...section.querySelectorAll('dt')].map((dt) => [dt.textContent, dt.nextElementSibling?.textContent ?? '']),
  );
}

describe('FillWorksheetSheet', () => {
  it('shows what was found against what was expected, the discrepancy as a warning in words and colour', () => {
    renderWithProviders(<FillWorksheetSheet sheet={fillWorksheet()} />);
    expect(facts('What was found')).toEqual({
      'Expected residual': '14 mL',
      'Residual found': '12.5 mL',
      Withdrawn: '12.5 mL',
      'Left in reservoir': '0 mL',
      Discrepancy: '-1.5 mL – investigate',
      'Delivery error': '+25%',
      'Patient boluses': 'not reported',
    });
    const discrepancy = screen.getByText('-1.5 mL – investigate').parentElement!;
    expect(discrepancy.className).toMatch(/warning/);
  });

  it('shows what was done with the dose it replaced, the notes, the new dates and who signed it when', () => {
    renderWithProviders(<FillWorksheetSheet sheet={fillWorksheet()} />);
    expect(facts('What was done')).toEqual({
      'Volume added': '20 mL',
      'Volume after': '20 mL',
      Drug: 'Lioresal Intrathecal',
      Concentration: '2,000 mcg/mL',
      'Lot number': 'LOT-777',
      'Lot expiry': '30 Jun 2027',
      'Daily dose': '500 mcg/day (was 400 mcg/day)',
      Mode: 'Simple continuous',
      'Bolus allowance': 'none',
    });
    expect(screen.getByText(/Pocket checked\.\s+No swelling\./)).toBeTruthy();
    expect(facts('New projection')).toEqual({
      Alarm: '12 Dec 2026, 09:30 GMT',
      Empty: '20 Dec 2026, 09:30 GMT',
      'Refill by': '7 Dec 2026',
    });
    const recorded = screen.getByRole('region', { name: 'Recorded' });
    // Recorded at 09:42 UTC on 1 Oct: 10:42 BST.
    expect(within(recorded).getByText('Signed: Tom Hughes, Nurse, 1 Oct 2026, 10:42 BST')).toBeTruthy();
  });

  it('adds the mix and the real dose after a concentration change, the bolus answers and a dry pump', () => {
    const sheet = fillWorksheet();
    renderWithProviders(
      <FillWorksheetSheet
        sheet={{
          ...sheet,
          found: { ...sheet.found, isDiscrepant: false, discrepancyMl: 0.2, emptySince: '2026-09-30T23:00:00.000Z' },
          previous: { concentrationMcgPerMl: 1000, dailyDoseMcg: 500 },
          done: {
            ...sheet.done,
            notes: null,
            // 2 mL of 1000 left, 18 mL of 2000 added: (2 × 1000 + 18 × 2000) / 20 = 1900 mcg/mL;
            // the real dose is 500 × 1900 / 2000 = 475 mcg/day.
            volumeAddedMl: 18,
            reservoirVolumeAfterMl: 20,
            mixedConcentrationMcgPerMl: 1900,
            realDailyDoseMcg: 475,
            bridgeBolusGiven: false,
            primingBolusGiven: true,
          },
        }}
      />,
    );
    expect(facts('What was found')).toMatchObject({
      Discrepancy: '+0.2 mL',
      'Found dry since': '1 Oct 2026, 00:00 BST',
    });
    expect(facts('What was done')).toMatchObject({
      Concentration: '2,000 mcg/mL (was 1,000 mcg/mL)',
      'Daily dose': '500 mcg/day',
      Mixed: '1,900 mcg/mL',
      'Real dose': '475 mcg/day',
      'Bridge bolus': 'none given',
      'Priming bolus': 'given',
    });
    expect(screen.queryByRole('region', { name: 'Notes' })).toBeNull();
  });
});
