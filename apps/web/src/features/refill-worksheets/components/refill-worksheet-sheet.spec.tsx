import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../../test-utils';
import { refillWorksheet } from '../testing/worksheet.fixture';
import { RefillWorksheetSheet } from './refill-worksheet-sheet';

/** One section's facts as label → value, read from its description list. */
function facts(sectionName: string): Record<string, string> {
  const section = screen.getByRole('region', { name: sectionName });
  return Object.fromEntries(
    [...section.querySelectorAll('dt')].map((dt) => [dt.textContent, dt.nextElementSibling?.textContent ?? '']),
  );
}

describe('RefillWorksheetSheet', () => {
  it('heads the sheet with the clinic, the time it was prepared on the clinic clock, and who it is for', () => {
    renderWithProviders(<RefillWorksheetSheet sheet={refillWorksheet()} />);
    const sheet = screen.getByRole('article', { name: 'Refill worksheet' });
    expect(within(sheet).getByRole('heading', { level: 2 }).textContent).toBe('Refill worksheet – before the refill');
    // 10:00 UTC on 1 Oct is 11:00 BST in London.
    expect(within(sheet).getByText('Northside ITB Clinic · prepared 1 Oct 2026, 11:00 BST')).toBeTruthy();
    expect(within(sheet).getByText('Anna Smith · MRN MRN-10042 · born 5 Mar 1958')).toBeTruthy();
  });

  it("prints the API's numbers with their units: now, the refill, the settings to key in and the new dates", () => {
    renderWithProviders(<RefillWorksheetSheet sheet={refillWorksheet()} />);
    expect(facts('Pump')).toEqual({
      Model: 'SynchroMed II 20 mL',
      'Serial number': 'NGP204518H',
      Reservoir: '20 mL',
      'Low-reservoir alarm': '2 mL',
      'Catheter tip': 'T10',
    });
    expect(facts('In the pump now')).toMatchObject({
      Concentration: '2,000 mcg/mL',
      'Programmed dose': '400 mcg/day',
      Delivers: '0.2 mL/day',
      'Bolus allowance': 'none',
      Filled: '1 Sept 2026, 11:00 BST',
      Alarm: '30 Nov 2026, 10:00 GMT',
      'Refill by': '25 Nov 2026',
    });
    expect(facts('The refill')).toEqual({ 'Expected residual': '14 mL', 'Volume to fill': '20 mL (to full)' });
    expect(facts('Settings to key into the programmer')).toEqual({
      'Reservoir volume': '20 mL',
      Drug: 'Lioresal Intrathecal',
      Concentration: '2,000 mcg/mL',
      'Daily dose': '400 mcg/day',
      Mode: 'Simple continuous',
      'Bolus allowance': 'none',
      'Low-reservoir alarm': '2 mL',
    });
    expect(facts('Refilled as planned now')).toEqual({
      'New alarm': '30 Dec 2026, 10:00 GMT',
      Empty: '9 Jan 2027, 10:00 GMT',
      'New refill by': '25 Dec 2026',
      'Days to alarm': '90 days',
    });
  });

  it('gives a bolus allowance its units, and leaves lines to write in with their units and signatures', () => {
    const sheet = refillWorksheet();
    renderWithProviders(
      <RefillWorksheetSheet sheet={{ ...sheet, settings: { ...sheet.settings, patientBolusMcgPerDay: 50 } }} />,
    );
    expect(facts('Settings to key into the programmer')['Bolus allowance']).toBe('50 mcg/day');
    const writeIns = screen.getByRole('region', { name: 'Found and done (write in)' });
    const lines = within(writeIns)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(lines).toEqual(
      expect.arrayContaining([
        'Residual withdrawnmL(to write in)',
        'Concentrationmcg/mL(to write in)',
        'New daily dosemcg/day(to write in)',
        'Lot number(to write in)',
        'Signature and time(to sign)',
      ]),
    );
  });
});
