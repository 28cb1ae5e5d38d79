import { EMERGENCY_CARD_TEXT, MRI_INSTRUCTIONS } from '@itb/contracts';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../../test-utils';
import { emergencyCard } from '../testing/emergency-card.fixture';
import { EmergencyCardSheet } from './emergency-card-sheet';

/** The card's facts as term → value, read from its description list. */
function facts(side: HTMLElement): Record<string, string> {
  const terms = side.querySelectorAll('dt');
  return Object.fromEntries([...terms].map((dt) => [dt.textContent, dt.nextElementSibling?.textContent ?? '']));
}

const backLines = () =>
  [...screen.getByTestId('card-back').querySelectorAll('p')].map((p) => [p.dataset.line, p.textContent]);

describe('EmergencyCardSheet', () => {
  it('puts who, the age band, which pump and where its catheter ends, the drug, dose, alarm and refill-by dates and the 24-hour number on the front', () => {
    renderWithProviders(<EmergencyCardSheet card={emergencyCard()} />);
    const front = screen.getByTestId('card-front');
    expect(within(screen.getByRole('region', { name: 'Front' })).getByTestId('card-front')).toBe(front);
    expect(within(front).getByText('Anna Smith')).toBeTruthy();
    expect(facts(front)).toEqual({
      Born: '5 Mar 1958 · Over 65',
      Pump: 'SynchroMed II 20 mL, serial NGP204518H',
      'Catheter tip': 'T10',
      Drug: 'Lioresal Intrathecal, 2,000 mcg/mL',
      'Daily dose': '412.5 mcg/day',
      'Alarm date': '14 Feb 2027',
      'Refill by': '9 Feb 2027',
    });
    expect(within(front).getByText('Northside Pump Clinic')).toBeTruthy();
    expect(front.textContent).toContain('24-hour +44 20 7946 0999');
  });

  it('puts withdrawal and overdose signs with what to do, cautions, medicines, the back-up and the MRI rule on the back', () => {
    renderWithProviders(<EmergencyCardSheet card={emergencyCard()} />);
    expect(backLines()).toEqual([
      ['heading', EMERGENCY_CARD_TEXT.heading],
      ['withdrawalSigns', EMERGENCY_CARD_TEXT.withdrawalSigns],
      ['withdrawalAction', EMERGENCY_CARD_TEXT.withdrawalAction],
      ['overdoseSigns', EMERGENCY_CARD_TEXT.overdoseSigns],
      ['overdoseAction', EMERGENCY_CARD_TEXT.overdoseAction],
      ['cautions', 'Cautions: Epilepsy, Breastfeeding. Age: Over 65.'],
      ['interactingMedicines', 'Interacting medicines (add sedation): Opioids, Sleep medicines.'],
      [
        'oralBackup',
        'Oral baclofen back-up at home: 60 mg/day - take as prescribed if withdrawal signs start; it may not be enough on its own.',
      ],
      ['mri', MRI_INSTRUCTIONS.synchromed],
    ]);
    expect(within(screen.getByTestId('card-back')).getByText('Printed 23 Nov 2026')).toBeTruthy();
  });

  it('leaves the oral back-up line off when there is none, and says so when nothing is recorded', () => {
    renderWithProviders(
      <EmergencyCardSheet
        card={emergencyCard({
          oralBaclofenBackupMgPerDay: null,
          cautions: [],
          interactingMedicines: [],
          ageBand: 'child',
          catheterTipLevel: null,
        })}
      />,
    );
    const back = screen.getByTestId('card-back').textContent ?? '';
    expect(back).not.toContain('Oral baclofen');
    expect(back).toContain('Cautions: none recorded. Age: Child (under 18).');
    expect(back).toContain('Interacting medicines (add sedation): none recorded.');
    expect(facts(screen.getByTestId('card-front'))['Catheter tip']).toBe('not recorded');
    expect(document.body.textContent?.toLowerCase()).not.toContain('clinic letter');
  });
});
