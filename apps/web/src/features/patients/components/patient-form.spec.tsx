import type { PatientResponse } from '@itb/contracts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../test-utils';
import { PatientForm } from './patient-form';
import { PatientSafetyPanel } from './patient-safety-panel';

const PATIENT: PatientResponse = {
  id: '3c2d1e0f-0000-4000-8000-000000000077',
  mrn: 'NS-010077',
  givenName: 'Anna',
  familyName: 'Smith',
  birthDate: '1958-03-05',
  status: 'active',
  diagnosis: 'stroke',
  isHighRisk: false,
  sex: 'female',
  spasticityOrigin: 'cerebral',
  riskFactors: [],
  cautions: ['stroke_history', 'hypersensitivity'],
  interactingMedicines: ['opioids'],
  ageBand: 'age_over_65',
  oralBaclofenBackupMgPerDay: 60,
  primarySpecialistId: null,
  primarySpecialistName: null,
  phone: null,
  emergencyContact: null,
  notes: null,
  email: null,
  postalAddress: null,
  reminderChannel: 'letter',
  remindersOptedOutAt: null,
  remindersOptedOutByName: null,
  version: 4,
  createdAt: '2026-11-23T09:49:00.000Z',
  activePump: null,
};

function stubPatch() {
  const bodies: unknown[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn<typeof fetch>(async (_input, init) => {
      if (init?.method === 'PATCH') bodies.push(JSON.parse(String(init.body)));
      return new Response(JSON.stringify({ ...PATIENT, version: 5 }), {
        status: 200,
        headers: { 'Content-Type': 'application/json' },
      });
    }),
  );
  return bodies;
}

const box = (name: string) => screen.getByRole('checkbox', { name }) as HTMLInputElement;

// The whole form renders three cards of fields: slower than the 5 s default on a shared 2-core machine.
describe('PatientForm', { timeout: 20_000 }, () => {
  afterEach(() => vi.unstubAllGlobals());

  it('offers the six cautions and the eight interacting medicines, and no age tick box', () => {
    renderWithProviders(<PatientForm timeZone="Europe/London" specialists={[]} onSaved={vi.fn()} onCancel={vi.fn()} />);
    const cautions = within(screen.getByRole('group', { name: 'Cautions' })).getAllByRole('checkbox');
    expect(cautions.map((c) => c.getAttribute('value'))).toEqual([
      'renal_impairment',
      'epilepsy',
      'pregnancy',
      'breastfeeding',
      'stroke_history',
      'hypersensitivity',
    ]);
    const medicines = within(screen.getByRole('group', { name: 'Interacting medicines' })).getAllByRole('checkbox');
    expect(medicines).toHaveLength(8);
    expect(screen.queryByRole('checkbox', { name: /over 65/i })).toBeNull();
    expect(screen.getByText(/age band \(child under 18, over 65\) is worked out from it/)).toBeTruthy();
  });

  it('warns, without refusing, when the oral back-up is above 80 mg/day', async () => {
    renderWithProviders(<PatientForm timeZone="Europe/London" specialists={[]} onSaved={vi.fn()} onCancel={vi.fn()} />);
    const input = screen.getByLabelText(/Oral baclofen back-up/);
    fireEvent.change(input, { target: { value: '80' } });
    expect(screen.queryByText(/Above the usual oral maximum/)).toBeNull();
    fireEvent.change(input, { target: { value: '90' } });
    expect(await screen.findByText(/Above the usual oral maximum of 80 mg\/day/)).toBeTruthy();
  });

  it('edits a patient from what is stored and saves with its version', async () => {
    const bodies = stubPatch();
    const onSaved = vi.fn();
    renderWithProviders(
      <PatientForm timeZone="Europe/London" patient={PATIENT} specialists={[]} onSaved={onSaved} onCancel={vi.fn()} />,
    );
    expect(box('History of stroke').checked).toBe(true);
    expect(box('Hypersensitivity to baclofen').checked).toBe(true);
    expect(box('Opioids').checked).toBe(true);
    fireEvent.click(box('Breastfeeding'));
    fireEvent.click(box('Opioids'));
    fireEvent.click(box('Tizanidine'));
    // An edit says why, for the audit log.
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('Required')).toBeTruthy();
    expect(bodies).toHaveLength(0);
    fireEvent.change(screen.getByLabelText(/^Reason for the change/), {
      target: { value: 'Breastfeeding; started tizanidine, stopped opioids' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(bodies[0]).toMatchObject({
      version: 4,
      reason: 'Breastfeeding; started tizanidine, stopped opioids',
      cautions: ['breastfeeding', 'stroke_history', 'hypersensitivity'], // in the list's order
      interactingMedicines: ['tizanidine'],
      oralBaclofenBackupMgPerDay: 60,
      phone: null,
    });
  });
});

describe('PatientSafetyPanel', () => {
  it('shows cautions, interacting medicines, the derived age band and the oral back-up with its warning', () => {
    renderWithProviders(<PatientSafetyPanel patient={{ ...PATIENT, oralBaclofenBackupMgPerDay: 100 }} />);
    expect(screen.getByText('History of stroke')).toBeTruthy();
    expect(screen.getByText('Hypersensitivity to baclofen')).toBeTruthy();
    expect(screen.getByText('Opioids')).toBeTruthy();
    expect(screen.getByTestId('age-band').textContent).toBe('Over 65');
    expect(screen.getByText('100 mg/day')).toBeTruthy();
    expect(screen.getByText(/Above the usual 80 mg\/day maximum/)).toBeTruthy();
  });

  it('says none recorded, an adult band, and no warning at or under 80 mg/day', () => {
    renderWithProviders(
      <PatientSafetyPanel
        patient={{ ...PATIENT, cautions: [], interactingMedicines: [], ageBand: null, oralBaclofenBackupMgPerDay: 80 }}
      />,
    );
    expect(screen.getAllByText('None recorded')).toHaveLength(2);
    expect(screen.getByTestId('age-band').textContent).toBe('Adult (18-64)');
    expect(screen.queryByText(/Above the usual/)).toBeNull();
  });
});
