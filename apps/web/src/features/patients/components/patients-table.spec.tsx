import type { PatientSummary } from '@itb/contracts';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../../test-utils';
import { PatientsTable } from './patients-table';

const patient = (overrides: Partial<PatientSummary>): PatientSummary => ({
  id: '7d0c2f1e-0000-4000-8000-000000000001',
  mrn: 'NS-1',
  givenName: 'Anna',
  familyName: 'Smith',
  birthDate: '1960-05-20',
  status: 'active',
  diagnosis: 'ms',
  isHighRisk: false,
  ...overrides,
});

describe('PatientsTable', () => {
  it('marks high-risk patients with a "High risk" badge in words, not colour alone', () => {
    renderWithProviders(
      <PatientsTable
        patients={[
          patient({}),
          patient({ id: '7d0c2f1e-0000-4000-8000-000000000002', mrn: 'NS-2', familyName: 'Jones', isHighRisk: true }),
        ]}
        getPatientHref={(id) => `/patients/${id}`}
      />,
    );
    const [, smithRow, jonesRow] = screen.getAllByRole('row');
    expect(within(smithRow!).queryByText('High risk')).toBeNull();
    expect(within(jonesRow!).getByText('High risk')).toBeTruthy();
  });

  it('shows name, birth date, diagnosis label and status, and links to the chart', () => {
    renderWithProviders(<PatientsTable patients={[patient({})]} getPatientHref={(id) => `/patients/${id}`} />);
    const link = screen.getByRole('link', { name: 'Smith, Anna' });
    expect(link.getAttribute('href')).toBe('/patients/7d0c2f1e-0000-4000-8000-000000000001');
    expect(screen.getByText('20 May 1960')).toBeTruthy();
    expect(screen.getByText('Multiple sclerosis')).toBeTruthy();
    expect(screen.getByText('Active')).toBeTruthy();
  });
});
