import { EMERGENCY_CARD_TEXT } from '@itb/contracts';
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

describe('EmergencyCardSheet', () => {
  it('puts who, which pump, the drug, dose with units, alarm date and the clinic to call on the front', () => {
    renderWithProviders(<EmergencyCardSheet card={emergencyCard()} />);
    const front = screen.getByTestId('card-front');
    expect(within(screen.getByRole('region', { name: 'Front' })).getByTestId('card-front')).toBe(front);
    expect(within(front).getByText('Anna Smith')).toBeTruthy();
    expect(facts(front)).toEqual({
      Born: '5 Mar 1978',
      Pump: 'SynchroMed II 20 mL',
      'Serial no.': 'NGP204518H',
      Drug: 'Lioresal Intrathecal, 2,000 mcg/mL',
      'Daily dose': '412.5 mcg/day',
      'Low-reservoir alarm': '14 Feb 2027',
    });
    expect(within(front).getByText('Northside Pump Clinic')).toBeTruthy();
    expect(within(front).getByText('+44 20 7946 0999')).toBeTruthy();
    expect(screen.queryByText('The clinic has no emergency phone number')).toBeNull();
  });

  it('puts the withdrawal signs, what to do, the oral back-up and the printed date on the back', () => {
    renderWithProviders(<EmergencyCardSheet card={emergencyCard()} />);
    const back = within(screen.getByRole('region', { name: 'Back' })).getByTestId('card-back');
    for (const text of Object.values(EMERGENCY_CARD_TEXT)) expect(within(back).getByText(text)).toBeTruthy();
    expect(back.textContent).toContain('Oral baclofen back-up at home: 60 mg/day');
    expect(within(back).getByText('Printed 23 Nov 2026')).toBeTruthy();
  });

  it('leaves the oral back-up off when there is none, and says when the clinic has no emergency phone', () => {
    renderWithProviders(
      <EmergencyCardSheet card={emergencyCard({ oralBaclofenBackupMgPerDay: null, emergencyPhone: null })} />,
    );
    expect(screen.getByTestId('card-back').textContent).not.toContain('Oral baclofen');
    expect(within(screen.getByTestId('card-front')).getByText('See clinic letter')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('The clinic has no emergency phone number');
  });
});
